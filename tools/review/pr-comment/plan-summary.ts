/** What a reviewer needs from `terraform plan -no-color` output: the totals, what is replaced or destroyed, errors. */
export interface PlanSummary {
  readonly outcome: "changes" | "no-changes" | "failed";
  /** Terraform's own totals line, e.g. "Plan: 3 to add, 1 to change, 0 to destroy." */
  readonly headline: string;
  readonly actions: readonly PlanAction[];
  /** The first line of each error diagnostic, e.g. "Instance cannot be destroyed". */
  readonly errors: readonly string[];
}

export interface PlanAction {
  readonly address: string;
  readonly action: "create" | "update" | "replace" | "destroy" | "read";
}

const ACTION_LINE =
  /^\s*# (.+?) (will be created|will be updated in-place|must be replaced|will be replaced.*|will be destroyed|will be read during apply)$/;
/** Terraform draws diagnostics in a box (`│ Error: ...`), also with -no-color. */
const ERROR_LINE = /^[│|]?\s*Error: (.+)$/;

function actionOf(phrase: string): PlanAction["action"] {
  if (phrase === "will be created") return "create";
  if (phrase === "will be updated in-place") return "update";
  if (phrase === "will be destroyed") return "destroy";
  if (phrase === "will be read during apply") return "read";
  return "replace";
}

/**
 * Reads the plan's text rather than its JSON: a Terraform Cloud remote plan streams text and cannot be saved
 * with -out, and the text is what the reviewer would see locally.
 */
export function summarizePlan(output: string, exitCode: number): PlanSummary {
  const lines = output.split(/\r?\n/);
  const actions: PlanAction[] = [];
  const errors: string[] = [];
  let headline = "";
  for (const line of lines) {
    const action = ACTION_LINE.exec(line);
    if (action) actions.push({ address: action[1]!, action: actionOf(action[2]!) });
    const error = ERROR_LINE.exec(line);
    if (error) errors.push(error[1]!.trim());
    if (/^(Plan: \d+ to add|No changes\.)/.test(line.trim())) headline = line.trim();
  }
  // `terraform plan -detailed-exitcode` exits 2 for "changes present": that is a success.
  const failed = (exitCode !== 0 && exitCode !== 2) || errors.length > 0;
  const outcome = failed ? "failed" : headline.startsWith("No changes") ? "no-changes" : "changes";
  return {
    outcome,
    headline: headline || (failed ? "The plan failed." : "The plan printed no totals."),
    actions,
    errors,
  };
}
