import type { core } from "zod";

/** The schema below optional, default, nullable, readonly and pipe wrappers: the shape a value must have. */
export function unwrap(schema: core.$ZodType): core.$ZodType {
  const def = schema._zod.def;
  if (def.type === "optional" || def.type === "default" || def.type === "nullable" || def.type === "readonly")
    return unwrap((def as core.$ZodOptionalDef).innerType);
  if (def.type === "pipe") return unwrap((def as core.$ZodPipeDef).in);
  return schema;
}

/** The schema of a mapping's key: in a union, that of the option that has the key (the options differ in theirs). */
export function fieldOf(def: core.$ZodTypeDef, key: PropertyKey): core.$ZodType | undefined {
  if (def.type === "object") return (def as core.$ZodObjectDef).shape[String(key)];
  if (def.type !== "union") return undefined;
  for (const option of (def as core.$ZodUnionDef).options) {
    const inner = unwrap(option)._zod.def;
    if (inner.type === "object" && Object.hasOwn((inner as core.$ZodObjectDef).shape, String(key)))
      return (inner as core.$ZodObjectDef).shape[String(key)];
  }
  return undefined;
}

/** The keys a mapping may have at a config path (every option's, in a union); empty where no fixed keys apply. */
export function keysAt(schema: core.$ZodType, path: readonly PropertyKey[]): string[] {
  const node = schemaAt(schema, path);
  return node === undefined ? [] : objectKeys(unwrap(node));
}

/** The keys a mapping at a config path must have. */
export function requiredKeysAt(schema: core.$ZodType, path: readonly PropertyKey[]): string[] {
  const node = schemaAt(schema, path);
  const def = node === undefined ? undefined : unwrap(node)._zod.def;
  if (def?.type !== "object") return [];
  return Object.entries((def as core.$ZodObjectDef).shape)
    .filter(([, field]) => !isOptional(field))
    .map(([key]) => key);
}

export function isOptional(schema: core.$ZodType): boolean {
  const type = schema._zod.def.type;
  if (type === "optional" || type === "default") return true;
  return type === "pipe" && isOptional((schema._zod.def as core.$ZodPipeDef).in);
}

function schemaAt(schema: core.$ZodType, path: readonly PropertyKey[]): core.$ZodType | undefined {
  let node: core.$ZodType | undefined = schema;
  for (const key of path) {
    if (node === undefined) return undefined;
    const def: core.$ZodTypeDef = unwrap(node)._zod.def;
    if (def.type === "record") node = (def as core.$ZodRecordDef).valueType;
    else if (def.type === "array") node = (def as core.$ZodArrayDef).element;
    else node = fieldOf(def, key);
  }
  return node;
}

function objectKeys(schema: core.$ZodType): string[] {
  const def = schema._zod.def;
  if (def.type === "object") return Object.keys((def as core.$ZodObjectDef).shape);
  if (def.type !== "union") return [];
  return [...new Set((def as core.$ZodUnionDef).options.flatMap((option) => objectKeys(unwrap(option))))];
}
