import type { RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";
import { IDENTITY_CENTER_ACCOUNT } from "../../types";
import { declaresAwsSide, hostingAccounts } from "./hosting-accounts";

/** Every account that hosts Studio domains has a network for them once the AWS side is declared. */
export function studioNetworks(input: FederationInput): RawProblem[] {
  if (!declaresAwsSide(input)) return [];
  const hosting = hostingAccounts(input);
  const problems: RawProblem[] = [];
  if (hosting.has(IDENTITY_CENTER_ACCOUNT) && input.aws.network === undefined)
    problems.push({
      path: ["aws", "network"],
      rule: "Studio domains need a network once IAM Identity Center is configured",
      fix: "add aws.network with vpcId and subnetIds",
    });
  for (const [key, account] of Object.entries(input.aws.accounts))
    if (hosting.has(key) && account.network === undefined)
      problems.push({
        path: ["aws", "accounts", key, "network"],
        rule: "Studio domains need a network in every account that hosts them",
        fix: `add aws.accounts.${key}.network with vpcId and subnetIds`,
      });
  return problems;
}
