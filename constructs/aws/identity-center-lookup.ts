import { DataAwsIdentitystoreGroups } from "@cdktf/provider-aws/lib/data-aws-identitystore-groups";
import { DataAwsIdentitystoreUsers } from "@cdktf/provider-aws/lib/data-aws-identitystore-users";
import { DataAwsSsoadminInstances } from "@cdktf/provider-aws/lib/data-aws-ssoadmin-instances";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Fn, propertyAccess, TerraformLocal, Token, type ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { fixAddress } from "../fixed-address";

export interface IdentityCenterLookupProps {
  /** The provider of the account IAM Identity Center lives in. */
  readonly provider: AwsProvider;
  /** Group display names in the identity store, keyed by team key (and the admin group's key). */
  readonly groupNames: Readonly<Record<string, string>>;
  /** Every user who gets a profile: their user names must be in the identity store before a profile is created. */
  readonly userNames: readonly string[];
  /**
   * What puts the groups into the identity store during the apply (provisioning on demand in Entra mode): the
   * group list is then read after it.
   * @default - the groups are provisioned by an identity provider managed elsewhere
   */
  readonly groupsProvisioned?: ITerraformDependable[];
  /**
   * The same for the users.
   * @default - the users are provisioned by an identity provider managed elsewhere
   */
  readonly membersProvisioned?: ITerraformDependable[];
  /**
   * What the operator should do about missing groups and users, said after their names. Each is given the
   * Terraform expression of the missing names (a set) and may use it in `${...}` interpolations.
   */
  readonly missingFix: { readonly groups: MissingFix; readonly users: MissingFix };
}

/** The fix for missing names, given the Terraform expression that yields them. */
export type MissingFix = (missingNames: string) => string;

const NAME = "identity_center";
const GROUP_IDS = "identity_center_group_ids";

/**
 * The IAM Identity Center instance, and the groups and users the stack needs from its identity store. Both lists
 * fail the plan (or the apply, when they are read after provisioning) with the names that are missing, so a
 * provisioning that Entra skipped or an IdP that has not synced yet is reported as such, not as a failed create.
 */
export class IdentityCenterLookup extends Construct {
  /** Identity Center resources (assignments, permission sets) are declared with this provider. */
  readonly provider: AwsProvider;
  readonly instanceArn: string;
  readonly identityStoreId: string;
  /** Reading the users: what user profiles wait for. */
  readonly users: DataAwsIdentitystoreUsers;
  private readonly groupIds: TerraformLocal;

  constructor(scope: Construct, id: string, props: IdentityCenterLookupProps) {
    super(scope, id);
    const { provider } = props;
    this.provider = provider;
    const instances = fixAddress(new DataAwsSsoadminInstances(this, "instance", { provider }), NAME);
    this.instanceArn = Fn.element(Fn.tolist(instances.arns), 0);
    this.identityStoreId = Fn.element(Fn.tolist(instances.identityStoreIds), 0);

    // The expected names are locals: each is written once, however many conditions read it.
    const groupNames = fixAddress(
      new TerraformLocal(this, "group_names", Object.values(props.groupNames)),
      "identity_center_group_names",
    );
    const missingGroups = `setsubtract(local.${groupNames.friendlyUniqueId}, [for group in self.groups : group.display_name])`;
    fixAddress(
      new DataAwsIdentitystoreGroups(this, "groups", {
        provider,
        identityStoreId: this.identityStoreId,
        dependsOn: props.groupsProvisioned,
        lifecycle: {
          postcondition: [
            {
              condition: `\${length(${missingGroups}) == 0}`,
              errorMessage: `IAM Identity Center has no group named \${join(", ", ${missingGroups})}. ${props.missingFix.groups(missingGroups)}`,
            },
          ],
        },
      }),
      NAME,
    );
    this.groupIds = fixAddress(
      new TerraformLocal(
        this,
        "group_ids",
        `\${{ for key, name in ${JSON.stringify(props.groupNames)} : key => one([for group in data.aws_identitystore_groups.${NAME}.groups : group.group_id if group.display_name == name]) }}`,
      ),
      GROUP_IDS,
    );

    // As the config writes them (one spelling per user: the cross-check refuses two).
    const userNames = fixAddress(
      new TerraformLocal(this, "user_names", [...new Set(props.userNames)].sort()),
      "identity_center_user_names",
    );
    const names = `local.${userNames.friendlyUniqueId}`;
    const missingUsers = `setsubtract([for name in ${names} : lower(name)], [for user in self.users : lower(user.user_name)])`;
    // SageMaker takes a profile's user name as it is given, a later correction replaces the profile (and its home
    // directory), and IAM Identity Center has one spelling: the config must use that one.
    const spelledOtherwise = `[for user in self.users : format("%s (the config writes %s)", user.user_name, one([for name in ${names} : name if lower(name) == lower(user.user_name)])) if contains([for name in ${names} : lower(name)], lower(user.user_name)) && !contains(${names}, user.user_name)]`;
    this.users = fixAddress(
      new DataAwsIdentitystoreUsers(this, "users", {
        provider,
        identityStoreId: this.identityStoreId,
        dependsOn: props.membersProvisioned,
        lifecycle: {
          postcondition: [
            {
              condition: `\${length(${missingUsers}) == 0}`,
              errorMessage: `IAM Identity Center has no user named \${join(", ", ${missingUsers})}, so their Studio profiles cannot be created. ${props.missingFix.users(missingUsers)}`,
            },
            {
              condition: `\${length(${spelledOtherwise}) == 0}`,
              errorMessage: `IAM Identity Center spells these user names otherwise: \${join(", ", ${spelledOtherwise})}. A Studio profile's user name must be written exactly as IAM Identity Center has it (it cannot be corrected later without replacing the profile and its home directory): write them so in the config's members (and admins).`,
            },
          ],
        },
      }),
      NAME,
    );
  }

  /** The identity store id of the group with this key (a config key or an iterator expression such as `each.key`). */
  groupId(key: string): string {
    return Token.asString(propertyAccess(this.groupIds, [Token.isUnresolved(key) ? key : JSON.stringify(key)]));
  }

  /** The same as a bare Terraform expression, for conditions: `keyExpression` is one too (`each.key`, `"admins"`). */
  groupIdExpression(keyExpression: string): string {
    return `local.${GROUP_IDS}[${keyExpression}]`;
  }
}
