import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { summarizePlan } from "./pr-comment/plan-summary";
import { prComment } from "./pr-comment/pr-comment";
import { isUsageError } from "../shared/usage-error";

const USAGE =
  "usage: tsx tools/review/write-pr-comment.ts --diff <access-diff.md> (--plan <plan.txt> --plan-exitcode <n> | --plan-skipped <reason>) --out <comment.md> [--run-url <url>] [--commit <sha>]";

/** Used by .github/workflows/pr.yml: turns the access diff and the plan output into the PR comment's body. */
function main(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: {
      diff: { type: "string" },
      plan: { type: "string" },
      "plan-exitcode": { type: "string" },
      "plan-skipped": { type: "string" },
      out: { type: "string" },
      "run-url": { type: "string" },
      commit: { type: "string" },
    },
    strict: true,
  });
  if (
    values.diff === undefined ||
    values.out === undefined ||
    (values.plan === undefined) === (values["plan-skipped"] === undefined)
  ) {
    console.error(USAGE);
    return 1;
  }
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

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
  if (!isUsageError(error) && !missing) throw error;
  console.error(
    missing ? `cannot read ${(error as NodeJS.ErrnoException).path}` : `${(error as Error).message}\n${USAGE}`,
  );
  process.exitCode = 1;
}
