/**
 * The resource instances of a synthesized `cdk.tf.json`, as Terraform would plan them: one per `for_each` key, with
 * `each.key` and `each.value` filled in. Only what the JSON itself says is resolved; anything known after apply (an
 * ARN, a data source) stays as the reference text.
 */

/** The part of a synthesized stack this reads. */
export interface TerraformJson {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;
}

export interface ResourceInstance {
  readonly type: string;
  /** `type.name` or `type.name["key"]`, as Terraform names it in a plan. */
  readonly address: string;
  /** `aws`, or `aws.<alias>` for a provider configured for another account. */
  readonly provider: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** A reference to another resource, as `${type.name[key].attribute}` or `${type.name.attribute}` writes it. */
export interface Reference {
  readonly address: string;
  readonly attribute: string;
}

export function resourceInstances(json: TerraformJson, types: readonly string[]): ResourceInstance[] {
  return types.flatMap((type) =>
    Object.entries(json.resource?.[type] ?? {}).flatMap(([name, block]) => {
      const attributes = Object.fromEntries(
        Object.entries(block).filter(([name]) => name !== "for_each" && name !== "//"),
      );
      const forEach = block.for_each;
      const provider = typeof attributes.provider === "string" ? attributes.provider : type.split("_")[0]!;
      if (forEach === undefined || typeof forEach !== "object" || forEach === null)
        return [{ type, address: `${type}.${name}`, provider, attributes }];
      return Object.entries(forEach as Record<string, unknown>).map(([key, value]) => ({
        type,
        address: `${type}.${name}[${JSON.stringify(key)}]`,
        provider,
        attributes: fill(attributes, key, value) as Record<string, unknown>,
      }));
    }),
  );
}

/** The resource a reference names, with `each.key` or `each.value.<path>` as its index already filled in. */
export function referenceOf(value: unknown): Reference | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)(\["[^"]*"\])?\.([a-z_]+)\}$/.exec(value);
  return match === null ? undefined : { address: `${match[1]}${match[2] ?? ""}`, attribute: match[3]! };
}

const EACH = /\$\{each\.(key|value)((?:\.[A-Za-z0-9_-]+)*)\}/g;
const EACH_INDEX = /\[each\.(key|value)((?:\.[A-Za-z0-9_-]+)*)\]/g;

function fill(value: unknown, key: string, each: unknown): unknown {
  if (typeof value === "string") return fillString(value, key, each);
  if (Array.isArray(value)) return value.map((item) => fill(item, key, each));
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, fill(item, key, each)]));
  return value;
}

function fillString(text: string, key: string, each: unknown): unknown {
  const pick = (which: string, path: string) => (which === "key" ? key : valueAt(each, path));
  const whole = /^\$\{each\.(key|value)((?:\.[A-Za-z0-9_-]+)*)\}$/.exec(text);
  if (whole !== null) return pick(whole[1]!, whole[2]!);
  return text
    .replace(EACH_INDEX, (_, which: string, path: string) => `[${JSON.stringify(String(pick(which, path)))}]`)
    .replace(EACH, (_, which: string, path: string) => String(pick(which, path)));
}

function valueAt(value: unknown, path: string): unknown {
  return path
    .split(".")
    .filter((part) => part !== "")
    .reduce<unknown>(
      (at, part) => (typeof at === "object" && at !== null ? (at as Record<string, unknown>)[part] : undefined),
      value,
    );
}
