import { AppRoleAssignment } from "@cdktf/provider-azuread/lib/app-role-assignment";
import { DataAzureadUser } from "@cdktf/provider-azuread/lib/data-azuread-user";
import { DataAzureadUsers } from "@cdktf/provider-azuread/lib/data-azuread-users";
import { Group } from "@cdktf/provider-azuread/lib/group";
import type { ServicePrincipal } from "@cdktf/provider-azuread/lib/service-principal";
import { Fn, TerraformIterator, Token } from "cdktf";
import { Construct } from "constructs";
import type { GroupConfig } from "../../config/types";
import { fixAddress } from "../fixed-address";
import { instanceAttribute } from "../instance-attribute";
import { USER_APP_ROLE_ID } from "./identity-center-app";

const MEMBERS_NAME = "team_members";
const MEMBERS_ADDRESS = `data.azuread_users.${MEMBERS_NAME}`;

export interface TeamGroupsProps {
  /** Groups keyed by team key (and the admin group's key). */
  readonly groups: Readonly<Record<string, GroupConfig>>;
  /** The enterprise app the groups are assigned to. */
  readonly servicePrincipal: ServicePrincipal;
  /**
   * Fail the plan for a member without given name, surname or display name (IAM Identity Center refuses them).
   * One lookup per user: turn off to save plan time when another process guarantees the attributes.
   * @default true
   */
  readonly checkUserAttributes?: boolean;
  /**
   * Object ids of the groups' owners, managed exactly.
   * @default - whoever created a group stays its owner (the provider leaves unmanaged owners as they are)
   */
  readonly owners?: readonly string[];
}

/** One security group per team and the admin group, with their members, assigned to the enterprise app. */
export class TeamGroups extends Construct {
  readonly groups: Group;
  readonly assignments: AppRoleAssignment;

  constructor(scope: Construct, id: string, props: TeamGroupsProps) {
    super(scope, id);
    const checkUserAttributes = props.checkUserAttributes ?? true;

    const withMembers = Object.fromEntries(
      Object.entries(props.groups)
        .filter(([, group]) => group.members.length > 0)
        .map(([key, group]) => [key, group.members]),
    );
    // One batched lookup per group turns user names into object ids; it fails the plan for an unknown user.
    const memberIterator = TerraformIterator.fromMap(withMembers);
    const members = fixAddress(
      new DataAzureadUsers(this, "members", {
        forEach: memberIterator,
        userPrincipalNames: Token.asList(memberIterator.value),
      }),
      MEMBERS_NAME,
    );

    const groupIterator = TerraformIterator.fromMap(
      Object.fromEntries(
        Object.entries(props.groups).map(([key, group]) => [
          key,
          { displayName: group.displayName, description: group.description },
        ]),
      ),
    );
    this.groups = fixAddress(
      new Group(this, "groups", {
        forEach: groupIterator,
        displayName: groupIterator.getString("displayName"),
        description: groupIterator.getString("description"),
        securityEnabled: true,
        preventDuplicateNames: true,
        owners: props.owners && props.owners.length > 0 ? [...props.owners] : undefined,
        members: Token.asList(Fn.try([instanceAttribute(members, groupIterator.key, "object_ids"), []])),
      }),
      "team",
    );

    const assigned = TerraformIterator.fromResources(this.groups);
    this.assignments = fixAddress(
      new AppRoleAssignment(this, "assignments", {
        forEach: assigned,
        appRoleId: USER_APP_ROLE_ID,
        principalObjectId: assigned.getString("object_id"),
        resourceObjectId: props.servicePrincipal.objectId,
      }),
      "team",
    );

    if (checkUserAttributes) {
      const userNames = [...new Set(Object.values(props.groups).flatMap((group) => group.members))].sort();
      const users = TerraformIterator.fromList(userNames);
      const check = new DataAzureadUser(this, "member_attributes", {
        forEach: users,
        userPrincipalName: users.value,
        lifecycle: {
          postcondition: [
            {
              condition: '${self.given_name != "" && self.surname != "" && self.display_name != ""}',
              errorMessage:
                "Entra user ${self.user_principal_name} lacks a given name, surname or display name, so IAM Identity Center would refuse to provision it. Fill them in the Entra admin center, or set identityProvider.entra.checkUserAttributes: false.",
            },
          ],
        },
      });
      fixAddress(check, "member");
    }
  }

  /**
   * The object id of a member, as a Terraform expression, from the lookup of one group they belong to. Both
   * arguments are Terraform expressions (such as `each.key`). Entra keeps a user principal name's own casing, so
   * both sides are compared in lower case.
   */
  memberObjectId(userNameExpression: string, groupKeyExpression: string): string {
    return `\${one([for user in ${MEMBERS_ADDRESS}[${groupKeyExpression}].users : user.object_id if lower(user.user_principal_name) == lower(${userNameExpression})])}`;
  }
}
