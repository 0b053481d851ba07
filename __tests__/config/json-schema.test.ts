import { readFileSync } from "node:fs";
import { join } from "node:path";
import { configReferenceMarkdown } from "../../config/config-reference-doc";
import { federationJsonSchema, federationJsonSchemaText, forEachKey } from "../../config/json-schema";
import { CONFIG_REFERENCE } from "../../config/reference";
import { exampleText } from "../helpers";

describe("federation.schema.json", () => {
  test("is what `npm run schema` writes from the current schema", () => {
    // GIVEN the committed file, WHEN the schema is exported again, THEN nothing changed (else run npm run schema)
    const committed = readFileSync(join(__dirname, "..", "..", "federation.schema.json"), "utf8");
    expect(committed).toBe(federationJsonSchemaText());
  });

  test("forbids unknown keys and names every top-level section of the contract", () => {
    const schema = JSON.parse(federationJsonSchemaText());
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["name", "backend", "aws", "identityProvider", "admins", "personas", "teams"]),
    );
  });

  test.each(["contoso", "contoso-external", "contoso-multi-account"])("is referenced by the %s example", (name) => {
    expect(exampleText(name)).toMatch(/^# yaml-language-server: \$schema=\.\.\/federation\.schema\.json$/m);
  });
});

describe("the config reference", () => {
  const keys: string[] = [];
  beforeAll(() => {
    forEachKey(federationJsonSchema(), (path) => keys.push(path));
  });

  test("GIVEN every key of the schema WHEN its description is looked up THEN it has one, and every documented key exists", () => {
    const documented = Object.keys(CONFIG_REFERENCE);
    expect([...new Set(keys)].filter((key) => !documented.includes(key))).toEqual([]);
    expect(documented.filter((key) => !keys.includes(key))).toEqual([]);
  });

  test("GIVEN the JSON Schema WHEN an editor reads a key THEN it shows the key's description", () => {
    const schema = JSON.parse(federationJsonSchemaText());
    expect(schema.properties.name.description).toBe(CONFIG_REFERENCE.name!.description);
    expect(schema.properties.teams.additionalProperties.properties.s3Buckets.description).toContain("workspace");
  });

  test("is what `npm run schema` writes to docs/config.md (run it after changing the schema or config/reference.ts)", () => {
    // Compared cell by cell: prettier (run by `npm run schema`, checked by lint) only pads the table.
    const committed = readFileSync(join(__dirname, "..", "..", "docs", "config.md"), "utf8");
    expect(tableCells(committed)).toEqual(tableCells(configReferenceMarkdown()));
  });

  test("GIVEN the generated reference WHEN read THEN keys without a default say whether they are required", () => {
    const markdown = configReferenceMarkdown();
    expect(markdown).toMatch(/^\| `teams\.<key>\.group` \| required \|/m);
    expect(markdown).toMatch(/^\| `admins\.sessionDuration` \| `"PT4H"` \|/m);
  });
});

/** A markdown document's prose lines and table cells, without the padding and rule rows prettier writes. */
function tableCells(markdown: string): string[][] {
  return markdown
    .split("\n")
    .filter((line) => line.trim() !== "" && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line.startsWith("|")
        ? line
            .split(/(?<!\\)\|/)
            .slice(1, -1)
            .map((cell) => cell.trim())
        : [line],
    );
}
