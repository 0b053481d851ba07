import type { TerraformResourceLifecycle } from "cdktf";
import type { IdentityCenterLookup } from "./identity-center-lookup";

export interface StableGroupAssignmentOptions {
  /** The group's key in the lookup, as a Terraform expression (`each.key`, `"admins"`). */
  readonly groupKey: string;
  /** The assignment block's fixed address (`aws_ssoadmin_application_assignment.team`); instances are keyed. */
  readonly address: string;
}

/**
 * The lifecycle of an assignment of a group (to a Studio domain, or of the admin permission set to an account).
 *
 * Every argument of an assignment forces a new one, and the group lookup is read during the apply whenever
 * provisioning on demand has work to do (a team added, a group renamed). Its group id is then unknown at plan
 * time, and Terraform would replace every assignment, dropping everyone's access for the length of the apply.
 * So the group id is set on create and ignored afterwards; SCIM renames a group in place, so the id it names stays
 * right. What this costs: when a group is really deleted and created again in IAM Identity Center, the assignment
 * still names the old id. The postcondition catches exactly that and says how to replace the one assignment.
 */
export function stableGroupAssignment(
  identityCenter: IdentityCenterLookup,
  { groupKey, address }: StableGroupAssignmentOptions,
): TerraformResourceLifecycle {
  const groupId = identityCenter.groupIdExpression(groupKey);
  const instance = `${address}[\${jsonencode(each.key)}]`;
  return {
    ignoreChanges: ["principal_id"],
    postcondition: [
      {
        condition: `\${self.principal_id == ${groupId}}`,
        errorMessage: `${instance} names the group id \${self.principal_id}, but that group now has the id \${${groupId}}: it was deleted and created again in IAM Identity Center. Replace this one assignment: terraform apply -replace='${instance}'`,
      },
    ],
  };
}
