import type { core, z } from "zod";
import { formatPath, type RawProblem } from "./errors";
import { fieldOf, isOptional, unwrap } from "./schema-walk";
import { standInFor, standInText } from "./stand-ins";

/** What is left of a config once the parts the schema rejected are cut out. */
export interface Salvage<T> {
  /** The config without the rejected parts, as the schema parses it (defaults filled in). */
  readonly input: T;
  /** Where parts were cut: a record entry (a team, a member, an account) or an optional key. */
  readonly cuts: readonly Cut[];
}

export interface Cut {
  readonly path: readonly PropertyKey[];
  /** Whether it was an entry of a record: other parts may name it, or list the record's entries. */
  readonly entry: boolean;
  /** A required part is not cut but replaced by a stand-in (config/stand-ins.ts). */
  readonly standIn?: { readonly value: unknown };
}

/** Enough rounds for a rejected part whose cut reveals another below it; a config needing more is reported in steps. */
const MAX_ROUNDS = 8;

/**
 * Cuts out the smallest removable part around each schema problem (the member, the team, the optional key) until the
 * rest parses, so cross-checks can run on it in the same pass. A required part (such as `name` or `aws.accountId`)
 * is replaced by a stand-in instead. Returns undefined when neither is possible.
 */
export function salvage<T>(
  schema: z.ZodType<T>,
  data: unknown,
  issues: readonly core.$ZodIssue[],
): Salvage<T> | undefined {
  let current = data;
  const cuts: Cut[] = [];
  let pending = issues;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (const issue of pending) {
      const cut = cutFor(schema, issue);
      if (cut === undefined) return undefined;
      current = cut.standIn === undefined ? without(current, cut.path) : replaced(current, cut.path, cut.standIn.value);
      cuts.push(cut);
    }
    const parsed = schema.safeParse(current);
    if (parsed.success) return { input: parsed.data, cuts };
    pending = parsed.error.issues;
  }
  return undefined;
}

/**
 * Drops cross-check problems about what was cut, or that the cut itself caused: a problem under a cut, one that names
 * a cut entry (a team's `account "prod"` when `aws.accounts.prod` was cut), and one that speaks of a record that lost
 * entries (its list of known accounts would be short), and one that names a stand-in or what it replaced.
 */
export function unaffectedBy(cuts: readonly Cut[]): (problem: RawProblem) => boolean {
  const entries = cuts.filter((cut) => cut.entry);
  const standIns = cuts.filter((cut) => cut.standIn !== undefined);
  const mentions = [
    ...entries.map((cut) => `"${String(cut.path[cut.path.length - 1])}"`),
    ...entries.map((cut) => formatPath(cut.path.slice(0, -1))),
    ...standIns.map((cut) => formatPath(cut.path)),
    ...standIns.flatMap((cut) => standInText(cut.standIn!.value)),
  ];
  return (problem) =>
    !cuts.some((cut) => cut.path.every((key, index) => problem.path[index] === key)) &&
    !mentions.some((mention) => problem.rule.includes(mention) || problem.fix.includes(mention));
}

function cutFor(schema: z.ZodType, issue: core.$ZodIssue): Cut | undefined {
  const path = issue.path as PropertyKey[];
  // A key the schema does not know can go as it is.
  if (issue.code === "unrecognized_keys") return { path: [...path, issue.keys[0]!], entry: false };
  const removable = deepestRemovable(schema as unknown as core.$ZodType, path);
  if (removable !== undefined) return removable;
  const standIn = standInFor(path);
  return standIn === undefined ? undefined : { path: standIn.path, entry: false, standIn: { value: standIn.value } };
}

/** The longest prefix of `path` that names a record entry or an optional key: removing it leaves a valid shape. */
function deepestRemovable(schema: core.$ZodType, path: readonly PropertyKey[]): Cut | undefined {
  let node: core.$ZodType | undefined = schema;
  let found: Cut | undefined;
  for (let depth = 0; depth < path.length && node !== undefined; depth++) {
    const key = path[depth]!;
    const def: core.$ZodTypeDef = unwrap(node)._zod.def;
    if (def.type === "record") {
      found = { path: path.slice(0, depth + 1), entry: true };
      node = (def as core.$ZodRecordDef).valueType;
    } else if (def.type === "object" || def.type === "union") {
      const child = fieldOf(def, key);
      if (child !== undefined && isOptional(child)) found = { path: path.slice(0, depth + 1), entry: false };
      node = child;
    } else if (def.type === "array") {
      // Cutting one element would renumber the paths of the rest.
      node = (def as core.$ZodArrayDef).element;
    } else node = undefined;
  }
  return found;
}

function replaced(data: unknown, path: readonly PropertyKey[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const object = typeof data === "object" && data !== null && !Array.isArray(data) ? data : {};
  return { ...object, [head!]: replaced((object as Record<PropertyKey, unknown>)[head!], rest, value) };
}

function without(data: unknown, path: readonly PropertyKey[]): unknown {
  if (path.length === 0 || typeof data !== "object" || data === null) return data;
  const [head, ...rest] = path;
  if (!Object.hasOwn(data, head!)) return data;
  const copy = Array.isArray(data) ? [...data] : { ...(data as Record<PropertyKey, unknown>) };
  if (rest.length === 0) delete (copy as Record<PropertyKey, unknown>)[head!];
  else (copy as Record<PropertyKey, unknown>)[head!] = without((data as Record<PropertyKey, unknown>)[head!], rest);
  return copy;
}
