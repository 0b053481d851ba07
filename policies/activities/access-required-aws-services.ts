import type { PolicyStatement, TeamContext } from "../document";
import { JOB_LOG_GROUPS, logGroupArn, ownTeamJobStreams } from "../job-logs";
import { OWN_TEAM, onOwnTeamResources } from "../team-boundary";
import {
  JOB_OUTPUT_PREFIX,
  SHARED_PREFIX,
  bucketArn,
  listTeamDataBuckets,
  locateTeamBuckets,
  teamEncryption,
} from "./s3-bucket-access";

/** Each endpoint has a log group of its own, named after it. */
const ENDPOINT_LOG_GROUPS = "/aws/sagemaker/Endpoints";

/**
 * The CloudWatch namespaces SageMaker publishes jobs' instance and algorithm metrics to, and Model Monitor its data
 * and model quality metrics. Never `/aws/sagemaker/Endpoints`, whose instance metrics drive endpoints' autoscaling
 * and alarms: SageMaker publishes those itself.
 */
export const JOB_METRIC_NAMESPACES = [
  "/aws/sagemaker/TrainingJobs",
  "/aws/sagemaker/ProcessingJobs",
  "/aws/sagemaker/TransformJobs",
  "/aws/sagemaker/Endpoints/data-metrics",
  "/aws/sagemaker/Endpoints/model-metrics",
  "/aws/sagemaker/ModelMonitoring/data-metrics",
  "/aws/sagemaker/ModelMonitoring/model-metrics",
];

/**
 * Access Required AWS Services: what jobs, pipelines and endpoints need while running as the compute role, whose
 * code every member of the team controls. It reads the workspace's `shared/` prefix (where Studio keeps what people
 * run, so a job cannot plant code there), writes its output under `jobs/`, reads and writes the team's data buckets,
 * and never reaches a user's private prefix. Its logs, metrics, network interfaces and key are held to the team.
 */
export function accessRequiredAwsServices(context: TeamContext): PolicyStatement[] {
  const [workspace, ...data] = context.buckets as [string, ...string[]];
  return [
    locateTeamBuckets(context),
    {
      Sid: "ListWorkspaceSharedAndJobOutput",
      Effect: "Allow",
      Action: ["s3:ListBucket"],
      Resource: bucketArn(context, workspace),
      Condition: { StringLike: { "s3:prefix": [`${SHARED_PREFIX}/*`, `${JOB_OUTPUT_PREFIX}/*`] } },
    },
    ...listTeamDataBuckets(context),
    {
      Sid: "ReadWorkspaceShared",
      Effect: "Allow",
      Action: ["s3:GetObject"],
      Resource: bucketArn(context, workspace, `${SHARED_PREFIX}/*`),
    },
    {
      Sid: "JobOutputAndTeamData",
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:PutObject"],
      Resource: [
        bucketArn(context, workspace, `${JOB_OUTPUT_PREFIX}/*`),
        ...data.map((bucket) => bucketArn(context, bucket, "*")),
      ],
    },
    {
      Sid: "PullContainerImages",
      Effect: "Allow",
      Action: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
      Resource: `arn:${context.partition}:ecr:${context.region}:*:repository/*`,
    },
    {
      Sid: "ContainerRegistryLogin",
      Effect: "Allow",
      Action: ["ecr:GetAuthorizationToken"],
      Resource: "*",
    },
    onOwnTeamResources("OwnTeamJobMetrics", ["BatchPutMetrics"], context),
    {
      Sid: "JobMetrics",
      Effect: "Allow",
      Action: ["cloudwatch:PutMetricData"],
      Resource: "*",
      Condition: { StringEquals: { "cloudwatch:namespace": JOB_METRIC_NAMESPACES } },
    },
    ...ownTeamLogs(context),
    ...teamNetworkInterfaces(context),
    ...teamEncryption(context),
  ];
}

/**
 * Logs of the team's own jobs and endpoints only: jobs and endpoints are named `<team>-...` (their creates require
 * it), and SageMaker names a job's log streams, and an endpoint's log group, after them.
 */
function ownTeamLogs(context: TeamContext): PolicyStatement[] {
  const group = (name: string) => logGroupArn(context, name);
  const ownEndpoints = group(`${ENDPOINT_LOG_GROUPS}/${OWN_TEAM}-*`);
  return [
    {
      Sid: "JobAndOwnTeamEndpointLogGroups",
      Effect: "Allow",
      Action: ["logs:CreateLogGroup", "logs:DescribeLogStreams"],
      Resource: [...JOB_LOG_GROUPS.map(group), ownEndpoints],
    },
    {
      Sid: "OwnTeamLogStreams",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: [...ownTeamJobStreams(context), `${ownEndpoints}:log-stream:*`],
    },
  ];
}

/**
 * Jobs and endpoints in the VPC get network interfaces in the config's subnets, with its security groups, made and
 * removed as the compute role: only those subnets and groups, never an interface of another subnet.
 */
function teamNetworkInterfaces(context: TeamContext): PolicyStatement[] {
  if (context.network === undefined) return [];
  const ec2 = (resource: string) => `arn:${context.partition}:ec2:${context.region}:${context.accountId}:${resource}`;
  const subnets = context.network.subnetIds.map((id) => ec2(`subnet/${id}`));
  return [
    {
      Sid: "NetworkInterfacesInTeamNetwork",
      Effect: "Allow",
      Action: ["ec2:CreateNetworkInterface"],
      Resource: [
        ec2("network-interface/*"),
        ...subnets,
        ...context.network.securityGroupIds.map((id) => ec2(`security-group/${id}`)),
      ],
    },
    {
      Sid: "NetworkInterfacesOfTeamSubnets",
      Effect: "Allow",
      Action: [
        "ec2:CreateNetworkInterfacePermission",
        "ec2:DeleteNetworkInterface",
        "ec2:DeleteNetworkInterfacePermission",
      ],
      Resource: ec2("network-interface/*"),
      Condition: { ArnEquals: { "ec2:Subnet": subnets } },
    },
    {
      Sid: "DescribeJobNetwork",
      Effect: "Allow",
      Action: [
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeVpcs",
        "ec2:DescribeDhcpOptions",
        "ec2:DescribeSubnets",
        "ec2:DescribeSecurityGroups",
      ],
      Resource: "*",
    },
  ];
}
