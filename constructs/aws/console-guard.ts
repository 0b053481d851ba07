import { OrganizationsPolicy } from "@cdktf/provider-aws/lib/organizations-policy";
import { OrganizationsPolicyAttachment } from "@cdktf/provider-aws/lib/organizations-policy-attachment";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import { toTerraformJson, type PolicyDocument } from "../../policies/document";
import type { IPolicyDeclaring } from "../aspects/no-wildcard-actions";
import { fixAddress } from "../fixed-address";

export interface ConsoleGuardProps {
  /** The provider of the organization's management account: SCPs are managed there and nowhere else. */
  readonly provider: AwsProvider;
  readonly policyName: string;
  readonly policy: PolicyDocument;
  /** The accounts the policy is attached to, by account key (never the management account: SCPs skip it). */
  readonly accountIds: Readonly<Record<string, string>>;
}

const NAME = "console_guard";

/** A service control policy that keeps everyone but the admins out of SageMaker's console paths. */
export class ConsoleGuard extends Construct implements IPolicyDeclaring {
  private readonly policy: PolicyDocument;

  constructor(scope: Construct, id: string, props: ConsoleGuardProps) {
    super(scope, id);
    this.policy = props.policy;
    const policy = fixAddress(
      new OrganizationsPolicy(this, "policy", {
        provider: props.provider,
        name: props.policyName,
        type: "SERVICE_CONTROL_POLICY",
        description: "Only SageMaker admins, execution roles and the deployer open Studio or change domains",
        content: toTerraformJson(props.policy),
      }),
      NAME,
    );
    const accounts = TerraformIterator.fromMap({ ...props.accountIds });
    fixAddress(
      new OrganizationsPolicyAttachment(this, "attachments", {
        provider: props.provider,
        forEach: accounts,
        policyId: policy.id,
        targetId: accounts.value,
      }),
      NAME,
    );
  }

  policyDocuments(): readonly PolicyDocument[] {
    return [this.policy];
  }
}
