import type { ServicePrincipal } from "@cdktf/provider-azuread/lib/service-principal";
import { SynchronizationJob } from "@cdktf/provider-azuread/lib/synchronization-job";
import { SynchronizationJobProvisionOnDemand } from "@cdktf/provider-azuread/lib/synchronization-job-provision-on-demand";
import { SynchronizationSecret } from "@cdktf/provider-azuread/lib/synchronization-secret";
import { DataResource, TerraformIterator, type ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { fixAddress } from "../fixed-address";
import type { TeamGroups } from "./team-groups";

/** Provisioning template of the IAM Identity Center gallery app (lowercase "on" included). */
export const SCIM_TEMPLATE_ID = "aWSSingleSignon";
/** The template's user-and-group rule (USERGROUP_OUTBOUND_USERGROUP), which supports provision on demand. */
export const PROVISIONING_RULE_ID = "03f7d90d-bf71-41b1-bda6-aaf0ddbee5d8";

export interface ScimProvisioningProps {
  readonly servicePrincipal: ServicePrincipal;
  /** IAM Identity Center's SCIM endpoint. */
  readonly scimEndpoint: string;
  /** The SCIM access token: a reference to the sensitive `scim_token` variable, never a literal. */
  readonly scimToken: string;
  /** The groups to provision on demand, with their members and their assignments to the app. */
  readonly teamGroups: TeamGroups;
  /**
   * Every user to provision on demand (team members and admins), with the key of one group they belong to, where
   * their object id is looked up.
   */
  readonly memberGroups: Readonly<Record<string, string>>;
  /**
   * When the SCIM token in `scimToken` was generated: changing it (with a new token) replaces the secret, which is
   * how a token is rotated. Terraform otherwise never compares the token, so that a plan needs none.
   * @default - the token is set when the secret is created, and only then
   */
  readonly scimTokenIssuedOn?: string;
  /**
   * Push every group and every member to IAM Identity Center during the apply, so the AWS side finds them in the
   * same apply; without it they arrive with the next provisioning cycle (up to 40 minutes).
   * @default true
   */
  readonly provisionOnDemand?: boolean;
}

/** SCIM 2.0 provisioning of the assigned users and groups to IAM Identity Center. */
export class ScimProvisioning extends Construct {
  readonly job: SynchronizationJob;
  /** What the IAM Identity Center group lookup waits for. */
  readonly groupsProvisioned: ITerraformDependable[];
  /** What the IAM Identity Center user lookup and the user profiles wait for. */
  readonly membersProvisioned: ITerraformDependable[];
  /** The provisioning on demand of groups and of members; undefined when switched off. */
  readonly onDemand?: {
    readonly groups: SynchronizationJobProvisionOnDemand;
    readonly members: SynchronizationJobProvisionOnDemand;
  };

  constructor(scope: Construct, id: string, props: ScimProvisioningProps) {
    super(scope, id);
    const provisionOnDemand = props.provisionOnDemand ?? true;
    const { groups, assignments } = props.teamGroups;

    // What the secret is set from, besides the token itself: a change replaces it (Graph cannot read a token back,
    // and a plan made without the token must not show a change).
    const rotation = fixAddress(
      new DataResource(this, "secret_rotation", {
        input: { scim_endpoint: props.scimEndpoint, token_issued_on: props.scimTokenIssuedOn ?? "" },
      }),
      "scim_secret",
    );
    const secret = fixAddress(
      new SynchronizationSecret(this, "secret", {
        servicePrincipalId: props.servicePrincipal.id,
        credential: [
          { key: "BaseAddress", value: props.scimEndpoint },
          { key: "SecretToken", value: props.scimToken },
          // Sync only the users and groups assigned to the app.
          { key: "SyncAll", value: "false" },
        ],
        // Replaced, never updated: the provider deletes a secret by blanking it, so the old one goes first. The
        // trigger is a plain address: cdktf writes a resource object here as "${...}", which Terraform refuses.
        lifecycle: {
          ignoreChanges: ["credential"],
          replaceTriggeredBy: [`${rotation.terraformResourceType}.${rotation.friendlyUniqueId}`],
        },
      }),
      "scim",
    );
    this.job = fixAddress(
      new SynchronizationJob(this, "job", {
        servicePrincipalId: props.servicePrincipal.id,
        templateId: SCIM_TEMPLATE_ID,
        enabled: true,
        dependsOn: [secret],
      }),
      "scim",
    );

    if (!provisionOnDemand) {
      this.groupsProvisioned = [this.job];
      this.membersProvisioned = [this.job];
      return;
    }
    // Graph provisions a group on demand without its members, so each member is provisioned on its own too.
    // A group is provisioned again when its name changes, so that IAM Identity Center knows the new name within
    // the apply that renames it.
    const teams = props.teamGroups.forEachGroup();
    const groupsOnDemand = fixAddress(
      new SynchronizationJobProvisionOnDemand(this, "groups_on_demand", {
        forEach: teams,
        servicePrincipalId: props.servicePrincipal.id,
        synchronizationJobId: this.job.id,
        parameter: [
          {
            ruleId: PROVISIONING_RULE_ID,
            subject: [{ objectId: teams.getString("object_id"), objectTypeName: "Group" }],
          },
        ],
        // Provisioned again when the group is renamed (IAM Identity Center then knows the new name within the apply)
        // or created again under the same key (the provider cannot update a subject in place).
        triggers: { display_name: teams.getString("display_name"), object_id: teams.getString("object_id") },
        dependsOn: [assignments],
      }),
      "team",
    );
    const members = TerraformIterator.fromMap({ ...props.memberGroups });
    const memberObjectId = props.teamGroups.memberObjectId("each.key", "each.value");
    const membersOnDemand = fixAddress(
      new SynchronizationJobProvisionOnDemand(this, "members_on_demand", {
        forEach: members,
        servicePrincipalId: props.servicePrincipal.id,
        synchronizationJobId: this.job.id,
        parameter: [
          {
            ruleId: PROVISIONING_RULE_ID,
            subject: [{ objectId: memberObjectId, objectTypeName: "User" }],
          },
        ],
        // A user created again under the same name has a new object id, which the provider cannot update in place.
        triggers: { object_id: memberObjectId },
        // A user is in the app's scope only through an assigned group that lists them.
        dependsOn: [...groups, assignments],
      }),
      "member",
    );
    this.groupsProvisioned = [groupsOnDemand];
    this.membersProvisioned = [membersOnDemand];
    this.onDemand = { groups: groupsOnDemand, members: membersOnDemand };
  }
}
