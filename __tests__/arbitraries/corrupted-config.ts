/** Anything else that must never crash the loader: random values, unicode, huge values, YAML features, edited text, random documents. */
import fc from "fast-check";
import { ConfigData, Malformed, Path } from "./building-blocks";
import { validConfig } from "./valid-config";
import { allPaths, clone, get, pathText, renameKey, set, yamlOf, isMapping } from "./config-paths";
import { pickOne } from "./targeted-malformed";

// Corruption: anything at all, which must never crash the loader.

export const unicodeString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)), maxLength: 4 }),
  fc.constantFrom("\u202eevil", "a\u0000b", "\ufeffname", "İstanbul", "ß", "🏳️‍🌈", "\u2028", "e\u0301"),
);

export const hugeValue = fc.oneof(
  fc
    .integer({ min: 10_000, max: 100_000 })
    .chain((length) =>
      fc.constantFrom("a", "é", "🚀", "a.", " ", "-").map((unit) => unit.repeat(length / unit.length)),
    ),
  fc.integer({ min: 1_000, max: 2_000 }).chain((length) =>
    fc.constantFrom(
      Array.from({ length }, (_, i) => `b${i}-bucket`),
      Array.from({ length }, () => "ml.m5.large"),
      Array.from({ length }, (_, i) => i),
    ),
  ),
  fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 64, -(2 ** 53) - 2),
  fc.integer({ min: 20, max: 300 }).map((depth) => {
    let value: unknown = "deep";
    for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
    return value;
  }),
);

/** A team with very many members: big, but it may be valid. */
export function manyMembers(data: ConfigData): fc.Arbitrary<Malformed> {
  return fc
    .tuple(fc.constantFrom(...Object.keys(data.teams)), fc.integer({ min: 100, max: 800 }))
    .map(([key, count]) => {
      const copy = clone(data);
      copy.teams[key].members = Object.fromEntries(
        Array.from({ length: count }, (_, i) => [`user${i}@contoso.com`, null]),
      );
      return { text: yamlOf(copy), what: `${count} members in team ${key}` };
    });
}

export function valueAtRandomPath(
  data: ConfigData,
  values: fc.Arbitrary<unknown>,
  label: string,
): fc.Arbitrary<Malformed> {
  const paths = allPaths(data);
  return fc.tuple(fc.constantFrom(...paths), values, fc.boolean()).map(([path, value, asNewKey]) => {
    const copy = clone(data);
    const target = asNewKey && isMapping(get(copy, path)) ? [...path, "extra"] : path;
    set(copy, target, value);
    return { text: yamlOf(copy), what: `${label} at ${pathText(target)}` };
  });
}

export function stringLeaves(data: ConfigData): Path[] {
  return allPaths(data).filter((path) => typeof get(data, path) === "string");
}

export function unicodeInStrings(data: ConfigData): fc.Arbitrary<Malformed> {
  return fc
    .tuple(fc.constantFrom(...stringLeaves(data)), unicodeString, fc.constantFrom("replace", "prefix", "suffix"))
    .map(([path, text, how]) => {
      const copy = clone(data);
      const current = String(get(copy, path));
      set(copy, path, how === "replace" ? text : how === "prefix" ? text + current : current + text);
      return { text: yamlOf(copy), what: `unicode ${JSON.stringify(text)} (${how}) at ${pathText(path)}` };
    });
}

export function unicodeInKeys(data: ConfigData): fc.Arbitrary<Malformed> {
  const maps: Path[] = [["teams"], ["personas"], ...Object.keys(data.teams).map((key) => ["teams", key, "members"])];
  return fc.tuple(fc.constantFrom(...maps), unicodeString).map(([mapPath, key]) => {
    const copy = clone(data);
    const map = get(copy, mapPath) ?? {};
    const existing = Object.keys(map);
    if (existing.length > 0) renameKey(copy, mapPath, existing[0]!, existing.includes(key) ? `${key}x` : key);
    else set(copy, [...mapPath, key], null);
    return { text: yamlOf(copy), what: `unicode key ${JSON.stringify(key)} in ${pathText(mapPath)}` };
  });
}

/** YAML features a config never needs: anchors and aliases (self-referencing, exponential), tags, 1.1 types. */
export const inlineYaml = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "&self [*self]",
      "&self {a: *self}",
      "[&self [*self]]",
      "&one [x, x, x, x, x, x, x, x, x, x]",
      "[&a [x,x,x,x,x,x,x,x,x,x], &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a], &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b], [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]]",
      "*undefined_anchor",
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "!!binary aGVsbG8=",
      "!!str 123",
      "!!int abc",
      "!!float 1e309",
      "!!set {a, b}",
      "!!omap [a: 1]",
      "!!timestamp 2001-12-14",
      "!custom {a: 1}",
      "{<<: {group: merged}}",
      "'unterminated",
      "{a: 1, a: 2}",
      "0x1F",
      "0o17",
      ".nan",
      "-.inf",
      "~",
      "2001-12-14t21:59:43.10-05:00",
    ),
  },
);
export const blockYaml = fc.constantFrom("? [complex, key]\n  : value", "|-\n  block\n  text", "\n  - &x a\n  - *x");
export const PLACEHOLDER = "yaml-feature-placeholder";

/** A YAML feature in place of any value (list items included), or as a last top-level key. */
export function yamlFeature(data: ConfigData): fc.Arbitrary<Malformed> {
  const header = fc.constantFrom(
    "",
    "%YAML 1.1\n---\n",
    "%YAML 1.2\n---\n",
    "--- !!map\n",
    "%TAG !x! tag:x,2000:\n---\n",
  );
  const inPlace = fc.tuple(fc.constantFrom(...allPaths(data)), inlineYaml, header).map(([path, snippet, head]) => {
    const copy = clone(data);
    set(copy, path, PLACEHOLDER);
    return { text: head + yamlOf(copy).replace(PLACEHOLDER, snippet), what: `YAML ${snippet} at ${pathText(path)}` };
  });
  const atEnd = fc
    .tuple(fc.oneof(inlineYaml, blockYaml), header)
    .map(([snippet, head]) => ({ text: `${head}${yamlOf(data)}zz: ${snippet}\n`, what: `YAML ${snippet} at the end` }));
  return fc.oneof({ weight: 3, arbitrary: inPlace }, { weight: 1, arbitrary: atEnd });
}

/** Edits of the text: truncation, deleted or inserted characters, swapped lines, tabs, CRLF. */
export function textEdit(data: ConfigData): fc.Arbitrary<Malformed> {
  const text = yamlOf(data);
  return fc
    .tuple(
      fc.nat({ max: text.length }),
      fc.nat({ max: 20 }),
      fc.constantFrom("truncate", "delete", "insert", "tab", "crlf", "swap", "dedent"),
      fc.oneof(
        unicodeString,
        fc.constantFrom(
          ":",
          "- ",
          "[",
          "{",
          "}",
          "]",
          '"',
          "'",
          "#",
          "&",
          "*",
          "!",
          "|",
          ">",
          "\n  ",
          "\t",
          "%",
          "@",
          "`",
        ),
      ),
    )
    .map(([at, length, how, insert]) => {
      const lines = text.split("\n");
      const line = at % Math.max(lines.length, 1);
      let edited: string;
      if (how === "truncate") edited = text.slice(0, at);
      else if (how === "delete") edited = text.slice(0, at) + text.slice(at + length + 1);
      else if (how === "insert") edited = text.slice(0, at) + insert + text.slice(at);
      else if (how === "tab") edited = text.replace(/^ {2}/gm, "\t");
      else if (how === "crlf") edited = text.replace(/\n/g, "\r\n");
      else if (how === "swap") {
        const other = (line + 1 + length) % lines.length;
        [lines[line], lines[other]] = [lines[other]!, lines[line]!];
        edited = lines.join("\n");
      } else {
        lines[line] = lines[line]!.replace(/^ {1,2}/, "");
        edited = lines.join("\n");
      }
      return { text: edited, what: `text edit ${how} at ${at}` };
    });
}

/** Valid configs with random damage: values of any type anywhere, unicode, huge values, YAML features, text edits. */
export function corruptedConfig(): fc.Arbitrary<Malformed> {
  return validConfig("small").chain(({ data }) =>
    pickOne(data, [
      [3, (config) => valueAtRandomPath(config, fc.anything({ maxDepth: 3 }), "random value")],
      [2, (config) => valueAtRandomPath(config, fc.jsonValue({ maxDepth: 3 }), "random JSON value")],
      [3, unicodeInStrings],
      [1, unicodeInKeys],
      [1, (config) => fc.oneof(valueAtRandomPath(config, hugeValue, "huge value"), manyMembers(config))],
      [2, yamlFeature],
      [3, textEdit],
    ]),
  );
}

/** Fragments of YAML syntax, for documents that are mostly wrong. */
export const yamlToken = fc.constantFrom(
  "name:",
  "teams:",
  "aws:",
  " ",
  "  ",
  "\n",
  "\t",
  "- ",
  ": ",
  "? ",
  "[",
  "]",
  "{",
  "}",
  ",",
  "&a ",
  "*a",
  "!!str ",
  "!!binary ",
  "<<: ",
  "|",
  ">-",
  "#",
  '"',
  "'",
  "---",
  "...",
  "%YAML 1.2",
  "%TAG ! tag:x:",
  "~",
  "null",
  "true",
  "0x10",
  ".inf",
  "@",
  "`",
  "\\",
  "\u0000",
  "\ufeff",
  "é",
  "🚀",
  "forecasting",
  "alice@contoso.com",
);

/** Whole documents that are not a config at all: random JSON values, random text, YAML token soup. */
export function garbageDocument(): fc.Arbitrary<Malformed> {
  return fc.oneof(
    fc.jsonValue().map((value) => ({ text: yamlOf(value), what: `JSON value ${JSON.stringify(value).slice(0, 80)}` })),
    fc
      .anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true })
      .map((value) => ({ text: yamlOf(value), what: "a random value" })),
    fc.string({ unit: "binary", maxLength: 300 }).map((text) => ({ text, what: "random text" })),
    fc.string({ unit: "grapheme", maxLength: 100 }).map((text) => ({ text, what: "random graphemes" })),
    fc.array(yamlToken, { maxLength: 60 }).map((tokens) => ({ text: tokens.join(""), what: "YAML token soup" })),
  );
}
