import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { timedNode, type ProcessRun } from "./measure";

export const REPO_ROOT = resolve(__dirname, "..");

/** cdktf.json's app command, which `cdktf synth` runs: the bench runs the same. */
export const APP_COMMAND = (JSON.parse(readFileSync(join(REPO_ROOT, "cdktf.json"), "utf8")) as { app: string }).app;

/** The app command's arguments to `node`. */
function appArguments(): string[] {
  const [command, ...args] = APP_COMMAND.split(" ");
  if (command !== "node") throw new Error(`cdktf.json's app is not a node command: ${APP_COMMAND}`);
  return args;
}

export interface SynthRun extends ProcessRun {
  /** The synthesized cdk.tf.json, when the run succeeded. */
  readonly stackJson?: string;
}

/**
 * Synthesizes one config exactly as `cdktf synth` does (cdktf.json's app command) in a fresh Node process,
 * into an emptied output directory. `nodeFlags` go before the app (e.g. --cpu-prof).
 */
export function synthesize(configFile: string, outDir: string, nodeFlags: readonly string[] = []): SynthRun {
  rmSync(outDir, { recursive: true, force: true });
  const run = timedNode([...nodeFlags, ...appArguments()], {
    cwd: REPO_ROOT,
    env: { ...process.env, FEDERATION_CONFIG: configFile, CDKTF_OUTDIR: outDir },
    scratch: `${outDir}.rss`,
  });
  if (run.exitCode !== 0) return run;
  const stacks = join(outDir, "stacks");
  const [stack] = existsSync(stacks) ? readdirSync(stacks) : [];
  return { ...run, stackJson: stack === undefined ? undefined : join(stacks, stack, "cdk.tf.json") };
}
