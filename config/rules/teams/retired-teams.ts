import type { RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";

/**
 * A retired team's domain is forgotten under its team key: the key cannot name an active team too (Terraform would
 * refuse the move), and its account must be declared, as a team's is.
 */
export function retiredTeams(input: FederationInput): RawProblem[] {
  const problems: RawProblem[] = [];
  for (const [key, retired] of Object.entries(input.retiredTeams)) {
    if (Object.hasOwn(input.teams, key))
      problems.push({
        path: ["retiredTeams", key],
        rule: `team "${key}" is both in teams and in retiredTeams`,
        fix: `to retire it, remove teams.${key}; to keep it, remove retiredTeams.${key}`,
      });
    const account = retired?.account;
    if (account !== undefined && !Object.hasOwn(input.aws.accounts, account))
      problems.push({
        path: ["retiredTeams", key, "account"],
        rule: `account "${account}" is not declared under aws.accounts`,
        fix: `give the account the team had (teams.${key}.account): one of ${Object.keys(input.aws.accounts).join(", ") || "(none declared)"}, or leave account out for the Identity Center account`,
      });
  }
  return problems;
}
