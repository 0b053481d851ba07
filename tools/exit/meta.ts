// Meta-arguments of resources and data sources, which no provider schema holds: count, for_each, provider,
// depends_on and the lifecycle block with its conditions.
import { ConversionError } from "./errors";
import { isObject, pathOf, type Json, type JsonObject } from "./json";
import { attribute, bare, bareList, block, bodies, expression, literalBoolean, type Item } from "./hcl";
import { isComment } from "./body";

/** precondition/postcondition/validation/assert blocks: a condition and its error message. */
export function conditions(name: string, value: Json | undefined, path: string): Item[] {
  return bodies(value, path).map(({ body, path: at }) => {
    const items: Item[] = [];
    for (const [key, item] of Object.entries(body)) {
      if (isComment(key)) continue;
      if (key !== "condition" && key !== "error_message")
        throw new ConversionError(pathOf(at, key), `unknown argument of a ${name} block`);
      items.push(attribute(key, expression(item, pathOf(at, key))));
    }
    return block(name, [], items);
  });
}

const LIFECYCLE: Readonly<Record<string, (value: Json, path: string) => Item[]>> = {
  create_before_destroy: (value, path) => [attribute("create_before_destroy", literalBoolean(value, path))],
  prevent_destroy: (value, path) => [attribute("prevent_destroy", literalBoolean(value, path))],
  ignore_changes: (value, path) => [attribute("ignore_changes", value === "all" ? "all" : bareList(value, path))],
  replace_triggered_by: (value, path) => [attribute("replace_triggered_by", bareList(value, path))],
  precondition: (value, path) => conditions("precondition", value, path),
  postcondition: (value, path) => conditions("postcondition", value, path),
};

/** The lifecycle block: the arguments a resource takes, or the subset a data source takes. */
export function lifecycle(value: Json | undefined, path: string, allowed: readonly string[]): Item {
  if (!isObject(value)) throw new ConversionError(path, "expected a lifecycle object");
  const items: Item[] = [];
  for (const [key, item] of Object.entries(value)) {
    const where = pathOf(path, key);
    const write = LIFECYCLE[key];
    if (isComment(key)) continue;
    if (!write || !allowed.includes(key)) throw new ConversionError(where, `unknown lifecycle argument ${key}`);
    items.push(...write(item, where));
  }
  return block("lifecycle", [], items);
}

export const RESOURCE_LIFECYCLE = Object.keys(LIFECYCLE);
export const DATA_LIFECYCLE = ["precondition", "postcondition"];

/** The meta-arguments found in a body, split into those written first and those written last. */
export function metaArguments(body: JsonObject, path: string, lifecycleArguments: readonly string[]) {
  const first: Item[] = [];
  const last: Item[] = [];
  for (const key of ["count", "for_each"])
    if (body[key] !== undefined) first.push(attribute(key, expression(body[key], pathOf(path, key))));
  if (body.provider !== undefined) first.push(attribute("provider", bare(body.provider, pathOf(path, "provider"))));
  if (body.depends_on !== undefined)
    last.push(attribute("depends_on", bareList(body.depends_on, pathOf(path, "depends_on"))));
  if (body.lifecycle !== undefined) last.push(lifecycle(body.lifecycle, pathOf(path, "lifecycle"), lifecycleArguments));
  for (const key of ["provisioner", "connection"])
    if (body[key] !== undefined) throw new ConversionError(pathOf(path, key), `${key} blocks are not converted`);
  return { first, last, keys: new Set(["count", "for_each", "provider", "depends_on", "lifecycle"]) };
}
