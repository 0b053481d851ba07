import type { RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";

/** IAM Identity Center matches groups by display name (ignoring case): two teams with one group would be one team. */
export function oneTeamPerGroup(input: FederationInput): RawProblem[] {
  const problems: RawProblem[] = [];
  const owners = new Map<string, string>([[input.admins.group.toLowerCase(), "admins.group"]]);
  for (const [teamKey, team] of Object.entries(input.teams)) {
    const owner = owners.get(team.group.toLowerCase());
    if (owner === undefined) owners.set(team.group.toLowerCase(), `teams.${teamKey}.group`);
    else
      problems.push({
        path: ["teams", teamKey, "group"],
        rule: `group "${team.group}" is already used by ${owner}`,
        fix: "give every team its own group (IAM Identity Center matches groups by display name)",
      });
  }
  return problems;
}
