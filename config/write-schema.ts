import { writeFileSync } from "node:fs";
import { format, resolveConfig } from "prettier";
import { configReferenceMarkdown } from "./config-reference-doc";
import { federationJsonSchemaText } from "./json-schema";

const REFERENCE = "docs/config.md";

async function main(): Promise<void> {
  writeFileSync("federation.schema.json", federationJsonSchemaText());
  // In the project's prettier style, which lint checks in docs/ too.
  const options = { ...(await resolveConfig(REFERENCE)), filepath: REFERENCE };
  writeFileSync(REFERENCE, await format(configReferenceMarkdown(), options));
  console.log(`wrote federation.schema.json and ${REFERENCE}`);
}

void main();
