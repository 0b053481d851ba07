import type { RawProblem } from "./errors";
import type { FederationInput } from "./schema";

interface AssumedRoles {
  readonly roleArn?: string;
  readonly planRoleArn?: string;
}

/** A plan role is the account's own, and never the role applies use: a plan that can write is not a plan role. */
export function planRoleProblems(path: readonly string[], roles: AssumedRoles, accountId: string): RawProblem[] {
  if (roles.planRoleArn === undefined) return [];
  const roleAccount = roles.planRoleArn.split(":")[4];
  if (roleAccount !== accountId)
    return [
      {
        path: [...path, "planRoleArn"],
        rule: `the plan role is in account ${roleAccount}, not in ${accountId}`,
        fix: "give the ARN of the read-only role pull-request plans assume in this account",
      },
    ];
  if (roles.planRoleArn === roles.roleArn)
    return [
      {
        path: [...path, "planRoleArn"],
        rule: "the plan role is the role applies use, so a pull request's plan could write",
        fix: "give a separate role with read-only permissions (README, Workflows)",
      },
    ];
  return [];
}

/**
 * A plan-only synthesis (FEDERATION_PLAN_ONLY) assumes read-only roles wherever an apply assumes a role: every such
 * place needs its plan role, or the plan would run with the apply's.
 */
export function missingPlanRoles(input: FederationInput): RawProblem[] {
  const places: [string[], AssumedRoles][] = [
    ...Object.entries(input.aws.accounts).map(([key, account]): [string[], AssumedRoles] => [
      ["aws", "accounts", key],
      account,
    ]),
    // The management account is reached only to manage the guards.
    ...(input.aws.organization === undefined || !input.aws.consoleGuard.scp
      ? []
      : [[["aws", "organization"], input.aws.organization] as [string[], AssumedRoles]]),
  ];
  return places
    .filter(([, roles]) => roles.roleArn !== undefined && roles.planRoleArn === undefined)
    .map(([path]) => ({
      path: [...path, "planRoleArn"],
      rule: "a plan-only synthesis (FEDERATION_PLAN_ONLY=true) needs the read-only role it assumes here",
      fix: "add planRoleArn, the role pull-request plans assume in this account (README, Workflows), or synthesize without FEDERATION_PLAN_ONLY",
    }));
}
