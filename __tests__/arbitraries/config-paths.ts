/** Config paths: reading, writing and naming places in config data as the loader reports them. */
import { stringify } from "yaml";
import { ConfigData, Malformed, Path } from "./building-blocks";

// Paths

export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A config path as error messages write it: `teams.forecasting.members["bob@contoso.com"]`, `s3Buckets[0]`. */
export function pathText(path: Path): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text === "" ? "(root)" : text;
}

/** True when `problemPath` is `expected` or a path under it. */
export function isAtOrUnder(problemPath: string, expected: string): boolean {
  return problemPath === expected || problemPath.startsWith(`${expected}.`) || problemPath.startsWith(`${expected}[`);
}

export function get(data: ConfigData, path: Path): any {
  return path.reduce<any>((node, segment) => node?.[segment], data);
}

/** Sets (or, with undefined, removes) the value at a path, creating the mappings and lists on the way. */
export function set(data: ConfigData, path: Path, value: unknown): void {
  let parent: any = data;
  path.slice(0, -1).forEach((segment, i) => {
    if (parent[segment] === undefined || parent[segment] === null)
      parent[segment] = typeof path[i + 1] === "number" ? [] : {};
    parent = parent[segment];
  });
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
    else delete parent[last];
  } else if (last === "__proto__") Object.defineProperty(parent, last, { value, enumerable: true, writable: true });
  else parent[last] = value;
}

/** Renames a key in place, keeping its position (so the YAML reads as if it had been written that way). */
export function renameKey(data: ConfigData, mapPath: Path, from: string, to: string): void {
  const map = get(data, mapPath);
  const entries = Object.entries(map).map(([key, value]) => [key === from ? to : key, value] as const);
  for (const key of Object.keys(map)) delete map[key];
  for (const [key, value] of entries) set(data, [...mapPath, key], value);
}

/** Every path in the data, parents before children. */
export function allPaths(value: unknown, path: Path = []): Path[] {
  const children = Array.isArray(value)
    ? value.map((item, i) => [i, item] as const)
    : isMapping(value)
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [[...path, key], ...allPaths(child, [...path, key])]);
}

export function isMemberValuePath(path: Path): boolean {
  return path.length === 4 && path[0] === "teams" && path[2] === "members";
}

/** A member is a union (a persona, empty, or {persona, profileName}): a wrong part of one is reported on the member. */
export function reportedAt(path: Path): Path {
  return path.length > 4 && path[0] === "teams" && path[2] === "members" ? path.slice(0, 4) : path;
}

export function clone(data: ConfigData): ConfigData {
  return structuredClone(data);
}

export function yamlOf(data: unknown): string {
  return stringify(data) ?? "";
}

export function broken(data: ConfigData, what: string, paths?: readonly Path[]): Malformed {
  return { text: yamlOf(data), what, expectedPaths: paths?.map(pathText) };
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
