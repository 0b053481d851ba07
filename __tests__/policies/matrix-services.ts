import {
  FOREIGN_NAMESPACES,
  JOB_LOG_GROUPS,
  JOB_NAMESPACES,
  followsJobLogs,
  listingAccess,
  locates,
  objectAccess,
  passesComputeRole,
  runsJobs,
  usesTeamKey,
  type Listing,
  type Place,
} from "./matrix-contract";
import {
  NO_TEAM_BUCKET,
  arnIn,
  domainOf,
  otherProfileOf,
  othersOf,
  sessionOf,
  without,
  type Who,
  type World,
} from "./matrix-world";
import { FOREIGN_SUBNET, OTHER_KMS_KEY, bucket, type Context } from "./simulator";

/*
 * The attacker matrix's cases for the grants outside SageMaker: S3, KMS, CloudWatch Logs and metrics, EC2 network
 * interfaces, ECR and PassRole. Each builder makes, for one action on one resource type of the catalogue, the team's
 * own resources, other teams', and resources of no team, and expects what matrix-contract.ts promises.
 */

export interface Scenario {
  readonly name: string;
  readonly resource: string;
  readonly context: Context;
  readonly then: "allowed" | "denied" | "explicitly denied";
}

type Builder = (world: World, caller: Who, action: string) => Scenario[];

const allowedIf = (promised: boolean): Scenario["then"] => (promised ? "allowed" : "denied");
const FOREIGN_SECURITY_GROUP = "sg-0fffffffffffffff0";

function bucketsOf(world: World, team: string) {
  const [workspace, data] = world.config.teams[team]!.s3Buckets as [string, string | undefined];
  return { workspace, data };
}

function keyOf(world: World, team: string): string | undefined {
  return world.config.accounts[world.config.teams[team]!.account]!.kmsKeyArn;
}

function networkOf(world: World, team: string) {
  return world.config.accounts[world.config.teams[team]!.account]!.network;
}

/** Objects of the caller's own team, by place, and of every other team and of no team. */
function objects(world: World, caller: Who): [string, string, Place | undefined][] {
  const { workspace, data } = bucketsOf(world, caller.team);
  const own: [string, string, Place | undefined][] = [
    ...(data === undefined
      ? []
      : [["its data bucket", bucket(data, "raw/part-0001.csv"), "data"] as [string, string, Place]]),
    ["shared/", bucket(workspace, "shared/features.parquet"), "shared"],
    ["Studio's shared notebooks", bucket(workspace, "shared/notebooks/report.ipynb"), "shared"],
    ["jobs/", bucket(workspace, `jobs/${caller.team}-train/output/model.tar.gz`), "jobs"],
    ["its own users/ prefix", bucket(workspace, `users/${caller.profile}/notebook.ipynb`), "own"],
    [
      "a colleague's users/ prefix",
      bucket(workspace, `users/${otherProfileOf(caller.team)}/notebook.ipynb`),
      "colleague",
    ],
    [
      "a users/ prefix that starts with its name",
      bucket(workspace, `users/${caller.profile}-x/notebook.ipynb`),
      "namesake",
    ],
    ["the workspace's root", bucket(workspace, "readme.md"), "workspace root"],
  ];
  const foreign = othersOf(world, caller.team).flatMap((other): [string, string, undefined][] => {
    const theirs = bucketsOf(world, other);
    return [
      [`${other}'s shared/`, bucket(theirs.workspace, "shared/features.parquet"), undefined],
      [`${other}'s jobs/`, bucket(theirs.workspace, `jobs/${other}-train/output/model.tar.gz`), undefined],
      [
        `its namesake prefix in ${other}'s workspace`,
        bucket(theirs.workspace, `users/${caller.profile}/notebook.ipynb`),
        undefined,
      ],
      ...(theirs.data === undefined
        ? []
        : [
            [`${other}'s data bucket`, bucket(theirs.data, "raw/part-0001.csv"), undefined] as [
              string,
              string,
              undefined,
            ],
          ]),
    ];
  });
  return [...own, ...foreign, ["a bucket of no team", bucket(NO_TEAM_BUCKET, "x/part-0001.csv"), undefined]];
}

const s3Objects: Builder = (world, caller, action) => {
  const session = sessionOf(caller);
  const scenarios: Scenario[] = objects(world, caller).map(([name, resource, place]) => ({
    name,
    resource,
    context: session,
    then: allowedIf(place !== undefined && objectAccess(caller.activities, place, action)),
  }));
  if (caller.inStudio)
    scenarios.push({
      name: "its own users/ prefix without a source identity",
      resource: objects(world, caller).find(([, , place]) => place === "own")![1],
      context: without(session, "aws:SourceIdentity"),
      then: "denied",
    });
  if (action !== "s3:PutObject") return scenarios;
  // Whoever writes the team's data must leave the team able to read it.
  const writable = objects(world, caller).find(
    ([, , place]) => place !== undefined && objectAccess(caller.activities, place, action),
  );
  if (writable === undefined) return scenarios;
  const teamKey = keyOf(world, caller.team);
  const keyId = "s3:x-amz-server-side-encryption-aws-kms-key-id";
  return [
    ...scenarios,
    ...(teamKey === undefined
      ? []
      : [
          {
            name: `${writable[0]} under the team's key`,
            resource: writable[1],
            context: { ...session, [keyId]: teamKey },
            then: "allowed" as const,
          },
        ]),
    {
      name: `${writable[0]} under another key`,
      resource: writable[1],
      context: { ...session, [keyId]: OTHER_KMS_KEY },
      then: "explicitly denied",
    },
    {
      name: `${writable[0]} under a key of the writer's own`,
      resource: writable[1],
      context: { ...session, "s3:x-amz-server-side-encryption-customer-algorithm": "AES256" },
      then: "explicitly denied",
    },
  ];
};

function listings(caller: Who): [string, Listing][] {
  const listing = (
    prefix: string,
    delimiter: boolean,
    shows: Listing["shows"],
    which: Listing["bucket"] = "workspace",
  ): Listing => ({
    bucket: which,
    prefix,
    delimiter,
    shows,
  });
  return [
    ["the workspace's top level", listing("", true, "top levels")],
    ["users/, one level", listing("users/", true, "top levels")],
    ["the whole workspace", listing("", false, "every user's keys")],
    ["every user's keys", listing("users/", false, "every user's keys")],
    ["shared/", listing("shared/", false, "shared")],
    ["jobs/", listing("jobs/", false, "jobs")],
    ["its own users/ prefix", listing(`users/${caller.profile}/`, false, "own")],
    ["a colleague's users/ prefix", listing(`users/${otherProfileOf(caller.team)}/`, false, "colleague")],
    ["a colleague's users/ prefix, one level", listing(`users/${otherProfileOf(caller.team)}/`, true, "colleague")],
    ["its data bucket", listing("raw/", false, "data", "data")],
  ];
}

const s3Buckets: Builder = (world, caller, action) => {
  const session = sessionOf(caller);
  const own = bucketsOf(world, caller.team);
  const arnOf = (which: Listing["bucket"], team = caller.team) => {
    const buckets = bucketsOf(world, team);
    const name = which === "workspace" ? buckets.workspace : buckets.data;
    return name === undefined ? undefined : bucket(name);
  };
  const foreign = [
    ...othersOf(world, caller.team).flatMap((other) =>
      (["workspace", "data"] as const).flatMap((which) => {
        const arn = arnOf(which, other);
        return arn === undefined ? [] : [{ name: `${other}'s ${which} bucket`, resource: arn }];
      }),
    ),
    { name: "a bucket of no team", resource: bucket(NO_TEAM_BUCKET) },
  ];
  if (action === "s3:GetBucketLocation")
    return [
      {
        name: "its workspace",
        resource: bucket(own.workspace),
        context: session,
        then: allowedIf(locates(caller.activities, "workspace")),
      },
      ...(own.data === undefined
        ? []
        : [
            {
              name: "its data bucket",
              resource: bucket(own.data),
              context: session,
              then: allowedIf(locates(caller.activities, "data")),
            },
          ]),
      ...foreign.map(({ name, resource }) => ({ name, resource, context: session, then: "denied" as const })),
    ];
  const ask = ({ prefix, delimiter }: Listing): Context => ({
    ...session,
    "s3:prefix": prefix,
    ...(delimiter ? { "s3:delimiter": "/" } : {}),
  });
  return [
    ...listings(caller).flatMap(([name, listing]) => {
      const resource = arnOf(listing.bucket);
      return resource === undefined
        ? []
        : [
            {
              name: `listing ${name}`,
              resource,
              context: ask(listing),
              then: allowedIf(listingAccess(caller.activities, listing)),
            },
          ];
    }),
    ...foreign.map(({ name, resource }) => ({
      name: `listing shared/ of ${name}`,
      resource,
      context: { ...session, "s3:prefix": "shared/" },
      then: "denied" as const,
    })),
  ];
};

/** The team's key: through S3 for the team's buckets, through SageMaker, and no other way. */
const kmsKey: Builder = (world, caller) => {
  const session = sessionOf(caller);
  const key = keyOf(world, caller.team);
  if (key === undefined) return [];
  const { workspace, data } = bucketsOf(world, caller.team);
  const viaS3 = (object: string): Context => ({
    ...session,
    "kms:ViaService": `s3.${world.regionOf(caller.team)}.amazonaws.com`,
    "kms:EncryptionContext:aws:s3:arn": object,
  });
  const promised = allowedIf(usesTeamKey(caller.activities));
  const other = othersOf(world, caller.team)[0]!;
  return [
    {
      name: "through S3 for an object of its workspace",
      resource: key,
      context: viaS3(bucket(workspace, "shared/x.csv")),
      then: allowedIf(locates(caller.activities, "workspace")),
    },
    ...(data === undefined
      ? []
      : [
          {
            name: "through S3 for its data bucket (a bucket key)",
            resource: key,
            context: viaS3(bucket(data)),
            then: allowedIf(locates(caller.activities, "data")),
          },
        ]),
    {
      name: "through SageMaker",
      resource: key,
      context: { ...session, "kms:ViaService": `sagemaker.${world.regionOf(caller.team)}.amazonaws.com` },
      then: promised,
    },
    {
      name: `through S3 for ${other}'s bucket`,
      resource: key,
      context: viaS3(bucket(bucketsOf(world, other).workspace, "shared/x.csv")),
      then: "denied",
    },
    {
      name: "through S3 without naming an object",
      resource: key,
      context: { ...session, "kms:ViaService": `s3.${world.regionOf(caller.team)}.amazonaws.com` },
      then: "denied",
    },
    { name: "called directly", resource: key, context: session, then: "denied" },
    {
      name: "called directly with its bucket's encryption context",
      resource: key,
      context: { ...session, "kms:EncryptionContext:aws:s3:arn": bucket(workspace, "shared/x.csv") },
      then: "denied",
    },
    {
      name: "through another service",
      resource: key,
      context: { ...session, "kms:ViaService": `ec2.${world.regionOf(caller.team)}.amazonaws.com` },
      then: "denied",
    },
    {
      name: "another key through S3",
      resource: OTHER_KMS_KEY,
      context: viaS3(bucket(workspace, "shared/x.csv")),
      then: "denied",
    },
  ];
};

const logGroupArn = (world: World, caller: Who, group: string) =>
  arnIn(world, caller.team, "logs", `log-group:${group}`);

const logGroups: Builder = (world, caller) => {
  const session = sessionOf(caller);
  const promised = allowedIf(runsJobs(caller.activities));
  return [
    ...JOB_LOG_GROUPS.map((group) => ({
      name: `the shared group ${group}`,
      resource: logGroupArn(world, caller, group),
      context: session,
      then: allowedIf(followsJobLogs(caller.activities)),
    })),
    {
      name: "its endpoint's group",
      resource: logGroupArn(world, caller, `/aws/sagemaker/Endpoints/${caller.team}-live`),
      context: session,
      then: promised,
    },
    ...othersOf(world, caller.team).map((other) => ({
      name: `${other}'s endpoint's group`,
      resource: logGroupArn(world, caller, `/aws/sagemaker/Endpoints/${other}-live`),
      context: session,
      then: "denied" as const,
    })),
    {
      name: "Studio's group",
      resource: logGroupArn(world, caller, "/aws/sagemaker/studio"),
      context: session,
      then: "denied",
    },
    {
      name: "a group of no team",
      resource: logGroupArn(world, caller, `/aws/lambda/${caller.team}-function`),
      context: session,
      then: "denied",
    },
  ];
};

const logStreams: Builder = (world, caller) => {
  const session = sessionOf(caller);
  const stream = (group: string, name: string) => `${logGroupArn(world, caller, group)}:log-stream:${name}`;
  const promised = allowedIf(runsJobs(caller.activities));
  const others = othersOf(world, caller.team);
  return [
    ...JOB_LOG_GROUPS.flatMap((group) => [
      {
        name: `its job's stream in ${group}`,
        resource: stream(group, `${caller.team}-train-1/algo-1-1764460800`),
        context: session,
        then: allowedIf(followsJobLogs(caller.activities)),
      },
      ...others.map((other) => ({
        name: `${other}'s job's stream in ${group}`,
        resource: stream(group, `${other}-train-1/algo-1-1764460800`),
        context: session,
        then: "denied" as const,
      })),
    ]),
    {
      name: "its endpoint's stream",
      resource: stream(`/aws/sagemaker/Endpoints/${caller.team}-live`, "AllTraffic/i-0a1b2c3d4e5f60718"),
      context: session,
      then: promised,
    },
    ...others.map((other) => ({
      name: `${other}'s endpoint's stream`,
      resource: stream(`/aws/sagemaker/Endpoints/${other}-live`, "AllTraffic/i-0a1b2c3d4e5f60718"),
      context: session,
      then: "denied" as const,
    })),
    {
      name: "its own Studio app's stream",
      resource: stream("/aws/sagemaker/studio", `${domainOf(caller.team)}/${caller.profile}/jupyterlab/default`),
      context: session,
      then: "denied",
    },
  ];
};

const metrics: Builder = (_world, caller) => {
  const session = sessionOf(caller);
  return [
    ...JOB_NAMESPACES.map((namespace) => ({
      name: `metrics in ${namespace}`,
      resource: "*",
      context: { ...session, "cloudwatch:namespace": namespace },
      then: allowedIf(runsJobs(caller.activities)),
    })),
    ...FOREIGN_NAMESPACES.map((namespace) => ({
      name: `metrics in ${namespace}`,
      resource: "*",
      context: { ...session, "cloudwatch:namespace": namespace },
      then: "denied" as const,
    })),
  ];
};

/** The config's subnets or security groups, and one outside it. */
function networkPart(type: "subnet" | "security-group", foreign: string): Builder {
  return (world, caller) => {
    const network = networkOf(world, caller.team);
    const ids = type === "subnet" ? network?.subnetIds : network?.securityGroupIds;
    const session = sessionOf(caller);
    return [
      ...(ids ?? []).map((id) => ({
        name: `the team's ${id}`,
        resource: arnIn(world, caller.team, "ec2", `${type}/${id}`),
        context: session,
        then: allowedIf(runsJobs(caller.activities)),
      })),
      {
        name: `a ${type} outside the config`,
        resource: arnIn(world, caller.team, "ec2", `${type}/${foreign}`),
        context: session,
        then: "denied" as const,
      },
    ];
  };
}

const networkInterfaces: Builder = (world, caller, action) => {
  const session = sessionOf(caller);
  const eni = arnIn(world, caller.team, "ec2", "network-interface/eni-0a1b2c3d4e5f60718");
  const promised = allowedIf(runsJobs(caller.activities));
  // A new interface is placed by its subnet and security groups (the other resources of the request).
  if (action === "ec2:CreateNetworkInterface")
    return [{ name: "a new interface", resource: eni, context: session, then: promised }];
  const subnet = (id: string): Context => ({
    ...session,
    "ec2:Subnet": arnIn(world, caller.team, "ec2", `subnet/${id}`),
  });
  const teamSubnet = networkOf(world, caller.team)?.subnetIds[0];
  return [
    ...(teamSubnet === undefined
      ? []
      : [{ name: "an interface in the team's subnet", resource: eni, context: subnet(teamSubnet), then: promised }]),
    { name: "an interface in another subnet", resource: eni, context: subnet(FOREIGN_SUBNET), then: "denied" },
    { name: "an interface whose subnet the request does not say", resource: eni, context: session, then: "denied" },
  ];
};

const repositories: Builder = (world, caller) => {
  const session = sessionOf(caller);
  return [
    {
      name: "an image of the region",
      resource: arnIn(world, caller.team, "ecr", `repository/${caller.team}-images`),
      context: session,
      then: allowedIf(runsJobs(caller.activities)),
    },
    {
      name: "an image of another region",
      resource: `arn:aws:ecr:${world.regionOf(caller.team) === "sa-east-1" ? "ap-east-1" : "sa-east-1"}:${world.accountOf(caller.team)}:repository/${caller.team}-images`,
      context: session,
      then: "denied",
    },
  ];
};

const roles: Builder = (world, caller) => {
  const session = sessionOf(caller);
  const computeOf = (team: string) => world.config.roles[world.config.teams[team]!.computeRoleKey]!.roleArn;
  const toSageMaker = { ...session, "iam:PassedToService": "sagemaker.amazonaws.com" };
  return [
    {
      name: "its team's compute role to SageMaker",
      resource: computeOf(caller.team),
      context: toSageMaker,
      then: allowedIf(passesComputeRole(caller.activities)),
    },
    {
      name: "its team's compute role to another service",
      resource: computeOf(caller.team),
      context: { ...session, "iam:PassedToService": "ec2.amazonaws.com" },
      then: "denied",
    },
    {
      name: "its team's shared-space role",
      resource: world.config.roles[world.config.teams[caller.team]!.sharedSpaceRoleKey]!.roleArn,
      context: toSageMaker,
      then: "denied",
    },
    ...othersOf(world, caller.team).map((other) => ({
      name: `${other}'s compute role`,
      resource: computeOf(other),
      context: toSageMaker,
      then: "denied" as const,
    })),
  ];
};

/** What a job needs that takes no resource (describing the network, logging in to ECR). */
const unscoped: Builder = (_world, caller) => [
  { name: "with no resource", resource: "*", context: sessionOf(caller), then: allowedIf(runsJobs(caller.activities)) },
];

/** The builders by `service:resource type`; `*` for actions that take no resource. */
export const BUILDERS: Readonly<Record<string, Builder>> = {
  "ec2:*": unscoped,
  "ecr:*": unscoped,
  "s3:object": s3Objects,
  "s3:bucket": s3Buckets,
  "kms:key": kmsKey,
  "logs:log-group": logGroups,
  "logs:log-stream": logStreams,
  "cloudwatch:*": metrics,
  "ec2:subnet": networkPart("subnet", FOREIGN_SUBNET),
  "ec2:security-group": networkPart("security-group", FOREIGN_SECURITY_GROUP),
  "ec2:network-interface": networkInterfaces,
  "ecr:repository": repositories,
  "iam:role": roles,
};
