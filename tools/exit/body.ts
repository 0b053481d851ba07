// A resource's, data source's or provider's own arguments, told apart by the schema: attributes become `name = ...`,
// nested blocks become blocks (in their nesting mode), and `dynamic` generates blocks of a nested block type.
import { ConversionError } from "./errors";
import { isObject, pathOf, type Json, type JsonObject } from "./json";
import { attribute, bare, block, bodies, expression, type Item } from "./hcl";
import type { SchemaBlock, SchemaBlockType } from "./schema";

/** Keys cdktf writes for its own bookkeeping (`"//"`): comments in JSON syntax, nothing in native syntax. */
export function isComment(key: string): boolean {
  return key === "//";
}

/** The blocks of one nested block type, as JSON writes them for its nesting mode. */
function nestedBlocks(name: string, type: SchemaBlockType, value: Json, path: string): Item[] {
  if (type.nesting_mode === "map") {
    if (!isObject(value)) throw new ConversionError(path, `block type ${name} is a map: expected an object of labels`);
    return Object.entries(value).flatMap(([label, labelled]) =>
      bodies(labelled, pathOf(path, label)).map((b) => block(name, [label], schemaBody(b.body, type.block, b.path))),
    );
  }
  const found = bodies(value, path);
  if ((type.nesting_mode === "single" || type.nesting_mode === "group") && found.length > 1)
    throw new ConversionError(path, `block type ${name} takes one block, got ${found.length}`);
  return found.map((b) => block(name, [], schemaBody(b.body, type.block, b.path)));
}

/** `dynamic "name" { for_each, iterator, labels, content }` for each spec JSON gives for a nested block type. */
function dynamicBlocks(value: Json, schema: SchemaBlock, path: string): Item[] {
  if (!isObject(value)) throw new ConversionError(path, "expected an object of dynamic blocks by block type");
  return Object.entries(value).flatMap(([name, specs]) => {
    const type = schema.block_types?.[name];
    if (!type) throw new ConversionError(pathOf(path, name), `dynamic block of ${name}, which is no nested block type`);
    return bodies(specs, pathOf(path, name)).map(({ body, path: at }) => {
      const items: Item[] = [];
      for (const [key, item] of Object.entries(body)) {
        const where = pathOf(at, key);
        if (isComment(key)) continue;
        if (key === "for_each") items.push(attribute(key, expression(item, where)));
        else if (key === "iterator") items.push(attribute(key, bare(item, where)));
        else if (key === "labels") items.push(attribute(key, expression(item, where)));
        else if (key !== "content") throw new ConversionError(where, "unknown argument of a dynamic block");
      }
      const content = body.content;
      if (!isObject(content))
        throw new ConversionError(pathOf(at, "content"), "a dynamic block needs a content object");
      items.push(block("content", [], schemaBody(content, type.block, pathOf(at, "content"))));
      return block("dynamic", [name], items);
    });
  });
}

/** A body's arguments by the schema; a key the schema does not know is an error. */
export function schemaBody(body: JsonObject, schema: SchemaBlock, path: string, skip: ReadonlySet<string> = new Set()) {
  const items: Item[] = [];
  for (const [key, value] of Object.entries(body)) {
    const where = pathOf(path, key);
    if (isComment(key) || skip.has(key)) continue;
    const nested = schema.block_types?.[key];
    if (key === "dynamic" && !schema.attributes?.dynamic) items.push(...dynamicBlocks(value, schema, where));
    else if (nested) items.push(...nestedBlocks(key, nested, value, where));
    else if (schema.attributes?.[key] !== undefined) items.push(attribute(key, expression(value, where)));
    else throw new ConversionError(where, `${key} is neither an attribute nor a block type in the schema`);
  }
  return items;
}
