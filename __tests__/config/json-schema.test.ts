import { readFileSync } from "node:fs";
import { join } from "node:path";
import { federationJsonSchemaText } from "../../config/json-schema";
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
