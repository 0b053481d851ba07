import type { AppRoleAssignment } from "@cdktf/provider-azuread/lib/app-role-assignment";
import type { Group } from "@cdktf/provider-azuread/lib/group";
import type { ServicePrincipal } from "@cdktf/provider-azuread/lib/service-principal";
import { SynchronizationJob } from "@cdktf/provider-azuread/lib/synchronization-job";
import { SynchronizationJobProvisionOnDemand } from "@cdktf/provider-azuread/lib/synchronization-job-provision-on-demand";
import { SynchronizationSecret } from "@cdktf/provider-azuread/lib/synchronization-secret";
import { TerraformIterator, type ITerraformDependable } from "cdktf";
import { Construct } from "constructs";

/** Provisioning template of the IAM Identity Center gallery app (lowercase "on" included). */
export const SCIM_TEMPLATE_ID = "aWSSingleSignon";
/** The template's user-and-group rule, which supports provision on demand. */
export const GROUP_PROVISIONING_RULE_ID = "03f7d90d-bf71-41b1-bda6-aaf0ddbee5d8";

export interface ScimProvisioningProps {
  readonly servicePrincipal: ServicePrincipal;
  /** IAM Identity Center's SCIM endpoint. */
  readonly scimEndpoint: string;
  /** The SCIM access token: a reference to the sensitive `scim_token` variable, never a literal. */
  readonly scimToken: string;
  /** The groups to provision on demand, and their assignments (provisioning needs them assigned first). */
  readonly groups: Group;
  readonly assignments: AppRoleAssignment;
  /**
   * Push every group to IAM Identity Center during the apply, so the AWS side finds them in the same apply.
   * @default true
   */
  readonly provisionOnDemand?: boolean;
}

/** SCIM 2.0 provisioning of the assigned users and groups to IAM Identity Center. */
export class ScimProvisioning extends Construct {
  readonly job: SynchronizationJob;
  /** What the IAM Identity Center group lookups must wait for. */
  readonly groupsProvisioned: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: ScimProvisioningProps) {
    super(scope, id);
    const provisionOnDemand = props.provisionOnDemand ?? true;

    const secret = new SynchronizationSecret(this, "secret", {
      servicePrincipalId: props.servicePrincipal.id,
      credential: [
        { key: "BaseAddress", value: props.scimEndpoint },
        { key: "SecretToken", value: props.scimToken },
        // Sync only the users and groups assigned to the app.
        { key: "SyncAll", value: "false" },
      ],
    });
    this.job = new SynchronizationJob(this, "job", {
      servicePrincipalId: props.servicePrincipal.id,
      templateId: SCIM_TEMPLATE_ID,
      enabled: true,
      dependsOn: [secret],
    });

    if (!provisionOnDemand) {
      this.groupsProvisioned = [this.job];
      return;
    }
    const groups = TerraformIterator.fromResources(props.groups);
    const onDemand = new SynchronizationJobProvisionOnDemand(this, "groups_on_demand", {
      forEach: groups,
      servicePrincipalId: props.servicePrincipal.id,
      synchronizationJobId: this.job.id,
      parameter: [
        {
          ruleId: GROUP_PROVISIONING_RULE_ID,
          subject: [{ objectId: groups.getString("object_id"), objectTypeName: "Group" }],
        },
      ],
      dependsOn: [props.assignments],
    });
    this.groupsProvisioned = [onDemand];
  }
}
