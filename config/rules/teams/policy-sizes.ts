import { INLINE_ROLE_POLICY_QUOTA, policySize } from "../../../policies/document";
import type { RawProblem } from "../../errors";
import { guardPolicies, SERVICE_CONTROL_POLICY_QUOTA } from "../../guards";
import type { FederationConfig } from "../../types";

/**
 * IAM limits a role's inline policy (here: its team's buckets) to 10,240 characters. The persona's own grants are
 * split into managed policies that always fit (policies/persona-policy.ts).
 */
export function policySizes(config: FederationConfig): RawProblem[] {
  const roles = Object.values(config.roles)
    .filter((role) => role.inlinePolicy !== undefined && policySize(role.inlinePolicy) > INLINE_ROLE_POLICY_QUOTA)
    .map((role) => ({
      path: ["teams", role.team, "s3Buckets"],
      rule: `the ${role.persona} role's bucket policy is ${policySize(role.inlinePolicy!)} characters; IAM allows ${INLINE_ROLE_POLICY_QUOTA}`,
      fix: "list fewer buckets",
    }));
  return [...roles, ...checkGuardSizes(config)];
}

/** The longest ARN a permission set can have: the guard must fit whatever ARN the apply gives it. */
const LONGEST_PERMISSION_SET_ARN = `arn:aws-us-gov:sso:::permissionSet/ssoins-${"0".repeat(16)}/ps-${"0".repeat(16)}`;

/** A service control policy holds 5,120 characters; the guards grow with the deployer roles and accounts. */
function checkGuardSizes(config: FederationConfig): RawProblem[] {
  const guards = guardPolicies(config, LONGEST_PERMISSION_SET_ARN);
  return [guards?.console, guards?.identityCenter]
    .filter((guard) => guard !== undefined && policySize(guard.document) > SERVICE_CONTROL_POLICY_QUOTA)
    .map((guard) => ({
      path: ["aws", "consoleGuard"],
      rule: `a guard service control policy would be ${policySize(guard!.document)} characters; AWS Organizations allows ${SERVICE_CONTROL_POLICY_QUOTA}`,
      fix: "use fewer workload accounts or identityWriterRoleArns (each deployer role and account is named in the guard)",
    }));
}
