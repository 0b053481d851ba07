// The provider schemas (`terraform providers schema -json`): in JSON syntax a nested block and an object-typed
// attribute look the same, and only the schema tells them apart.
import { ConversionError } from "./errors";
import { isObject, type Json, type JsonObject } from "./json";

export interface SchemaBlock {
  readonly attributes?: Readonly<Record<string, unknown>>;
  readonly block_types?: Readonly<Record<string, SchemaBlockType>>;
}

export interface SchemaBlockType {
  readonly nesting_mode: "single" | "group" | "list" | "set" | "map";
  readonly block: SchemaBlock;
}

interface ProviderSchema {
  readonly provider?: { readonly block: SchemaBlock };
  readonly resource_schemas?: Readonly<Record<string, { readonly block: SchemaBlock }>>;
  readonly data_source_schemas?: Readonly<Record<string, { readonly block: SchemaBlock }>>;
}

export interface ProviderSchemas {
  readonly provider_schemas?: Readonly<Record<string, ProviderSchema>>;
}

/** A provider source as Terraform writes it in full: `aws` and `hashicorp/aws` are registry.terraform.io/hashicorp/aws. */
export function fullSource(source: string): string {
  const parts = source.toLowerCase().split("/");
  if (parts.length === 1) return `registry.terraform.io/hashicorp/${parts[0]}`;
  if (parts.length === 2) return `registry.terraform.io/${parts.join("/")}`;
  return parts.join("/");
}

/** Looks up the schema of a provider, resource or data source, by the local names the configuration declares. */
export class Schemas {
  private readonly sources: ReadonlyMap<string, string>;

  constructor(
    private readonly schemas: ProviderSchemas,
    requiredProviders: JsonObject,
  ) {
    this.sources = new Map(
      Object.entries(requiredProviders).map(([name, requirement]) => {
        const source = isObject(requirement) && typeof requirement.source === "string" ? requirement.source : name;
        return [name, fullSource(source)];
      }),
    );
  }

  private provider(localName: string, path: string): ProviderSchema {
    const source = this.sources.get(localName) ?? fullSource(localName);
    const schema = this.schemas.provider_schemas?.[source];
    if (!schema) throw new ConversionError(path, `no schema for provider ${source} (is it initialized?)`);
    return schema;
  }

  providerBlock(localName: string, path: string): SchemaBlock {
    const block = this.provider(localName, path).provider?.block;
    if (!block) throw new ConversionError(path, `provider ${localName} has no configuration schema`);
    return block;
  }

  /** A resource's or data source's schema; the provider is its `provider` meta-argument's, else its type's prefix. */
  typeBlock(kind: "resource" | "data", type: string, providerRef: Json | undefined, path: string): SchemaBlock {
    const ref = typeof providerRef === "string" ? providerRef.replace(/^\$\{(.*)\}$/, "$1") : undefined;
    const localName = ref ? ref.split(".")[0]! : type.split("_")[0]!;
    const schema = this.provider(localName, path);
    const types = kind === "resource" ? schema.resource_schemas : schema.data_source_schemas;
    const block = types?.[type]?.block;
    if (!block) throw new ConversionError(path, `provider ${localName} has no ${kind} type ${type}`);
    return block;
  }
}
