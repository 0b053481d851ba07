import type { RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";

type ListField = "s3Buckets" | "fileSystemIds";

/**
 * The entries of a team list that another team listed first: a team may list an entry twice (the schema reports
 * that), but no two teams may share one.
 */
export function listedByAnotherTeam(
  input: FederationInput,
  field: ListField,
  problem: (value: string, owner: string) => Omit<RawProblem, "path">,
): RawProblem[] {
  const owners = new Map<string, string>();
  const problems: RawProblem[] = [];
  for (const [teamKey, team] of Object.entries(input.teams))
    team[field].forEach((value, index) => {
      const owner = owners.get(value);
      if (owner === undefined) owners.set(value, `teams.${teamKey}.${field}[${index}]`);
      else if (!owner.startsWith(`teams.${teamKey}.`))
        problems.push({ path: ["teams", teamKey, field, index], ...problem(value, owner) });
    });
  return problems;
}
