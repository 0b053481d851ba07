import type { core } from "zod";
import { closest } from "./closest";
import { formatPath, quote, type RawProblem } from "./errors";
import { keysAt, requiredKeysAt } from "./schema-walk";
import { correctedValue, describeValue, kindOf, yamlLine } from "./type-corrections";

/**
 * The schema's issues as problems a reader fixes: one per mistake. A misspelled key is one problem that names the
 * key it was meant to be (not also a missing required key); a value of the wrong kind shows the corrected line.
 */
export function problemsOfIssues(
  issues: readonly core.$ZodIssue[],
  schema: core.$ZodType,
  data: unknown,
): RawProblem[] {
  const meant = new Map<string, string>();
  const misspellings: RawProblem[] = [];
  for (const issue of issues.filter((issue) => issue.code === "unrecognized_keys")) {
    const path = issue.path as PropertyKey[];
    const present = new Set(Object.keys(valueAt(data, path) ?? {}));
    const known = keysAt(schema, path).filter((key) => !key.startsWith("$"));
    const free = known.filter((key) => !present.has(key));
    // __proto__ is reported with its line by parseYaml, in every mapping.
    for (const key of issue.keys.filter((key) => key !== "__proto__")) {
      const suggestion = closest(
        key,
        free.filter((known) => ![...meant.values()].includes(formatPath([...path, known]))),
      );
      if (suggestion !== undefined) meant.set(formatPath([...path, key]), formatPath([...path, suggestion]));
      misspellings.push({
        path: [...path, key],
        rule: `unknown key "${key}"`,
        fix:
          suggestion !== undefined
            ? `did you mean ${suggestion}?`
            : `remove it or correct its spelling (keys here: ${known.join(", ") || "none"})`,
      });
    }
  }
  const replaced = new Set(meant.values());
  return [
    ...misspellings,
    ...issues
      .filter((issue) => issue.code !== "unrecognized_keys")
      // The key that was misspelled is not missing as well.
      .filter((issue) => !(isMissing(issue) && replaced.has(formatPath(issue.path as PropertyKey[]))))
      .map((issue) => problemOfIssue(issue, schema)),
  ];
}

function isMissing(issue: core.$ZodIssue): boolean {
  return issue.code === "invalid_type" && issue.input === undefined;
}

function problemOfIssue(issue: core.$ZodIssue, schema: core.$ZodType): RawProblem {
  const path = issue.path as PropertyKey[];
  const inner = issue.code === "invalid_key" || issue.code === "invalid_element" ? issue.issues[0] : undefined;
  return { path, ...ruleAndFix(inner ?? issue, path, requiredKeysAt(schema, path)) };
}

/** Messages written with `problem(rule, fix)` in the schema carry both halves; the schema library's get them here. */
function ruleAndFix(
  issue: core.$ZodIssue | core.$ZodRawIssue,
  path: readonly PropertyKey[],
  requiredKeys: readonly string[],
): { rule: string; fix: string } {
  const message = issue.message ?? "";
  if (message.startsWith("{")) return JSON.parse(message) as { rule: string; fix: string };
  const key = path[path.length - 1];
  if (issue.code === "invalid_type") {
    // A mapping of fixed keys is shown with the keys it needs.
    const value =
      issue.expected === "object" && requiredKeys.length > 0
        ? `{ ${requiredKeys.map((required) => `${required}: ...`).join(", ")} }`
        : correctedValue(issue.expected, issue.input);
    const corrected = yamlLine(key, value);
    if (issue.input === undefined) return { rule: "is required", fix: `add ${corrected}` };
    return { rule: `must be ${kindOf(issue.expected)}, not ${describeValue(issue.input)}`, fix: `write ${corrected}` };
  }
  if (issue.code === "invalid_value")
    return {
      rule: `${quote(issue.input)} is not allowed`,
      fix: `use one of: ${issue.values.map((value) => String(value)).join(", ")}`,
    };
  return { rule: message, fix: "see docs/config.md" };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): object | undefined {
  let node = data;
  for (const key of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return typeof node === "object" && node !== null ? node : undefined;
}
