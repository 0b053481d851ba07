import { DataAwsIdentitystoreGroup } from "@cdktf/provider-aws/lib/data-aws-identitystore-group";
import { DataAwsSsoadminInstances } from "@cdktf/provider-aws/lib/data-aws-ssoadmin-instances";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Fn, TerraformIterator, type ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { instanceAttribute } from "../instance-attribute";

export interface IdentityCenterLookupProps {
  /** The provider of the account IAM Identity Center lives in. */
  readonly provider: AwsProvider;
  /** Group display names in the identity store, keyed by team key (and the admin group's key). */
  readonly groupNames: Readonly<Record<string, string>>;
  /**
   * What must happen before the groups can be found: provisioning on demand in Entra mode, so that a
   * single apply converges. Terraform then reads the groups during the apply instead of the plan.
   * @default - the groups already exist (external identity provider)
   */
  readonly waitFor?: ITerraformDependable[];
}

/** The IAM Identity Center instance and the SCIM-provisioned groups, found by display name. */
export class IdentityCenterLookup extends Construct {
  /** Identity Center resources (assignments, permission sets) are declared with this provider. */
  readonly provider: AwsProvider;
  readonly instanceArn: string;
  readonly identityStoreId: string;
  private readonly groups: DataAwsIdentitystoreGroup;

  constructor(scope: Construct, id: string, props: IdentityCenterLookupProps) {
    super(scope, id);
    this.provider = props.provider;
    const instances = new DataAwsSsoadminInstances(this, "instance", { provider: props.provider });
    this.instanceArn = Fn.element(Fn.tolist(instances.arns), 0);
    this.identityStoreId = Fn.element(Fn.tolist(instances.identityStoreIds), 0);

    const names = TerraformIterator.fromMap({ ...props.groupNames });
    this.groups = new DataAwsIdentitystoreGroup(this, "groups", {
      provider: props.provider,
      forEach: names,
      identityStoreId: this.identityStoreId,
      alternateIdentifier: { uniqueAttribute: { attributePath: "DisplayName", attributeValue: names.value } },
      dependsOn: props.waitFor,
    });
  }

  /** The identity store id of the group with this key (a string or an iterator expression). */
  groupId(key: string): string {
    return instanceAttribute(this.groups, key, "group_id");
  }
}
