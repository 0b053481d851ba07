import { regionalService, type PolicyStatement, type TeamContext } from "../document";

const OBJECT_ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"];
const OWN_PREFIX = "users/${aws:SourceIdentity}";
/** The workspace bucket's layout (docs/architecture.md, "The workspace bucket"). */
export const SHARED_PREFIX = "shared";
export const JOB_OUTPUT_PREFIX = "jobs";

export function bucketArn(context: TeamContext, bucket: string, key?: string): string {
  return `arn:${context.partition}:s3:::${bucket}${key === undefined ? "" : `/${key}`}`;
}

/** SDKs look up a bucket's region before they use it. */
export function locateTeamBuckets(context: TeamContext): PolicyStatement {
  return {
    Sid: "LocateTeamBuckets",
    Effect: "Allow",
    Action: ["s3:GetBucketLocation"],
    Resource: context.buckets.map((bucket) => bucketArn(context, bucket)),
  };
}

/** The data buckets (all but the workspace) can be listed whole; none when the team has only its workspace. */
export function listTeamDataBuckets(context: TeamContext): PolicyStatement[] {
  const data = context.buckets.slice(1);
  if (data.length === 0) return [];
  return [
    {
      Sid: "ListTeamDataBuckets",
      Effect: "Allow",
      Action: ["s3:ListBucket"],
      Resource: data.map((bucket) => bucketArn(context, bucket)),
    },
  ];
}

/**
 * The team's key, where the config gives one: only through S3 for objects of the buckets (S3 names the
 * object, or the bucket with S3 Bucket Keys, in the encryption context), and through SageMaker. Accounts share the
 * key between teams, so a direct call, or one for another team's bucket, must not reach it.
 *
 * Whatever the key, a write may not encrypt the team's data with a key the team does not hold (another KMS key, or
 * a customer-provided one), which would lock the team out of its own data: the team's key by its ARN, or none, so
 * that the bucket's default applies.
 */
export function teamEncryption(context: TeamContext, buckets = context.buckets): PolicyStatement[] {
  const objects = buckets.map((bucket) => bucketArn(context, bucket, "*"));
  const keyId = "s3:x-amz-server-side-encryption-aws-kms-key-id";
  const namesAKey = { Null: { [keyId]: "false" } };
  const statements: PolicyStatement[] = [
    {
      Sid: "DenyWritesUnderOtherKeys",
      Effect: "Deny",
      Action: ["s3:PutObject"],
      Resource: objects,
      Condition:
        context.kmsKeyArn === undefined ? namesAKey : { ...namesAKey, ArnNotEquals: { [keyId]: context.kmsKeyArn } },
    },
    {
      Sid: "DenyWritesUnderCustomerKeys",
      Effect: "Deny",
      Action: ["s3:PutObject"],
      Resource: objects,
      Condition: { Null: { "s3:x-amz-server-side-encryption-customer-algorithm": "false" } },
    },
  ];
  if (context.kmsKeyArn === undefined) return statements;
  return [
    {
      Sid: "TeamKeyForTeamBuckets",
      Effect: "Allow",
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: context.kmsKeyArn,
      Condition: {
        StringEquals: { "kms:ViaService": regionalService(context, "s3") },
        StringLike: {
          "kms:EncryptionContext:aws:s3:arn": buckets.flatMap((bucket) => [
            bucketArn(context, bucket),
            bucketArn(context, bucket, "*"),
          ]),
        },
      },
    },
    {
      Sid: "TeamKeyThroughSageMaker",
      Effect: "Allow",
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: context.kmsKeyArn,
      Condition: { StringEquals: { "kms:ViaService": regionalService(context, "sagemaker") } },
    },
    ...statements,
  ];
}

/**
 * Amazon S3 Bucket Access for a person: the team's data buckets, the workspace's `shared/` prefix and the jobs'
 * `jobs/` output, and the person's own `users/<profile>/` prefix (the domain sets the profile name as the session's
 * source identity).
 */
export function s3BucketAccess(context: TeamContext): PolicyStatement[] {
  const [workspace, ...data] = context.buckets as [string, ...string[]];
  return [
    locateTeamBuckets(context),
    {
      // One level at a time: without the delimiter, listing "" or "users/" returns every user's object keys.
      Sid: "BrowseWorkspaceTopLevels",
      Effect: "Allow",
      Action: ["s3:ListBucket"],
      Resource: bucketArn(context, workspace),
      Condition: { StringEquals: { "s3:prefix": ["", "users/"], "s3:delimiter": "/" } },
    },
    {
      Sid: "ListWorkspaceTeamAndOwnPrefixes",
      Effect: "Allow",
      Action: ["s3:ListBucket"],
      Resource: bucketArn(context, workspace),
      Condition: { StringLike: { "s3:prefix": [`${SHARED_PREFIX}/*`, `${JOB_OUTPUT_PREFIX}/*`, `${OWN_PREFIX}/*`] } },
    },
    {
      Sid: "WorkspaceTeamAndOwnObjects",
      Effect: "Allow",
      Action: OBJECT_ACTIONS,
      Resource: [SHARED_PREFIX, JOB_OUTPUT_PREFIX, OWN_PREFIX].map((prefix) =>
        bucketArn(context, workspace, `${prefix}/*`),
      ),
    },
    ...listTeamDataBuckets(context),
    ...(data.length === 0
      ? []
      : [
          {
            Sid: "TeamDataObjects",
            Effect: "Allow" as const,
            Action: OBJECT_ACTIONS,
            Resource: data.map((bucket) => bucketArn(context, bucket, "*")),
          },
        ]),
    ...teamEncryption(context),
  ];
}
