// The round trip: main.tf parsed back into JSON by @cdktf/hcl2json, compared with the synthesized JSON. Both are
// first brought to one form, written here without the converter's code: blocks and one-element lists alike,
// `${expr}` and the bare `expr` alike, insignificant whitespace inside interpolations gone. What it sees is every
// value's text, in every top-level kind (locals, lifecycle, checks, moved/removed/import, the terraform block too).
import { parse } from "@cdktf/hcl2json";

type Tree = string | number | boolean | null | Tree[] | { [key: string]: Tree };

/** The text of an interpolation or directive without whitespace outside its quoted strings. */
function compactSequences(text: string): string {
  let out = "";
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (depth === 0) {
      if ((c === "$" || c === "%") && text[i + 1] === c && text[i + 2] === "{") {
        out += text.slice(i, i + 3);
        i += 2;
      } else if ((c === "$" || c === "%") && text[i + 1] === "{") {
        out += `${c}{`;
        depth = 1;
        i++;
      } else out += c;
    } else if (quoted) {
      out += c;
      if (c === "\\") out += text[++i] ?? "";
      else if (c === '"') quoted = false;
    } else if (c === '"') {
      out += c;
      quoted = true;
    } else if (!/\s/.test(c)) {
      if (c === "{") depth++;
      if (c === "}") depth--;
      out += c;
    }
  }
  return out;
}

/** A string in one form: `${(expr)}`, `${expr}` and `expr` alike, whitespace inside interpolations dropped. */
function normalString(text: string): string {
  let compact = compactSequences(text);
  const sole = /^\$\{\((.*)\)\}$/s.exec(compact) ?? /^\$\{(.*)\}$/s.exec(compact);
  if (sole && !sole[1]!.includes("${")) compact = sole[1]!;
  return compact;
}

export function normalize(value: unknown): Tree {
  if (Array.isArray(value)) {
    const items = value.map(normalize);
    const only = items[0];
    return items.length === 1 && typeof only === "object" && only !== null && !Array.isArray(only) ? only : items;
  }
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => key !== "//")
        .sort()
        .map((key) => [key, normalize((value as Record<string, unknown>)[key])]),
    );
  if (typeof value === "string") return normalString(value);
  return value as Tree;
}

/** Every path where two normalized trees differ, with both sides (at most `limit`). */
export function differences(json: Tree, hcl: Tree, path = "$", limit = 20): string[] {
  const found: string[] = [];
  const walk = (a: Tree | undefined, b: Tree | undefined, at: string): void => {
    if (found.length >= limit || JSON.stringify(a) === JSON.stringify(b)) return;
    if (
      typeof a === "object" &&
      a !== null &&
      typeof b === "object" &&
      b !== null &&
      Array.isArray(a) === Array.isArray(b)
    ) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const key of keys) walk((a as Record<string, Tree>)[key], (b as Record<string, Tree>)[key], `${at}.${key}`);
      return;
    }
    const shown = (side: Tree | undefined) => (side === undefined ? "(absent)" : JSON.stringify(side).slice(0, 200));
    found.push(`${at}: JSON ${shown(a)}, HCL ${shown(b)}`);
  };
  walk(json, hcl, path);
  return found;
}

/** The differences between the JSON and main.tf parsed back, none when they say the same. */
export async function roundTripDifferences(json: unknown, mainTf: string): Promise<string[]> {
  const parsed: unknown = await parse("main.tf", mainTf);
  return differences(normalize(json), normalize(parsed));
}
