import { readFileSync, statSync } from "node:fs";
import { ConfigError, type ConfigProblem } from "./errors";

const FIX = "set FEDERATION_CONFIG to the platform's YAML file (examples/contoso.yaml shows one)";

/** The text of a config file; a path that is no readable text file is named for what it is. */
export function readConfigText(file: string): string {
  const problem = (rule: string, fix = FIX): ConfigError => new ConfigError(file, [{ path: "(file)", rule, fix }]);
  const unreadable = (error: unknown) =>
    problem(`cannot read the config file (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(file).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw problem("there is no file at this path");
    throw unreadable(error);
  }
  if (isDirectory) throw problem("this path is a directory, not a config file");
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw unreadable(error);
  }
  const text = utf8Text(bytes);
  if (text === undefined)
    throw problem(
      "the config file is binary, not YAML text",
      "point at the YAML file itself (not an archive, an image or an editor's swap file), saved as UTF-8",
    );
  return text;
}

/** The bytes as text, or undefined for a binary file: NUL never occurs in YAML, and binary data is not UTF-8. */
function utf8Text(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A config with nothing in it: the file was emptied, or never written. */
export function emptyText(text: string): ConfigProblem | undefined {
  if (text.trim() !== "") return undefined;
  return { path: "(file)", rule: "the config file is empty", fix: "start from examples/contoso.yaml" };
}
