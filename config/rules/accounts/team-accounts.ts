import type { RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";

/** A team's account is one declared under aws.accounts. */
export function teamAccounts(input: FederationInput): RawProblem[] {
  return Object.entries(input.teams)
    .filter(([, team]) => team.account !== undefined && !Object.hasOwn(input.aws.accounts, team.account))
    .map(([teamKey, team]) => ({
      path: ["teams", teamKey, "account"],
      rule: `account "${team.account}" is not declared under aws.accounts`,
      fix: `use one of: ${Object.keys(input.aws.accounts).join(", ") || "(none declared)"}, or leave account out for the Identity Center account`,
    }));
}
