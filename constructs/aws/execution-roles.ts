import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import type { ManagedPolicyConfig, RoleConfig } from "../../config/types";
import { toTerraformJson, type PolicyDocument } from "../../policies/document";
import { sagemakerTrustPolicy } from "../../policies/guardrails";
import type { IPolicyDeclaring } from "../aspects/no-wildcard-actions";
import { instanceAttribute } from "../instance-attribute";

export interface ExecutionRolesProps {
  /** The account's provider. */
  readonly provider: AwsProvider;
  /** Roles keyed `<team>/<persona>`. */
  readonly roles: Readonly<Record<string, RoleConfig>>;
  /** Each persona's grants and guardrails in this account, keyed `<persona>/<n>`. */
  readonly managedPolicies: Readonly<Record<string, ManagedPolicyConfig>>;
  /** One IAM path for all of them, so guardrails can name every execution role at once. */
  readonly path: string;
}

/**
 * The SageMaker execution role of every persona a team uses. What a persona may do is the same in every team of
 * the account and lives in managed policies; what is the team's own (buckets, its compute role) is inline.
 */
export class ExecutionRoles extends Construct implements IPolicyDeclaring {
  readonly roles: IamRole;
  private readonly documents: readonly PolicyDocument[];

  constructor(scope: Construct, id: string, props: ExecutionRolesProps) {
    super(scope, id);
    const { provider } = props;
    this.documents = [
      ...Object.values(props.managedPolicies).map((policy) => policy.document),
      ...Object.values(props.roles).flatMap((role) => (role.inlinePolicy ? [role.inlinePolicy] : [])),
    ];

    const roles = TerraformIterator.fromMap(
      Object.fromEntries(
        Object.entries(props.roles).map(([key, role]) => [
          key,
          { name: role.roleName, team: role.team, persona: role.persona },
        ]),
      ),
    );
    this.roles = new IamRole(this, "roles", {
      provider,
      forEach: roles,
      name: roles.getString("name"),
      path: props.path,
      assumeRolePolicy: sagemakerTrustPolicy(),
      description: `SageMaker execution role of persona \${each.value.persona} in team \${each.value.team}`,
      tags: { "sagemaker-team": roles.getString("team"), "sagemaker-persona": roles.getString("persona") },
    });

    const managed = TerraformIterator.fromMap(
      Object.fromEntries(
        Object.entries(props.managedPolicies).map(([key, policy]) => [
          key,
          { name: policy.policyName, persona: policy.persona, document: toTerraformJson(policy.document) },
        ]),
      ),
    );
    const personaPolicies = new IamPolicy(this, "persona_policies", {
      provider,
      forEach: managed,
      name: managed.getString("name"),
      path: props.path,
      description: "ML activities and guardrails of SageMaker persona ${each.value.persona}",
      policy: managed.getString("document"),
    });

    const attachments = TerraformIterator.fromMap(
      Object.fromEntries(
        Object.entries(props.roles).flatMap(([roleKey, role]) =>
          role.managedPolicyKeys.map((policyKey) => [
            `${roleKey}/${policyKey.split("/")[1]}`,
            { role: roleKey, policy: policyKey },
          ]),
        ),
      ),
    );
    new IamRolePolicyAttachment(this, "persona_policy_attachments", {
      provider,
      forEach: attachments,
      role: instanceAttribute(this.roles, attachments.getString("role"), "name"),
      policyArn: instanceAttribute(personaPolicies, attachments.getString("policy"), "arn"),
    });

    const inline = TerraformIterator.fromMap(
      Object.fromEntries(
        Object.entries(props.roles).flatMap(([key, role]) =>
          role.inlinePolicy ? [[key, toTerraformJson(role.inlinePolicy)]] : [],
        ),
      ),
    );
    new IamRolePolicy(this, "policies", {
      provider,
      forEach: inline,
      name: "team-resources",
      role: instanceAttribute(this.roles, inline.key, "name"),
      policy: inline.value,
    });
  }

  policyDocuments(): readonly PolicyDocument[] {
    return this.documents;
  }

  /** The ARN of the role with this key (a string or an iterator expression). */
  arnOf(key: string): string {
    return instanceAttribute(this.roles, key, "arn");
  }
}
