import {
  CopyObjectCommand,
  paginateListObjectsV2,
  PutObjectCommand,
  type S3Client,
  type _Object,
} from "@aws-sdk/client-s3";
import type { ProfileInventory } from "./profile-inventory";
import { UserError } from "../shared/user-error";

export interface S3Location {
  readonly bucket: string;
  /** Empty, or ends with `/`. */
  readonly prefix: string;
}

/** S3 bucket naming rules (3-63 characters, lower case, digits, dots and hyphens). */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function parseS3Uri(uri: string): S3Location {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (match === null || !BUCKET.test(match[1]!))
    throw new UserError(
      `--backup ${JSON.stringify(uri)} is not an S3 location: write it as s3://<bucket>/<prefix>, for example s3://contoso-ml-backups/offboarding/`,
    );
  const prefix = match[2]!;
  return { bucket: match[1]!, prefix: prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/` };
}

export function s3Uri(location: S3Location, key = ""): string {
  return `s3://${location.bucket}/${location.prefix}${key}`;
}

/** CopyObject copies at most 5 GB in one call; bigger objects need a multipart copy (`aws s3 cp` does one). */
const COPY_LIMIT_BYTES = 5 * 1024 ** 3;

export interface BackupResult {
  readonly destination: string;
  readonly copied: number;
  /** Keys too large for one CopyObject, left for `aws s3 cp`. */
  readonly tooLarge: readonly string[];
  readonly inventoryUri: string;
}

/**
 * What this command can copy itself: the person's files in the workspace bucket (`users/<profile>/`, server-side
 * copies) and an inventory of everything else. The home directory (EFS) and private spaces (EBS) have no API that
 * reads their files; the inventory says how to save them.
 */
export async function backUp(s3: S3Client, inventory: ProfileInventory, to: S3Location): Promise<BackupResult> {
  const { team, member } = inventory.target;
  const workspace = team.s3Buckets[0]!;
  const source = `users/${member.profileName}/`;
  const root: S3Location = { bucket: to.bucket, prefix: `${to.prefix}${team.key}/${member.profileName}/` };
  const objects: _Object[] = [];
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: workspace, Prefix: source }))
    objects.push(...(page.Contents ?? []));

  const tooLarge: string[] = [];
  let copied = 0;
  for (const object of objects) {
    const key = object.Key!;
    if ((object.Size ?? 0) > COPY_LIMIT_BYTES) {
      tooLarge.push(key);
      continue;
    }
    await s3.send(
      new CopyObjectCommand({
        Bucket: root.bucket,
        Key: `${root.prefix}workspace/${key.slice(source.length)}`,
        // CopySource is URL-encoded, each path segment on its own so the slashes stay.
        CopySource: `${workspace}/${key.split("/").map(encodeURIComponent).join("/")}`,
      }),
    );
    copied++;
  }

  const inventoryKey = `${root.prefix}inventory.json`;
  await s3.send(
    new PutObjectCommand({
      Bucket: root.bucket,
      Key: inventoryKey,
      ContentType: "application/json",
      Body: JSON.stringify(inventoryRecord(inventory, root, copied, tooLarge), null, 2) + "\n",
    }),
  );
  return {
    destination: s3Uri(root),
    copied,
    tooLarge,
    inventoryUri: `s3://${root.bucket}/${inventoryKey}`,
  };
}

/** The record kept with the backup: what existed, what was copied, and how to save the rest. */
function inventoryRecord(inventory: ProfileInventory, root: S3Location, copied: number, tooLarge: readonly string[]) {
  const { team, member, account } = inventory.target;
  return {
    userName: member.userName,
    team: team.key,
    account: { key: account.key, accountId: account.accountId, region: account.region },
    domain: { name: team.domainName, id: inventory.domainId },
    profile: { name: inventory.profile.name, arn: inventory.profile.arn },
    copied: {
      workspaceFiles: {
        from: `s3://${team.s3Buckets[0]}/users/${member.profileName}/`,
        to: s3Uri(root, "workspace/"),
        objects: copied,
      },
    },
    notCopied: {
      workspaceObjectsOver5GB: tooLarge.map((key) => `s3://${team.s3Buckets[0]}/${key}`),
      homeDirectory: {
        efsFileSystemId: inventory.homeEfsFileSystemId,
        uid: inventory.profile.homeEfsUid,
        how: `no AWS API reads EFS files: ask the person to run \`aws s3 sync ~ ${s3Uri(root, "home/")}\` in a Studio terminal before the apply, or mount the file system from an instance in the domain's VPC and copy the directory owned by uid ${inventory.profile.homeEfsUid ?? "?"}`,
      },
      privateSpaces: inventory.privateSpaces.map((space) => ({
        name: space.spaceName,
        ebsGb: space.ebsGb,
        how: `an EBS volume of a space is readable only from inside it: ask the person to open ${space.spaceName} and run \`aws s3 sync /home/sagemaker-user ${s3Uri(root, `spaces/${space.spaceName}/`)}\` before it is deleted`,
      })),
    },
  };
}

/** Fails early, before anything is deleted, when the destination cannot be a place to copy into. */
export function checkBackupDestination(to: S3Location, inventory: ProfileInventory): void {
  if (
    to.bucket === inventory.target.team.s3Buckets[0] &&
    to.prefix.startsWith(`users/${inventory.target.member.profileName}/`)
  )
    throw new UserError(`--backup ${s3Uri(to)} is inside the files it backs up: choose another prefix or bucket`);
}
