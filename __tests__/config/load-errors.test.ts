import { stringify } from "yaml";
import { formatProblem } from "../../config/errors";
import { configErrorOf, exampleData, exampleText } from "../helpers";

type Mutation = (config: Record<string, any>) => void;

const WORKLOAD = {
  accountId: "444455556666",
  roleArn: "arn:aws:iam::444455556666:role/deployer",
  network: {
    vpcId: "vpc-04a5b6c7d8e9f0a1b",
    subnetIds: ["subnet-04a5b6c7d8e9f0a1c"],
    securityGroupIds: ["sg-04a5b6c7d8e9f0a1e"],
  },
};

/** GIVEN the Contoso example with one change, THEN the loader names exactly this path and rule. */
const cases: [string, Mutation, string, string][] = [
  [
    "an unknown persona on a member",
    (c) => (c.teams.forecasting.members["bob@contoso.com"] = "ml-ops"),
    'teams.forecasting.members["bob@contoso.com"]',
    'persona "ml-ops" is not defined',
  ],
  [
    "an unknown default persona",
    (c) => (c.teams.fraud.defaultPersona = "analyst"),
    "teams.fraud.defaultPersona",
    'persona "analyst" is not defined',
  ],
  ["a misspelled top-level key", (c) => (c.teamz = {}), "teamz", 'unknown key "teamz"'],
  ["a misspelled team key", (c) => (c.teams.fraud.s3Bucket = ["x"]), "teams.fraud.s3Bucket", 'unknown key "s3Bucket"'],
  [
    "an unquoted account id",
    (c) => (c.aws.accountId = 111122223333),
    "aws.accountId",
    "account id must be a quoted string",
  ],
  ["a short account id", (c) => (c.aws.accountId = "12345"), "aws.accountId", "account id must be 12 digits"],
  ["a bad config name", (c) => (c.name = "Contoso_ML"), "name", "name must match"],
  ["a bad team key", (c) => (c.teams.Fraud = c.teams.fraud), "teams.Fraud", "team key must match"],
  [
    "the reserved team key",
    (c) => (c.teams.admins = { ...c.teams.fraud, group: "ml-admin-team" }),
    "teams.admins",
    'team key "admins" is reserved',
  ],
  [
    "a team key ending in a hyphen",
    (c) => (c.teams["fraud-"] = { ...c.teams.fraud, group: "other" }),
    "teams.fraud-",
    'domain name "contoso-ml-fraud-" must match',
  ],
  [
    "a bucket listed by two teams",
    (c) => c.teams.fraud.s3Buckets.push("contoso-forecasting-data"),
    "teams.fraud.s3Buckets[2]",
    'bucket "contoso-forecasting-data" is also listed at teams.forecasting.s3Buckets[1]',
  ],
  [
    "a file system listed by two teams",
    (c) => {
      c.teams.forecasting.fileSystemIds = ["fs-0123456789abcdef0"];
      c.teams.fraud.fileSystemIds = ["fs-0123456789abcdef0"];
    },
    "teams.fraud.fileSystemIds[0]",
    'file system "fs-0123456789abcdef0" is also listed at teams.forecasting.fileSystemIds[0]',
  ],
  [
    "a file system given by its mount target",
    (c) => (c.teams.fraud.fileSystemIds = ["fsmt-0123456789abcdef0"]),
    "teams.fraud.fileSystemIds[0]",
    "file system id must look like fs-0123456789abcdef0",
  ],
  [
    "a file system listed twice by one team",
    (c) => (c.teams.fraud.fileSystemIds = ["fs-0123456789abcdef0", "fs-0123456789abcdef0"]),
    "teams.fraud.fileSystemIds",
    "a file system is listed twice",
  ],
  [
    "a team key that is another team's name prefix",
    (c) => (c.teams["fraud-cards"] = { ...c.teams.fraud, group: "ml-fraud-cards", s3Buckets: ["contoso-cards"] }),
    "teams.fraud-cards",
    'team key "fraud-cards" starts with "fraud-", the name prefix of team fraud\'s jobs, endpoints, pipelines and models',
  ],
  [
    "shared spaces for a team whose Studio persona lacks the shared/ prefix",
    (c) => {
      c.personas.viewer = { activities: ["run-studio-applications", "search-visualize-experiments"] };
      c.teams.fraud.members["oscar@contoso.com"] = "viewer";
      c.teams.fraud.sharedSpaces = true;
    },
    "teams.fraud.sharedSpaces",
    'persona "viewer" opens Studio without s3-bucket-access',
  ],
  [
    "a config that redefines the shared-space persona",
    (c) => (c.personas["shared-space"] = { activities: ["manage-ml-jobs"] }),
    "personas.shared-space",
    'persona "shared-space" is what shared spaces run as',
  ],
  [
    "two teams with one group",
    (c) => (c.teams.fraud.group = "ML-Forecasting"),
    "teams.fraud.group",
    'group "ML-Forecasting" is already used by teams.forecasting.group',
  ],
  [
    "a group name with a rejected character",
    (c) => (c.teams.fraud.group = "ml:fraud"),
    "teams.fraud.group",
    "group name must be 1-256 characters without < > ; : % |",
  ],
  [
    "a derived profile name collision",
    (c) => (c.teams.fraud.members["alice@fabrikam.com"] = "mlops"),
    'teams.fraud.members["alice@fabrikam.com"]',
    'user profile name "alice" is already used by alice@contoso.com',
  ],
  [
    "a user name that is not a UPN",
    (c) => (c.teams.fraud.members.judy = "mlops"),
    "teams.fraud.members.judy",
    "user name must be a user principal name",
  ],
  [
    "a bucket ARN instead of a name",
    (c) => (c.teams.fraud.s3Buckets = ["arn:aws:s3:::contoso-fraud"]),
    "teams.fraud.s3Buckets[0]",
    "not a valid S3 bucket name",
  ],
  [
    "an instance type that does not exist",
    (c) => (c.personas["data-scientist"].instanceTypes = ["ml.m5.huge"]),
    "personas.data-scientist.instanceTypes[0]",
    '"ml.m5.huge" is not a SageMaker ML instance type',
  ],
  [
    "a persona with an unknown activity",
    (c) => (c.personas.analyst = { activities: ["run-notebooks"] }),
    "personas.analyst.activities[0]",
    'unknown ML activity "run-notebooks"',
  ],
  [
    "a new persona without activities",
    (c) => (c.personas.analyst = { instanceTypes: ["ml.t3.medium"] }),
    "personas.analyst.activities",
    'persona "analyst" is not built in, so it needs its ML activities',
  ],
  [
    "a session of 13 hours",
    (c) => (c.admins.sessionDuration = "PT13H"),
    "admins.sessionDuration",
    'session duration "PT13H" must be an ISO-8601 duration between 1 and 12 hours',
  ],
  [
    "a session that is not ISO-8601",
    (c) => (c.admins.sessionDuration = "4h"),
    "admins.sessionDuration",
    'session duration "4h" must be an ISO-8601 duration',
  ],
  [
    "an admin listed twice",
    (c) => c.admins.members.push("Carol@contoso.com"),
    "admins.members[2]",
    'user "Carol@contoso.com" is listed twice',
  ],
  [
    "an issuer URL of another region",
    (c) => (c.aws.identityCenter.issuerUrl = c.aws.identityCenter.issuerUrl.replace("eu-west-1", "us-east-1")),
    "aws.identityCenter.issuerUrl",
    "does not have the shape https://eu-west-1.signin.aws.amazon.com/platform/saml/<id>",
  ],
  [
    "a SCIM endpoint with the wrong path",
    (c) => (c.aws.identityCenter.scimEndpoint = "https://scim.eu-west-1.amazonaws.com/abc/scim/v1"),
    "aws.identityCenter.scimEndpoint",
    "does not have the shape https://scim.eu-west-1.amazonaws.com/<tenant-id>/scim/v2",
  ],
  [
    "a missing tenant id",
    (c) => delete c.identityProvider.entra.tenantId,
    "identityProvider.entra.tenantId",
    "is required",
  ],
  [
    "a tenant id that is not a GUID",
    (c) => (c.identityProvider.entra.tenantId = "contoso.onmicrosoft.com"),
    "identityProvider.entra.tenantId",
    "tenant id must be a GUID",
  ],
  [
    "a certificate end date in the past",
    (c) => (c.identityProvider.entra.signingCertificateEndDate = "2026-01-01T00:00:00Z"),
    "identityProvider.entra.signingCertificateEndDate",
    "end date 2026-01-01T00:00:00.000Z is in the past",
  ],
  [
    "a certificate end date over 3 years out",
    (c) => (c.identityProvider.entra.signingCertificateEndDate = "2030-01-01T00:00:00Z"),
    "identityProvider.entra.signingCertificateEndDate",
    "is more than 3 years ahead",
  ],
  [
    "a SCIM token date that is not a date",
    (c) => (c.identityProvider.entra.scimTokenIssuedOn = "07.12.2026"),
    "identityProvider.entra.scimTokenIssuedOn",
    "the SCIM token's date must be a date",
  ],
  [
    "an unknown identity provider",
    (c) => (c.identityProvider.type = "okta"),
    "identityProvider.type",
    "identityProvider.type must be entra or external",
  ],
  ["a full config without a network", (c) => delete c.aws.network, "aws.network", "Studio domains need a network"],
  [
    "a subnet id of the wrong shape",
    (c) => (c.aws.network.subnetIds = ["subnet-1"]),
    "aws.network.subnetIds[0]",
    "subnet id must look like subnet-0123456789abcdef0",
  ],
  [
    "the SCP without a deployer role",
    (c) => (c.aws.consoleGuard = { scp: true }),
    "aws.consoleGuard.deployerRoleArn",
    "the console guard SCP would also block the role that deploys this stack",
  ],
  [
    "an identity writer given as a pattern, which would exempt roles nobody named",
    (c) =>
      (c.aws.consoleGuard = {
        scp: false,
        identityWriterRoleArns: ["arn:aws:iam::111122223333:role/AWSReservedSSO_IdentityOps_*"],
      }),
    "aws.consoleGuard.identityWriterRoleArns[0]",
    "an identity writer must be an IAM role ARN, without wildcards",
  ],
  [
    "the SCP without the organization's management account",
    (c) => (c.aws.consoleGuard = { scp: true, deployerRoleArn: "arn:aws:iam::111122223333:role/platform" }),
    "aws.consoleGuard.scp",
    "the console guard SCP can only be managed from the organization's management account",
  ],
  [
    "a management account that hosts a team's domain",
    (c) => (c.aws.organization = { accountId: "111122223333" }),
    "aws.organization.accountId",
    "the management account 111122223333 (aws.accountId) hosts Studio domains, and SCPs never apply to it",
  ],
  [
    "a management account that hosts a workload account's domains",
    (c) => {
      c.aws.accounts = { research: WORKLOAD };
      c.teams.fraud.account = "research";
      c.aws.organization = { accountId: "444455556666", roleArn: "arn:aws:iam::444455556666:role/organizations" };
    },
    "aws.organization.accountId",
    "the management account 444455556666 (aws.accounts.research) hosts Studio domains",
  ],
  [
    "a management account role in another account",
    (c) => (c.aws.organization = { accountId: "999988887777", roleArn: "arn:aws:iam::123456789012:role/org" }),
    "aws.organization.roleArn",
    "the role is in account 123456789012, not in the management account 999988887777",
  ],
  [
    "another management account without a role to assume",
    (c) => (c.aws.organization = { accountId: "999988887777" }),
    "aws.organization.roleArn",
    "Terraform's own credentials are for aws.accountId 111122223333, not the management account",
  ],
  [
    "the same user written with two casings in two teams",
    (c) => (c.teams.fraud.members["Bob@Contoso.com"] = "mlops"),
    'teams.fraud.members["Bob@Contoso.com"]',
    '"Bob@Contoso.com" is the same user as "bob@contoso.com" at teams.forecasting.members["bob@contoso.com"]',
  ],
  [
    "an admin written with another casing than in a team",
    (c) => c.admins.members.push("BOB@contoso.com"),
    "admins.members[2]",
    '"BOB@contoso.com" is the same user as "bob@contoso.com"',
  ],
  [
    "a workload account role in another account",
    (c) => {
      c.aws.accounts = { research: { ...WORKLOAD, roleArn: "arn:aws:iam::111122223333:role/deployer" } };
    },
    "aws.accounts.research.roleArn",
    "the role is in account 111122223333, not in 444455556666",
  ],
  [
    "a KMS alias instead of a key ARN",
    (c) => (c.aws.kmsKeyArn = "alias/studio"),
    "aws.kmsKeyArn",
    "KMS key must be a key ARN",
  ],
  [
    "a team without buckets",
    (c) => (c.teams.fraud.s3Buckets = []),
    "teams.fraud.s3Buckets",
    "a team needs at least one S3 bucket",
  ],
  [
    "an execution role name over 64 characters",
    (c) =>
      (c.name = "contoso-machine-learning-plat") &&
      (c.teams["fraud-detection-and-prevention"] = { ...c.teams.fraud, group: "long" }),
    "teams.fraud-detection-and-prevention",
    "IAM allows 64",
  ],
  [
    "an inline policy over the IAM quota",
    (c) => (c.teams.fraud.s3Buckets = Array.from({ length: 100 }, (_, i) => `contoso-fraud-bucket-${i}`)),
    "teams.fraud.s3Buckets",
    "role's bucket policy is",
  ],
  [
    "a group name Terraform would evaluate",
    (c) => (c.teams.fraud.group = "ml-${var.team}"),
    "teams.fraud.group",
    '"ml-${var.team}" contains "${" or "%{", which Terraform would evaluate',
  ],
  [
    "a tag key with a Terraform directive",
    (c) => (c.aws.tags["%{if true}x%{endif}"] = "y"),
    'aws.tags["%{if true}x%{endif}"]',
    "which Terraform would evaluate",
  ],
  [
    "a VpcOnly network without a security group",
    (c) => (c.aws.network.securityGroupIds = []),
    "aws.network.securityGroupIds",
    "a VpcOnly network needs at least one security group",
  ],
  [
    "a team in an undeclared account",
    (c) => (c.teams.fraud.account = "prod"),
    "teams.fraud.account",
    'account "prod" is not declared under aws.accounts',
  ],
  [
    "a workload account in another region",
    (c) => (c.aws.accounts = { prod: { ...WORKLOAD, region: "us-east-1" } }),
    "aws.accounts.prod.region",
    "region us-east-1 differs from the Identity Center region eu-west-1",
  ],
  [
    "a workload account without a network for its domains",
    (c) =>
      (c.aws.accounts = { prod: { accountId: "444455556666", roleArn: WORKLOAD.roleArn } }) &&
      (c.teams.fraud.account = "prod"),
    "aws.accounts.prod.network",
    "Studio domains need a network in every account that hosts them",
  ],
  [
    "the Identity Center account declared again",
    (c) => (c.aws.accounts = { prod: { ...WORKLOAD, accountId: "111122223333" } }),
    "aws.accounts.prod.accountId",
    "account 111122223333 is already declared by aws.accountId",
  ],
  [
    "the reserved account key",
    (c) => (c.aws.accounts = { "identity-center": WORKLOAD }),
    "aws.accounts.identity-center",
    'account key "identity-center" names the account of aws.accountId',
  ],
  [
    "a workload account without a role to assume",
    (c) => (c.aws.accounts = { prod: { accountId: "444455556666" } }),
    "aws.accounts.prod.roleArn",
    "is required",
  ],
  [
    "eleven Git repositories",
    (c) =>
      (c.teams.fraud.gitRepositories = Array.from({ length: 11 }, (_, i) => `https://git.contoso.example/r${i}.git`)),
    "teams.fraud.gitRepositories",
    "at most 10 Git repositories are allowed",
  ],
  [
    "a Git repository listed twice",
    (c) => (c.teams.fraud.gitRepositories = ["https://git.contoso.example/r.git", "https://git.contoso.example/r.git"]),
    "teams.fraud.gitRepositories",
    "a Git repository is listed twice",
  ],
  [
    "an existing group id that is not a GUID",
    (c) => (c.teams.fraud.existingGroupId = "ml-fraud-detection"),
    "teams.fraud.existingGroupId",
    "existing group id must be a GUID",
  ],
  [
    "an existing admin group id that is not a GUID",
    (c) => (c.admins.existingGroupId = "8d4b2f61"),
    "admins.existingGroupId",
    "existing group id must be a GUID",
  ],
  [
    "one existing group for two teams",
    (c) =>
      (c.teams.fraud.existingGroupId = "8d4b2f61-9c3e-4a7b-b5d0-6e1f2a9c8b34") &&
      (c.teams.forecasting.existingGroupId = "8D4B2F61-9C3E-4A7B-B5D0-6E1F2A9C8B34"),
    "teams.fraud.existingGroupId",
    "group 8d4b2f61-9c3e-4a7b-b5d0-6e1f2a9c8b34 is also used at teams.forecasting.existingGroupId",
  ],
  [
    "an import id of the wrong shape (the domain's name)",
    (c) => (c.teams.fraud.import = { domainId: "contoso-ml-fraud" }),
    "teams.fraud.import.domainId",
    "domain id must look like d-xxxxxxxxxxxx",
  ],
  [
    "an import id of the wrong shape (the domain's ARN)",
    (c) => (c.teams.fraud.import = { domainId: "arn:aws:sagemaker:eu-west-1:111122223333:domain/d-4kq8w2m7x9za" }),
    "teams.fraud.import.domainId",
    "domain id must look like d-xxxxxxxxxxxx",
  ],
  ["an import without its domain id", (c) => (c.teams.fraud.import = {}), "teams.fraud.import.domainId", "is required"],
  [
    "a domain name SageMaker refuses",
    (c) => (c.teams.fraud.domainName = "fraud_studio"),
    "teams.fraud.domainName",
    "domain name must match",
  ],
  [
    "an idle timeout below SageMaker's range",
    (c) => (c.personas = { mlops: { limits: { idleTimeoutMinutes: 30 } } }),
    "personas.mlops.limits.idleTimeoutMinutes",
    "an idle timeout must be 60 to 525600 minutes (SageMaker's range)",
  ],
  [
    "an idle timeout above SageMaker's range",
    (c) => (c.teams.fraud.limits = { maxIdleTimeoutMinutes: 600000 }),
    "teams.fraud.limits.maxIdleTimeoutMinutes",
    "an idle timeout must be 60 to 525600 minutes",
  ],
  [
    "an idle timeout in hours",
    (c) => (c.teams.fraud.limits = { idleTimeoutMinutes: 1.5 }),
    "teams.fraud.limits.idleTimeoutMinutes",
    "an idle timeout must be a whole number of minutes",
  ],
  [
    "a persona's maximum idle timeout below the default",
    (c) => (c.personas = { "data-scientist": { limits: { maxIdleTimeoutMinutes: 90, idleTimeoutMinutes: 120 } } }),
    "personas.data-scientist.limits.maxIdleTimeoutMinutes",
    "the default idle timeout (120) must lie between the minimum (60) and the maximum (90)",
  ],
  [
    "a team's maximum below a persona's default",
    (c) => {
      c.personas = { mlops: { limits: { idleTimeoutMinutes: 240 } } };
      c.teams.fraud.limits = { maxIdleTimeoutMinutes: 180 };
    },
    "teams.fraud.limits.maxIdleTimeoutMinutes",
    "(with persona mlops's limits)",
  ],
  [
    "a minimum above the maximum",
    (c) => (c.teams.fraud.limits = { minIdleTimeoutMinutes: 300, maxIdleTimeoutMinutes: 120 }),
    "teams.fraud.limits.minIdleTimeoutMinutes",
    "the minimum idle timeout (300) is above the maximum (120)",
  ],
  [
    "a maximum storage below the default storage",
    (c) => (c.teams.fraud.limits = { defaultStorageGb: 50, maxStorageGb: 20 }),
    "teams.fraud.limits.maxStorageGb",
    "the maximum storage (20 GB) is below the default (50 GB)",
  ],
  [
    "a storage size SageMaker refuses",
    (c) => (c.personas = { mlops: { limits: { defaultStorageGb: 2 } } }),
    "personas.mlops.limits.defaultStorageGb",
    "a storage size must be 5 to 16384 GB",
  ],
  [
    "justInTime with an unknown member",
    (c) => (c.admins.justInTime = { members: ["dan@contoso.com", "eve@contoso.com"] }),
    "admins.justInTime.members[1]",
    '"eve@contoso.com" is not one of admins.members',
  ],
  [
    "justInTime with an activation longer than PIM allows",
    (c) => (c.admins.justInTime = { maximumDuration: "PT36H" }),
    "admins.justInTime.maximumDuration",
    "must be whole half hours from 1 to 24 hours",
  ],
  [
    "justInTime with an activation PIM cannot express (not a half-hour step)",
    (c) => (c.admins.justInTime = { maximumDuration: "PT45M" }),
    "admins.justInTime.maximumDuration",
    "must be whole half hours from 1 to 24 hours",
  ],
  [
    "an admin session longer than the activation",
    (c) => (c.admins.justInTime = { maximumDuration: "PT2H" }),
    "admins.sessionDuration",
    "an admin session (PT4H) would outlast the activation (PT2H) that grants it",
  ],
  [
    "justInTime whose only approver is eligible too",
    (c) => (c.admins.justInTime = { approvers: ["dan@contoso.com"] }),
    "admins.justInTime.approvers[0]",
    "is the only approver and is eligible too",
  ],
  [
    "a break-glass id that is not a GUID",
    (c) => (c.identityProvider.entra.mfa = { breakGlassUserIds: ["breakglass@contoso.com"] }),
    "identityProvider.entra.mfa.breakGlassUserIds[0]",
    "break-glass user object id must be a GUID",
  ],
  [
    "a misspelled limit",
    (c) => (c.teams.fraud.limits = { idleTimeout: 120 }),
    "teams.fraud.limits.idleTimeout",
    'unknown key "idleTimeout"',
  ],
];

describe("config errors", () => {
  test("fails on just-in-time admins with an external identity provider", () => {
    // GIVEN the external example with admins.justInTime
    const data = exampleData("contoso-external");
    data.admins.justInTime = {};
    // WHEN
    const problems = configErrorOf(stringify(data)).problems;
    // THEN one problem, at the key, saying why
    expect(problems.map((p) => [p.path, p.rule])).toEqual([
      [
        "admins.justInTime",
        expect.stringContaining("just-in-time admins need Entra ID Privileged Identity Management"),
      ],
    ]);
  });

  test("fails on an existing group with an external identity provider", () => {
    // GIVEN the external example with an existing group id on a team
    const config = exampleData("contoso-external");
    const team = Object.keys(config.teams)[0]!;
    config.teams[team].existingGroupId = "8d4b2f61-9c3e-4a7b-b5d0-6e1f2a9c8b34";
    // WHEN
    const error = configErrorOf(stringify(config));
    // THEN
    expect(error.problems.map((problem) => [problem.path, problem.rule])).toEqual([
      [
        `teams.${team}.existingGroupId`,
        "existingGroupId is for Entra mode: with an external identity provider no group is created here",
      ],
    ]);
  });

  test.each(cases)("fails on %s", (_name, mutate, path, rule) => {
    // GIVEN
    const config = exampleData("contoso");
    mutate(config);
    // WHEN
    const error = configErrorOf(stringify(config));
    // THEN
    const matching = error.problems.filter((problem) => problem.path === path);
    expect(matching.map((problem) => problem.rule)).toEqual(expect.arrayContaining([expect.stringContaining(rule)]));
    for (const problem of error.problems) expect(problem.fix.length).toBeGreaterThan(0);
  });

  test("has at least 20 distinct cases", () => {
    expect(new Set(cases.map(([, , path, rule]) => `${path} ${rule}`)).size).toBeGreaterThanOrEqual(20);
  });

  test("fails with every problem at once, each with path, rule and fix", () => {
    // GIVEN three unrelated mistakes
    const config = exampleData("contoso");
    config.name = "Bad Name";
    config.aws.region = "europe";
    config.teams.fraud.gitRepositories = ["ftp://x"];
    // WHEN
    const error = configErrorOf(stringify(config));
    // THEN
    expect(error.problems.map((problem) => problem.path)).toEqual([
      "name",
      "aws.region",
      "teams.fraud.gitRepositories[0]",
    ]);
    expect(error.message).toContain("3 problems");
    expect(formatProblem(error.problems[1]!)).toMatch(
      /^aws\.region \(line \d+\): europe is not an AWS region; write a region like eu-west-1 \(aws account list-regions lists them\)$/,
    );
  });

  test("fails with schema and cross-check problems in one run", () => {
    // GIVEN a malformed member in one team and an undeclared account in another
    const config = exampleData("contoso");
    config.teams.fraud.members["mallory@contoso.com"] = 42;
    config.teams.recommendations.account = "staging";
    // WHEN
    const error = configErrorOf(stringify(config));
    // THEN both, in file order
    expect(error.problems.map((problem) => problem.path)).toEqual([
      "teams.recommendations.account",
      'teams.fraud.members["mallory@contoso.com"]',
    ]);
    expect(error.problems[0]!.rule).toBe('account "staging" is not declared under aws.accounts');
  });

  test("fails in one run without blaming a part on another part the schema rejected", () => {
    // GIVEN a broken account that a team uses, and a persona that does not exist
    const config = exampleData("contoso");
    config.aws.accounts = { prod: { accountId: "12", roleArn: "arn:aws:iam::444455556666:role/deploy" } };
    config.teams.recommendations.account = "prod";
    config.teams.fraud.defaultPersona = "ml-ops";
    // WHEN
    const error = configErrorOf(stringify(config));
    // THEN the account is blamed once, where it is broken, and the persona in the same run
    expect(error.problems.map((problem) => problem.path)).toEqual([
      "aws.accounts.prod.accountId",
      "teams.fraud.defaultPersona",
    ]);
  });

  test("fails with schema and cross-check problems in one run when a required part is broken", () => {
    // GIVEN a bad name (required, nothing to cut around it) and an undeclared account
    const config = exampleData("contoso");
    config.name = "Bad Name";
    config.teams.recommendations.account = "staging";
    // WHEN
    const problems = configErrorOf(stringify(config)).problems;
    // THEN both, and nothing about the stand-in the name was checked with
    expect(problems.map((problem) => problem.path)).toEqual(["name", "teams.recommendations.account"]);
  });

  test("fails on one user in two casings in one team with that one problem", () => {
    const text = exampleText("contoso").replace(
      "      ivan@contoso.com: mlops\n",
      "      ivan@contoso.com: mlops\n      Ivan@contoso.com: mlops\n",
    );
    expect(configErrorOf(text).problems).toEqual([
      expect.objectContaining({ rule: expect.stringContaining("is listed twice in this team") }),
    ]);
  });

  test("fails on a YAML syntax error, naming its line", () => {
    const error = configErrorOf("name: contoso-ml\nteams: [\n  forecasting: {\n");
    expect(error.problems[0]).toMatchObject({ path: "(yaml)", line: expect.any(Number) });
    expect(error.problems[0]!.rule).toMatch(/^YAML syntax error/);
  });

  test("fails on a member listed twice, naming both lines", () => {
    // GIVEN the same user twice in one team, in different case
    const text = exampleText("contoso").replace(
      "      ivan@contoso.com: mlops\n",
      "      ivan@contoso.com: mlops\n      Ivan@Contoso.com: data-scientist\n",
    );
    // WHEN
    const error = configErrorOf(text);
    // THEN
    const line = text.split("\n").findIndex((row) => row.includes("Ivan@Contoso.com")) + 1;
    const first = text.split("\n").findIndex((row) => row.includes("ivan@contoso.com")) + 1;
    expect(error.problems).toContainEqual({
      path: 'teams.recommendations.members["Ivan@Contoso.com"]',
      rule: `user "Ivan@Contoso.com" is listed twice in this team (first on line ${first})`,
      fix: "list each user once per team",
      line,
    });
  });

  test("points a problem at its line", () => {
    const text = exampleText("contoso").replace("defaultPersona: mlops", "defaultPersona: ml-ops");
    const error = configErrorOf(text);
    const line = text.split("\n").findIndex((row) => row.includes("defaultPersona: ml-ops")) + 1;
    expect(error.problems).toEqual([expect.objectContaining({ path: "teams.fraud.defaultPersona", line })]);
  });
});
