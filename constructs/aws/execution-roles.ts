import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import type { RoleConfig } from "../../config/types";
import { toTerraformJson, type PolicyDocument } from "../../policies/document";
import { sagemakerTrustPolicy } from "../../policies/guardrails";
import type { IPolicyDeclaring } from "../aspects/no-wildcard-actions";
import { instanceAttribute } from "../instance-attribute";

export interface ExecutionRolesProps {
  /** Roles keyed `<team>/<persona>`. */
  readonly roles: Readonly<Record<string, RoleConfig>>;
  /** One IAM path for all of them, so guardrails can name every execution role at once. */
  readonly path: string;
}

/** The SageMaker execution role of every persona a team uses, each with its activities and guardrails inline. */
export class ExecutionRoles extends Construct implements IPolicyDeclaring {
  readonly roles: IamRole;
  private readonly documents: readonly PolicyDocument[];

  constructor(scope: Construct, id: string, props: ExecutionRolesProps) {
    super(scope, id);
    this.documents = Object.values(props.roles).map((role) => role.policy);
    const roles = TerraformIterator.fromMap(
      Object.fromEntries(
        Object.entries(props.roles).map(([key, role]) => [
          key,
          { name: role.roleName, team: role.team, persona: role.persona },
        ]),
      ),
    );
    this.roles = new IamRole(this, "roles", {
      forEach: roles,
      name: roles.getString("name"),
      path: props.path,
      assumeRolePolicy: sagemakerTrustPolicy(),
      description: `SageMaker execution role of persona \${each.value.persona} in team \${each.value.team}`,
      tags: { "sagemaker-team": roles.getString("team"), "sagemaker-persona": roles.getString("persona") },
    });

    const policies = TerraformIterator.fromMap(
      Object.fromEntries(Object.entries(props.roles).map(([key, role]) => [key, toTerraformJson(role.policy)])),
    );
    new IamRolePolicy(this, "policies", {
      forEach: policies,
      name: "persona-activities",
      role: instanceAttribute(this.roles, policies.key, "name"),
      policy: policies.value,
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
