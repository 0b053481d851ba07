import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

// The house rules a newcomer relies on: small folders, small files, imports that flow one way.
const ROOT = resolve(__dirname, "..");
const PRODUCT = ["config", "constructs", "policies", "stacks", "tools"];
const MAX_FILES_WITHOUT_SUBFOLDERS = 15;
const MAX_LINES = 400;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? [path, ...walk(path)] : [];
  });
}
const folders = PRODUCT.flatMap((top) => [join(ROOT, top), ...walk(join(ROOT, top))]);
const sources = folders.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(dir, name)),
);

/** The product files a file imports by a relative path, type-only imports included. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!);
  return specifiers
    .map((specifier) => resolve(dirname(file), specifier))
    .map((path) => (path.endsWith(".ts") ? path : `${path}.ts`))
    .filter((path) => sources.includes(path));
}

/** One import cycle, as the files around it, or undefined. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === "done") return undefined;
    if (state.get(file) === "open") return [...stack.slice(stack.indexOf(file)), file];
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(file, "done");
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

describe("the product's layout", () => {
  test(`THEN no folder holds more than ${MAX_FILES_WITHOUT_SUBFOLDERS} files without subfolders`, () => {
    const crowded = folders.filter((dir) => {
      const entries = readdirSync(dir).map((name) => statSync(join(dir, name)));
      const files = entries.filter((entry) => entry.isFile()).length;
      return files > MAX_FILES_WITHOUT_SUBFOLDERS && !entries.some((entry) => entry.isDirectory());
    });
    expect(crowded.map((dir) => relative(ROOT, dir))).toEqual([]);
  });

  test(`THEN no source file is longer than ${MAX_LINES} lines`, () => {
    const long = [...sources, join(ROOT, "main.ts")]
      .map((file) => ({ file: relative(ROOT, file), lines: readFileSync(file, "utf8").split("\n").length }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  test("THEN no file imports itself through others, type-only imports included", () => {
    const graph = new Map(sources.map((file) => [file, importsOf(file)]));
    expect(findCycle(graph)?.map((file) => relative(ROOT, file))).toBeUndefined();
  });

  test("fails a cycle GIVEN two files that import each other", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["a.ts"]],
      ["c.ts", []],
    ]);
    expect(findCycle(graph)).toEqual(["a.ts", "b.ts", "a.ts"]);
  });

  test("GIVEN the import reader WHEN it reads a rule of the config THEN it finds the rule's imports", () => {
    const registry = join(ROOT, "config/rules/registry.ts");
    expect(importsOf(registry).length).toBeGreaterThan(10);
  });
});
