import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const ROOT = join(__dirname, "..");

/** The project's own prose: the README and every page under docs/. */
function documents(): string[] {
  return [
    "README.md",
    ...readdirSync(join(ROOT, "docs"))
      .filter((name) => name.endsWith(".md"))
      .map((name) => `docs/${name}`),
  ];
}

/** Relative link targets, `[text](target)`, without their #fragment; web and in-page links are left out. */
function links(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!.split("#")[0]!)
    .filter((target) => target !== "" && !/^[a-z]+:/i.test(target));
}

/**
 * Files the prose names in backticks (`tools/report.ts`, `examples/contoso.yaml`): paths with a folder and an
 * extension, without placeholders, outside what synthesis or a run writes.
 */
function citedFiles(text: string): string[] {
  return [...text.matchAll(/`([\w.-]+(?:\/[\w.-]+)+\.(?:md|ts|mjs|sh|yaml|yml|json|hcl))`/g)]
    .map((match) => match[1]!)
    .filter((path) => !path.startsWith("cdktf.out/") && !path.startsWith("node_modules/"));
}

describe("the documentation", () => {
  test.each(documents())("GIVEN %s WHEN its relative links are followed THEN every target exists", (document) => {
    const text = readFileSync(join(ROOT, document), "utf8");
    const missing = links(text).filter((target) => !existsSync(join(ROOT, dirname(document), target)));
    expect(missing).toEqual([]);
  });

  test.each(documents())("GIVEN %s WHEN it names a file of the project THEN that file exists", (document) => {
    const text = readFileSync(join(ROOT, document), "utf8");
    const missing = citedFiles(text).filter(
      (path) => !existsSync(join(ROOT, path)) && !existsSync(join(ROOT, dirname(document), path)),
    );
    expect(missing).toEqual([]);
  });

  test("GIVEN the prose WHEN read THEN it cites nothing outside the repository", () => {
    for (const document of documents()) {
      const text = readFileSync(join(ROOT, document), "utf8");
      expect({ document, cites: /DESIGN\.md|\.\.\/shared\//.test(text) }).toEqual({ document, cites: false });
    }
  });

  test("GIVEN the link checker WHEN a page links a missing file THEN it reports it (the check can fail)", () => {
    expect(links("see [the plan](docs/nowhere.md#top) and [web](https://example.com)")).toEqual(["docs/nowhere.md"]);
    expect(citedFiles("run `tools/nowhere.ts` on `cdktf.out/stacks/x/cdk.tf.json`")).toEqual(["tools/nowhere.ts"]);
  });
});
