import { OrganizationsPolicy } from "@cdktf/provider-aws/lib/organizations-policy";
import { OrganizationsPolicyAttachment } from "@cdktf/provider-aws/lib/organizations-policy-attachment";
import { Construct } from "constructs";
import { toTerraformJson, type PolicyDocument } from "../../policies/document";
import type { IPolicyDeclaring } from "../aspects/no-wildcard-actions";

export interface ConsoleGuardProps {
  readonly policyName: string;
  readonly policy: PolicyDocument;
  /** The account the policy is attached to. */
  readonly accountId: string;
}

/** A service control policy that keeps everyone but the admins out of SageMaker's console paths. */
export class ConsoleGuard extends Construct implements IPolicyDeclaring {
  private readonly policy: PolicyDocument;

  constructor(scope: Construct, id: string, props: ConsoleGuardProps) {
    super(scope, id);
    this.policy = props.policy;
    const policy = new OrganizationsPolicy(this, "policy", {
      name: props.policyName,
      type: "SERVICE_CONTROL_POLICY",
      description: "Only SageMaker admins, execution roles and the deployer open Studio or change domains",
      content: toTerraformJson(props.policy),
    });
    new OrganizationsPolicyAttachment(this, "attachment", { policyId: policy.id, targetId: props.accountId });
  }

  policyDocuments(): readonly PolicyDocument[] {
    return [this.policy];
  }
}
