// The top-level blocks that no provider schema describes: terraform, variable, output, locals, moved, removed, import.
import { ConversionError } from "./errors";
import { isObject, pathOf, type Json, type JsonObject } from "./json";
import {
  attribute,
  bare,
  bareList,
  block,
  bodies,
  expression,
  literal,
  literalBoolean,
  literalString,
  type Item,
} from "./hcl";
import { isComment } from "./body";
import { conditions } from "./meta";

type ArgumentWriter = (value: Json, path: string) => Item[];

/** A body whose every argument has a writer; any other key is an error naming its path. */
function known(body: JsonObject, path: string, writers: Readonly<Record<string, ArgumentWriter>>): Item[] {
  return Object.entries(body).flatMap(([key, value]) => {
    if (isComment(key)) return [];
    const write = writers[key];
    if (!write) throw new ConversionError(pathOf(path, key), `unknown argument ${key}`);
    return write(value, pathOf(path, key));
  });
}

const as =
  (name: string, write: (value: Json, path: string) => string): ArgumentWriter =>
  (value, path) => [attribute(name, write(value, path))];

/** Each named block of a `{ "<name>": body }` object. */
function named(value: Json, path: string, write: (name: string, body: JsonObject, path: string) => Item[]): Item[] {
  if (!isObject(value)) throw new ConversionError(path, "expected an object of named blocks");
  return Object.entries(value).flatMap(([name, body]) =>
    isComment(name) ? [] : bodies(body, pathOf(path, name)).flatMap((b) => write(name, b.body, b.path)),
  );
}

/** The literal map of a block whose arguments are all literal (backend, cloud's workspaces). */
function literalArguments(body: JsonObject, path: string): Item[] {
  return Object.entries(body).flatMap(([key, value]) =>
    isComment(key) ? [] : [attribute(key, literal(value, pathOf(path, key)))],
  );
}

/** `name = { source, version, configuration_aliases }` per provider; aliases are bare references. */
function requirements(body: JsonObject, path: string): Item[] {
  return Object.entries(body).flatMap(([name, requirement]) => {
    const at = pathOf(path, name);
    if (isComment(name)) return [];
    if (typeof requirement === "string") return [attribute(name, literalString(requirement, at))];
    if (!isObject(requirement)) throw new ConversionError(at, "expected a provider requirement object");
    const entries = Object.entries(requirement).flatMap(([key, item]) => {
      const where = pathOf(at, key);
      if (isComment(key)) return [];
      if (key === "source" || key === "version") return [`${key} = ${literalString(item, where)}`];
      if (key === "configuration_aliases") return [`${key} = ${bareList(item, where)}`];
      throw new ConversionError(where, `unknown provider requirement ${key}`);
    });
    return [attribute(name, `{\n${entries.map((entry) => `  ${entry}`).join("\n")}\n}`)];
  });
}

const CLOUD: Readonly<Record<string, ArgumentWriter>> = {
  organization: as("organization", literalString),
  hostname: as("hostname", literalString),
  token: as("token", literalString),
  project: as("project", literalString),
  workspaces: (value, path) => {
    if (!isObject(value)) throw new ConversionError(path, "expected a workspaces object");
    return [block("workspaces", [], literalArguments(value, path))];
  },
};

const TERRAFORM: Readonly<Record<string, ArgumentWriter>> = {
  required_version: as("required_version", literalString),
  required_providers: (value, path) =>
    bodies(value, path).map(({ body, path: at }) => block("required_providers", [], requirements(body, at))),
  backend: (value, path) =>
    named(value, path, (type, body, at) => [block("backend", [type], literalArguments(body, at))]),
  cloud: (value, path) => bodies(value, path).map(({ body, path: at }) => block("cloud", [], known(body, at, CLOUD))),
  experiments: as("experiments", bareList),
};

export function terraformBlocks(value: Json, path: string): Item[] {
  return bodies(value, path).map(({ body, path: at }) => block("terraform", [], known(body, at, TERRAFORM)));
}

const VARIABLE: Readonly<Record<string, ArgumentWriter>> = {
  type: as("type", bare),
  default: as("default", literal),
  description: as("description", literalString),
  sensitive: as("sensitive", literalBoolean),
  nullable: as("nullable", literalBoolean),
  ephemeral: as("ephemeral", literalBoolean),
  validation: (value, path) => conditions("validation", value, path),
};

export function variableBlocks(value: Json, path: string): Item[] {
  return named(value, path, (name, body, at) => [block("variable", [name], known(body, at, VARIABLE))]);
}

const OUTPUT: Readonly<Record<string, ArgumentWriter>> = {
  value: as("value", expression),
  description: as("description", literalString),
  sensitive: as("sensitive", literalBoolean),
  ephemeral: as("ephemeral", literalBoolean),
  depends_on: as("depends_on", bareList),
  precondition: (value, path) => conditions("precondition", value, path),
};

export function outputBlocks(value: Json, path: string): Item[] {
  return named(value, path, (name, body, at) => [block("output", [name], known(body, at, OUTPUT))]);
}

export function localsBlocks(value: Json, path: string): Item[] {
  return bodies(value, path).map(({ body, path: at }) =>
    block(
      "locals",
      [],
      Object.entries(body).flatMap(([key, item]) =>
        isComment(key) ? [] : [attribute(key, expression(item, pathOf(at, key)))],
      ),
    ),
  );
}

const MOVED: Readonly<Record<string, ArgumentWriter>> = { from: as("from", bare), to: as("to", bare) };

const REMOVED: Readonly<Record<string, ArgumentWriter>> = {
  from: as("from", bare),
  lifecycle: (value, path) => {
    if (!isObject(value)) throw new ConversionError(path, "expected a lifecycle object");
    return [block("lifecycle", [], known(value, path, { destroy: as("destroy", literalBoolean) }))];
  },
};

const IMPORT: Readonly<Record<string, ArgumentWriter>> = {
  to: as("to", bare),
  id: as("id", expression),
  provider: as("provider", bare),
  for_each: as("for_each", expression),
};

/** moved, removed and import: unlabelled blocks that JSON writes as one object or a list of them. */
export function unlabelledBlocks(kind: "moved" | "removed" | "import", value: Json, path: string): Item[] {
  const writers = kind === "moved" ? MOVED : kind === "removed" ? REMOVED : IMPORT;
  return bodies(value, path).map(({ body, path: at }) => block(kind, [], known(body, at, writers)));
}
