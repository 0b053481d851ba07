import { code, plural, table } from "../../shared/markdown";
import type { PlanSummary } from "./plan-summary";

/** The hidden line the workflow finds its own comment by, so each push updates one comment instead of adding one. */
export const PR_COMMENT_MARKER = "<!-- sagemaker-studio-federation:pr-preview -->";

/** GitHub rejects comments over 65,536 characters; the rest stays in the workflow's artifacts. */
export const COMMENT_LIMIT = 65_000;
const PLAN_DETAILS_LIMIT = 30_000;
/** Enough to see what is at stake; a config-wide replacement lists every instance in the plan output. */
const RISKY_ROWS = 50;

export interface PrCommentInput {
  /** The access diff (Markdown), or why it could not be made. */
  readonly accessDiff: string;
  /** The plan's summary and text, or why there is no plan (no credentials, local backend). */
  readonly plan: { readonly summary: PlanSummary; readonly output: string } | { readonly skipped: string };
  /** Where the full outputs are, e.g. the workflow run's URL. */
  readonly runUrl?: string;
  readonly commit?: string;
}

/** One comment holding both answers a reviewer needs: who gains or loses access, and what Terraform will do. */
export function prComment(input: PrCommentInput): string {
  const footer = [
    "",
    `<sub>Updated${input.commit ? ` for ${input.commit.slice(0, 12)}` : ""}${input.runUrl ? ` by [this run](${input.runUrl})` : ""}. Full outputs are in the run's artifacts.</sub>`,
  ];
  const head = [PR_COMMENT_MARKER, "## SageMaker Studio federation: access diff and plan", ""];
  const plan =
    "skipped" in input.plan
      ? ["### Terraform plan", "", `Skipped: ${input.plan.skipped}`]
      : planSection(input.plan.summary);
  const details = "skipped" in input.plan ? [] : planDetails(input.plan.output);
  // The diff gets what the rest leaves: + 3 for the newlines around it and at the end.
  const fixed = [...head, ...plan, ...details, ...footer].join("\n").length + 3;
  const diff = truncate(demoteHeadings(input.accessDiff.trimEnd()), COMMENT_LIMIT - fixed, "access diff");
  return [...head, diff, "", ...plan, ...details, ...footer].join("\n") + "\n";
}

const LOUD: Readonly<Record<string, string>> = { replace: "**replace**", destroy: "**destroy**" };

function planSection(summary: PlanSummary): string[] {
  const lines = ["### Terraform plan", ""];
  if (summary.outcome === "failed")
    lines.push(
      `> [!WARNING]`,
      `> **The plan failed.** ${summary.errors.length > 0 ? summary.errors.map((e) => `${e}.`).join(" ") : ""}`.trimEnd(),
    );
  else lines.push(`**${summary.headline}**`);
  // Replacements and destructions are what lose data or access; creations and updates are in the details.
  const risky = summary.actions.filter((a) => a.action === "replace" || a.action === "destroy");
  if (risky.length > 0)
    lines.push(
      "",
      ...table(
        ["Action", "Resource"],
        risky.slice(0, RISKY_ROWS).map((a) => [LOUD[a.action]!, code(a.address)]),
      ),
      ...(risky.length > RISKY_ROWS ? ["", `… and ${risky.length - RISKY_ROWS} more: see the plan output.`] : []),
    );
  const counts = (["create", "update", "replace", "destroy"] as const)
    .map((action) => [action, summary.actions.filter((a) => a.action === action).length] as const)
    .filter(([, count]) => count > 0)
    .map(([action, count]) => `${plural(count, "instance")} to ${action}`);
  if (counts.length > 0) lines.push("", counts.join(", ") + ".");
  return lines;
}

function planDetails(output: string): string[] {
  const text = truncate(output.trimEnd(), PLAN_DETAILS_LIMIT, "plan output");
  // A fence longer than any backtick run in the plan keeps the plan from closing it.
  const fence = "`".repeat(Math.max(3, ...(text.match(/`+/g) ?? []).map((run) => run.length + 1)));
  return ["", "<details><summary>Plan output</summary>", "", `${fence}text`, text, fence, "", "</details>"];
}

/** The diff's own `#` title would dwarf the comment's: every heading goes two levels down. */
function demoteHeadings(markdown: string): string {
  let fenced = false;
  return markdown
    .split("\n")
    .map((line) => {
      if (/^(```|~~~)/.test(line)) fenced = !fenced;
      return !fenced && /^#{1,4} /.test(line) ? `##${line}` : line;
    })
    .join("\n");
}

function truncate(text: string, limit: number, what: string): string {
  if (text.length <= limit) return text;
  const note = `\n\n… ${what} truncated: see the run's artifacts for all of it.`;
  return text.slice(0, Math.max(0, limit - note.length)) + note;
}
