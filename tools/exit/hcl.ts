// Native syntax, written: attributes and blocks, and the expressions of JSON values in their three contexts
// (template expressions, literal values, bare expressions held in strings).
import { ConversionError } from "./errors";
import { isObject, pathOf, type Json } from "./json";
import { quoteLiteral, quoteTemplate, templateExpression } from "./template";

export type Item =
  | { readonly attribute: string; readonly expression: string }
  | { readonly block: string; readonly labels: readonly string[]; readonly body: readonly Item[] };

export function attribute(name: string, expression: string): Item {
  return { attribute: name, expression };
}

export function block(type: string, labels: readonly string[], body: readonly Item[]): Item {
  return { block: type, labels, body };
}

const INDENT = "  ";

function indented(text: string, indent: string): string {
  return text.replace(/\n/g, `\n${indent}`);
}

/** Items as native syntax, one per line, blocks separated by a blank line at the top level. */
export function render(items: readonly Item[], indent = ""): string {
  return items
    .map((item) => {
      if ("attribute" in item) return `${indent}${item.attribute} = ${indented(item.expression, indent)}\n`;
      const labels = item.labels.map((label) => ` ${quoteLiteral(label)}`).join("");
      const body = render(item.body, indent + INDENT);
      return `${indent}${item.block}${labels} {\n${body}${indent}}\n`;
    })
    .join(indent === "" ? "\n" : "");
}

function collection(open: string, entries: string[], close: string): string {
  if (entries.length === 0) return `${open}${close}`;
  const oneLine = `${open}${entries.join(", ")}${close}`;
  if (oneLine.length <= 100 && !oneLine.includes("\n") && open === "[") return oneLine;
  return `${open}\n${entries.map((entry) => `${INDENT}${indented(entry, INDENT)}${open === "[" ? "," : ""}`).join("\n")}\n${close}`;
}

function scalar(value: Json): string | undefined {
  if (value === null) return "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return String(value);
  return undefined;
}

/** How a kind of value writes its strings and its object keys. */
interface Quoting {
  readonly text: (text: string, path: string) => string;
  readonly key: (key: string, path: string) => string;
}

function value(json: Json, path: string, quoting: Quoting): string {
  if (typeof json === "string") return quoting.text(json, path);
  const plain = scalar(json);
  if (plain !== undefined) return plain;
  if (Array.isArray(json))
    return collection(
      "[",
      json.map((item, i) => value(item, pathOf(path, i), quoting)),
      "]",
    );
  if (!isObject(json)) throw new ConversionError(path, "not a JSON value");
  const entries = Object.entries(json).map(
    ([key, item]) => `${quoting.key(key, pathOf(path, key))} = ${value(item, pathOf(path, key), quoting)}`,
  );
  return collection("{", entries, "}");
}

const EVALUATED: Quoting = { text: templateExpression, key: quoteTemplate };
const LITERAL: Quoting = { text: (text) => quoteLiteral(text), key: (key) => quoteLiteral(key) };

/** A JSON value where Terraform evaluates expressions: its strings (and object keys) are templates. */
export function expression(json: Json, path: string): string {
  return value(json, path, EVALUATED);
}

/** A JSON value Terraform takes literally (variable defaults, the terraform block): no interpolation. */
export function literal(json: Json, path: string): string {
  return value(json, path, LITERAL);
}

/** A string that holds a bare expression in JSON syntax (a reference, a type, a keyword): written bare. */
export function bare(value: Json | undefined, path: string): string {
  if (typeof value !== "string" || value.trim() === "")
    throw new ConversionError(path, `expected a string holding an expression, got ${JSON.stringify(value)}`);
  const sole = /^\$\{([^]*)\}$/.exec(value.trim());
  const text = (sole ? sole[1]! : value).trim();
  return text.includes("\n") ? `(${text})` : text;
}

/** A list of bare expressions (depends_on, ignore_changes, replace_triggered_by). */
export function bareList(value: Json | undefined, path: string): string {
  if (!Array.isArray(value)) throw new ConversionError(path, `expected a list, got ${JSON.stringify(value)}`);
  return collection(
    "[",
    value.map((item, i) => bare(item, pathOf(path, i))),
    "]",
  );
}

export function literalBoolean(value: Json | undefined, path: string): string {
  if (typeof value !== "boolean")
    throw new ConversionError(path, `expected true or false, got ${JSON.stringify(value)}`);
  return String(value);
}

export function literalString(value: Json | undefined, path: string): string {
  if (typeof value !== "string") throw new ConversionError(path, `expected a string, got ${JSON.stringify(value)}`);
  return quoteLiteral(value);
}

/** A block that JSON writes as one object or a list of them, as that many bodies. */
export function bodies(value: Json | undefined, path: string): { body: Record<string, Json>; path: string }[] {
  if (isObject(value)) return [{ body: value, path }];
  if (Array.isArray(value))
    return value.map((item, i) => {
      if (!isObject(item)) throw new ConversionError(pathOf(path, i), "expected a block body (an object)");
      return { body: item, path: pathOf(path, i) };
    });
  throw new ConversionError(path, "expected a block body (an object) or a list of them");
}
