import { formatPath, type RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";

/**
 * Existing groups are Entra objects: an external identity provider's groups are never created here anyway, and one
 * group cannot be two teams' (each would assign and provision it as its own).
 */
export function existingGroups(input: FederationInput): RawProblem[] {
  const places: [PropertyKey[], string | undefined][] = [
    ...Object.entries(input.teams).map(([key, team]): [PropertyKey[], string | undefined] => [
      ["teams", key, "existingGroupId"],
      team.existingGroupId,
    ]),
    [["admins", "existingGroupId"], input.admins.existingGroupId],
  ];
  const problems: RawProblem[] = [];
  const first = new Map<string, PropertyKey[]>();
  for (const [path, id] of places) {
    if (id === undefined) continue;
    if (input.identityProvider.type !== "entra") {
      problems.push({
        path,
        rule: "existingGroupId is for Entra mode: with an external identity provider no group is created here",
        fix: "remove it; the group named by group is looked up in IAM Identity Center as it is",
      });
      continue;
    }
    const seen = first.get(id.toLowerCase());
    if (seen === undefined) first.set(id.toLowerCase(), path);
    else
      problems.push({
        path,
        rule: `group ${id} is also used at ${formatPath(seen)}; a group can be only one team's (or the admins')`,
        fix: "give each team a group of its own",
      });
  }
  return problems;
}
