import type { RawProblem } from "../../errors";
import { planRoleProblems } from "../../plan-roles";
import type { FederationInput } from "../../schema";
import { IDENTITY_CENTER_ACCOUNT } from "../../types";
import { hostingAccounts } from "./hosting-accounts";

/**
 * Service control policies are created in the organization's management account only, and never bind that
 * account: a guard managed anywhere else is refused, and a domain there would be unguarded.
 */
export function managementAccount(input: FederationInput): RawProblem[] {
  const hosting = hostingAccounts(input);
  const problems: RawProblem[] = [];
  const organization = input.aws.organization;
  if (organization === undefined) {
    if (input.aws.consoleGuard.scp)
      problems.push({
        path: ["aws", "consoleGuard", "scp"],
        rule: "the console guard SCP can only be managed from the organization's management account",
        fix: "add aws.organization with the management account's accountId (and the roleArn Terraform assumes there)",
      });
    return problems;
  }
  const path = ["aws", "organization"];
  const hostAccounts: Record<string, string> = {};
  if (hosting.has(IDENTITY_CENTER_ACCOUNT)) hostAccounts[input.aws.accountId] = "aws.accountId";
  for (const [key, account] of Object.entries(input.aws.accounts))
    if (hosting.has(key)) hostAccounts[account.accountId] = `aws.accounts.${key}`;
  const host = hostAccounts[organization.accountId];
  if (host !== undefined)
    problems.push({
      path: [...path, "accountId"],
      rule: `the management account ${organization.accountId} (${host}) hosts Studio domains, and SCPs never apply to it`,
      fix: "put the teams' domains in member accounts (teams.<key>.account), or leave aws.organization and consoleGuard out",
    });
  if (organization.roleArn === undefined && organization.accountId !== input.aws.accountId)
    problems.push({
      path: [...path, "roleArn"],
      rule: `Terraform's own credentials are for aws.accountId ${input.aws.accountId}, not the management account`,
      fix: "give the ARN of the role Terraform assumes in the management account",
    });
  const roleAccount = organization.roleArn?.split(":")[4];
  if (roleAccount !== undefined && roleAccount !== organization.accountId)
    problems.push({
      path: [...path, "roleArn"],
      rule: `the role is in account ${roleAccount}, not in the management account ${organization.accountId}`,
      fix: "give the ARN of a role in the management account",
    });
  problems.push(...planRoleProblems(path, organization, organization.accountId));
  return problems;
}
