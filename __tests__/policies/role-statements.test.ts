import { loadExample } from "../helpers";
import {
  ACCOUNT,
  DOMAIN,
  FOREIGN_SUBNET,
  KMS_KEY,
  OTHER_KMS_KEY,
  REGION,
  SUBNETS,
  bucket,
  createdFor,
  domainArn,
  evaluate,
  inTeamNetwork,
  withTeamKey,
  principalTeam,
  profileArn,
  request,
  sagemakerArn,
  simulation,
  studio,
  teamTagged,
  type Context,
  type Request,
} from "./simulator";
import { synthesizedRoles, type PolicyJson } from "./synthesized-policies";

/**
 * One named case per statement of the execution roles' policies, so that no grant and no guardrail is guarded by
 * the snapshot alone. Each case is a request of forecasting's roles in contoso that the statement decides: what it
 * allows is allowed with the policy as synthesized and refused without that one statement; what it denies is
 * explicitly denied with it and allowed without it. The generated attacker matrix covers the breadth (what must stay
 * refused); these cases name each statement and prove it still does its part.
 */

type RoleKey = "forecasting/compute" | "forecasting/data-scientist" | "forecasting/mlops" | "forecasting/shared-space";

interface StatementCase {
  readonly sid: string;
  readonly role: RoleKey;
  /** What the statement does to the request, written from what the persona promises. */
  readonly then: "allowed" | "denied";
  readonly when: Request;
}

const COMPUTE: RoleKey = "forecasting/compute";
const SCIENTIST: RoleKey = "forecasting/data-scientist";
const MLOPS: RoleKey = "forecasting/mlops";
const SHARED_SPACE: RoleKey = "forecasting/shared-space";

const WORKSPACE = "contoso-forecasting-workspace";
const DATA = "contoso-forecasting-data";
const D = DOMAIN.forecasting;
const alice = studio("forecasting", "alice");
const ownTeam = teamTagged("forecasting");
const forForecasting = createdFor("forecasting");
const onM5: Context = { "sagemaker:InstanceTypes": ["ml.m5.xlarge"] };
/** A training job as the compute role may start it: every guardrail satisfied. */
const goodJob: Context = { ...onM5, ...inTeamNetwork, ...withTeamKey, ...forForecasting };
const without = (context: Context, ...keys: string[]) =>
  Object.fromEntries(Object.entries(context).filter(([key]) => !keys.includes(key)));
const trainingJob = sagemakerArn("training-job/forecasting-demand-2026-12");
const model = sagemakerArn("model/forecasting-demand-v3");
const modelVersion = sagemakerArn("model-package/forecasting-demand/3");
const ownPrivateSpace: Context = {
  "sagemaker:OwnerUserProfileArn": profileArn("forecasting", "alice"),
  "sagemaker:SpaceSharingType": "Private",
};
const ownSharedSpace: Context = { ...ownPrivateSpace, "sagemaker:SpaceSharingType": "Shared" };
const logs = (path: string) => `arn:aws:logs:${REGION}:${ACCOUNT}:${path}`;
const ec2 = (path: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:${path}`;

// prettier-ignore
const CASES: StatementCase[] = [
  // The compute role: jobs of the team, every guardrail on them, and what the jobs reach.
  { sid: "CreateTrainingJobForOwnTeam", role: COMPUTE, then: "allowed", when: request("sagemaker:CreateTrainingJob", trainingJob, goodJob) },
  { sid: "CreateProcessingJobForOwnTeam", role: COMPUTE, then: "allowed", when: request("sagemaker:CreateProcessingJob", sagemakerArn("processing-job/forecasting-prep"), goodJob) },
  { sid: "CreateHyperParameterTuningJobForOwnTeam", role: COMPUTE, then: "allowed", when: request("sagemaker:CreateHyperParameterTuningJob", sagemakerArn("hyper-parameter-tuning-job/forecasting-tune"), goodJob) },
  { sid: "CreateTransformJobForOwnTeam", role: COMPUTE, then: "allowed", when: request("sagemaker:CreateTransformJob", sagemakerArn("transform-job/forecasting-batch"), onM5, withTeamKey, forForecasting, { "sagemaker:ModelArn": model }) },
  { sid: "CreateModelForOwnTeam", role: COMPUTE, then: "allowed", when: request("sagemaker:CreateModel", model, inTeamNetwork, forForecasting) },
  { sid: "CreateModelPackageGroupForOwnTeam", role: COMPUTE, then: "allowed", when: request("sagemaker:CreateModelPackageGroup", sagemakerArn("model-package-group/forecasting-demand"), forForecasting) },
  { sid: "RegisterOwnTeamModelVersions", role: COMPUTE, then: "allowed", when: request("sagemaker:CreateModelPackage", modelVersion, { "sagemaker:ModelApprovalStatus": "PendingManualApproval" }) },
  { sid: "FollowOwnTeamSteps", role: COMPUTE, then: "allowed", when: request("sagemaker:StopTrainingJob", trainingJob, ownTeam) },
  { sid: "TagOwnTeamCreations", role: COMPUTE, then: "allowed", when: request("sagemaker:AddTags", trainingJob, { "sagemaker:TaggingAction": "CreateTrainingJob" }, forForecasting) },
  { sid: "DenyInstanceTypesOutsidePersona", role: COMPUTE, then: "denied", when: request("sagemaker:CreateTrainingJob", trainingJob, goodJob, { "sagemaker:InstanceTypes": ["ml.p5.48xlarge"] }) },
  { sid: "DenyComputeWithoutInstanceType", role: COMPUTE, then: "denied", when: request("sagemaker:CreateTrainingJob", trainingJob, without(goodJob, "sagemaker:InstanceTypes")) },
  { sid: "DenyRemoteDebugging", role: COMPUTE, then: "denied", when: request("sagemaker:CreateTrainingJob", trainingJob, goodJob, { "sagemaker:EnableRemoteDebug": "true" }) },
  { sid: "DenySubnetsOutsideTeamNetwork", role: COMPUTE, then: "denied", when: request("sagemaker:CreateTrainingJob", trainingJob, goodJob, { "sagemaker:VpcSubnets": [FOREIGN_SUBNET] }) },
  { sid: "DenyComputeOutsideVpc", role: COMPUTE, then: "denied", when: request("sagemaker:CreateTrainingJob", trainingJob, without(goodJob, "sagemaker:VpcSubnets")) },
  { sid: "DenySecurityGroupsOutsideTeamNetwork", role: COMPUTE, then: "denied", when: request("sagemaker:CreateTrainingJob", trainingJob, goodJob, { "sagemaker:VpcSecurityGroupIds": ["sg-0fffffffffffffff0"] }) },
  { sid: "DenyComputeWithoutSecurityGroup", role: COMPUTE, then: "denied", when: request("sagemaker:CreateTrainingJob", trainingJob, without(goodJob, "sagemaker:VpcSecurityGroupIds")) },
  { sid: "DenyVolumesWithoutTeamKey", role: COMPUTE, then: "denied", when: request("sagemaker:CreateTrainingJob", trainingJob, goodJob, { "sagemaker:VolumeKmsKeyArn": OTHER_KMS_KEY }) },
  { sid: "DenyOutputsWithoutTeamKey", role: COMPUTE, then: "denied", when: request("sagemaker:CreateTrainingJob", trainingJob, goodJob, { "sagemaker:OutputKmsKeyArn": OTHER_KMS_KEY }) },
  { sid: "DenyFileSystemsOutsideTeam", role: COMPUTE, then: "denied", when: request("sagemaker:CreateTrainingJob", trainingJob, goodJob, { "sagemaker:FileSystemId": "fs-0123456789abcdef0" }) },
  { sid: "LocateTeamBuckets", role: COMPUTE, then: "allowed", when: request("s3:GetBucketLocation", bucket(DATA)) },
  { sid: "ListWorkspaceSharedAndJobOutput", role: COMPUTE, then: "allowed", when: request("s3:ListBucket", bucket(WORKSPACE), { "s3:prefix": "jobs/forecasting-demand/" }) },
  { sid: "ListTeamDataBuckets", role: COMPUTE, then: "allowed", when: request("s3:ListBucket", bucket(DATA)) },
  { sid: "ReadWorkspaceShared", role: COMPUTE, then: "allowed", when: request("s3:GetObject", bucket(WORKSPACE, "shared/features.parquet")) },
  { sid: "JobOutputAndTeamData", role: COMPUTE, then: "allowed", when: request("s3:PutObject", bucket(WORKSPACE, "jobs/forecasting-demand/model.tar.gz")) },
  { sid: "DenyWritesUnderOtherKeys", role: COMPUTE, then: "denied", when: request("s3:PutObject", bucket(DATA, "sales.csv"), { "s3:x-amz-server-side-encryption-aws-kms-key-id": OTHER_KMS_KEY }) },
  { sid: "DenyWritesUnderCustomerKeys", role: COMPUTE, then: "denied", when: request("s3:PutObject", bucket(DATA, "sales.csv"), { "s3:x-amz-server-side-encryption-customer-algorithm": "AES256" }) },
  { sid: "PullContainerImages", role: COMPUTE, then: "allowed", when: request("ecr:BatchGetImage", `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/forecasting-training`) },
  { sid: "ContainerRegistryLogin", role: COMPUTE, then: "allowed", when: request("ecr:GetAuthorizationToken", "*") },
  { sid: "OwnTeamJobMetrics", role: COMPUTE, then: "allowed", when: request("sagemaker:BatchPutMetrics", trainingJob, ownTeam) },
  { sid: "JobMetrics", role: COMPUTE, then: "allowed", when: request("cloudwatch:PutMetricData", "*", { "cloudwatch:namespace": "/aws/sagemaker/TrainingJobs" }) },
  { sid: "JobAndOwnTeamEndpointLogGroups", role: COMPUTE, then: "allowed", when: request("logs:CreateLogGroup", logs("log-group:/aws/sagemaker/TrainingJobs")) },
  { sid: "OwnTeamLogStreams", role: COMPUTE, then: "allowed", when: request("logs:PutLogEvents", logs("log-group:/aws/sagemaker/TrainingJobs:log-stream:forecasting-demand-2026-12/algo-1")) },
  { sid: "NetworkInterfacesInTeamNetwork", role: COMPUTE, then: "allowed", when: request("ec2:CreateNetworkInterface", ec2(`subnet/${SUBNETS[0]}`)) },
  { sid: "NetworkInterfacesOfTeamSubnets", role: COMPUTE, then: "allowed", when: request("ec2:DeleteNetworkInterface", ec2("network-interface/eni-0123456789abcdef0"), { "ec2:Subnet": ec2(`subnet/${SUBNETS[0]}`) }) },
  { sid: "DescribeJobNetwork", role: COMPUTE, then: "allowed", when: request("ec2:DescribeSubnets", "*") },
  { sid: "TeamKeyForTeamBuckets", role: COMPUTE, then: "allowed", when: request("kms:Decrypt", KMS_KEY, { "kms:ViaService": `s3.${REGION}.amazonaws.com`, "kms:EncryptionContext:aws:s3:arn": bucket(DATA, "sales.csv") }) },
  { sid: "TeamKeyThroughSageMaker", role: COMPUTE, then: "allowed", when: request("kms:Decrypt", KMS_KEY, { "kms:ViaService": `sagemaker.${REGION}.amazonaws.com` }) },
  { sid: "PassTeamComputeRole", role: COMPUTE, then: "allowed", when: request("iam:PassRole", "role:forecasting/compute", { "iam:PassedToService": "sagemaker.amazonaws.com" }) },

  // A data scientist in Studio: her own profile and spaces, the team's shared spaces, jobs, models, experiments, data.
  { sid: "StudioListing", role: SCIENTIST, then: "allowed", when: request("sagemaker:ListDomains", "*", alice) },
  { sid: "StudioDescribe", role: SCIENTIST, then: "allowed", when: request("sagemaker:DescribeDomain", domainArn("forecasting"), alice) },
  { sid: "ListTagsOfOwnTeamResources", role: SCIENTIST, then: "allowed", when: request("sagemaker:ListTags", trainingJob, alice, ownTeam) },
  { sid: "OpenOwnProfileOnly", role: SCIENTIST, then: "allowed", when: request("sagemaker:CreatePresignedDomainUrl", profileArn("forecasting", "alice"), alice) },
  { sid: "OwnProfileApps", role: SCIENTIST, then: "allowed", when: request("sagemaker:CreateApp", sagemakerArn(`app/${D}/alice/jupyterserver/default`), alice) },
  { sid: "OwnPrivateSpaces", role: SCIENTIST, then: "allowed", when: request("sagemaker:CreateSpace", sagemakerArn(`space/${D}/alice-space`), alice, ownPrivateSpace) },
  { sid: "AppsInOwnPrivateSpaces", role: SCIENTIST, then: "allowed", when: request("sagemaker:CreateApp", sagemakerArn(`app/${D}/alice-space/jupyterlab/default`), alice, ownPrivateSpace) },
  { sid: "DenyRemoteAccess", role: SCIENTIST, then: "denied", when: request("sagemaker:CreateSpace", sagemakerArn(`space/${D}/alice-space`), alice, ownPrivateSpace, { "sagemaker:RemoteAccess": "ENABLED" }) },
  { sid: "TagWhatStudioCreates", role: SCIENTIST, then: "allowed", when: request("sagemaker:AddTags", sagemakerArn(`space/${D}/alice-space`), alice, { "sagemaker:TaggingAction": "CreateSpace", "aws:RequestTag/sagemaker:domain-arn": domainArn("forecasting"), "aws:TagKeys": ["sagemaker:domain-arn"] }) },
  { sid: "OwnSharedSpaces", role: SCIENTIST, then: "allowed", when: request("sagemaker:CreateSpace", sagemakerArn(`space/${D}/forecasting-review`), alice, ownSharedSpace) },
  { sid: "AppsInSharedSpaces", role: SCIENTIST, then: "allowed", when: request("sagemaker:CreateApp", sagemakerArn(`app/${D}/forecasting-review/jupyterlab/default`), alice, { "sagemaker:SpaceSharingType": "Shared" }) },
  { sid: "ManageOwnTeamJobs", role: SCIENTIST, then: "allowed", when: request("sagemaker:StopTrainingJob", trainingJob, alice, ownTeam) },
  { sid: "ListJobLogStreams", role: SCIENTIST, then: "allowed", when: request("logs:DescribeLogStreams", logs("log-group:/aws/sagemaker/TrainingJobs"), alice) },
  { sid: "ReadOwnTeamJobLogs", role: SCIENTIST, then: "allowed", when: request("logs:GetLogEvents", logs("log-group:/aws/sagemaker/TrainingJobs:log-stream:forecasting-demand-2026-12/algo-1"), alice) },
  { sid: "ListJobs", role: SCIENTIST, then: "allowed", when: request("sagemaker:ListTrainingJobs", "*", alice) },
  { sid: "ManageOwnTeamModels", role: SCIENTIST, then: "allowed", when: request("sagemaker:DescribeModel", model, alice, ownTeam) },
  { sid: "UpdateOwnTeamModelVersions", role: SCIENTIST, then: "allowed", when: request("sagemaker:UpdateModelPackage", modelVersion, alice, ownTeam, { "sagemaker:ModelApprovalStatus": "PendingManualApproval" }) },
  { sid: "ListModels", role: SCIENTIST, then: "allowed", when: request("sagemaker:ListModels", "*", alice) },
  { sid: "CreateExperimentForOwnTeam", role: SCIENTIST, then: "allowed", when: request("sagemaker:CreateExperiment", sagemakerArn("experiment/forecasting-demand"), alice, forForecasting) },
  { sid: "CreateTrialForOwnTeam", role: SCIENTIST, then: "allowed", when: request("sagemaker:CreateTrial", sagemakerArn("experiment-trial/forecasting-demand-1"), alice, forForecasting) },
  { sid: "CreateTrialComponentForOwnTeam", role: SCIENTIST, then: "allowed", when: request("sagemaker:CreateTrialComponent", sagemakerArn("experiment-trial-component/forecasting-demand-1-train"), alice, forForecasting) },
  { sid: "CreateActionForOwnTeam", role: SCIENTIST, then: "allowed", when: request("sagemaker:CreateAction", sagemakerArn("action/forecasting-deploy"), alice, forForecasting) },
  { sid: "CreateArtifactForOwnTeam", role: SCIENTIST, then: "allowed", when: request("sagemaker:CreateArtifact", sagemakerArn("artifact/0123456789abcdef0123456789abcdef"), alice, forForecasting) },
  { sid: "CreateContextForOwnTeam", role: SCIENTIST, then: "allowed", when: request("sagemaker:CreateContext", sagemakerArn("context/forecasting-lineage"), alice, forForecasting) },
  { sid: "ManageOwnTeamExperiments", role: SCIENTIST, then: "allowed", when: request("sagemaker:UpdateAction", sagemakerArn("action/forecasting-deploy"), alice, ownTeam) },
  { sid: "DescribeOwnTeamExperiments", role: SCIENTIST, then: "allowed", when: request("sagemaker:DescribeExperiment", sagemakerArn("experiment/forecasting-demand"), alice, ownTeam) },
  { sid: "ListExperiments", role: SCIENTIST, then: "allowed", when: request("sagemaker:ListExperiments", "*", alice) },
  { sid: "BrowseWorkspaceTopLevels", role: SCIENTIST, then: "allowed", when: request("s3:ListBucket", bucket(WORKSPACE), alice, { "s3:prefix": "users/", "s3:delimiter": "/" }) },
  { sid: "ListWorkspaceTeamAndOwnPrefixes", role: SCIENTIST, then: "allowed", when: request("s3:ListBucket", bucket(WORKSPACE), alice, { "s3:prefix": "users/alice/notebooks/" }) },
  { sid: "WorkspaceTeamAndOwnObjects", role: SCIENTIST, then: "allowed", when: request("s3:GetObject", bucket(WORKSPACE, "users/alice/notebooks/eda.ipynb"), alice) },
  { sid: "TeamDataObjects", role: SCIENTIST, then: "allowed", when: request("s3:DeleteObject", bucket(DATA, "scratch.csv"), alice) },

  // MLOps: decides on model versions, endpoints, pipelines and monitoring of the team.
  { sid: "DecideOnOwnTeamModelVersions", role: MLOPS, then: "allowed", when: request("sagemaker:UpdateModelPackage", modelVersion, ownTeam, { "sagemaker:ModelApprovalStatus": "Approved" }) },
  { sid: "RegisterDecidedOwnTeamModelVersions", role: MLOPS, then: "allowed", when: request("sagemaker:CreateModelPackage", modelVersion, { "sagemaker:ModelApprovalStatus": "Approved" }) },
  { sid: "CreateEndpointConfigForOwnTeam", role: MLOPS, then: "allowed", when: request("sagemaker:CreateEndpointConfig", sagemakerArn("endpoint-config/forecasting-demand-v3"), onM5, { "sagemaker:VolumeKmsKeyArn": KMS_KEY }, forForecasting, { "sagemaker:ModelArn": model }) },
  { sid: "CreateEndpointForOwnTeam", role: MLOPS, then: "allowed", when: request("sagemaker:CreateEndpoint", sagemakerArn("endpoint/forecasting-demand"), forForecasting) },
  { sid: "ManageOwnTeamEndpoints", role: MLOPS, then: "allowed", when: request("sagemaker:DeleteEndpoint", sagemakerArn("endpoint/forecasting-demand"), ownTeam) },
  { sid: "ListEndpoints", role: MLOPS, then: "allowed", when: request("sagemaker:ListEndpoints", "*") },
  { sid: "CreatePipelineForOwnTeam", role: MLOPS, then: "allowed", when: request("sagemaker:CreatePipeline", sagemakerArn("pipeline/forecasting-retrain"), forForecasting) },
  { sid: "ManageOwnTeamPipelines", role: MLOPS, then: "allowed", when: request("sagemaker:StartPipelineExecution", sagemakerArn("pipeline/forecasting-retrain"), ownTeam) },
  { sid: "OwnTeamPipelineExecutions", role: MLOPS, then: "allowed", when: request("sagemaker:StopPipelineExecution", sagemakerArn("pipeline/forecasting-retrain/execution/0123456789ab")) },
  { sid: "ListPipelines", role: MLOPS, then: "allowed", when: request("sagemaker:ListPipelines", "*") },
  { sid: "CreateMonitoringScheduleForOwnTeam", role: MLOPS, then: "allowed", when: request("sagemaker:CreateMonitoringSchedule", sagemakerArn("monitoring-schedule/forecasting-drift"), goodJob) },
  { sid: "ManageOwnTeamMonitoring", role: MLOPS, then: "allowed", when: request("sagemaker:DescribeMonitoringSchedule", sagemakerArn("monitoring-schedule/forecasting-drift"), ownTeam) },
  { sid: "ListMonitoring", role: MLOPS, then: "allowed", when: request("sagemaker:ListMonitoringSchedules", "*") },

  // The shared-space role: the workspace's shared/ prefix only.
  { sid: "LocateWorkspace", role: SHARED_SPACE, then: "allowed", when: request("s3:GetBucketLocation", bucket(WORKSPACE)) },
  { sid: "ListWorkspaceSharedPrefix", role: SHARED_SPACE, then: "allowed", when: request("s3:ListBucket", bucket(WORKSPACE), { "s3:prefix": "shared/features/" }) },
  { sid: "WorkspaceSharedObjects", role: SHARED_SPACE, then: "allowed", when: request("s3:PutObject", bucket(WORKSPACE, "shared/features/week-49.parquet")) },
];

describe("each statement of the execution roles' policies synthesized for contoso, by name", () => {
  let policies: Record<string, PolicyJson>;
  let roleArns: Record<string, string>;
  beforeAll(() => {
    // GIVEN forecasting's execution roles as synthesized
    ({ policies, roleArns } = synthesizedRoles(loadExample("contoso")));
  });

  test("GIVEN every role's policy WHEN its statements are listed THEN each is named by a case below", () => {
    const sids = new Set(
      Object.values(policies).flatMap((policy) => policy.Statement.map((statement) => statement.Sid!)),
    );
    expect([...sids].sort()).toEqual([...new Set(CASES.map((c) => c.sid))].sort());
  });

  const decide = (role: RoleKey, policy: PolicyJson, when: Request) =>
    evaluate(
      simulation(roleArns[role]!, policy, [], {
        ...when,
        resource: when.resource.startsWith("role:") ? roleArns[when.resource.slice("role:".length)]! : when.resource,
        context: { ...principalTeam("forecasting"), ...when.context },
      }),
    );

  test.each(CASES.map((c) => [c.sid, c.then, c.role, c.when.action, c] as const))(
    "%s: %s for %s, %s",
    async (sid, then, role, _action, { when }) => {
      // GIVEN the role's policy, and the same policy without the statement
      const policy = policies[role]!;
      const reduced = { ...policy, Statement: policy.Statement.filter((statement) => statement.Sid !== sid) };
      expect(reduced.Statement.length).toBeLessThan(policy.Statement.length);
      // WHEN the role makes the request under each
      const [withIt, withoutIt] = [await decide(role, policy, when), await decide(role, reduced, when)];
      // THEN the statement decides it
      if (then === "allowed") {
        expect(withIt).toBe("Allowed");
        expect(withoutIt).not.toBe("Allowed");
      } else {
        expect(withIt).toBe("ExplicitlyDenied");
        expect(withoutIt).toBe("Allowed");
      }
    },
  );
});
