/**
 * Counts the resource and data source instances Terraform will plan for a synthesized cdk.tf.json, without
 * running Terraform: a block without `for_each`/`count` is one instance; a `for_each` over a literal map or
 * list has one per key; a `for_each` over another block (`${aws_x.y}`, as TerraformIterator.fromResources
 * writes it) has as many as that block; `${toset([...])}` has one per distinct element.
 */
export interface InstanceCount {
  readonly resources: number;
  readonly dataSources: number;
  /** Blocks whose instance count depends on values only known at plan time (counted as one instance). */
  readonly unresolved: readonly string[];
}

interface Block {
  readonly for_each?: unknown;
  readonly count?: unknown;
}
type Blocks = Readonly<Record<string, Readonly<Record<string, Block>>>>;

export interface TerraformJson {
  readonly resource?: Blocks;
  readonly data?: Blocks;
}

export function countInstances(json: TerraformJson): InstanceCount {
  const unresolved: string[] = [];
  const cache = new Map<string, number>();

  const blockAt = (address: string): Block | undefined => {
    const parts = address.split(".");
    const [kind, type, name] = parts[0] === "data" ? parts : ["resource", ...parts];
    const blocks = kind === "data" ? json.data : json.resource;
    return type === undefined || name === undefined ? undefined : blocks?.[type]?.[name];
  };

  const instancesOf = (address: string, seen: ReadonlySet<string>): number => {
    const cached = cache.get(address);
    if (cached !== undefined) return cached;
    const block = blockAt(address);
    const count = block === undefined || seen.has(address) ? undefined : expand(block, new Set([...seen, address]));
    if (count === undefined) unresolved.push(address);
    cache.set(address, count ?? 1);
    return count ?? 1;
  };

  const expand = (block: Block, seen: ReadonlySet<string>): number | undefined => {
    if (block.count !== undefined) return typeof block.count === "number" ? block.count : undefined;
    const forEach = block.for_each;
    if (forEach === undefined) return 1;
    if (Array.isArray(forEach)) return new Set(forEach.map((item) => JSON.stringify(item))).size;
    if (typeof forEach === "object" && forEach !== null) return Object.keys(forEach).length;
    if (typeof forEach !== "string") return undefined;
    const toset = /^\$\{toset\((\[.*\])\)\}$/s.exec(forEach)?.[1];
    if (toset !== undefined) return distinctElements(toset);
    const reference = /^\$\{((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)\}$/.exec(forEach)?.[1];
    return reference === undefined ? undefined : instancesOf(reference, seen);
  };

  const total = (kind: "resource" | "data") =>
    Object.entries(json[kind] ?? {})
      .flatMap(([type, blocks]) =>
        Object.keys(blocks).map((name) => `${kind === "data" ? "data." : ""}${type}.${name}`),
      )
      .reduce((sum, address) => sum + instancesOf(address, new Set()), 0);

  return { resources: total("resource"), dataSources: total("data"), unresolved };
}

/** `["a", "b"]` as cdktf writes a literal list inside an expression: JSON, when every element is a string. */
function distinctElements(list: string): number | undefined {
  try {
    const items: unknown = JSON.parse(list);
    return Array.isArray(items) ? new Set(items.map((item) => JSON.stringify(item))).size : undefined;
  } catch {
    return undefined;
  }
}
