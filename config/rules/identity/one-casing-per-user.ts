import { formatPath, type RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";

/**
 * Entra ID and IAM Identity Center compare user names without regard to case, so two casings are one person. The
 * stack would give them two profiles (or one profile whose key changes when the casing is fixed, replacing it):
 * the config must write each person one way.
 */
export function oneCasingPerUser(input: FederationInput): RawProblem[] {
  const places: [PropertyKey[], string][] = [
    ...Object.entries(input.teams).flatMap(([teamKey, team]) =>
      Object.keys(team.members).map((user): [PropertyKey[], string] => [["teams", teamKey, "members", user], user]),
    ),
    ...input.admins.members.map((user, index): [PropertyKey[], string] => [["admins", "members", index], user]),
  ];
  const first = new Map<string, [PropertyKey[], string]>();
  const problems: RawProblem[] = [];
  for (const [path, user] of places) {
    const seen = first.get(user.toLowerCase());
    if (seen === undefined) first.set(user.toLowerCase(), [path, user]);
    else if (seen[1] !== user)
      problems.push({
        path,
        rule: `"${user}" is the same user as "${seen[1]}" at ${formatPath(seen[0])}: user names ignore case in Entra ID and IAM Identity Center`,
        fix: `write it "${seen[1]}" here too (as the user principal name is written in your identity provider)`,
      });
  }
  return problems;
}
