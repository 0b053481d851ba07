import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";

export interface ProcessRun {
  readonly wallMs: number;
  readonly exitCode: number;
  /** Peak resident set size of the measured process, when it was asked for and could be read. */
  readonly peakRssKb?: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs a command to completion and measures its wall time (process start to exit, as a user waits for it). */
export function timed(command: string, args: readonly string[], options: RunOptions = {}): ProcessRun {
  const start = performance.now();
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = performance.now() - start;
  if (result.error) throw result.error;
  return { wallMs, exitCode: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

const GNU_TIME = "/usr/bin/time";
/** Preloaded into the child when GNU time is missing: it writes the child's own peak RSS at exit. */
const RSS_REPORTER = resolve(__dirname, "report-max-rss.ts");

/** BENCH_NO_GNU_TIME=1 forces the fallback, to check it agrees with GNU time. */
function hasGnuTime(): boolean {
  if (process.env.BENCH_NO_GNU_TIME === "1") return false;
  try {
    accessSync(GNU_TIME, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `node <nodeArgs>` and measures its wall time and peak RSS: with GNU time (`%M`, the child's max RSS)
 * when installed, else with a preloaded module that reads `process.resourceUsage().maxRSS` at exit.
 */
export function timedNode(nodeArgs: readonly string[], options: RunOptions & { readonly scratch: string }): ProcessRun {
  mkdirSync(options.scratch, { recursive: true });
  const rssFile = join(options.scratch, "max-rss-kb");
  rmSync(rssFile, { force: true });
  const run = hasGnuTime()
    ? timed(GNU_TIME, ["-f", "%M", "-o", rssFile, process.execPath, ...nodeArgs], options)
    : // tsx first: the reporter is TypeScript too.
      timed(process.execPath, ["--require", "tsx/cjs", "--require", RSS_REPORTER, ...nodeArgs], {
        ...options,
        env: { ...(options.env ?? process.env), BENCH_RSS_FILE: rssFile },
      });
  return { ...run, peakRssKb: readRssKb(rssFile) };
}

function readRssKb(file: string): number | undefined {
  try {
    // GNU time adds a "Command exited with non-zero status" line before the number when the child fails.
    const last = readFileSync(file, "utf8").trim().split("\n").pop();
    const kb = Number(last);
    return Number.isFinite(kb) && kb > 0 ? kb : undefined;
  } catch {
    return undefined;
  }
}
