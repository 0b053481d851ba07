import { consoleGuardPolicy } from "../policies/console-guard";
import type { PolicyDocument } from "../policies/document";
import { identityCenterGuardPolicy } from "../policies/identity-center-guard";
import { IDENTITY_CENTER_ACCOUNT, type AccountConfig, type FederationConfig } from "./types";

/** IAM's quota on a service control policy, in characters. */
export const SERVICE_CONTROL_POLICY_QUOTA = 5_120;

export interface GuardPolicy {
  readonly document: PolicyDocument;
  /** The member accounts it is attached to, by account key. */
  readonly accountIds: Readonly<Record<string, string>>;
}

export interface GuardPolicies {
  readonly console: GuardPolicy;
  /** Only where IAM Identity Center is administered from a member account, which an SCP binds. */
  readonly identityCenter?: GuardPolicy;
}

/** Whether IAM Identity Center lives in the organization's management account, which no SCP binds. */
export function identityCenterInManagementAccount(config: FederationConfig): boolean {
  return config.aws.organization?.accountId === config.aws.accountId;
}

/**
 * The guards of a config with `aws.consoleGuard.scp` (undefined without it, or without an organization to manage
 * them). `adminPermissionSetArn` is the permission set's ARN as Terraform will know it.
 */
export function guardPolicies(config: FederationConfig, adminPermissionSetArn: string): GuardPolicies | undefined {
  const organization = config.aws.organization;
  const guard = config.aws.consoleGuard;
  if (!guard.scp || organization === undefined) return undefined;
  const hosting = Object.values(config.accounts).filter((account) => account.teams.length > 0);
  const deployerRoleArns = [guard.deployerRoleArn, ...hosting.map((account) => account.roleArn)].filter(
    (arn): arn is string => arn !== undefined,
  );
  const members = (accounts: readonly AccountConfig[]) =>
    Object.fromEntries(
      accounts
        .filter((account) => account.accountId !== organization.accountId)
        .map((account) => [account.key, account.accountId]),
    );
  const console: GuardPolicy = {
    accountIds: members(hosting),
    document: consoleGuardPolicy({
      partition: config.aws.partition,
      adminPermissionSetName: config.admins.permissionSetName,
      executionRolePath: config.aws.executionRolePath,
      deployerRoleArns,
      adminsPassExecutionRoles: guard.adminsPassExecutionRoles,
      // Each account's plan role reads what a plan reads, under the guard, as the config's readers do.
      readerRoleArns: [
        ...new Set([...guard.readerRoleArns, ...hosting.flatMap((account) => account.planRoleArn ?? [])]),
      ],
      otherExemptRoleArns: guard.identityWriterRoleArns,
    }),
  };
  if (identityCenterInManagementAccount(config)) return { console };
  return {
    console,
    identityCenter: {
      accountIds: members([config.accounts[IDENTITY_CENTER_ACCOUNT]!]),
      document: identityCenterGuardPolicy({
        partition: config.aws.partition,
        deployerRoleArns,
        identityWriterRoleArns: guard.identityWriterRoleArns,
        adminPermissionSetArn,
        applicationAccountIds: [config.aws.accountId, ...hosting.map((account) => account.accountId)],
        protectsExemptions: !hosting.some((account) => account.key === IDENTITY_CENTER_ACCOUNT),
      }),
    },
  };
}
