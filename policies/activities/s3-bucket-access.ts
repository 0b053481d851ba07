import type { TeamContext, PolicyStatement } from "../document";

const OBJECT_ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"];
const OWN_PREFIX = "users/${aws:SourceIdentity}";

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

/** With a team key, objects in the buckets (and Studio's shared notebooks) are encrypted with it. */
export function useTeamKey(context: TeamContext): PolicyStatement[] {
  if (context.kmsKeyArn === undefined) return [];
  return [
    {
      Sid: "TeamKeyForData",
      Effect: "Allow",
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: context.kmsKeyArn,
    },
  ];
}

/**
 * Amazon S3 Bucket Access for a person: the team's data buckets, the workspace's `shared/` prefix, and the
 * person's own `users/<profile>/` prefix (the domain sets the profile name as the session's source identity).
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
      Sid: "ListWorkspaceSharedAndOwnPrefix",
      Effect: "Allow",
      Action: ["s3:ListBucket"],
      Resource: bucketArn(context, workspace),
      Condition: { StringLike: { "s3:prefix": ["shared/*", `${OWN_PREFIX}/*`] } },
    },
    {
      Sid: "WorkspaceSharedAndOwnObjects",
      Effect: "Allow",
      Action: OBJECT_ACTIONS,
      Resource: [bucketArn(context, workspace, "shared/*"), bucketArn(context, workspace, `${OWN_PREFIX}/*`)],
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
    ...useTeamKey(context),
  ];
}
