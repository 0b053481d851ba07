import type { RawProblem } from "../../errors";
import { planRoleProblems } from "../../plan-roles";
import type { FederationInput } from "../../schema";
import { IDENTITY_CENTER_ACCOUNT } from "../../types";

/**
 * Each workload account is declared once, under a key of its own, reached through a role in that account, and in
 * the Identity Center region (Studio's IAM Identity Center mode requires it).
 */
export function workloadAccounts(input: FederationInput): RawProblem[] {
  const problems: RawProblem[] = [];
  if (Object.hasOwn(input.aws.accounts, IDENTITY_CENTER_ACCOUNT))
    problems.push({
      path: ["aws", "accounts", IDENTITY_CENTER_ACCOUNT],
      rule: `account key "${IDENTITY_CENTER_ACCOUNT}" names the account of aws.accountId`,
      fix: "give the workload account another key",
    });
  const owners = new Map<string, string>([[input.aws.accountId, "aws.accountId"]]);
  for (const [key, account] of Object.entries(input.aws.accounts)) {
    const path = ["aws", "accounts", key];
    const owner = owners.get(account.accountId);
    if (owner === undefined) owners.set(account.accountId, `aws.accounts.${key}`);
    else
      problems.push({
        path: [...path, "accountId"],
        rule: `account ${account.accountId} is already declared by ${owner}`,
        fix: "declare each account once (teams without `account` use aws.accountId)",
      });
    const roleAccount = account.roleArn.split(":")[4];
    if (roleAccount !== account.accountId)
      problems.push({
        path: [...path, "roleArn"],
        rule: `the role is in account ${roleAccount}, not in ${account.accountId}`,
        fix: "give the ARN of the role Terraform assumes in this account",
      });
    problems.push(...planRoleProblems(path, account, account.accountId));
    if (account.region !== undefined && account.region !== input.aws.region)
      problems.push({
        path: [...path, "region"],
        rule: `region ${account.region} differs from the Identity Center region ${input.aws.region}`,
        fix: "Studio domains must be in the Identity Center region: remove region or set it to aws.region",
      });
  }
  return problems;
}
