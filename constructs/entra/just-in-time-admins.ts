import { DataAzureadUsers } from "@cdktf/provider-azuread/lib/data-azuread-users";
import { GroupMember } from "@cdktf/provider-azuread/lib/group-member";
import { GroupRoleManagementPolicy } from "@cdktf/provider-azuread/lib/group-role-management-policy";
import { PrivilegedAccessGroupEligibilitySchedule } from "@cdktf/provider-azuread/lib/privileged-access-group-eligibility-schedule";
import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import { ADMIN_GROUP_KEY, type GroupConfig, type JustInTimeConfig } from "../../config/types";
import { fixAddress } from "../fixed-address";
import { ImportBlock } from "../import-block";
import type { TeamGroups } from "./team-groups";

export interface JustInTimeAdminsProps {
  readonly policy: JustInTimeConfig;
  /** The admin group: its permanent members stay members, the eligible ones activate through PIM. */
  readonly adminGroup: GroupConfig;
  readonly groups: TeamGroups;
}

/** The permanent admins' memberships beside the eligible ones, one instance per user name. */
export const PERMANENT_ADMINS = "azuread_group_member.admin";

/** PIM's default limit of an eligible assignment (one year), sent explicitly; not enforced without expiration. */
export const ELIGIBILITY_MAXIMUM = "P365D";

/** The object id of `userName` (a Terraform expression) among the users a lookup found. */
const objectIdIn = (lookup: DataAzureadUsers, userName: string) =>
  `\${one([for user in ${lookup.fqn}.users : user.object_id if lower(user.user_principal_name) == lower(${userName})])}`;

/**
 * Just-in-time admins through Privileged Identity Management for groups (Entra ID P2): the eligible admins are
 * not members of the admin group until they activate, for at most the policy's duration, with a justification,
 * MFA and approval as configured. The admin permission set follows the group's membership into IAM Identity
 * Center (Entra's provisioning carries an activation and its end, not at once: docs/runbook.md), so it is usable
 * only while someone has activated. The group's membership is not managed as a whole (activations change it):
 * permanent admins are added one by one.
 */
export class JustInTimeAdmins extends Construct {
  constructor(scope: Construct, id: string, props: JustInTimeAdminsProps) {
    super(scope, id);
    const { policy, adminGroup, groups } = props;
    const groupId = groups.objectIdOf(ADMIN_GROUP_KEY);

    const eligible = fixAddress(
      new DataAzureadUsers(this, "eligible_users", { userPrincipalNames: [...policy.eligible] }),
      "eligible_admins",
    );
    const approvers =
      policy.approvers.length === 0
        ? undefined
        : fixAddress(
            new DataAzureadUsers(this, "approver_users", { userPrincipalNames: [...policy.approvers] }),
            "admin_approvers",
          );
    const activationPolicy = fixAddress(
      new GroupRoleManagementPolicy(this, "activation_policy", {
        groupId,
        roleId: "member",
        activationRules: {
          maximumDuration: policy.maximumDuration,
          requireJustification: policy.requireJustification,
          requireMultifactorAuthentication: policy.requireMfa,
          requireApproval: approvers !== undefined,
          approvalStage:
            approvers === undefined
              ? undefined
              : {
                  primaryApprover: policy.approvers.map((userName) => ({
                    objectId: objectIdIn(approvers, JSON.stringify(userName)),
                    type: "singleUser",
                  })),
                },
        },
        // Eligibility without an end date (the config decides who is eligible). The provider sends an unset
        // expire_after as a null maximumDuration, a rule Graph has refused or taken only on a second apply.
        eligibleAssignmentRules: { expirationRequired: false, expireAfter: ELIGIBILITY_MAXIMUM },
      }),
      "admins",
    );

    const schedules = TerraformIterator.fromList([...policy.eligible]);
    fixAddress(
      new PrivilegedAccessGroupEligibilitySchedule(this, "eligibility", {
        forEach: schedules,
        groupId,
        principalId: objectIdIn(eligible, "each.value"),
        assignmentType: "member",
        permanentAssignment: true,
        justification: "SageMaker admin: eligible through the federation config (admins.justInTime)",
        // Eligibility without an end date needs the policy that allows it.
        dependsOn: [activationPolicy],
      }),
      "admin",
    );

    if (adminGroup.members.length > 0 && adminGroup.existingObjectId === undefined) {
      const permanent = TerraformIterator.fromList([...adminGroup.members]);
      const memberObjectId = (userName: string) => groups.memberObjectId(userName, JSON.stringify(ADMIN_GROUP_KEY));
      fixAddress(
        new GroupMember(this, "permanent", {
          forEach: permanent,
          groupObjectId: groupId,
          memberObjectId: memberObjectId("each.value"),
        }),
        PERMANENT_ADMINS.split(".")[1]!,
      );
      // A deployed group switched to just in time has the permanent admins as members already, which Entra refuses
      // to add again: their memberships are imported (the provider's id is <group>/member/<user>). Both ids are
      // known while planning once the group exists; for a membership already in the state the import does nothing.
      if (policy.importMemberships)
        for (const userName of adminGroup.members)
          new ImportBlock(this, `import_${userName}`, {
            to: `${PERMANENT_ADMINS}[${JSON.stringify(userName)}]`,
            id: `${groupId}/member/${memberObjectId(JSON.stringify(userName))}`,
          });
    }
  }
}
