import type { TeamContext, PolicyStatement } from "../document";
import { onOwnTeamResources } from "../team-boundary";
import { bucketArn, listTeamDataBuckets, locateTeamBuckets, useTeamKey } from "./s3-bucket-access";

/**
 * Access Required AWS Services: what jobs, pipelines and endpoints need while running as the compute role.
 * It reads and writes the team's data and the workspace's `shared/` prefix, never the users' private prefixes.
 */
export function accessRequiredAwsServices(context: TeamContext): PolicyStatement[] {
  const [workspace, ...data] = context.buckets as [string, ...string[]];
  const statements: PolicyStatement[] = [
    locateTeamBuckets(context),
    {
      Sid: "ListWorkspaceShared",
      Effect: "Allow",
      Action: ["s3:ListBucket"],
      Resource: bucketArn(context, workspace),
      Condition: { StringLike: { "s3:prefix": ["shared/*"] } },
    },
    ...listTeamDataBuckets(context),
    {
      Sid: "TeamObjectsForJobs",
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:PutObject"],
      Resource: [bucketArn(context, workspace, "shared/*"), ...data.map((bucket) => bucketArn(context, bucket, "*"))],
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
      Sid: "SageMakerMetrics",
      Effect: "Allow",
      Action: ["cloudwatch:PutMetricData"],
      Resource: "*",
      Condition: { StringLike: { "cloudwatch:namespace": ["*SageMaker*", "*Sagemaker*", "*sagemaker*"] } },
    },
    {
      Sid: "SageMakerLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
      Resource: `arn:${context.partition}:logs:${context.region}:${context.accountId}:log-group:/aws/sagemaker/*`,
    },
  ];
  if (context.network)
    statements.push(
      {
        Sid: "JobNetworkInterfaces",
        Effect: "Allow",
        Action: [
          "ec2:CreateNetworkInterface",
          "ec2:CreateNetworkInterfacePermission",
          "ec2:DeleteNetworkInterface",
          "ec2:DeleteNetworkInterfacePermission",
        ],
        Resource: ["network-interface/*", "subnet/*", "security-group/*"].map(
          (resource) => `arn:${context.partition}:ec2:${context.region}:${context.accountId}:${resource}`,
        ),
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
    );
  return [...statements, ...useTeamKey(context)];
}
