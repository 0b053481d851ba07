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
import { fixAddress } from "../fixed-address";
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
  /** The account the roles live in: SageMaker may assume them on behalf of this account only. */
  readonly accountId: string;
  readonly partition: string;
  /**
   * Appended to every address, so that each account's blocks have their own (`aws_iam_role.execution_research`).
   * @default "" (the Identity Center account)
   */
  readonly addressSuffix?: string;
}

/**
 * The SageMaker execution role of every persona a team uses. What a persona may do is the same in every team of
 * the account and lives in managed policies; what is the team's own (buckets, its compute role) is inline.
 */
export class ExecutionRoles extends Construct implements IPolicyDeclaring {
  readonly roles: IamRole;
  private readonly documents: readonly PolicyDocument[];
  private readonly configured: Readonly<Record<string, RoleConfig>>;

  constructor(scope: Construct, id: string, props: ExecutionRolesProps) {
    super(scope, id);
    const { provider } = props;
    const suffix = props.addressSuffix ?? "";
    this.configured = props.roles;
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
    this.roles = fixAddress(
      new IamRole(this, "roles", {
        provider,
        forEach: roles,
        name: roles.getString("name"),
        path: props.path,
        assumeRolePolicy: sagemakerTrustPolicy(props.partition, props.accountId),
        description: `SageMaker execution role of persona \${each.value.persona} in team \${each.value.team}`,
        tags: { "sagemaker-team": roles.getString("team"), "sagemaker-persona": roles.getString("persona") },
      }),
      `execution${suffix}`,
    );

    const managed = TerraformIterator.fromMap(
      Object.fromEntries(
        Object.entries(props.managedPolicies).map(([key, policy]) => [
          key,
          { name: policy.policyName, persona: policy.persona, document: toTerraformJson(policy.document) },
        ]),
      ),
    );
    const personaPolicies = fixAddress(
      new IamPolicy(this, "persona_policies", {
        provider,
        forEach: managed,
        name: managed.getString("name"),
        path: props.path,
        description: "ML activities and guardrails of SageMaker persona ${each.value.persona}",
        policy: managed.getString("document"),
      }),
      `persona${suffix}`,
    );

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
    fixAddress(
      new IamRolePolicyAttachment(this, "persona_policy_attachments", {
        provider,
        forEach: attachments,
        role: instanceAttribute(this.roles, attachments.getString("role"), "name"),
        policyArn: instanceAttribute(personaPolicies, attachments.getString("policy"), "arn"),
      }),
      `persona${suffix}`,
    );

    const inline = TerraformIterator.fromMap(
      Object.fromEntries(
        Object.entries(props.roles).flatMap(([key, role]) =>
          role.inlinePolicy ? [[key, toTerraformJson(role.inlinePolicy)]] : [],
        ),
      ),
    );
    fixAddress(
      new IamRolePolicy(this, "policies", {
        provider,
        forEach: inline,
        name: "team-resources",
        role: instanceAttribute(this.roles, inline.key, "name"),
        policy: inline.value,
      }),
      `team_resources${suffix}`,
    );
  }

  policyDocuments(): readonly PolicyDocument[] {
    return this.documents;
  }

  /** The ARN of the role with this key (a string or an iterator expression). */
  arnOf(key: string): string {
    return instanceAttribute(this.roles, key, "arn");
  }

  /**
   * The ARN the role with this key gets, known from the config before the role exists, for comparisons that
   * must be known when Terraform plans.
   */
  configuredArnOf(key: string): string {
    return this.configured[key]!.roleArn;
  }
}
