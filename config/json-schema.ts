import { z } from "zod";
import { CONFIG_REFERENCE } from "./reference";
import { federationSchema } from "./schema";

/** The parts of a JSON Schema node this file reads or writes. */
export interface JsonNode {
  description?: string;
  default?: unknown;
  required?: string[];
  properties?: Record<string, JsonNode>;
  additionalProperties?: JsonNode | boolean;
  items?: JsonNode | JsonNode[];
  anyOf?: JsonNode[];
  oneOf?: JsonNode[];
  [other: string]: unknown;
}

/** The config's JSON Schema as federation.schema.json holds it, so editors check the YAML as it is typed. */
export function federationJsonSchema(): JsonNode {
  const schema = z.toJSONSchema(federationSchema, { io: "input", unrepresentable: "any" }) as JsonNode;
  forEachKey(schema, (path, node) => {
    const reference = CONFIG_REFERENCE[path];
    if (reference) node.description = reference.description;
  });
  return { ...schema, title: "SageMaker Studio federation config", description: "See docs/config.md" };
}

export function federationJsonSchemaText(): string {
  const text = JSON.stringify(
    federationJsonSchema(),
    (_key, value: unknown) => (typeof value === "string" && value.startsWith('{"rule"') ? readable(value) : value),
    2,
  );
  return `${text}\n`;
}

/**
 * Calls `visit` with every key's path (as CONFIG_REFERENCE writes it: `teams.<key>.group`) and its schema node,
 * through alternatives (a key of a discriminated union appears once per alternative) and maps.
 */
export function forEachKey(
  node: JsonNode,
  visit: (path: string, node: JsonNode, required: boolean) => void,
  path = "",
): void {
  for (const alternative of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) forEachKey(alternative, visit, path);
  const required = new Set<string>(node.required ?? []);
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const childPath = path === "" ? key : `${path}.${key}`;
    visit(childPath, child, required.has(key));
    forEachKey(child, visit, childPath);
  }
  if (typeof node.additionalProperties === "object") forEachKey(node.additionalProperties, visit, `${path}.<key>`);
  if (typeof node.items === "object" && !Array.isArray(node.items)) forEachKey(node.items, visit, path);
}

/** Schema messages carry rule and fix as JSON; editors show plain text. */
function readable(message: string): string {
  const { rule, fix } = JSON.parse(message) as { rule: string; fix: string };
  return `${rule}; ${fix}`;
}
