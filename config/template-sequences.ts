import type { RawProblem } from "./errors";

/** Terraform reads `${` and `%{` in any string of its JSON as the start of an interpolation or directive. */
const TEMPLATE_SEQUENCE = /[$%]\{/;

function problem(path: PropertyKey[], text: string): RawProblem {
  const shown = text.length > 60 ? `${text.slice(0, 60)}...` : text;
  return {
    path,
    rule: `${JSON.stringify(shown)} contains "\${" or "%{", which Terraform would evaluate`,
    fix: "remove the sequence; no value of the config needs it",
  };
}

/**
 * Every key and text value that contains a Terraform template sequence: written into the synthesized JSON, it would
 * be evaluated (or taken for one of cdktf's own tokens) instead of kept as text.
 */
export function templateSequences(data: unknown): RawProblem[] {
  const found: RawProblem[] = [];
  // YAML aliases can make the data circular: visit every object once.
  const seen = new Set<object>();
  const visit = (value: unknown, path: PropertyKey[]): void => {
    if (typeof value === "string") {
      if (TEMPLATE_SEQUENCE.test(value)) found.push(problem(path, value));
      return;
    }
    if (typeof value !== "object" || value === null || seen.has(value)) return;
    seen.add(value);
    for (const [key, item] of Object.entries(value)) {
      const at = [...path, Array.isArray(value) ? Number(key) : key];
      if (!Array.isArray(value) && TEMPLATE_SEQUENCE.test(key)) found.push(problem(at, key));
      visit(item, at);
    }
  };
  visit(data, []);
  return found;
}
