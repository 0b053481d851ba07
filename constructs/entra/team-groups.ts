import { AppRoleAssignment } from "@cdktf/provider-azuread/lib/app-role-assignment";
import { DataAzureadGroup } from "@cdktf/provider-azuread/lib/data-azuread-group";
import { DataAzureadUser } from "@cdktf/provider-azuread/lib/data-azuread-user";
import { DataAzureadUsers } from "@cdktf/provider-azuread/lib/data-azuread-users";
import { Group } from "@cdktf/provider-azuread/lib/group";
import type { ServicePrincipal } from "@cdktf/provider-azuread/lib/service-principal";
import { Fn, TerraformIterator, Token, type ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { GroupConfig } from "../../config/types";
import { fixAddress } from "../fixed-address";
import { instanceAttribute } from "../instance-attribute";
import { USER_APP_ROLE_ID } from "./identity-center-app";

const MEMBERS_NAME = "team_members";
const MEMBERS_ADDRESS = `data.azuread_users.${MEMBERS_NAME}`;
const EXISTING_NAME = "existing_team";

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

/**
 * One security group per team and the admin group, with their members, assigned to the enterprise app. A group
 * that exists already (adoption) is read, checked and assigned instead; its membership stays Entra's.
 */
export class TeamGroups extends Construct {
  /** The groups created here and the existing ones read: what provisioning waits for. */
  readonly groups: ITerraformDependable[];
  readonly assignments: AppRoleAssignment;
  /** The blocks that declare groups: `azuread_group.team`, `data.azuread_group.existing_team`, or both. */
  private readonly groupRefs: string[] = [];
  private readonly existingKeys: ReadonlySet<string>;

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
    // Entra finds a user whatever the case, but provisions its own spelling to IAM Identity Center, where a Studio
    // profile's user name must match it exactly.
    const spelledOtherwise = `[for user in self.users : user.user_principal_name if !contains(each.value, user.user_principal_name)]`;
    const members = fixAddress(
      new DataAzureadUsers(this, "members", {
        forEach: memberIterator,
        userPrincipalNames: Token.asList(memberIterator.value),
        lifecycle: {
          postcondition: [
            {
              condition: `\${length(${spelledOtherwise}) == 0}`,
              errorMessage: `Entra spells these user principal names otherwise: \${join(", ", ${spelledOtherwise})}. IAM Identity Center gets Entra's spelling, and a Studio profile's user name must match it exactly (it cannot be corrected later without replacing the profile and its home directory): write them so in the config.`,
            },
          ],
        },
      }),
      MEMBERS_NAME,
    );

    const created = Object.entries(props.groups).filter(([, group]) => group.existingObjectId === undefined);
    const existing = Object.entries(props.groups).filter(([, group]) => group.existingObjectId !== undefined);
    this.existingKeys = new Set(existing.map(([key]) => key));
    this.groups = [];
    if (created.length > 0) {
      const groupIterator = TerraformIterator.fromMap(
        Object.fromEntries(
          created.map(([key, group]) => [key, { displayName: group.displayName, description: group.description }]),
        ),
      );
      // A group with eligible members (PIM) changes membership on every activation: its membership is left
      // unmanaged (null), and its permanent members are added one by one (just-in-time-admins.ts).
      const membersOf = Token.asList(Fn.try([instanceAttribute(members, groupIterator.key, "object_ids"), []]));
      const pim = created.filter(([, group]) => group.eligibleMembers.length > 0).map(([key]) => key);
      const groups = fixAddress(
        new Group(this, "groups", {
          forEach: groupIterator,
          displayName: groupIterator.getString("displayName"),
          description: groupIterator.getString("description"),
          securityEnabled: true,
          preventDuplicateNames: true,
          owners: props.owners && props.owners.length > 0 ? [...props.owners] : undefined,
          members:
            pim.length === 0
              ? membersOf
              : Token.asList(Fn.conditional(Fn.contains(pim, groupIterator.key), null, membersOf)),
        }),
        "team",
      );
      this.groups.push(groups);
      this.groupRefs.push("azuread_group.team");
    }
    if (existing.length > 0) {
      this.groups.push(existingGroups(this, existing));
      this.groupRefs.push(`data.azuread_group.${EXISTING_NAME}`);
    }

    const assigned = this.forEachGroup();
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

  /** The object id of group `key`, created or existing, as a Terraform expression. */
  objectIdOf(key: string): string {
    const block = this.existingKeys.has(key) ? `data.azuread_group.${EXISTING_NAME}` : "azuread_group.team";
    return `\${${block}[${JSON.stringify(key)}].object_id}`;
  }

  /**
   * Every group's object id, created or existing, sorted, as a Terraform list expression: Entra keeps lists of ids
   * in an order of its own, and the provider compares ordered lists with it as they are.
   */
  allObjectIds(): string[] {
    const lists = this.groupRefs.map((ref) => `[for key, entra_group in ${ref} : entra_group.object_id]`);
    return Token.asList(`\${sort(${lists.length === 1 ? lists[0] : `concat(${lists.join(", ")})`})}`);
  }

  /** A new iterator over every group, created or existing (`each.value.object_id`, `each.value.display_name`). */
  forEachGroup(): TerraformIterator {
    const refs = this.groupRefs;
    return TerraformIterator.fromMap(
      Token.asAnyMap(refs.length === 1 ? `\${${refs[0]}}` : `\${merge(${refs.join(", ")})}`),
    );
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

/**
 * Existing groups, read by object id. The stack relies on two things Entra owns, so the plan checks both: the display
 * name is the one the config gives (IAM Identity Center's group lookup goes by it), and every member the config lists
 * is a direct member (Entra's provisioning does not follow nested groups, so a member only through a nested group
 * would never reach IAM Identity Center and their profile could not be created).
 */
function existingGroups(scope: Construct, existing: [string, GroupConfig][]): DataAzureadGroup {
  const iterator = TerraformIterator.fromMap(
    Object.fromEntries(
      existing.map(([key, group]) => [key, { objectId: group.existingObjectId, displayName: group.displayName }]),
    ),
  );
  const listed = `try(${MEMBERS_ADDRESS}[each.key].users, [])`;
  const missing = `[for user in ${listed} : user.user_principal_name if !contains(self.members, user.object_id)]`;
  return fixAddress(
    new DataAzureadGroup(scope, "existing_groups", {
      forEach: iterator,
      objectId: iterator.getString("objectId"),
      lifecycle: {
        postcondition: [
          {
            condition: "${self.display_name == each.value.displayName}",
            errorMessage:
              'Entra group ${self.object_id} is named "${self.display_name}", but the config calls it "${each.value.displayName}" (IAM Identity Center finds it by name). Write its Entra display name in the config.',
          },
          {
            condition: `\${length(${missing}) == 0}`,
            errorMessage: `Entra group "\${self.display_name}" (\${self.object_id}) has no direct member \${join(", ", ${missing})}: its membership is managed in Entra, and only direct members are provisioned to IAM Identity Center. Add them to the group in Entra, or remove them from the config.`,
          },
        ],
      },
    }),
    EXISTING_NAME,
  );
}
