import { writeFileSync } from "node:fs";
import { z } from "zod";
import { federationSchema } from "./schema";

/** Writes federation.schema.json, which the example configs reference so editors check the YAML as it is typed. */
const schema = z.toJSONSchema(federationSchema, { io: "input", unrepresentable: "any" });
const text = JSON.stringify(
  { ...schema, title: "SageMaker Studio federation config", description: "See README.md, Config reference" },
  (_key, value: unknown) => (typeof value === "string" && value.startsWith('{"rule"') ? readable(value) : value),
  2,
);
writeFileSync("federation.schema.json", `${text}\n`);
console.log("wrote federation.schema.json");

/** Schema messages carry rule and fix as JSON; editors show plain text. */
function readable(message: string): string {
  const { rule, fix } = JSON.parse(message) as { rule: string; fix: string };
  return `${rule}; ${fix}`;
}
