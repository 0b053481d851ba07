import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { parse } from "yaml";
import { ConfigError } from "../config/errors";
import { parseConfig } from "../config/load";
import type { FederationConfig } from "../config/types";

export interface ConfigText {
  readonly text: string;
  /** How the reader names it: a path, or `<ref>:<path>` for a git revision. */
  readonly source: string;
}

/**
 * The config a change is compared with: a file when `base` names one, otherwise the same config file at the git
 * revision `base` (`origin/main`), or `base` itself when it already says `<ref>:<path>`.
 */
export function readBaseConfig(base: string, configPath: string, cwd: string = process.cwd()): ConfigText {
  if (isFile(resolve(cwd, base))) return { text: readFileSync(resolve(cwd, base), "utf8"), source: base };
  const path = isAbsolute(configPath) ? relative(cwd, configPath) : configPath;
  // `<ref>:./<path>` is resolved by git relative to cwd, so this works from any folder of the repository.
  const spec = base.includes(":") ? base : `${base}:./${path}`;
  try {
    const text = execFileSync("git", ["show", spec], {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
    return { text, source: base.includes(":") ? base : `${base}:${path}` };
  } catch (error) {
    const failure = error as { code?: string; stderr?: string };
    const reason =
      failure.code === "ENOENT"
        ? "git is not installed"
        : (failure.stderr ?? "").trim().split("\n")[0] || "git show failed";
    throw new ConfigError(spec, [
      {
        path: "(base)",
        rule: `--base ${base} is neither a file nor a readable git revision of ${path} (${reason})`,
        fix: "fetch the base branch first (git fetch origin main) or pass the old config as a file",
      },
    ]);
  }
}

/**
 * Loads the base config. The base is what is deployed: its certificate end date was checked when it was merged
 * and may have passed since. A pull request that rotates an expiring certificate is exactly when the diff runs,
 * so the base's date rules are checked at a moment when its own date was valid.
 */
export function parseBaseConfig(base: ConfigText): FederationConfig {
  return parseConfig(base.text, base.source, { now: momentItsCertificateWasValid(base.text) });
}

const DAY_MS = 24 * 60 * 60 * 1000;

function momentItsCertificateWasValid(text: string): Date | undefined {
  let end: unknown;
  try {
    end = (parse(text) as { identityProvider?: { entra?: { signingCertificateEndDate?: unknown } } } | null)
      ?.identityProvider?.entra?.signingCertificateEndDate;
  } catch {
    return undefined; // parseConfig reports the YAML problem itself.
  }
  const time = typeof end === "string" ? Date.parse(end) : NaN;
  return Number.isNaN(time) ? undefined : new Date(time - DAY_MS);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
