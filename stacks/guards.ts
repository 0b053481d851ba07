import { AwsProvider, type AwsProviderDefaultTags } from "@cdktf/provider-aws/lib/provider";
import type { Construct } from "constructs";
import { guardPolicies } from "../config/guards";
import type { FederationConfig } from "../config/types";
import type { AdminAccess } from "../constructs/aws/admin-access";
import { ServiceControlPolicy } from "../constructs/aws/service-control-policy";

export interface GuardsProps {
  readonly config: FederationConfig;
  /** Terraform's own provider: the Identity Center account's. */
  readonly identityCenterProvider: AwsProvider;
  readonly defaultTags: AwsProviderDefaultTags[];
  readonly admin: AdminAccess;
  /**
   * Assume the management account's read-only `planRoleArn` instead of `roleArn`.
   * @default false
   */
  readonly planOnly?: boolean;
}

/**
 * The service control policies (config/guards.ts), managed in the organization's management account: the console
 * guard, and the Identity Center guard where IAM Identity Center is administered from a member account.
 */
export function declareGuards(scope: Construct, props: GuardsProps): void {
  const { config } = props;
  const organization = config.aws.organization;
  const guards = guardPolicies(config, props.admin.permissionSet.arn);
  if (guards === undefined || organization === undefined) return;
  const provider =
    organization.roleArn === undefined
      ? props.identityCenterProvider
      : new AwsProvider(scope, "aws_organization", {
          alias: "organization",
          region: config.aws.region,
          assumeRole: [{ roleArn: props.planOnly === true ? organization.planRoleArn : organization.roleArn }],
          allowedAccountIds: [organization.accountId],
          defaultTags: props.defaultTags,
        });
  new ServiceControlPolicy(scope, "console_guard", {
    provider,
    address: "console_guard",
    policyName: `${config.name}-sagemaker-console-guard`,
    description: "Only the federation's admins, execution roles and deployer use SageMaker here",
    policy: guards.console.document,
    accountIds: guards.console.accountIds,
  });
  if (guards.identityCenter !== undefined)
    new ServiceControlPolicy(scope, "identity_center_guard", {
      provider,
      address: "identity_center_guard",
      policyName: `${config.name}-identity-center-guard`,
      description:
        "Only the federation's deployer changes its users, groups, admin permission set and Studio applications",
      policy: guards.identityCenter.document,
      accountIds: guards.identityCenter.accountIds,
    });
}
