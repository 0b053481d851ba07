/**
 * A valid value for each required part of a config that has no removable part around it. The salvage puts it in
 * place of a rejected value so that the rest is still cross-checked in the same pass; problems about it, or that
 * name it, are dropped.
 */
export const STAND_INS: Readonly<Record<string, unknown>> = {
  name: "stand-in",
  aws: { region: "us-east-1", accountId: "000000000000" },
  identityProvider: {
    type: "entra",
    entra: { tenantId: "00000000-0000-0000-0000-000000000000", signingCertificateEndDate: "2000-01-01T00:00:00Z" },
  },
  admins: { group: "stand-in-admins" },
  teams: { "stand-in": { group: "stand-in", defaultPersona: "stand-in", s3Buckets: ["stand-in-bucket"] } },
};

/** The stand-in for the deepest part of `path` that has one, with that part's path. */
export function standInFor(path: readonly PropertyKey[]): { path: PropertyKey[]; value: unknown } | undefined {
  let node: unknown = STAND_INS;
  let found: { path: PropertyKey[]; value: unknown } | undefined;
  for (let depth = 0; depth < path.length; depth++) {
    const key = path[depth]!;
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) break;
    node = (node as Record<PropertyKey, unknown>)[key];
    found = { path: path.slice(0, depth + 1), value: node };
  }
  return found;
}

/** The text a problem that names a stand-in would contain: a whole part replaced is found by its path instead. */
export function standInText(value: unknown): string[] {
  return typeof value === "string" ? [value] : [];
}
