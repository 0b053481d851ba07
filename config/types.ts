import type { ActivityKey } from "../policies/activities";
import type { PolicyDocument } from "../policies/document";

/**
 * The validated, fully defaulted config every construct reads. Plain data: all names are derived here once,
 * and every record is sorted by key so that YAML order never changes the synthesized JSON.
 */
export interface FederationConfig {
  readonly name: string;
  /** `bootstrap` until the IAM Identity Center values are in the config (Entra mode only). */
  readonly phase: "bootstrap" | "full";
  readonly backend: BackendConfig;
  readonly aws: AwsConfig;
  readonly identityProvider: IdentityProviderConfig;
  readonly admins: AdminsConfig;
  readonly personas: Readonly<Record<string, PersonaConfig>>;
  /** Every IdP group: the teams' groups keyed by team key, and the admin group under {@link ADMIN_GROUP_KEY}. */
  readonly groups: Readonly<Record<string, GroupConfig>>;
  readonly teams: Readonly<Record<string, TeamConfig>>;
  /** The AWS accounts: the Identity Center account under {@link IDENTITY_CENTER_ACCOUNT}, and the workload accounts. */
  readonly accounts: Readonly<Record<string, AccountConfig>>;
  /** Execution roles keyed `<team>/<persona>`. */
  readonly roles: Readonly<Record<string, RoleConfig>>;
  /** User profiles keyed `<team>/<user name>`. */
  readonly profiles: Readonly<Record<string, ProfileConfig>>;
  /** Teams removed whose domains Terraform forgets rather than destroys, by team key. */
  readonly retiredTeams: Readonly<Record<string, RetiredTeamConfig>>;
}

export const ADMIN_GROUP_KEY = "admins";
/** Key of the account IAM Identity Center lives in; teams without `account` have their domain there. */
export const IDENTITY_CENTER_ACCOUNT = "identity-center";

export type BackendConfig =
  | { readonly type: "local"; readonly path?: string }
  | { readonly type: "s3"; readonly bucket: string; readonly key: string; readonly region: string }
  | { readonly type: "cloud"; readonly organization: string; readonly workspace: string; readonly hostname: string };

export interface AwsConfig {
  readonly region: string;
  /** `aws`, or the region's other partition (`aws-us-gov`, `aws-cn`, ...), for ARNs. */
  readonly partition: string;
  readonly accountId: string;
  readonly identityCenter?: IdentityCenterConfig;
  readonly consoleGuard: ConsoleGuardConfig;
  /** The organization's management account, where the console guard SCP is managed. */
  readonly organization?: { readonly accountId: string; readonly roleArn?: string; readonly planRoleArn?: string };
  readonly tags: Readonly<Record<string, string>>;
  /** IAM path of every execution role, so guardrails can name them all. */
  readonly executionRolePath: string;
}

export interface ConsoleGuardConfig {
  readonly scp: boolean;
  readonly deployerRoleArn?: string;
  /** Whether the admin permission set may pass the execution roles. */
  readonly adminsPassExecutionRoles: boolean;
  /** Roles besides the deployer that may write IAM Identity Center's users, groups and memberships. */
  readonly identityWriterRoleArns: readonly string[];
  /** Roles that keep read-only SageMaker access in the accounts with domains (a pull request's plan role). */
  readonly readerRoleArns: readonly string[];
}

export interface AccountConfig {
  readonly key: string;
  readonly accountId: string;
  readonly region: string;
  /** The role Terraform assumes there; undefined for the Identity Center account (the default credentials). */
  readonly roleArn?: string;
  /** The read-only role a plan-only synthesis assumes there instead of `roleArn`. */
  readonly planRoleArn?: string;
  /** Where the account's domains run; required once a team's domain is declared there. */
  readonly network?: NetworkConfig;
  readonly kmsKeyArn?: string;
  /** The team keys whose domains this account hosts, sorted. */
  readonly teams: readonly string[];
  /** Each persona's account-wide grants and guardrails, keyed `<persona>/<n>`. */
  readonly managedPolicies: Readonly<Record<string, ManagedPolicyConfig>>;
}

export interface ManagedPolicyConfig {
  readonly persona: string;
  readonly policyName: string;
  readonly document: PolicyDocument;
}

export interface IdentityCenterConfig {
  readonly issuerUrl: string;
  readonly acsUrl: string;
  readonly signInUrl: string;
  readonly scimEndpoint: string;
  readonly portalUrl: string;
}

export interface NetworkConfig {
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly appNetworkAccessType: "VpcOnly" | "PublicInternetOnly";
}

export type IdentityProviderConfig =
  | {
      readonly type: "entra";
      readonly tenantId: string;
      readonly notificationEmails: readonly string[];
      /** UTC, whole seconds, `Z`: as Microsoft Graph returns it. */
      readonly signingCertificateEndDate: string;
      readonly provisionOnDemand: boolean;
      /** When the SCIM token was generated: a new date replaces the synchronization secret (rotation). */
      readonly scimTokenIssuedOn?: string;
      readonly checkUserAttributes: boolean;
      readonly relayState?: string;
      readonly owners: readonly string[];
      /** A Conditional Access policy requiring MFA for the app: enforced, or report-only. */
      readonly mfa?: { readonly enforce: boolean; /** Sorted. */ readonly breakGlassUserIds: readonly string[] };
    }
  | { readonly type: "external" };

export interface AdminsConfig {
  readonly group: string;
  /** Every admin, permanent or eligible. */
  readonly members: readonly string[];
  /** Entra mode: eligible admins who activate the group membership through PIM, and the activation policy. */
  readonly justInTime?: JustInTimeConfig;
  readonly sessionDuration: string;
  readonly permissionSetName: string;
}

export interface JustInTimeConfig {
  /** User names, sorted: eligible, not permanent, members of the admin group. */
  readonly eligible: readonly string[];
  readonly maximumDuration: string;
  readonly requireJustification: boolean;
  readonly requireMfa: boolean;
  /** User names who approve an activation; none: no approval. */
  readonly approvers: readonly string[];
  /** Whether the permanent admins' memberships of the deployed admin group are imported rather than created. */
  readonly importMemberships: boolean;
}

/** A team retired from the config: Terraform forgets its Studio domain, which stays in the account. */
export interface RetiredTeamConfig {
  readonly key: string;
  /** Key of the account the domain is in. */
  readonly account: string;
}

export interface PersonaConfig {
  readonly key: string;
  readonly description: string;
  readonly activities: readonly ActivityKey[];
  readonly instanceTypes: readonly string[];
  /** Before any team's override. */
  readonly limits: StudioLimits;
  /** Whether its people may turn on remote IDE access to their own spaces. */
  readonly remoteAccess: boolean;
}

/** Idle shutdown of JupyterLab and Code Editor apps, and the EBS storage of private spaces (config/limits.ts). */
export interface StudioLimits {
  readonly idleTimeoutMinutes: number;
  readonly minIdleTimeoutMinutes: number;
  readonly maxIdleTimeoutMinutes: number;
  readonly defaultStorageGb: number;
  readonly maxStorageGb: number;
}

export interface GroupConfig {
  readonly displayName: string;
  readonly description: string;
  /**
   * The object id of an Entra group that exists already and is used instead of creating one; its membership is
   * managed in Entra, not here.
   */
  readonly existingObjectId?: string;
  /** Permanent members' user names (UPNs), sorted. */
  readonly members: readonly string[];
  /** Members through PIM, eligible to activate (the admin group with admins.justInTime). */
  readonly eligibleMembers: readonly string[];
}

export interface TeamConfig {
  readonly key: string;
  /** Key of the account the team's domain, roles and profiles live in. */
  readonly account: string;
  readonly group: string;
  readonly domainName: string;
  /** The id of an existing Studio domain that Terraform imports as this team's. */
  readonly importDomainId?: string;
  readonly defaultPersona: string;
  /** The first bucket is the team's workspace: `shared/` for the team, `users/<profile>/` private per user. */
  readonly s3Buckets: readonly string[];
  readonly gitRepositories: readonly string[];
  /** Keys of this team's entries in {@link FederationConfig.roles}, sorted. */
  readonly roleKeys: readonly string[];
  readonly computeRoleKey: string;
  /** Whether members may create shared spaces. */
  readonly sharedSpaces: boolean;
  /** The EFS and FSx file systems the team's training jobs may mount, sorted; none: no file system. */
  readonly fileSystemIds: readonly string[];
  /** The role the domain's shared spaces run as: never a persona's, so a shared space gives nobody more. */
  readonly sharedSpaceRoleKey: string;
  /** The domain's defaults and its shared spaces': the default persona's limits under the team's override. */
  readonly limits: StudioLimits;
  readonly members: Readonly<Record<string, MemberConfig>>;
}

export interface MemberConfig {
  readonly userName: string;
  readonly persona: string;
  readonly profileName: string;
}

export interface RoleConfig {
  readonly team: string;
  readonly persona: string;
  readonly account: string;
  readonly roleName: string;
  readonly roleArn: string;
  /** What is particular to the team (its buckets, passing its compute role); undefined when nothing is. */
  readonly inlinePolicy?: PolicyDocument;
  /** Keys of the persona's managed policies in the role's account. */
  readonly managedPolicyKeys: readonly string[];
}

export interface ProfileConfig {
  readonly team: string;
  readonly userName: string;
  readonly profileName: string;
  readonly roleKey: string;
  /** The member's persona's limits under the team's override. */
  readonly limits: StudioLimits;
}
