import { readFileSync, writeFileSync } from "node:fs";
import { summarizePlan } from "./pr-comment/plan-summary";
import { prComment } from "./pr-comment/pr-comment";
import { parseCommandLine, processOutput, runCommand, runMain, type CommandOutput } from "../shared/cli";
import { UsageError } from "../shared/usage-error";

const USAGE =
  "usage: tsx tools/review/write-pr-comment.ts --diff <access-diff.md> (--plan <plan.txt> --plan-exitcode <n> | --plan-skipped <reason>) --out <comment.md> [--run-url <url>] [--commit <sha>]";

/** Used by .github/workflows/pr.yml: turns the access diff and the plan output into the PR comment's body. */
export async function writePrComment(args: string[], io: CommandOutput): Promise<number> {
  return runCommand(
    USAGE,
    io,
    () => {
      const line = parseCommandLine(
        args,
        {
          usage: USAGE,
          options: {
            diff: { type: "string" },
            plan: { type: "string" },
            "plan-exitcode": { type: "string" },
            "plan-skipped": { type: "string" },
            out: { type: "string" },
            "run-url": { type: "string" },
            commit: { type: "string" },
          },
        },
        io,
      );
      return line === undefined ? 0 : write(line.values);
    },
    unreadable,
  );
}

function write(values: {
  diff?: string;
  plan?: string;
  "plan-exitcode"?: string;
  "plan-skipped"?: string;
  out?: string;
  "run-url"?: string;
  commit?: string;
}): number {
  if (values.diff === undefined || values.out === undefined) throw new UsageError("give --diff and --out");
  if ((values.plan === undefined) === (values["plan-skipped"] === undefined))
    throw new UsageError("give one of --plan and --plan-skipped");
  const output = values.plan === undefined ? "" : readFileSync(values.plan, "utf8");
  const plan =
    values["plan-skipped"] !== undefined
      ? { skipped: values["plan-skipped"] }
      : { summary: summarizePlan(output, Number(values["plan-exitcode"] ?? "1")), output };
  writeFileSync(
    values.out,
    prComment({
      accessDiff: readFileSync(values.diff, "utf8"),
      plan,
      runUrl: values["run-url"],
      commit: values.commit,
    }),
  );
  return 0;
}

/** A file the workflow should have written before this step: its path says which step failed. */
function unreadable(error: unknown): string | undefined {
  const failure = error as NodeJS.ErrnoException;
  return failure.code === "ENOENT" ? `cannot read ${failure.path}` : undefined;
}

if (require.main === module) runMain(writePrComment, processOutput());
