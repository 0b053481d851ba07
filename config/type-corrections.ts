import { stringify } from "yaml";
import { quote } from "./errors";

/** How a reader names the kinds of value the schema asks for. */
const KIND: Readonly<Record<string, string>> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
  record: "a mapping",
  map: "a mapping",
  null: "empty",
};

export function kindOf(expected: string): string {
  return KIND[expected] ?? "another kind of value";
}

/** A value as the reader wrote it, named by its kind. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the text ${quote(value)}`;
  if (typeof value === "number" && !Number.isFinite(value)) return Number.isNaN(value) ? "not a number" : "infinity";
  return `${typeof value === "boolean" ? "" : "the number "}${String(value)}`;
}

/** A value written in YAML on one line, as it would follow `key: `. */
export function yamlValue(value: unknown): string {
  const text = stringify(value, { lineWidth: 0, collectionStyle: "flow" }).trimEnd();
  return text.includes("\n") ? JSON.stringify(value) : text;
}

const TRUE = /^(true|yes|on|y|1)$/i;
const FALSE = /^(false|no|off|n|0)$/i;

/**
 * The value rewritten as the kind the schema asks for, in YAML, when the reader's intent is plain (a single bucket
 * for a list of buckets, a number in quotes, "yes" for true); a placeholder of that kind otherwise.
 */
export function correctedValue(expected: string, value: unknown): string {
  const scalar = typeof value === "string" || typeof value === "number" || typeof value === "boolean";
  switch (expected) {
    case "array":
      if (scalar) return `[${yamlValue(value)}]`;
      return value !== null && typeof value === "object" ? `[${Object.keys(value).map(yamlValue).join(", ")}]` : "[]";
    case "object":
    case "record":
    case "map":
      if (Array.isArray(value) && value.every((item) => typeof item === "string"))
        return `{ ${value.map((item) => `${yamlValue(item)}: ...`).join(", ")} }`;
      return typeof value === "string" ? `{ ${yamlValue(value)}: ... }` : "{ <key>: <value> }";
    case "string":
      return scalar ? JSON.stringify(String(value)) : "<text>";
    case "number":
    case "int":
      return typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))
        ? String(Number(value))
        : "<number>";
    case "boolean":
      if (typeof value === "string" && TRUE.test(value.trim())) return "true";
      if (typeof value === "string" && FALSE.test(value.trim())) return "false";
      return "true (or false)";
    default:
      return `<${kindOf(expected)}>`;
  }
}

/** `key: value` for a fix, or the value alone for a list item. */
export function yamlLine(key: PropertyKey | undefined, value: string): string {
  if (typeof key === "number") return `- ${value}`;
  return key === undefined ? value : `${yamlValue(String(key))}: ${value}`;
}
