import { OrganizationsPolicy } from "@cdktf/provider-aws/lib/organizations-policy";
import { OrganizationsPolicyAttachment } from "@cdktf/provider-aws/lib/organizations-policy-attachment";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import { toTerraformJson, type PolicyDocument } from "../../policies/document";
import type { IPolicyDeclaring } from "../aspects/no-wildcard-actions";
import { fixAddress } from "../fixed-address";

export interface ServiceControlPolicyProps {
  /** The provider of the organization's management account: SCPs are managed there and nowhere else. */
  readonly provider: AwsProvider;
  /** The name of both blocks' addresses (`aws_organizations_policy.<address>`), fixed for every state. */
  readonly address: string;
  readonly policyName: string;
  readonly description: string;
  readonly policy: PolicyDocument;
  /** The accounts the policy is attached to, by account key (never the management account: SCPs skip it). */
  readonly accountIds: Readonly<Record<string, string>>;
}

/** A service control policy and its attachments: the guards that hold whatever other policies grant. */
export class ServiceControlPolicy extends Construct implements IPolicyDeclaring {
  private readonly policy: PolicyDocument;

  constructor(scope: Construct, id: string, props: ServiceControlPolicyProps) {
    super(scope, id);
    this.policy = props.policy;
    const policy = fixAddress(
      new OrganizationsPolicy(this, "policy", {
        provider: props.provider,
        name: props.policyName,
        type: "SERVICE_CONTROL_POLICY",
        description: props.description,
        content: toTerraformJson(props.policy),
      }),
      props.address,
    );
    const accounts = TerraformIterator.fromMap({ ...props.accountIds });
    fixAddress(
      new OrganizationsPolicyAttachment(this, "attachments", {
        provider: props.provider,
        forEach: accounts,
        policyId: policy.id,
        targetId: accounts.value,
      }),
      props.address,
    );
  }

  policyDocuments(): readonly PolicyDocument[] {
    return [this.policy];
  }
}
