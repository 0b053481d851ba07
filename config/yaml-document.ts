import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLError } from "yaml";
import { formatPath, type ConfigProblem } from "./errors";

/** A parsed YAML file that can tell the line of any config path. */
export interface YamlSource {
  readonly data: unknown;
  /** Syntax errors: when there are any, `data` is undefined. */
  readonly problems: readonly ConfigProblem[];
  /** Keys given twice in one mapping (the last one is in `data`). */
  readonly duplicates: readonly ConfigProblem[];
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export function parseYaml(text: string): YamlSource {
  const lines = new LineCounter();
  // Duplicate keys are found below, with their config path, rather than by the parser.
  // logLevel "error": a mapping used as a key is reported by the schema, not printed as a warning.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false, logLevel: "error" });
  const lineAt = (offset: number) => lines.linePos(offset).line;
  const lineOf = (path: readonly PropertyKey[]) => lineOfPath(doc, path, lineAt);

  // One mistake (a line indented one space too far) makes the parser report several errors: the first is the one.
  const first = doc.errors[0];
  const problems: ConfigProblem[] = first === undefined ? [] : [syntaxProblem(first, lineAt(first.pos[0]))];
  if (problems.length > 0) return { data: undefined, problems, duplicates: [], lineOf };
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // The parser refuses aliases that expand without bound (a "billion laughs" file) only when it builds the data.
    const rule = `YAML cannot be read: ${(error as Error).message}`;
    return {
      data: undefined,
      problems: [{ path: "(yaml)", rule, fix: "write the values out instead of aliases" }],
      duplicates: [],
      lineOf,
    };
  }
  return { data, problems, duplicates: duplicateKeys(doc.contents, [], lineAt), lineOf };
}

/** Error codes of the YAML parser that come from indentation: the usual slip in a hand-edited file. */
const INDENTATION = new Set(["BAD_INDENT", "BLOCK_AS_IMPLICIT_KEY", "MULTILINE_IMPLICIT_KEY"]);

function syntaxProblem(error: YAMLError, line: number): ConfigProblem {
  const message = error.message.split("\n")[0] ?? error.message;
  if (error.code === "TAB_AS_INDENT")
    return {
      path: "(yaml)",
      rule: "YAML indentation error: a tab indents this line, and YAML indents with spaces only",
      fix: "replace the tab with spaces",
      line,
    };
  // An unclosed [ or { is reported as an indentation error too; it is a missing bracket.
  if (INDENTATION.has(error.code) && !/^Flow /.test(message))
    return {
      path: "(yaml)",
      rule: `YAML indentation error at this line or the next: ${message}`,
      fix: "indent the keys of one mapping by the same number of spaces, deeper than the key they belong to",
      line,
    };
  return { path: "(yaml)", rule: `YAML syntax error: ${message}`, fix: "fix the YAML syntax at that line", line };
}

function lineOfPath(
  doc: Document,
  path: readonly PropertyKey[],
  lineAt: (offset: number) => number,
): number | undefined {
  let node: unknown = doc.contents;
  let line = isNodeWithRange(node) ? lineAt(node.range[0]) : undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      if (isNodeWithRange(pair.key)) line = lineAt(pair.key.range[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      node = node.items[segment];
      if (isNodeWithRange(node)) line = lineAt(node.range[0]);
    } else break;
  }
  return line;
}

function isNodeWithRange(node: unknown): node is Node & { range: [number, number, number] } {
  return typeof node === "object" && node !== null && Array.isArray((node as Node).range);
}

/** Member user names are compared case-insensitively, like Entra ID and IAM Identity Center do. */
function isMemberMap(path: readonly PropertyKey[]): boolean {
  return path.length === 3 && path[0] === "teams" && path[2] === "members";
}

function duplicateKeys(node: unknown, path: PropertyKey[], lineAt: (offset: number) => number): ConfigProblem[] {
  const found: ConfigProblem[] = [];
  if (isMap(node)) {
    const firstLine = new Map<string, number>();
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const seen = isMemberMap(path) ? key.toLowerCase() : key;
      const line = isNodeWithRange(pair.key) ? lineAt(pair.key.range[0]) : 0;
      // The schema library drops a map entry named __proto__ without a word: a team or tag would vanish.
      if (key === "__proto__")
        found.push({
          path: formatPath([...path, key]),
          rule: 'key "__proto__" is not allowed',
          fix: "rename it",
          line,
        });
      const earlier = firstLine.get(seen);
      if (earlier === undefined) firstLine.set(seen, line);
      else
        found.push({
          path: formatPath([...path, key]),
          rule: isMemberMap(path)
            ? `user ${JSON.stringify(key)} is listed twice in this team (first on line ${earlier})`
            : `key ${JSON.stringify(key)} appears twice (first on line ${earlier})`,
          fix: isMemberMap(path) ? "list each user once per team" : "keep one of them",
          line,
        });
      found.push(...duplicateKeys(pair.value, [...path, key], lineAt));
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => found.push(...duplicateKeys(item, [...path, index], lineAt)));
  }
  return found;
}
