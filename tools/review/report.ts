import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { configFileOf, loadConfigFile } from "../../config/load";
import type { FederationConfig } from "../../config/types";
import { accessDiff, diffExitCode, type DiffSide } from "./access-diff/access-diff";
import { accessReport } from "./access-report/access-report";
import { baseRevision, isFile, parseBaseConfig, readBaseConfigIfAny } from "../shared/base-config";
import { BaseSynthError, synthesizeAtRevision } from "./access-diff/base-worktree";
import { synthesize } from "./access-diff/synthesize";
import { personPage } from "./access-report/person-page";
import { parseCommandLine, processOutput, runCommand, runMain, type CommandOutput } from "../shared/cli";
import { UserError } from "../shared/user-error";

const USAGE = `usage: npm run report [-- [--config <file>] [--base <file or git ref>] [--detailed-exitcode] | --person <user>]

  (no --base)          access report of the config: cdktf.out/access-report.md
  --person <user>      one page for that person (their user name, the UPN): their domains, profiles, persona,
                       instance types, buckets, naming rules, limits and whom to ask: cdktf.out/person-<user>.md
  --base <file|ref>    access diff from that config (a file, or the same file at a git ref such as origin/main)
                       to this one: cdktf.out/access-diff.md. A git ref is synthesized with its own code (a
                       temporary git worktree), a file with this code; a ref without the file: all is new
  --detailed-exitcode  with --base: exit 2 when access changes, 3 when data is also at stake (a leaver's or
                       mover's profile with its home directory and private spaces, or a domain), 0 when nothing
  --config <file>      the config (default: $FEDERATION_CONFIG, else examples/contoso.yaml)`;

/**
 * Needs no credentials: the report reads the config only; the diff also synthesizes both sides (no Terraform, no
 * cloud), the base with its own code when it is a git revision.
 */
export async function report(args: string[], io: CommandOutput): Promise<number> {
  return runCommand(USAGE, io, () => {
    const line = parseCommandLine(
      args,
      {
        usage: USAGE,
        options: {
          config: { type: "string" },
          base: { type: "string" },
          person: { type: "string" },
          "detailed-exitcode": { type: "boolean", default: false },
        },
      },
      io,
    );
    return line === undefined ? 0 : reportOrDiff(line.values, io.env);
  });
}

function reportOrDiff(
  values: { config?: string; base?: string; person?: string; "detailed-exitcode"?: boolean },
  env: NodeJS.ProcessEnv,
): number {
  const file = configFileOf(env, values.config);
  const head = loadConfigFile(file);
  const outdir = env.CDKTF_OUTDIR || "cdktf.out";

  if (values.person !== undefined) {
    if (values.base !== undefined)
      throw new UserError("--person and --base do not go together: run them one at a time");
    publish(outdir, `person-${fileSafe(values.person)}.md`, personPage(head, values.person, { source: file }));
    return 0;
  }
  if (values.base === undefined) {
    publish(outdir, "access-report.md", accessReport(head, { source: file }));
    return 0;
  }
  const found = readBaseConfigIfAny(values.base, file);
  const { side, note } =
    found.text === undefined
      ? { side: undefined, note: undefined }
      : baseSide(values.base, file, parseBaseConfig(found));
  const diff = accessDiff(
    side,
    { config: head, json: synthesize(head) },
    {
      baseSource: found.source,
      headSource: file,
      ...(note === undefined ? {} : { baseCodeNote: note }),
    },
  );
  publish(outdir, "access-diff.md", diff.markdown);
  return diffExitCode(diff, values["detailed-exitcode"] ?? false);
}

/**
 * The base's Terraform JSON: a file is synthesized with this code; a git revision with its own, unless that fails
 * (its own loader may refuse today what it accepted when merged, such as a certificate that has since expired).
 */
function baseSide(base: string, file: string, config: FederationConfig): { side: DiffSide; note?: string } {
  if (isFile(base)) return { side: { config, json: synthesize(config) } };
  const { ref, spec } = baseRevision(base, file, process.cwd());
  try {
    const json = synthesizeAtRevision({
      ref,
      configPath: spec.slice(ref.length + 1),
      projectDir: join(__dirname, "..", ".."),
      cwd: process.cwd(),
    });
    return { side: { config, json } };
  } catch (error) {
    if (!(error instanceof BaseSynthError)) throw error;
    return {
      side: { config, json: synthesize(config) },
      note: `**The base could not be synthesized with its own code** (${error.message}).`,
    };
  }
}

/** A user name as a file name: `@` and `.` stay, anything a path could misread does not. */
function fileSafe(userName: string): string {
  return userName.replace(/[^A-Za-z0-9@._-]/g, "_");
}

function publish(outdir: string, name: string, markdown: string): void {
  mkdirSync(outdir, { recursive: true });
  writeFileSync(join(outdir, name), markdown);
  process.stdout.write(markdown);
}

if (require.main === module) runMain(report, processOutput());
