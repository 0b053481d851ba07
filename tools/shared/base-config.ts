import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { parse } from "yaml";
import { ConfigError } from "../../config/errors";
import { parseConfig } from "../../config/load";
import type { FederationConfig } from "../../config/types";

export interface ConfigText {
  readonly text: string;
  /** How the reader names it: a path, or `<ref>:<path>` for a git revision. */
  readonly source: string;
}

/** A git revision without the config file: the change adds it. */
export interface MissingConfig {
  readonly text: undefined;
  readonly source: string;
}

/**
 * The config a change is compared with: a file when `base` names one, otherwise the same config file at the git
 * revision `base` (`origin/main`), or `base` itself when it already says `<ref>:<path>`.
 */
export function readBaseConfig(base: string, configPath: string, cwd: string = process.cwd()): ConfigText {
  const found = readBaseConfigIfAny(base, configPath, cwd);
  if (found.text === undefined)
    throw baseError(base, configPath, found.source, "the file does not exist at that revision");
  return found;
}

/** As {@link readBaseConfig}, but a revision that exists without the file answers {@link MissingConfig}. */
export function readBaseConfigIfAny(
  base: string,
  configPath: string,
  cwd: string = process.cwd(),
): ConfigText | MissingConfig {
  if (isFile(resolve(cwd, base))) return { text: readFileSync(resolve(cwd, base), "utf8"), source: base };
  const { ref, spec, source } = baseRevision(base, configPath, cwd);
  try {
    return { text: git(cwd, "show", spec), source };
  } catch (error) {
    const failure = error as { code?: string; stderr?: string };
    if (failure.code !== "ENOENT" && isCommit(ref, cwd)) return { text: undefined, source };
    const reason =
      failure.code === "ENOENT"
        ? "git is not installed"
        : (failure.stderr ?? "").trim().split("\n")[0] || "git show failed";
    throw baseError(base, configPath, spec, reason);
  }
}

/** The revision and the config's path in it, as `git show` takes them and as the reader is shown them. */
export function baseRevision(
  base: string,
  configPath: string,
  cwd: string,
): { readonly ref: string; readonly spec: string; readonly source: string } {
  const path = isAbsolute(configPath) ? relative(cwd, configPath) : configPath;
  // `<ref>:./<path>` is resolved by git relative to cwd, so this works from any folder of the repository.
  if (base.includes(":")) return { ref: base.slice(0, base.indexOf(":")), spec: base, source: base };
  return { ref: base, spec: `${base}:./${path}`, source: `${base}:${path}` };
}

function isCommit(ref: string, cwd: string): boolean {
  try {
    git(cwd, "rev-parse", "--verify", "--quiet", `${ref}^{commit}`);
    return true;
  } catch {
    return false;
  }
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
}

function baseError(base: string, configPath: string, spec: string, reason: string): ConfigError {
  return new ConfigError(spec, [
    {
      path: "(base)",
      rule: `--base ${base} is neither a file nor a readable git revision of ${configPath} (${reason})`,
      fix: "fetch the base branch first (git fetch origin main) or pass the old config as a file",
    },
  ]);
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

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
