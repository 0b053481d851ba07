import { z } from "zod";
import {
  accountId,
  activity,
  bucket,
  EMAIL,
  groupName,
  guid,
  instanceType,
  key,
  kmsKeyArn,
  nonEmpty,
  pattern,
  problem,
  region,
  roleArn,
  userName,
  whole,
} from "./schema-values";
import { IDLE_MINUTES_RANGE, STORAGE_GB_RANGE } from "./studio-ranges";

const backend = z
  .discriminatedUnion(
    "type",
    [
      z.strictObject({ type: z.literal("local"), path: nonEmpty("state file path").optional() }),
      z.strictObject({
        type: z.literal("s3"),
        bucket,
        key: nonEmpty("state object key"),
        region,
      }),
      z.strictObject({
        type: z.literal("cloud"),
        organization: nonEmpty("organization"),
        workspace: nonEmpty("workspace"),
        hostname: nonEmpty("hostname").default("app.terraform.io"),
      }),
    ],
    { error: () => problem("backend.type must be local, s3 or cloud", "pick one of local, s3, cloud") },
  )
  .default({ type: "local" });

const identityCenter = z.strictObject({
  issuerUrl: z.string(),
  acsUrl: z.string(),
  signInUrl: z.string(),
  scimEndpoint: z.string(),
  /** @default - https://<identity store id>.awsapps.com/start, from the issuer URL */
  portalUrl: pattern(
    /^https:\/\/[a-z0-9-]+\.awsapps\.com\/start\/?$/,
    "portal URL must look like https://<subdomain>.awsapps.com/start",
    "copy the AWS access portal URL from the IAM Identity Center dashboard",
  ).optional(),
});

const network = z
  .strictObject({
    vpcId: pattern(
      /^vpc-[0-9a-f]{8,17}$/,
      "VPC id must look like vpc-0123456789abcdef0",
      "copy the id from the VPC console",
    ),
    subnetIds: z
      .array(
        pattern(
          /^subnet-[0-9a-f]{8,17}$/,
          "subnet id must look like subnet-0123456789abcdef0",
          "copy the id from the VPC console",
        ),
      )
      .min(1, problem("at least one subnet is required", "list the private subnets Studio runs in"))
      .max(16, problem("at most 16 subnets are allowed", "list at most 16 subnets")),
    securityGroupIds: z
      .array(
        pattern(
          /^sg-[0-9a-f]{8,17}$/,
          "security group id must look like sg-0123456789abcdef0",
          "copy the id from the VPC console",
        ),
      )
      .max(3, problem("at most 3 security groups are allowed on a domain", "list at most 3"))
      .default([]),
    appNetworkAccessType: z
      .enum(["VpcOnly", "PublicInternetOnly"], {
        error: () =>
          problem("appNetworkAccessType must be VpcOnly or PublicInternetOnly", "use VpcOnly (the safe default)"),
      })
      .default("VpcOnly"),
  })
  // SageMaker refuses a VpcOnly domain whose users have no security group.
  .refine((network) => network.appNetworkAccessType !== "VpcOnly" || network.securityGroupIds.length > 0, {
    path: ["securityGroupIds"],
    error: problem(
      "a VpcOnly network needs at least one security group (SageMaker refuses the domain otherwise)",
      "list the security group Studio's apps use",
    ),
  });

/** A workload account that hosts Studio domains; Terraform reaches it by assuming a role. */
const workloadAccount = z.strictObject({
  accountId,
  roleArn: roleArn("role must be an IAM role ARN", "give the ARN of the role Terraform assumes in that account"),
  /** @default - none: a plan-only synthesis (FEDERATION_PLAN_ONLY) then stops and asks for it */
  planRoleArn: roleArn(
    "plan role must be an IAM role ARN",
    "give the ARN of the read-only role pull-request plans assume in that account",
  ).optional(),
  /** @default - the Identity Center region (Studio requires it) */
  region: region.optional(),
  network: network.optional(),
  kmsKeyArn: kmsKeyArn.optional(),
});

/** The organization's management account: service control policies are managed there and only there. */
const organization = z.strictObject({
  accountId,
  /** @default - Terraform's own credentials are the management account's */
  roleArn: roleArn(
    "role must be an IAM role ARN",
    "give the ARN of the role Terraform assumes in the management account",
  ).optional(),
  /** @default - the plan's own credentials, as for roleArn */
  planRoleArn: roleArn(
    "plan role must be an IAM role ARN",
    "give the ARN of the read-only role pull-request plans assume in the management account",
  ).optional(),
});

const aws = z.strictObject({
  region,
  accountId,
  organization: organization.optional(),
  identityCenter: identityCenter.optional(),
  network: network.optional(),
  kmsKeyArn: kmsKeyArn.optional(),
  accounts: z.record(key("account"), workloadAccount).default({}),
  consoleGuard: z
    .strictObject({
      scp: z.boolean().default(false),
      deployerRoleArn: roleArn(
        "deployer role must be an IAM role ARN",
        "give the ARN of the role Terraform runs as, so the guard does not lock it out",
      ).optional(),
      adminsPassExecutionRoles: z.boolean().default(false),
      identityWriterRoleArns: z
        .array(
          roleArn(
            "an identity writer must be an IAM role ARN",
            "give the role's ARN; a permission set's role may end in * for its suffix",
          ),
        )
        .default([]),
      readerRoleArns: z
        .array(roleArn("a reader must be an IAM role ARN", "give the role's ARN, such as the pull request plan role's"))
        .default([]),
    })
    .default({ scp: false, adminsPassExecutionRoles: false, identityWriterRoleArns: [], readerRoleArns: [] }),
  tags: z.record(z.string(), z.string()).default({}),
});

const entra = z.strictObject({
  tenantId: guid("tenant id"),
  notificationEmails: z
    .array(pattern(EMAIL, "not an e-mail address", "write an address like ops@contoso.com"))
    .default([]),
  signingCertificateEndDate: z.iso.datetime({
    offset: true,
    error: () =>
      problem("signing certificate end date must be an RFC 3339 timestamp", 'write it like "2028-01-01T00:00:00Z"'),
  }),
  provisionOnDemand: z.boolean().default(true),
  scimTokenIssuedOn: z.iso
    .date({ error: () => problem("the SCIM token's date must be a date", 'write it like "2026-12-07"') })
    .optional(),
  checkUserAttributes: z.boolean().default(true),
  relayState: z.string().optional(),
  /** Multifactor authentication on the way into AWS, by a Conditional Access policy (Entra ID P1). */
  mfa: z
    .strictObject({
      enforce: z.boolean().default(false),
      breakGlassUserIds: z.array(guid("break-glass user object id")).default([]),
    })
    .optional(),
  owners: z.array(guid("owner object id")).default([]),
});

const identityProvider = z.discriminatedUnion(
  "type",
  [z.strictObject({ type: z.literal("entra"), entra }), z.strictObject({ type: z.literal("external") })],
  { error: () => problem("identityProvider.type must be entra or external", "pick entra or external") },
);

/** Idle shutdown and private-space storage of a persona's or a team's people (config/limits.ts). */
const limits = z.strictObject({
  idleTimeoutMinutes: whole("an idle timeout", IDLE_MINUTES_RANGE, "minutes").optional(),
  minIdleTimeoutMinutes: whole("an idle timeout", IDLE_MINUTES_RANGE, "minutes").optional(),
  maxIdleTimeoutMinutes: whole("an idle timeout", IDLE_MINUTES_RANGE, "minutes").optional(),
  defaultStorageGb: whole("a storage size", STORAGE_GB_RANGE, "GB").optional(),
  maxStorageGb: whole("a storage size", STORAGE_GB_RANGE, "GB").optional(),
});

const persona = z.strictObject({
  description: z.string().optional(),
  activities: z
    .array(activity)
    .min(1, problem("a persona needs at least one activity", "list its ML activities"))
    .optional(),
  instanceTypes: z
    .array(instanceType)
    .min(1, problem("a persona needs at least one instance type", "list the types it may start"))
    .optional(),
  limits: limits.optional(),
  remoteAccess: z.boolean().optional(),
});

const member = z.union(
  [
    z.null(),
    key("persona"),
    z.strictObject({
      persona: key("persona").optional(),
      profileName: pattern(
        /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/,
        "profile name must match ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$",
        "use letters, digits and inner hyphens, at most 63 characters",
      ).optional(),
    }),
  ],
  {
    error: () =>
      problem(
        "a member is a persona name, empty (the team's default persona) or {persona, profileName}",
        "write e.g. alice@contoso.com: data-scientist",
      ),
  },
);

/** An Entra group that exists already: its object id (Entra mode). */
const existingGroupId = guid("existing group id");

/** An existing Studio domain to take over: Terraform imports it instead of creating one. */
const domainImport = z.strictObject({
  domainId: pattern(
    /^d-(-*[a-z0-9]){1,61}$/,
    "domain id must look like d-xxxxxxxxxxxx (SageMaker's DomainId, not its name or ARN)",
    "copy the id from the SageMaker console (Domains) or aws sagemaker list-domains",
  ),
});

const team = z.strictObject({
  group: groupName,
  existingGroupId: existingGroupId.optional(),
  domainName: pattern(
    /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/,
    "domain name must match ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$",
    "use letters, digits and inner hyphens, at most 63 characters",
  ).optional(),
  import: domainImport.optional(),
  defaultPersona: key("persona"),
  s3Buckets: z
    .array(bucket)
    .min(1, problem("a team needs at least one S3 bucket", "list the team's workspace bucket first")),
  gitRepositories: z
    .array(pattern(/^(https:\/\/|git@)\S+$/, "not a Git repository URL", "write an https:// or git@ URL"))
    .max(10, problem("at most 10 Git repositories are allowed (a Studio limit)", "keep the team's main repositories"))
    .refine((urls) => new Set(urls).size === urls.length, {
      error: problem("a Git repository is listed twice", "list each repository once"),
    })
    .default([]),
  members: z.record(userName, member).default({}),
  /** @default - the Identity Center account */
  account: key("account").optional(),
  /**
   * Whether members may create shared Studio spaces; they run as the team's shared-space role, which holds only
   * Studio and the workspace's `shared/` prefix.
   * @default - true when every persona of the team that opens Studio has s3-bucket-access, false otherwise
   */
  sharedSpaces: z.boolean().optional(),
  /** EFS or FSx for Lustre file systems the team's training jobs may mount; none is mounted otherwise. */
  fileSystemIds: z
    .array(
      pattern(
        /^fs-[0-9a-f]{8,17}$/,
        "file system id must look like fs-0123456789abcdef0",
        "copy the id from the EFS or FSx console (the file system, not a mount target or access point)",
      ),
    )
    .refine((ids) => new Set(ids).size === ids.length, {
      error: problem("a file system is listed twice", "list each file system once"),
    })
    .default([]),
  /** Overrides of the idle and storage limits, for every persona of the team. */
  limits: limits.optional(),
});

/** A team removed from `teams` whose Studio domain Terraform forgets instead of destroying. */
const retiredTeam = z.union([z.null(), z.strictObject({ account: key("account").optional() })], {
  error: () =>
    problem("a retired team is empty or {account}", "write e.g. fraud: {} (or fraud: { account: research })"),
});

const admins = z.strictObject({
  group: groupName,
  existingGroupId: existingGroupId.optional(),
  members: z.array(userName).default([]),
  sessionDuration: z.string().default("PT4H"),
  /** Entra mode: admins eligible through Privileged Identity Management instead of permanent members (P2). */
  justInTime: z
    .strictObject({
      members: z.array(userName).optional(),
      maximumDuration: z.string().default("PT4H"),
      requireJustification: z.boolean().default(true),
      requireMfa: z.boolean().default(true),
      approvers: z.array(userName).default([]),
      importMemberships: z.boolean().default(false),
    })
    .optional(),
  permissionSetName: pattern(
    /^[\w+=,.@-]{1,32}$/,
    "permission set name must be 1-32 of letters, digits and + = , . @ _ -",
    "choose a shorter name",
  ).optional(),
});

/**
 * The YAML file's shape (docs/architecture.md, section 3). Checks that involve one value live here; checks across values
 * (personas that exist, unique names, derived names) live in config/rules/, one rule a file. Single values and their
 * messages are in schema-values.ts.
 */
export const federationSchema = z.strictObject({
  $schema: z.string().optional(),
  name: pattern(
    /^[a-z][a-z0-9-]{1,30}$/,
    "name must match ^[a-z][a-z0-9-]{1,30}$",
    "use 2-31 lowercase letters, digits or hyphens, starting with a letter",
  ),
  backend,
  aws,
  identityProvider,
  admins,
  personas: z.record(key("persona"), persona).default({}),
  teams: z.record(key("team"), team).refine((teams) => Object.keys(teams).length > 0, {
    error: problem("at least one team is required", "add a team under teams"),
  }),
  retiredTeams: z.record(key("team"), retiredTeam).default({}),
});

export type FederationInput = z.infer<typeof federationSchema>;
