// Terraform JSON syntax (a synthesized cdk.tf.json) to Terraform native syntax (main.tf), driven by the provider
// schemas. Every top-level kind the stack synthesizes is converted; anything else is an error naming its JSON path.
import { ConversionError } from "./errors";
import { isObject, pathOf, type Json, type JsonObject } from "./json";
import { attribute, block, bodies, literalString, render, type Item } from "./hcl";
import { isComment, schemaBody } from "./body";
import { DATA_LIFECYCLE, metaArguments, RESOURCE_LIFECYCLE, conditions } from "./meta";
import { Schemas, type ProviderSchemas } from "./schema";
import { localsBlocks, outputBlocks, terraformBlocks, unlabelledBlocks, variableBlocks } from "./declarations";

/** Each `{ "<type>": { "<name>": body } }` entry, with its path. */
function typedBlocks(value: Json, path: string): { type: string; name: string; body: JsonObject; path: string }[] {
  if (!isObject(value)) throw new ConversionError(path, "expected an object of types");
  return Object.entries(value).flatMap(([type, byName]) => {
    if (isComment(type)) return [];
    if (!isObject(byName)) throw new ConversionError(pathOf(path, type), "expected an object of named blocks");
    return Object.entries(byName).flatMap(([name, body]) => {
      const at = pathOf(pathOf(path, type), name);
      if (isComment(name)) return [];
      if (!isObject(body)) throw new ConversionError(at, "expected a block body (an object)");
      return [{ type, name, body, path: at }];
    });
  });
}

function resourceOrData(kind: "resource" | "data", value: Json, path: string, schemas: Schemas): Item[] {
  return typedBlocks(value, path).map(({ type, name, body, path: at }) => {
    const schema = schemas.typeBlock(kind, type, body.provider, at);
    const meta = metaArguments(body, at, kind === "resource" ? RESOURCE_LIFECYCLE : DATA_LIFECYCLE);
    return block(kind, [type, name], [...meta.first, ...schemaBody(body, schema, at, meta.keys), ...meta.last]);
  });
}

function providers(value: Json, path: string, schemas: Schemas): Item[] {
  if (!isObject(value)) throw new ConversionError(path, "expected an object of providers");
  return Object.entries(value).flatMap(([name, configs]) =>
    isComment(name)
      ? []
      : bodies(configs, pathOf(path, name)).map(({ body, path: at }) => {
          const alias =
            body.alias === undefined ? [] : [attribute("alias", literalString(body.alias, pathOf(at, "alias")))];
          const schema = schemas.providerBlock(name, at);
          return block("provider", [name], [...alias, ...schemaBody(body, schema, at, new Set(["alias"]))]);
        }),
  );
}

function checks(value: Json, path: string, schemas: Schemas): Item[] {
  if (!isObject(value)) throw new ConversionError(path, "expected an object of checks");
  return Object.entries(value).flatMap(([name, configs]) =>
    isComment(name)
      ? []
      : bodies(configs, pathOf(path, name)).map(({ body, path: at }) => {
          const items: Item[] = [];
          for (const [key, item] of Object.entries(body)) {
            const where = pathOf(at, key);
            if (isComment(key)) continue;
            if (key === "data") items.push(...resourceOrData("data", item, where, schemas));
            else if (key === "assert") items.push(...conditions("assert", item, where));
            else throw new ConversionError(where, `unknown argument of a check block`);
          }
          return block("check", [name], items);
        }),
  );
}

type TopLevel = (value: Json, path: string, schemas: Schemas) => Item[];

const TOP_LEVEL: Readonly<Record<string, TopLevel>> = {
  terraform: terraformBlocks,
  provider: providers,
  variable: variableBlocks,
  locals: localsBlocks,
  data: (value, path, schemas) => resourceOrData("data", value, path, schemas),
  resource: (value, path, schemas) => resourceOrData("resource", value, path, schemas),
  check: checks,
  output: outputBlocks,
  moved: (value, path) => unlabelledBlocks("moved", value, path),
  removed: (value, path) => unlabelledBlocks("removed", value, path),
  import: (value, path) => unlabelledBlocks("import", value, path),
};

/** The requirements the configuration declares, by local name, to find each provider's schema. */
function requiredProviders(config: JsonObject): JsonObject {
  const blocks = config.terraform === undefined ? [] : bodies(config.terraform, "$.terraform");
  return Object.assign(
    {},
    ...blocks.flatMap(({ body }) => (isObject(body.required_providers) ? [body.required_providers] : [])),
  );
}

/** The whole configuration in native syntax, its top-level kinds in the order of TOP_LEVEL (JSON sorts them). */
export function convert(config: Json, providerSchemas: ProviderSchemas): string {
  if (!isObject(config)) throw new ConversionError("$", "expected a Terraform JSON object");
  const schemas = new Schemas(providerSchemas, requiredProviders(config));
  for (const kind of Object.keys(config))
    if (!isComment(kind) && !Object.hasOwn(TOP_LEVEL, kind))
      throw new ConversionError(pathOf("$", kind), `unknown top-level block type ${kind}`);
  const items = Object.entries(TOP_LEVEL).flatMap(([kind, write]) => {
    const value = config[kind];
    return value === undefined ? [] : write(value, pathOf("$", kind), schemas);
  });
  return render(items);
}
