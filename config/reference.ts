import { DEFAULT_LIMITS } from "./limits";

/**
 * What every config key means, written once: federation.schema.json carries it as each key's description (editors
 * show it on hover) and docs/config.md is generated from it (`npm run schema` writes both). Keyed by the key's path;
 * `<key>` stands for a map key of the user's choice. Order is the order of docs/config.md.
 */
export interface KeyReference {
  readonly description: string;
  /** The default in words, where the schema's own default (or "required") would not say it. */
  readonly default?: string;
}

const NETWORK: Readonly<Record<string, KeyReference>> = {
  "": {
    description:
      "Where Studio runs: the VPC and private subnets (with the endpoints or NAT VpcOnly needs). Never changes afterwards.",
    default: "required once the account hosts a domain",
  },
  vpcId: { description: "The VPC. Changing it would replace the domains, so the plan refuses." },
  subnetIds: { description: "1 to 16 private subnets Studio's apps and the team's jobs run in." },
  securityGroupIds: {
    description: "Up to 3 security groups of the domain's apps; at least one with VpcOnly. Jobs must use them too.",
  },
  appNetworkAccessType: { description: "VpcOnly (all traffic through the VPC) or PublicInternetOnly." },
};

const LIMITS: Readonly<Record<string, KeyReference>> = {
  idleTimeoutMinutes: {
    description:
      "Minutes without activity after which SageMaker shuts a JupyterLab or Code Editor app down (60-525600).",
    default: String(DEFAULT_LIMITS.idleTimeoutMinutes),
  },
  minIdleTimeoutMinutes: {
    description: "The shortest idle timeout a person may choose for a space of their own.",
    default: String(DEFAULT_LIMITS.minIdleTimeoutMinutes),
  },
  maxIdleTimeoutMinutes: {
    description: "The longest idle timeout a person may choose for a space of their own.",
    default: String(DEFAULT_LIMITS.maxIdleTimeoutMinutes),
  },
  defaultStorageGb: {
    description: "The storage (EBS, GB) of a new private space (5-16384).",
    default: `${DEFAULT_LIMITS.defaultStorageGb} (SageMaker's default)`,
  },
  maxStorageGb: {
    description: "The most storage (GB) a person may give a space of their own.",
    default: String(DEFAULT_LIMITS.maxStorageGb),
  },
};

function limits(prefix: string, description: string, fallback: string): Record<string, KeyReference> {
  return {
    [prefix]: { description, default: fallback },
    ...Object.fromEntries(Object.entries(LIMITS).map(([key, value]) => [`${prefix}.${key}`, value])),
  };
}

function network(prefix: string): Record<string, KeyReference> {
  return Object.fromEntries(
    Object.entries(NETWORK).map(([key, value]) => [key === "" ? prefix : `${prefix}.${key}`, value]),
  );
}

export const CONFIG_REFERENCE: Readonly<Record<string, KeyReference>> = {
  $schema: { description: "Path of federation.schema.json, for editors. Ignored by the loader.", default: "none" },
  name: {
    description:
      "Prefixes every resource name and names the stack: 2-31 lowercase letters, digits or hyphens, starting with a letter. Changing it replaces every domain.",
  },
  backend: { description: "Where the Terraform state lives." },
  "backend.type": { description: "local (a file beside the config), s3, or cloud (Terraform Cloud)." },
  "backend.path": {
    description: "local: the state file, relative to cdktf.out/stacks/<name> (where Terraform runs).",
    default: "terraform.<name>.tfstate in the project's root",
  },
  "backend.bucket": { description: "s3: the bucket (encrypted, with an S3 lock file)." },
  "backend.key": { description: "s3: the state object's key." },
  "backend.region": { description: "s3: the bucket's region." },
  "backend.organization": { description: "cloud: the Terraform Cloud organization." },
  "backend.workspace": { description: "cloud: the workspace." },
  "backend.hostname": { description: "cloud: the Terraform Cloud or Enterprise host." },
  aws: { description: "The AWS side." },
  "aws.region": {
    description:
      "The IAM Identity Center region; every domain lives there too. One of the regions the AWS SDK knows (all partitions).",
  },
  "aws.accountId": { description: "The account IAM Identity Center lives in, as a quoted 12-digit string." },
  "aws.organization": {
    description:
      "The organization's management account, where the console guard SCP is managed. It may host no domain: SCPs never apply to it.",
    default: "none",
  },
  "aws.organization.accountId": { description: "The management account's id." },
  "aws.organization.roleArn": {
    description: "The role Terraform assumes there.",
    default: "Terraform's own credentials (only when accountId is aws.accountId)",
  },
  "aws.organization.planRoleArn": {
    description:
      "The read-only role a plan-only synthesis (FEDERATION_PLAN_ONLY=true, the pull-request plan) assumes there instead of roleArn.",
    default: "the plan's own credentials, as for roleArn",
  },
  "aws.identityCenter": {
    description:
      "Values copied from the IAM Identity Center console after the bootstrap apply (there is no API for them). Without them (Entra mode) the stack is in its bootstrap phase.",
    default: "absent: bootstrap phase",
  },
  "aws.identityCenter.issuerUrl": { description: "IAM Identity Center issuer URL: the app's SAML identifier." },
  "aws.identityCenter.acsUrl": { description: "IAM Identity Center Assertion Consumer Service (ACS) URL." },
  "aws.identityCenter.signInUrl": { description: "AWS access portal sign-in URL: the app's sign-on URL." },
  "aws.identityCenter.scimEndpoint": { description: "SCIM endpoint from Automatic provisioning." },
  "aws.identityCenter.portalUrl": {
    description: "The AWS access portal URL, if customized.",
    default: "https://<directory id>.awsapps.com/start, from the issuer URL",
  },
  ...network("aws.network"),
  "aws.kmsKeyArn": {
    description:
      "Key ARN for the home file systems and shared notebooks, and the key jobs and endpoints must use. Never changes afterwards.",
    default: "AWS managed keys",
  },
  "aws.accounts": {
    description:
      "Workload accounts that host domains, by a key of your choice (identity-center is reserved for aws.accountId).",
    default: "none",
  },
  "aws.accounts.<key>.accountId": { description: "The account's id." },
  "aws.accounts.<key>.roleArn": { description: "The role Terraform assumes in that account (in that account)." },
  "aws.accounts.<key>.planRoleArn": {
    description:
      "The read-only role a plan-only synthesis (FEDERATION_PLAN_ONLY=true, the pull-request plan) assumes there instead of roleArn. It keeps reading SageMaker under the console guard, as a reader.",
    default: "none: a plan-only synthesis stops and asks for it",
  },
  "aws.accounts.<key>.region": { description: "Must be aws.region.", default: "aws.region" },
  ...network("aws.accounts.<key>.network"),
  "aws.accounts.<key>.kmsKeyArn": {
    description: "As aws.kmsKeyArn, for this account's domains.",
    default: "AWS managed keys",
  },
  "aws.consoleGuard": {
    description:
      "Keeping everyone outside the federation out of SageMaker and IAM Identity Center's federation objects (docs/threat-model.md, Outsiders).",
  },
  "aws.consoleGuard.scp": {
    description:
      "Attach service control policies: in every account with domains, all of SageMaker is denied to all but the admins, the execution roles and the deployer, the execution roles are passed only by themselves and the deployer, and changed only by the deployer; where IAM Identity Center is administered from a member account, its users, groups, memberships, the admin permission set and the domains' applications are changed only by the deployer. SCPs never bind the management account. Needs aws.organization.",
  },
  "aws.consoleGuard.deployerRoleArn": {
    description: "The role Terraform runs as, exempt from the guard.",
    default: "required with scp: true",
  },
  "aws.consoleGuard.adminsPassExecutionRoles": {
    description:
      "Let the admin permission set pass the execution roles: admins may then start jobs, notebook instances, schedules and pipelines that run as a persona's role and keep running after their session or just-in-time activation ends.",
  },
  "aws.consoleGuard.identityWriterRoleArns": {
    description:
      "Roles besides the deployer that may write IAM Identity Center's users, groups and memberships, and the applications of the accounts the guard names, where the guard protects it: another provisioning process that uses the Identity Store API, whoever rotates the SCIM token, the administrators of the account's other applications. They can put anyone in a team's or the admin group: trust them as admins. SCIM provisioning itself needs none (it uses its token, not IAM). Exact ARNs: a permission set's role with its full name, suffix included.",
    default: "none",
  },
  "aws.consoleGuard.readerRoleArns": {
    description:
      "Roles that keep reading SageMaker (Describe and List) in the accounts with domains, and nothing more: the pull request plan role (AWS_PLAN_ROLE_ARN) where domains are in the IAM Identity Center account, an auditor's tool. Each account's planRoleArn is a reader without being listed. Everyone else outside the federation reads nothing.",
    default: "none",
  },
  "aws.tags": { description: "Default tags of every AWS resource." },
  identityProvider: { description: "Who provisions users and groups into IAM Identity Center." },
  "identityProvider.type": {
    description: "entra (this stack manages the Entra app, groups and SCIM) or external (an IdP managed elsewhere).",
  },
  "identityProvider.entra": { description: "Entra ID settings.", default: "required with type: entra" },
  "identityProvider.entra.tenantId": { description: "The Entra tenant id." },
  "identityProvider.entra.notificationEmails": { description: "Who gets the signing certificate's expiry notices." },
  "identityProvider.entra.signingCertificateEndDate": {
    description:
      "RFC 3339 end of the SAML signing certificate, at most 3 years ahead, taken as Graph returns it (UTC, whole seconds). Changing the instant rotates it.",
  },
  "identityProvider.entra.provisionOnDemand": {
    description:
      "Push every group, member and admin to IAM Identity Center during the apply, so one apply converges; false: wait for the SCIM cycle.",
  },
  "identityProvider.entra.checkUserAttributes": {
    description:
      "Fail the plan for a member without given name, surname or display name (IAM Identity Center refuses them).",
  },
  "identityProvider.entra.scimTokenIssuedOn": {
    description:
      "The day the SCIM token in TF_VAR_scim_token was generated. Changing it (with the new token) replaces the synchronization secret: that is how the token is rotated. Terraform never compares the token otherwise, so a plan needs none.",
    default: "the token is set once, when the secret is created",
  },
  "identityProvider.entra.relayState": { description: "SAML relay state on IdP-initiated sign-in.", default: "none" },
  "identityProvider.entra.owners": {
    description: "Object ids that own the app and the groups, managed exactly.",
    default: "whoever created them stays owner",
  },
  "identityProvider.entra.mfa": {
    description:
      "A Conditional Access policy that requires multifactor authentication to sign in to the AWS IAM Identity Center app, for every team and admin group. Needs Entra ID P1. See docs/runbook.md for the rollout.",
    default: "none",
  },
  "identityProvider.entra.mfa.enforce": {
    description:
      "false: report-only (the sign-in logs show who would have been asked); true: enforced. Start with false.",
  },
  "identityProvider.entra.mfa.breakGlassUserIds": {
    description: "Object ids (GUIDs) of emergency accounts the policy never applies to.",
  },
  admins: { description: "The SageMaker administrators." },
  "admins.group": { description: "Their IdP group's display name." },
  "admins.members": { description: "Their user names (Entra mode)." },
  "admins.existingGroupId": {
    description:
      "Entra mode: the object id of an existing admin group to use instead of creating one; its membership stays managed in Entra.",
    default: "a group is created",
  },
  "admins.justInTime": {
    description:
      "Entra mode: admins become eligible members of the admin group through Privileged Identity Management and activate when they need the permission set. Needs Entra ID P2. See docs/runbook.md.",
    default: "none: every admin is a permanent member",
  },
  "admins.justInTime.members": {
    description: "Which admins are eligible; the others stay permanent members. Each must be in admins.members.",
    default: "every admin",
  },
  "admins.justInTime.maximumDuration": {
    description:
      "ISO 8601 longest activation, in half hours from PT1H to P1D (PIM's steps). Keep admins.sessionDuration no longer: an AWS session outlives the activation.",
  },
  "admins.justInTime.requireJustification": { description: "Whether an activation needs a reason." },
  "admins.justInTime.requireMfa": { description: "Whether an activation needs multifactor authentication." },
  "admins.justInTime.approvers": {
    description: "User names who approve each activation.",
    default: "none: no approval",
  },
  "admins.justInTime.importMemberships": {
    description:
      "Switching a deployed admin group to just in time: the permanent admins are members already, so the plan imports their memberships instead of creating them (Entra would refuse them as existing). Needs the group to exist; remove it after that apply: a permanent admin added while it is on is not a member yet, and the plan fails to import them. See docs/runbook.md.",
    default: "false",
  },
  "admins.sessionDuration": { description: "ISO 8601 console session length, 1 to 12 hours." },
  "admins.permissionSetName": {
    description: "The permission set's name, at most 32 characters.",
    default: "<name>-admin",
  },
  personas: {
    description:
      "Overrides of the built-in personas (data-scientist, mlops, compute) and personas of your own, by key.",
    default: "the built-ins",
  },
  "personas.<key>.description": { description: "What the persona is for.", default: "the built-in's, or the key" },
  "personas.<key>.activities": {
    description: "Its ML activities (see README.md). Required for a persona of your own; replaces a built-in's list.",
    default: "the built-in's",
  },
  "personas.<key>.instanceTypes": {
    description: "The instance types it may start: exact types or families like `ml.g5.*`. Replaces a built-in's list.",
    default: "the built-in's",
  },
  "personas.<key>.remoteAccess": {
    description:
      "Whether its people may turn on remote IDE access (VS Code and others) to their own spaces. Such connections authenticate with IAM, not IAM Identity Center, and outlive a sign-out by hours: offboard and restart-apps stop them by stopping the apps.",
  },
  ...limits(
    "personas.<key>.limits",
    "Idle shutdown and storage of the persona's people: the values a team's override does not set. Nobody can change their own limits: the execution roles cannot update a profile or a domain.",
    "the defaults below, for every persona",
  ),
  teams: {
    description:
      "The teams, by key: 1-31 lowercase letters, digits or hyphens. The key is the team's stable identity (its domain's address and name); admins is reserved.",
  },
  "teams.<key>.group": {
    description:
      "The team's IdP group display name (unique). With existingGroupId: that group's display name as it is in Entra (the plan checks).",
  },
  "teams.<key>.existingGroupId": {
    description:
      "Entra mode: the object id of an existing group to use instead of creating one. Its membership stays managed in Entra: every member listed here must be a direct member of it (the plan checks); removing the team never deletes it. See docs/adoption.md.",
    default: "a group is created",
  },
  "teams.<key>.domainName": {
    description:
      "The Studio domain's name. Set it to an imported domain's own name: changing a name replaces a domain, which the plan refuses.",
    default: "<name>-<team key>",
  },
  "teams.<key>.import": {
    description:
      "An existing Studio domain (IAM Identity Center mode) to take over: the plan imports it as this team's domain instead of creating one. See docs/adoption.md.",
    default: "none: a domain is created",
  },
  "teams.<key>.import.domainId": { description: "The domain's id, d-xxxxxxxxxxxx." },
  "teams.<key>.defaultPersona": { description: "Persona of members without one." },
  "teams.<key>.s3Buckets": {
    description:
      "Existing buckets, each of one team only. The first is the workspace: shared/ for the team (jobs only read it), jobs/ for jobs' output, users/<profile>/ private to each person (docs/architecture.md).",
  },
  "teams.<key>.gitRepositories": {
    description:
      "Default code repositories of the team's JupyterLab spaces (at most 10). Shared spaces get a change only with the domain update of docs/runbook.md, section 11.",
  },
  "teams.<key>.members": {
    description:
      "User name (UPN as the identity provider spells it, written one way everywhere) -> persona, empty (the default persona) or {persona, profileName}.",
  },
  "teams.<key>.members.<key>.persona": { description: "The member's persona.", default: "the team's defaultPersona" },
  "teams.<key>.members.<key>.profileName": {
    description: "The Studio profile name; changing it replaces the profile.",
    default: "from the user name (jane.doe@x -> jane-doe)",
  },
  "teams.<key>.account": {
    description: "Key under aws.accounts of the account that hosts the team's domain, roles and profiles.",
    default: "the Identity Center account",
  },
  "teams.<key>.sharedSpaces": {
    description:
      "Whether members may create shared spaces (they run as the team's shared-space role, never more than a persona).",
    default: "on unless a Studio persona of the team lacks s3-bucket-access",
  },
  "teams.<key>.fileSystemIds": {
    description:
      "EFS or FSx for Lustre file systems (fs-...) the team's training and tuning jobs may mount as input, each of one team only. Never a domain's home file system: it holds every member's home directory.",
    default: "none: jobs mount no file system",
  },
  ...limits(
    "teams.<key>.limits",
    "Overrides of the idle shutdown and storage limits for everyone in the team, whatever their persona; the domain's defaults and its shared spaces take the default persona's.",
    "each persona's",
  ),
  retiredTeams: {
    description:
      "Teams taken out of teams whose Studio domain Terraform forgets instead of destroying it, by team key: the plan deletes the team's group, assignment, roles and profiles and leaves the domain (and its home directories) in its account, unmanaged. Keep the entry: it does nothing once applied, and it keeps the key from being reused by mistake. See docs/runbook.md, section 4.",
    default: "none",
  },
  "retiredTeams.<key>.account": {
    description: "The team's teams.<key>.account, if it had one.",
    default: "the Identity Center account",
  },
};
