import type { PolicyStatement, TeamContext } from "../document";
import { SHARED_PREFIX, bucketArn, teamEncryption } from "./s3-bucket-access";
import { studioReading } from "./run-studio-applications";

/**
 * What a shared space's apps run as: what every persona that may open one holds in common (the cross-check
 * requires that each such persona has Run Studio Applications and Amazon S3 Bucket Access). Studio's reading of the
 * team's domain and the workspace's `shared/` prefix; no jobs, no PassRole, no data buckets, no private prefixes.
 */
export function useSharedSpaces(context: TeamContext): PolicyStatement[] {
  const workspace = context.buckets[0]!;
  return [
    ...studioReading(context),
    {
      Sid: "LocateWorkspace",
      Effect: "Allow",
      Action: ["s3:GetBucketLocation"],
      Resource: bucketArn(context, workspace),
    },
    {
      Sid: "ListWorkspaceSharedPrefix",
      Effect: "Allow",
      Action: ["s3:ListBucket"],
      Resource: bucketArn(context, workspace),
      Condition: { StringLike: { "s3:prefix": [`${SHARED_PREFIX}/*`] } },
    },
    {
      Sid: "WorkspaceSharedObjects",
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
      Resource: bucketArn(context, workspace, `${SHARED_PREFIX}/*`),
    },
    ...teamEncryption(context, [workspace]),
  ];
}
