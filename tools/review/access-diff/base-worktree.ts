import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import type { TerraformJson } from "./terraform-instances";

/** The base could not be synthesized with its own code; the reason is the first lines of what it printed. */
export class BaseSynthError extends Error {}

export interface BaseWorktreeOptions {
  /** The revision: a branch, tag or commit. */
  readonly ref: string;
  /** The config file as `git show <ref>:<path>` takes it: `./<path>` relative to `cwd`, otherwise to the repository. */
  readonly configPath: string;
  /** Where the head's project is: its folder in the repository is the base's project folder too. */
  readonly projectDir: string;
  readonly cwd: string;
}

/**
 * Synthesizes the config at `ref` with the code at `ref`: a detached `git worktree` of the revision in a scratch
 * folder, the base's own synth command (cdktf.json `app`) run there with the head's `node_modules`, and the worktree
 * removed afterwards, also when the synth fails.
 */
export function synthesizeAtRevision(options: BaseWorktreeOptions): TerraformJson {
  const root = git(options.cwd, "rev-parse", "--show-toplevel").trim();
  const scratch = mkdtempSync(join(tmpdir(), "federation-base-"));
  const worktree = join(scratch, "worktree");
  try {
    git(options.cwd, "worktree", "add", "--detach", "--quiet", worktree, options.ref);
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    const stderr = String((error as { stderr?: unknown }).stderr ?? "");
    throw new BaseSynthError(`git worktree add ${options.ref} failed: ${firstLines(stderr)}`);
  }
  try {
    const project = join(worktree, relative(realpathSync(root), realpathSync(options.projectDir)));
    const modules = join(project, "node_modules");
    if (!existsSync(modules)) symlinkSync(realpathSync(join(options.projectDir, "node_modules")), modules, "dir");
    const inRepository = options.configPath.startsWith("./")
      ? relative(realpathSync(root), resolve(realpathSync(options.cwd), options.configPath))
      : options.configPath;
    const config = join(worktree, inRepository);
    const outdir = join(scratch, "out");
    const app = (JSON.parse(readFileSync(join(project, "cdktf.json"), "utf8")) as { app: string }).app;
    const run = spawnSync(app, {
      cwd: project,
      shell: true,
      encoding: "utf8",
      env: { ...process.env, FEDERATION_CONFIG: config, CDKTF_OUTDIR: outdir },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new BaseSynthError(firstLines(`${run.stderr ?? ""}\n${run.stdout ?? ""}`));
    const stacks = readdirSync(join(outdir, "stacks"));
    if (stacks.length !== 1) throw new BaseSynthError(`expected one stack, found ${stacks.length}`);
    return JSON.parse(readFileSync(join(outdir, "stacks", stacks[0]!, "cdk.tf.json"), "utf8")) as TerraformJson;
  } finally {
    try {
      git(options.cwd, "worktree", "remove", "--force", worktree);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
      git(options.cwd, "worktree", "prune");
    }
  }
}

function firstLines(output: string): string {
  return (
    output
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "")
      .slice(0, 3)
      .join(" ") || "the synth failed without a message"
  );
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}
