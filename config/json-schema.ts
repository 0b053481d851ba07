import { z } from "zod";
import { federationSchema } from "./schema";

/** The config's JSON Schema as federation.schema.json holds it, so editors check the YAML as it is typed. */
export function federationJsonSchemaText(): string {
  const schema = z.toJSONSchema(federationSchema, { io: "input", unrepresentable: "any" });
  const text = JSON.stringify(
    { ...schema, title: "SageMaker Studio federation config", description: "See README.md, Config reference" },
    (_key, value: unknown) => (typeof value === "string" && value.startsWith('{"rule"') ? readable(value) : value),
    2,
  );
  return `${text}\n`;
}

/** Schema messages carry rule and fix as JSON; editors show plain text. */
function readable(message: string): string {
  const { rule, fix } = JSON.parse(message) as { rule: string; fix: string };
  return `${rule}; ${fix}`;
}
