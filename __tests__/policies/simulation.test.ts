import { loadExample, resource, synthJson, type SynthesizedStack } from "../helpers";
import {
  ACCOUNT,
  DOMAIN,
  FOREIGN_SUBNET,
  FULL_ACCESS,
  KMS_KEY,
  OTHER_KMS_KEY,
  REGION,
  SECURITY_GROUPS,
  SUBNETS,
  bucket,
  createdFor,
  domainArn,
  inTeamNetwork,
  withTeamKey,
  evaluate,
  outcome,
  principalTeam,
  profileArn,
  request,
  sagemakerArn,
  simulation,
  studio,
  teamTagged,
  type Context,
  type Outcome,
  type Request,
  type Team,
} from "./simulator";
import {
  executionRoleArns,
  executionRolePolicies,
  executionRoleTags,
  serviceControlPolicies,
  type PolicyJson,
} from "./synthesized-policies";

// Hand-picked cases that document the product's promises one by one; attacker-matrix.test.ts generates the rest.
// Mode: checked, and unchecked again only for cases that carry the Studio variables (simulator.ts).

const appArn = (team: Team, spaceOrProfile: string) =>
  sagemakerArn(`app/${DOMAIN[team]}/${spaceOrProfile}/jupyterlab/default`);
/** An execution role, by role key; the ARN is taken from the synthesized aws_iam_role. */
const role = (key: string) => `role:${key}`;

const instanceTypes = (...types: string[]): Context => ({ "sagemaker:InstanceTypes": types });
const forForecasting = createdFor("forecasting");
const forecastingModel: Context = { "sagemaker:ModelArn": sagemakerArn("model/forecasting-demand-v3") };

interface RoleCase {
  /** "allows ..." or "denies ...". */
  readonly name: string;
  /** GIVEN a session of this execution role (`<team>/<persona>`), with this Studio context. */
  readonly given: { readonly role: string; readonly session: Context };
  /** WHEN it makes this request. */
  readonly when: Request;
  /** THEN IAM decides this. */
  readonly then: Outcome;
}

const as = (roleKey: string, session: Context = {}) => ({ role: roleKey, session });
const aliceInForecasting = as("forecasting/data-scientist", studio("forecasting", "alice"));
const bobInForecasting = as("forecasting/mlops", studio("forecasting", "bob"));
const forecastingCompute = as("forecasting/compute");
const workspace = "contoso-forecasting-workspace";
const trainingJob = sagemakerArn("training-job/forecasting-demand-2026-11");
const endpointConfig = sagemakerArn("endpoint-config/forecasting-demand-v3");
const automlJob = sagemakerArn("automl-job/forecasting-automl");
const toSageMaker: Context = { "iam:PassedToService": "sagemaker.amazonaws.com" };
const pending: Context = { "sagemaker:ModelApprovalStatus": "PendingManualApproval" };
const approved: Context = { "sagemaker:ModelApprovalStatus": "Approved" };
const logStream = (group: string, stream: string) =>
  `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${group}:log-stream:${stream}`;
const subnetArn = (id: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/${id}`;
const viaS3For = (object: string): Context => ({
  "kms:ViaService": `s3.${REGION}.amazonaws.com`,
  "kms:EncryptionContext:aws:s3:arn": object,
});

// prettier-ignore
const ROLE_CASES: RoleCase[] = [
  // S3: the team's buckets, the workspace's shared/ prefix, and one's own users/<profile>/ prefix.
  { name: "allows a data scientist to read the workspace's shared/ prefix", given: aliceInForecasting, when: request("s3:GetObject", bucket(workspace, "shared/features.parquet")), then: "allowed" },
  { name: "allows a data scientist to write the workspace's shared/ prefix", given: aliceInForecasting, when: request("s3:PutObject", bucket(workspace, "shared/outputs/report.html")), then: "allowed" },
  { name: "allows a data scientist to read the team's data bucket", given: aliceInForecasting, when: request("s3:GetObject", bucket("contoso-forecasting-data", "raw/2026/11.csv")), then: "allowed" },
  { name: "allows a data scientist to read her own users/ prefix", given: aliceInForecasting, when: request("s3:GetObject", bucket(workspace, "users/alice/notebook.ipynb")), then: "allowed" },
  { name: "allows a data scientist to write her own users/ prefix", given: aliceInForecasting, when: request("s3:PutObject", bucket(workspace, "users/alice/model.pkl")), then: "allowed" },
  { name: "allows a data scientist to list her own users/ prefix", given: aliceInForecasting, when: request("s3:ListBucket", bucket(workspace), { "s3:prefix": "users/alice/" }), then: "allowed" },
  { name: "allows a data scientist to browse users/ one level deep", given: aliceInForecasting, when: request("s3:ListBucket", bucket(workspace), { "s3:prefix": "users/", "s3:delimiter": "/" }), then: "allowed" },
  { name: "allows an MLOps engineer to read his own users/ prefix", given: bobInForecasting, when: request("s3:GetObject", bucket(workspace, "users/bob/pipeline.py")), then: "allowed" },
  { name: "allows a recommendations data scientist her team's workspace", given: as("recommendations/data-scientist", studio("recommendations", "grace")), when: request("s3:PutObject", bucket("contoso-recommendations-workspace", "shared/ranking.parquet")), then: "allowed" },
  { name: "allows a member of two teams her own prefix in the other team's workspace, with that team's role", given: as("fraud/data-scientist", studio("fraud", "alice")), when: request("s3:GetObject", bucket("contoso-fraud-workspace", "users/alice/notebook.ipynb")), then: "allowed" },
  { name: "denies a data scientist another user's users/ prefix", given: aliceInForecasting, when: request("s3:GetObject", bucket(workspace, "users/bob/notes.ipynb")), then: "denied" },
  { name: "denies a data scientist writing into another user's users/ prefix", given: aliceInForecasting, when: request("s3:PutObject", bucket(workspace, "users/bob/notes.ipynb")), then: "denied" },
  { name: "denies a data scientist a users/ prefix that only starts with her name", given: aliceInForecasting, when: request("s3:GetObject", bucket(workspace, "users/alice-smith/notes.ipynb")), then: "denied" },
  { name: "denies a data scientist listing another user's users/ prefix", given: aliceInForecasting, when: request("s3:ListBucket", bucket(workspace), { "s3:prefix": "users/bob/" }), then: "denied" },
  { name: "denies a data scientist listing every key under users/ (no delimiter)", given: aliceInForecasting, when: request("s3:ListBucket", bucket(workspace), { "s3:prefix": "users/" }), then: "denied" },
  { name: "denies a data scientist listing the whole workspace recursively", given: aliceInForecasting, when: request("s3:ListBucket", bucket(workspace), { "s3:prefix": "" }), then: "denied" },
  { name: "denies a session without source identity every users/ prefix", given: as("forecasting/data-scientist"), when: request("s3:GetObject", bucket(workspace, "users/alice/notebook.ipynb")), then: "denied" },
  { name: "denies a data scientist another team's workspace", given: aliceInForecasting, when: request("s3:GetObject", bucket("contoso-recommendations-workspace", "shared/features.parquet")), then: "denied" },
  { name: "denies a data scientist listing another team's workspace", given: aliceInForecasting, when: request("s3:ListBucket", bucket("contoso-recommendations-workspace"), { "s3:prefix": "shared/" }), then: "denied" },
  { name: "denies a data scientist another team's data bucket", given: aliceInForecasting, when: request("s3:PutObject", bucket("contoso-fraud-transactions", "2026/11.csv")), then: "denied" },
  { name: "denies a data scientist her own prefix in another team's workspace, with this team's role", given: aliceInForecasting, when: request("s3:GetObject", bucket("contoso-fraud-workspace", "users/alice/notebook.ipynb")), then: "denied" },
  { name: "denies a recommendations data scientist the forecasting workspace", given: as("recommendations/data-scientist", studio("recommendations", "grace")), when: request("s3:GetObject", bucket(workspace, "shared/features.parquet")), then: "denied" },

  // The compute role runs everyone's jobs: team data and shared/, never the private prefixes.
  { name: "allows the compute role to read the workspace's shared/ prefix", given: forecastingCompute, when: request("s3:GetObject", bucket(workspace, "shared/train/part-0001.csv")), then: "allowed" },
  { name: "allows the compute role to list the workspace's shared/ prefix", given: forecastingCompute, when: request("s3:ListBucket", bucket(workspace), { "s3:prefix": "shared/train/" }), then: "allowed" },
  { name: "allows the compute role to write the team's data bucket", given: forecastingCompute, when: request("s3:PutObject", bucket("contoso-forecasting-data", "models/model.tar.gz")), then: "allowed" },
  { name: "denies the compute role reading a users/ prefix", given: forecastingCompute, when: request("s3:GetObject", bucket(workspace, "users/alice/notebook.ipynb"), { "aws:SourceIdentity": "alice" }), then: "denied" },
  { name: "denies the compute role writing a users/ prefix", given: forecastingCompute, when: request("s3:PutObject", bucket(workspace, "users/alice/notebook.ipynb")), then: "denied" },
  { name: "denies the compute role listing the users/ prefixes", given: forecastingCompute, when: request("s3:ListBucket", bucket(workspace), { "s3:prefix": "users/" }), then: "denied" },
  { name: "denies the compute role another team's data bucket", given: forecastingCompute, when: request("s3:GetObject", bucket("contoso-fraud-transactions", "2026/11.csv")), then: "denied" },

  // Instance types: contoso's data scientists get t3.medium, m5.large, m5.xlarge, g4dn.xlarge; MLOps the defaults.
  { name: "allows a data scientist a listed instance type for her own app", given: aliceInForecasting, when: request("sagemaker:CreateApp", appArn("forecasting", "alice"), instanceTypes("ml.t3.medium")), then: "allowed" },
  { name: 'allows a data scientist the "system" instance of the default app', given: aliceInForecasting, when: request("sagemaker:CreateApp", sagemakerArn(`app/${DOMAIN.forecasting}/alice/jupyterserver/default`), instanceTypes("system")), then: "allowed" },
  { name: "denies a data scientist a large GPU instance for her own app", given: aliceInForecasting, when: request("sagemaker:CreateApp", appArn("forecasting", "alice"), instanceTypes("ml.p4d.24xlarge")), then: "explicitly denied" },
  { name: "allows a data scientist a training job on a listed type, in the team network, with the team key", given: aliceInForecasting, when: request("sagemaker:CreateTrainingJob", trainingJob, instanceTypes("ml.m5.xlarge"), inTeamNetwork, withTeamKey, forForecasting), then: "allowed" },
  { name: "denies a data scientist a training job on a large GPU type", given: aliceInForecasting, when: request("sagemaker:CreateTrainingJob", trainingJob, instanceTypes("ml.p5.48xlarge"), inTeamNetwork, withTeamKey, forForecasting), then: "explicitly denied" },
  { name: "denies a data scientist a default type that the config's override leaves out", given: aliceInForecasting, when: request("sagemaker:CreateTrainingJob", trainingJob, instanceTypes("ml.c5.large"), inTeamNetwork, withTeamKey, forForecasting), then: "explicitly denied" },
  { name: "denies a data scientist a tuning job with one disallowed type among allowed ones", given: aliceInForecasting, when: request("sagemaker:CreateHyperParameterTuningJob", sagemakerArn("hyper-parameter-tuning-job/demand-hpo"), instanceTypes("ml.m5.large", "ml.p4d.24xlarge"), inTeamNetwork, withTeamKey, forForecasting), then: "explicitly denied" },
  { name: "allows an MLOps engineer an endpoint config on a default type with the team key", given: bobInForecasting, when: request("sagemaker:CreateEndpointConfig", endpointConfig, instanceTypes("ml.c5.large"), { "sagemaker:VolumeKmsKeyArn": KMS_KEY }, forForecasting, forecastingModel), then: "allowed" },
  { name: "denies an MLOps engineer an endpoint config on a large GPU type", given: bobInForecasting, when: request("sagemaker:CreateEndpointConfig", endpointConfig, instanceTypes("ml.p4d.24xlarge"), { "sagemaker:VolumeKmsKeyArn": KMS_KEY }, forForecasting, forecastingModel), then: "explicitly denied" },
  { name: "denies an MLOps engineer an endpoint config on a large Inferentia type", given: bobInForecasting, when: request("sagemaker:CreateEndpointConfig", endpointConfig, instanceTypes("ml.inf2.48xlarge"), { "sagemaker:VolumeKmsKeyArn": KMS_KEY }, forForecasting, forecastingModel), then: "explicitly denied" },

  // Network and key: jobs and models run in the configured subnets and security groups, with the configured key.
  { name: "denies a data scientist a training job outside any VPC", given: aliceInForecasting, when: request("sagemaker:CreateTrainingJob", trainingJob, instanceTypes("ml.m5.xlarge"), withTeamKey, forForecasting), then: "denied" },
  { name: "denies a data scientist a training job in a subnet outside the config", given: aliceInForecasting, when: request("sagemaker:CreateTrainingJob", trainingJob, instanceTypes("ml.m5.xlarge"), inTeamNetwork, { "sagemaker:VpcSubnets": [SUBNETS[0]!, FOREIGN_SUBNET] }, withTeamKey, forForecasting), then: "denied" },
  { name: "denies a data scientist a processing job in another security group", given: aliceInForecasting, when: request("sagemaker:CreateProcessingJob", sagemakerArn("processing-job/forecasting-features-2026-11"), instanceTypes("ml.m5.large"), inTeamNetwork, { "sagemaker:VpcSecurityGroupIds": ["sg-0fffffffffffffff0"] }, withTeamKey, forForecasting), then: "denied" },
  { name: "denies a data scientist a training job whose volume uses another key", given: aliceInForecasting, when: request("sagemaker:CreateTrainingJob", trainingJob, instanceTypes("ml.m5.xlarge"), inTeamNetwork, withTeamKey, { "sagemaker:VolumeKmsKeyArn": OTHER_KMS_KEY }, forForecasting), then: "denied" },
  { name: "denies a data scientist an AutoML job, whose instances no guardrail can hold", given: aliceInForecasting, when: request("sagemaker:CreateAutoMLJob", automlJob, inTeamNetwork, withTeamKey, forForecasting), then: "denied" },
  { name: "denies a data scientist a batch transform job whose output uses another key", given: aliceInForecasting, when: request("sagemaker:CreateTransformJob", sagemakerArn("transform-job/forecasting-demand-batch"), instanceTypes("ml.m5.large"), withTeamKey, { "sagemaker:OutputKmsKeyArn": OTHER_KMS_KEY }, forForecasting, forecastingModel), then: "denied" },
  { name: "denies an MLOps engineer an endpoint config encrypted with another key", given: bobInForecasting, when: request("sagemaker:CreateEndpointConfig", endpointConfig, instanceTypes("ml.c5.large"), { "sagemaker:VolumeKmsKeyArn": OTHER_KMS_KEY }, forForecasting, forecastingModel), then: "denied" },
  { name: "denies an MLOps engineer a model outside the team network", given: bobInForecasting, when: request("sagemaker:CreateModel", sagemakerArn("model/forecasting-demand-v3"), { "sagemaker:VpcSubnets": [FOREIGN_SUBNET], "sagemaker:VpcSecurityGroupIds": SECURITY_GROUPS }, forForecasting), then: "denied" },

  // Studio: one's own profile, one's own private spaces and the team's shared spaces, in one's own domain.
  { name: "allows a data scientist a presigned URL for her own profile", given: aliceInForecasting, when: request("sagemaker:CreatePresignedDomainUrl", profileArn("forecasting", "alice"), teamTagged("forecasting")), then: "allowed" },
  { name: "denies a data scientist a presigned URL for another profile", given: aliceInForecasting, when: request("sagemaker:CreatePresignedDomainUrl", profileArn("forecasting", "bob"), teamTagged("forecasting")), then: "denied" },
  { name: "denies a data scientist a presigned URL for her namesake profile in another domain", given: aliceInForecasting, when: request("sagemaker:CreatePresignedDomainUrl", profileArn("fraud", "alice"), teamTagged("fraud")), then: "denied" },
  { name: "allows a data scientist an app in her own private space", given: aliceInForecasting, when: request("sagemaker:CreateApp", appArn("forecasting", "alice-space"), instanceTypes("ml.t3.medium"), { "sagemaker:OwnerUserProfileArn": profileArn("forecasting", "alice"), "sagemaker:SpaceSharingType": "Private" }), then: "allowed" },
  { name: "allows a data scientist an app in a shared space of her domain", given: aliceInForecasting, when: request("sagemaker:CreateApp", appArn("forecasting", "team-space"), instanceTypes("ml.t3.medium"), { "sagemaker:SpaceSharingType": "Shared" }), then: "allowed" },
  { name: "denies a data scientist an app in another user's private space", given: aliceInForecasting, when: request("sagemaker:CreateApp", appArn("forecasting", "bob-space"), instanceTypes("ml.t3.medium"), { "sagemaker:OwnerUserProfileArn": profileArn("forecasting", "bob"), "sagemaker:SpaceSharingType": "Private" }), then: "denied" },
  { name: "denies a data scientist creating a space owned by another user", given: aliceInForecasting, when: request("sagemaker:CreateSpace", sagemakerArn(`space/${DOMAIN.forecasting}/bob-space`), { "sagemaker:OwnerUserProfileArn": profileArn("forecasting", "bob"), "sagemaker:SpaceSharingType": "Private" }), then: "denied" },
  { name: "denies a data scientist an app in a shared space of another domain", given: aliceInForecasting, when: request("sagemaker:CreateApp", appArn("recommendations", "team-space"), instanceTypes("ml.t3.medium"), { "sagemaker:SpaceSharingType": "Shared" }), then: "denied" },

  // Team isolation: what carries another team's tag is off limits.
  { name: "allows a data scientist to stop a training job of her own domain", given: aliceInForecasting, when: request("sagemaker:StopTrainingJob", trainingJob, teamTagged("forecasting")), then: "allowed" },
  { name: "denies a data scientist stopping a training job tagged with another team", given: aliceInForecasting, when: request("sagemaker:StopTrainingJob", sagemakerArn("training-job/ranking-2026-11"), teamTagged("recommendations")), then: "denied" },
  { name: "denies a data scientist deleting a model tagged with another team", given: aliceInForecasting, when: request("sagemaker:DeleteModel", sagemakerArn("model/ranking-v7"), teamTagged("recommendations")), then: "denied" },
  { name: "denies an MLOps engineer deleting an endpoint tagged with another team", given: bobInForecasting, when: request("sagemaker:DeleteEndpoint", sagemakerArn("endpoint/fraud-live"), teamTagged("fraud")), then: "denied" },
  { name: "denies a data scientist describing a space of another domain", given: aliceInForecasting, when: request("sagemaker:DescribeSpace", sagemakerArn(`space/${DOMAIN.recommendations}/team-space`)), then: "denied" },

  // The isolation issue's findings, one case each (the generated matrix tries every granted action).
  { name: "denies an MLOps engineer approving another team's model package", given: bobInForecasting, when: request("sagemaker:UpdateModelPackage", sagemakerArn("model-package/fraud-scoring/3"), teamTagged("fraud")), then: "denied" },
  { name: "denies an MLOps engineer adding a version to another team's model package group", given: bobInForecasting, when: request("sagemaker:CreateModelPackage", sagemakerArn("model-package/fraud-scoring/4")), then: "denied" },
  { name: "allows an MLOps engineer a version in his team's model package group", given: bobInForecasting, when: request("sagemaker:CreateModelPackage", sagemakerArn("model-package/forecasting-demand/4")), then: "allowed" },
  { name: "denies a data scientist describing an untagged training job (made by an admin or Terraform)", given: aliceInForecasting, when: request("sagemaker:DescribeTrainingJob", sagemakerArn("training-job/made-by-terraform")), then: "denied" },
  { name: "denies an MLOps engineer updating another team's pipeline", given: bobInForecasting, when: request("sagemaker:UpdatePipeline", sagemakerArn("pipeline/fraud-train"), teamTagged("fraud")), then: "denied" },
  { name: "denies an MLOps engineer stopping another team's pipeline execution", given: bobInForecasting, when: request("sagemaker:StopPipelineExecution", sagemakerArn("pipeline/fraud-train/execution/a1b2c3")), then: "denied" },
  { name: "allows an MLOps engineer to stop his team's pipeline execution", given: bobInForecasting, when: request("sagemaker:StopPipelineExecution", sagemakerArn("pipeline/forecasting-train/execution/a1b2c3")), then: "allowed" },
  { name: "denies an MLOps engineer a pipeline not named with his team key", given: bobInForecasting, when: request("sagemaker:CreatePipeline", sagemakerArn("pipeline/train"), forForecasting), then: "denied" },
  { name: "denies a data scientist Search across every team", given: aliceInForecasting, when: request("sagemaker:Search", "*"), then: "denied" },
  { name: "denies an MLOps engineer an endpoint from another team's endpoint config", given: bobInForecasting, when: request("sagemaker:CreateEndpoint", sagemakerArn("endpoint-config/fraud-live"), forForecasting, teamTagged("fraud")), then: "denied" },
  { name: "denies a data scientist a batch transform job with another team's model", given: aliceInForecasting, when: request("sagemaker:CreateTransformJob", sagemakerArn("transform-job/forecasting-demand-batch"), instanceTypes("ml.m5.large"), withTeamKey, forForecasting, { "sagemaker:ModelArn": sagemakerArn("model/fraud-scoring") }), then: "denied" },
  { name: "denies an MLOps engineer a monitoring schedule outside any VPC", given: bobInForecasting, when: request("sagemaker:CreateMonitoringSchedule", sagemakerArn("monitoring-schedule/forecasting-drift"), instanceTypes("ml.m5.large"), withTeamKey, forForecasting), then: "explicitly denied" },
  { name: "denies an MLOps engineer a monitoring schedule on a large GPU type", given: bobInForecasting, when: request("sagemaker:UpdateMonitoringSchedule", sagemakerArn("monitoring-schedule/forecasting-drift"), instanceTypes("ml.p4d.24xlarge"), inTeamNetwork, withTeamKey, teamTagged("forecasting")), then: "explicitly denied" },
  { name: "denies a data scientist a space whose instance type is outside her persona", given: aliceInForecasting, when: request("sagemaker:UpdateSpace", sagemakerArn(`space/${DOMAIN.forecasting}/alice-space`), instanceTypes("ml.p4d.24xlarge"), { "sagemaker:OwnerUserProfileArn": profileArn("forecasting", "alice"), "sagemaker:SpaceSharingType": "Private" }), then: "explicitly denied" },
  { name: "denies a data scientist a training job that names no instance type", given: aliceInForecasting, when: request("sagemaker:CreateTrainingJob", trainingJob, inTeamNetwork, withTeamKey, forForecasting), then: "explicitly denied" },
  { name: "denies a data scientist a training job tagged for another team", given: aliceInForecasting, when: request("sagemaker:CreateTrainingJob", trainingJob, instanceTypes("ml.m5.xlarge"), inTeamNetwork, withTeamKey, createdFor("fraud")), then: "denied" },
  { name: "denies a data scientist a training job without the team tag", given: aliceInForecasting, when: request("sagemaker:CreateTrainingJob", trainingJob, instanceTypes("ml.m5.xlarge"), inTeamNetwork, withTeamKey), then: "denied" },
  { name: "denies tagging what Studio creates with another domain's sagemaker:domain-arn", given: aliceInForecasting, when: request("sagemaker:AddTags", sagemakerArn(`space/${DOMAIN.forecasting}/alice-space`), { "sagemaker:TaggingAction": "CreateSpace", "aws:RequestTag/sagemaker:domain-arn": domainArn("fraud"), "aws:TagKeys": ["sagemaker:domain-arn"] }), then: "denied" },
  { name: "denies a data scientist tagging a space she makes as a colleague's, whose remote sessions would go to it", given: aliceInForecasting, when: request("sagemaker:AddTags", sagemakerArn(`space/${DOMAIN.forecasting}/alice-space`), { "sagemaker:TaggingAction": "CreateSpace", "aws:RequestTag/sagemaker:user-profile-arn": profileArn("forecasting", "bob"), "aws:TagKeys": ["sagemaker:user-profile-arn"] }), then: "denied" },
  { name: "denies a data scientist tagging a job she creates as a colleague's", given: aliceInForecasting, when: request("sagemaker:AddTags", trainingJob, { "sagemaker:TaggingAction": "CreateTrainingJob", "aws:RequestTag/sagemaker:user-profile-arn": profileArn("forecasting", "bob"), "aws:RequestTag/sagemaker-team": "forecasting", "aws:TagKeys": ["sagemaker-team", "sagemaker:user-profile-arn"] }), then: "denied" },
  { name: "allows tagging what Studio creates with her own domain's sagemaker:domain-arn", given: aliceInForecasting, when: request("sagemaker:AddTags", sagemakerArn(`space/${DOMAIN.forecasting}/alice-space`), { "sagemaker:TaggingAction": "CreateSpace", "aws:RequestTag/sagemaker:domain-arn": domainArn("forecasting"), "aws:TagKeys": ["sagemaker:domain-arn"] }), then: "allowed" },
  { name: "denies a data scientist an app in another user's private space named like her profile", given: aliceInForecasting, when: request("sagemaker:CreateApp", appArn("forecasting", "alice"), instanceTypes("ml.t3.medium"), { "sagemaker:OwnerUserProfileArn": profileArn("forecasting", "bob"), "sagemaker:SpaceSharingType": "Private" }), then: "denied" },
  { name: "denies a session without sagemaker:DomainId describing a space of its own domain (checked mode)", given: as("forecasting/data-scientist"), when: request("sagemaker:DescribeSpace", sagemakerArn(`space/${DOMAIN.forecasting}/alice-space`)), then: "denied" },
  { name: "allows the compute role a training job for its team, as a pipeline step starts it", given: forecastingCompute, when: request("sagemaker:CreateTrainingJob", trainingJob, instanceTypes("ml.m5.xlarge"), inTeamNetwork, withTeamKey, forForecasting), then: "allowed" },
  { name: "allows the compute role to register a model version for its team", given: forecastingCompute, when: request("sagemaker:CreateModelPackage", sagemakerArn("model-package/forecasting-demand/5"), pending), then: "allowed" },
  { name: "denies the compute role a training job for another team", given: forecastingCompute, when: request("sagemaker:CreateTrainingJob", trainingJob, instanceTypes("ml.m5.xlarge"), inTeamNetwork, withTeamKey, createdFor("fraud")), then: "denied" },

  // The team's own jobs cannot be turned against the team or its neighbours: what runs as the compute role, and who approves.
  { name: "allows a data scientist a processing job named for her team, in the team network, with the team key", given: aliceInForecasting, when: request("sagemaker:CreateProcessingJob", sagemakerArn("processing-job/forecasting-features-2026-11"), instanceTypes("ml.m5.large"), inTeamNetwork, withTeamKey, forForecasting), then: "allowed" },
  { name: "allows an MLOps engineer a pipeline named for his team", given: bobInForecasting, when: request("sagemaker:CreatePipeline", sagemakerArn("pipeline/forecasting-train"), forForecasting), then: "allowed" },
  { name: "allows an MLOps engineer to run his team's pipeline", given: bobInForecasting, when: request("sagemaker:StartPipelineExecution", sagemakerArn("pipeline/forecasting-train"), teamTagged("forecasting")), then: "allowed" },
  { name: "allows the compute role a processing step named for its team", given: forecastingCompute, when: request("sagemaker:CreateProcessingJob", sagemakerArn("processing-job/forecasting-features-a1b2c3"), instanceTypes("ml.m5.large"), inTeamNetwork, withTeamKey, forForecasting), then: "allowed" },
  { name: "denies the compute role a step named by the pipeline instead of the team", given: forecastingCompute, when: request("sagemaker:CreateTrainingJob", sagemakerArn("training-job/pipelines-a1b2c3d4e5f6-Train-Xy12Ab34Cd"), instanceTypes("ml.m5.xlarge"), inTeamNetwork, withTeamKey, forForecasting), then: "denied" },
  { name: "allows an MLOps engineer a model named for his team, as a deployment starts", given: bobInForecasting, when: request("sagemaker:CreateModel", sagemakerArn("model/forecasting-demand-v3"), inTeamNetwork, forForecasting), then: "allowed" },
  { name: "allows an MLOps engineer an endpoint named for his team from its config", given: bobInForecasting, when: request("sagemaker:CreateEndpoint", sagemakerArn("endpoint/forecasting-demand"), forForecasting), then: "allowed" },
  { name: "allows an MLOps engineer an endpoint whose config is his team's", given: bobInForecasting, when: request("sagemaker:CreateEndpoint", endpointConfig, forForecasting, teamTagged("forecasting")), then: "allowed" },
  { name: "denies an MLOps engineer an endpoint not named with his team key", given: bobInForecasting, when: request("sagemaker:CreateEndpoint", sagemakerArn("endpoint/demand"), forForecasting), then: "denied" },
  { name: "denies a data scientist a training job not named with her team key", given: aliceInForecasting, when: request("sagemaker:CreateTrainingJob", sagemakerArn("training-job/fraud-scoring-2026-11"), instanceTypes("ml.m5.xlarge"), inTeamNetwork, withTeamKey, forForecasting), then: "denied" },
  { name: "allows an MLOps engineer to approve a version of his team's model", given: bobInForecasting, when: request("sagemaker:UpdateModelPackage", sagemakerArn("model-package/forecasting-demand/4"), teamTagged("forecasting"), approved), then: "allowed" },
  { name: "allows an MLOps engineer to register a version already approved", given: bobInForecasting, when: request("sagemaker:CreateModelPackage", sagemakerArn("model-package/forecasting-demand/4"), approved), then: "allowed" },
  { name: "denies a data scientist approving a version of her team's model", given: aliceInForecasting, when: request("sagemaker:UpdateModelPackage", sagemakerArn("model-package/forecasting-demand/4"), teamTagged("forecasting"), approved), then: "denied" },
  { name: "denies a data scientist registering a version as approved", given: aliceInForecasting, when: request("sagemaker:CreateModelPackage", sagemakerArn("model-package/forecasting-demand/4"), approved), then: "denied" },
  { name: "allows a data scientist to register a version pending approval", given: aliceInForecasting, when: request("sagemaker:CreateModelPackage", sagemakerArn("model-package/forecasting-demand/4"), pending), then: "allowed" },
  { name: "allows a data scientist to update a version of her team's model without naming a status", given: aliceInForecasting, when: request("sagemaker:UpdateModelPackage", sagemakerArn("model-package/forecasting-demand/4"), teamTagged("forecasting")), then: "allowed" },
  { name: "denies the compute role registering a version as approved, as a pipeline step could", given: forecastingCompute, when: request("sagemaker:CreateModelPackage", sagemakerArn("model-package/forecasting-demand/5"), approved), then: "denied" },
  { name: "denies the compute role approving a version", given: forecastingCompute, when: request("sagemaker:UpdateModelPackage", sagemakerArn("model-package/forecasting-demand/5"), teamTagged("forecasting"), approved), then: "denied" },
  { name: "allows the compute role to log its team's training job", given: forecastingCompute, when: request("logs:PutLogEvents", logStream("/aws/sagemaker/TrainingJobs", "forecasting-demand-2026-11/algo-1-1764460800")), then: "allowed" },
  { name: "allows the compute role to log its team's endpoint", given: forecastingCompute, when: request("logs:CreateLogStream", logStream("/aws/sagemaker/Endpoints/forecasting-demand", "AllTraffic/i-0a1b2c3d4e5f60718")), then: "allowed" },
  { name: "denies the compute role writing into another team's training job log", given: forecastingCompute, when: request("logs:PutLogEvents", logStream("/aws/sagemaker/TrainingJobs", "fraud-scoring-2026-11/algo-1-1764460800")), then: "denied" },
  { name: "denies the compute role a log stream in another team's endpoint log group", given: forecastingCompute, when: request("logs:CreateLogStream", logStream("/aws/sagemaker/Endpoints/fraud-live", "AllTraffic/i-0a1b2c3d4e5f60718")), then: "denied" },
  { name: "denies the compute role writing into Studio's log group", given: forecastingCompute, when: request("logs:PutLogEvents", logStream("/aws/sagemaker/studio", `${DOMAIN.forecasting}/alice/jupyterlab/default`)), then: "denied" },
  { name: "allows the compute role to publish its training job's metrics", given: forecastingCompute, when: request("cloudwatch:PutMetricData", "*", { "cloudwatch:namespace": "/aws/sagemaker/TrainingJobs" }), then: "allowed" },
  { name: "denies the compute role publishing endpoint metrics, which drive autoscaling", given: forecastingCompute, when: request("cloudwatch:PutMetricData", "*", { "cloudwatch:namespace": "/aws/sagemaker/Endpoints" }), then: "denied" },
  { name: "allows the compute role a network interface in the team's subnet", given: forecastingCompute, when: request("ec2:CreateNetworkInterface", subnetArn(SUBNETS[0]!)), then: "allowed" },
  { name: "denies the compute role a network interface in another subnet", given: forecastingCompute, when: request("ec2:CreateNetworkInterface", subnetArn(FOREIGN_SUBNET)), then: "denied" },
  { name: "denies the compute role deleting a network interface of another subnet", given: forecastingCompute, when: request("ec2:DeleteNetworkInterface", `arn:aws:ec2:${REGION}:${ACCOUNT}:network-interface/eni-0a1b2c3d4e5f60718`, { "ec2:Subnet": subnetArn(FOREIGN_SUBNET) }), then: "denied" },
  { name: "allows the compute role to write its output under jobs/", given: forecastingCompute, when: request("s3:PutObject", bucket(workspace, "jobs/forecasting-demand-2026-11/output/model.tar.gz")), then: "allowed" },
  { name: "denies the compute role planting a notebook in the shared/ prefix", given: forecastingCompute, when: request("s3:PutObject", bucket(workspace, "shared/notebooks/report.ipynb")), then: "denied" },
  { name: "allows a data scientist to read a job's output under jobs/", given: aliceInForecasting, when: request("s3:GetObject", bucket(workspace, "jobs/forecasting-demand-2026-11/output/model.tar.gz")), then: "allowed" },
  { name: "allows the compute role the team key through S3 for the team's bucket", given: forecastingCompute, when: request("kms:Decrypt", KMS_KEY, viaS3For(bucket("contoso-forecasting-data", "raw/2026/11.csv"))), then: "allowed" },
  { name: "denies the compute role the team key through S3 for another team's bucket", given: forecastingCompute, when: request("kms:Decrypt", KMS_KEY, viaS3For(bucket("contoso-fraud-transactions", "2026/11.csv"))), then: "denied" },
  { name: "denies the compute role the team key called directly", given: forecastingCompute, when: request("kms:Decrypt", KMS_KEY), then: "denied" },
  { name: "denies the compute role overwriting team data under a foreign key", given: forecastingCompute, when: request("s3:PutObject", bucket("contoso-forecasting-data", "raw/2026/11.csv"), { "s3:x-amz-server-side-encryption-aws-kms-key-id": OTHER_KMS_KEY }), then: "explicitly denied" },
  { name: "denies a data scientist overwriting team data under a key of her own", given: aliceInForecasting, when: request("s3:PutObject", bucket("contoso-forecasting-data", "raw/2026/11.csv"), { "s3:x-amz-server-side-encryption-customer-algorithm": "AES256" }), then: "explicitly denied" },
  { name: "allows a data scientist to write team data under the team key", given: aliceInForecasting, when: request("s3:PutObject", bucket("contoso-forecasting-data", "raw/2026/11.csv"), { "s3:x-amz-server-side-encryption-aws-kms-key-id": KMS_KEY }), then: "allowed" },
  { name: "denies a data scientist a training job that mounts a file system the config does not list", given: aliceInForecasting, when: request("sagemaker:CreateTrainingJob", trainingJob, instanceTypes("ml.m5.xlarge"), inTeamNetwork, withTeamKey, forForecasting, { "sagemaker:FileSystemId": "fs-0a1b2c3d4e5f60718" }), then: "explicitly denied" },
  { name: "denies a data scientist remote debugging of a training job", given: aliceInForecasting, when: request("sagemaker:CreateTrainingJob", trainingJob, instanceTypes("ml.m5.xlarge"), inTeamNetwork, withTeamKey, forForecasting, { "sagemaker:EnableRemoteDebug": "true" }), then: "explicitly denied" },
  { name: "denies a data scientist turning on remote debugging of a running training job", given: aliceInForecasting, when: request("sagemaker:UpdateTrainingJob", trainingJob, teamTagged("forecasting"), { "sagemaker:EnableRemoteDebug": "true" }), then: "explicitly denied" },
  { name: "allows an MLOps engineer a monitoring schedule with its job definition inline", given: bobInForecasting, when: request("sagemaker:CreateMonitoringSchedule", sagemakerArn("monitoring-schedule/forecasting-drift"), instanceTypes("ml.m5.large"), inTeamNetwork, withTeamKey, forForecasting), then: "allowed" },
  { name: "denies an MLOps engineer a monitoring schedule that names a job definition", given: bobInForecasting, when: request("sagemaker:CreateMonitoringSchedule", sagemakerArn("monitoring-schedule/forecasting-drift"), forForecasting), then: "explicitly denied" },
  { name: "denies an MLOps engineer pointing his schedule at a job definition", given: bobInForecasting, when: request("sagemaker:UpdateMonitoringSchedule", sagemakerArn("monitoring-schedule/forecasting-drift"), teamTagged("forecasting")), then: "explicitly denied" },
  { name: "denies an MLOps engineer a monitoring job definition", given: bobInForecasting, when: request("sagemaker:CreateDataQualityJobDefinition", sagemakerArn("data-quality-job-definition/forecasting-drift"), instanceTypes("ml.m5.large"), inTeamNetwork, withTeamKey, forForecasting), then: "denied" },
  { name: "denies a data scientist the lineage artifacts of every team", given: aliceInForecasting, when: request("sagemaker:ListArtifacts", "*"), then: "denied" },

  // PassRole: only the team's compute role, only to SageMaker.
  { name: "allows a data scientist to pass her team's compute role to SageMaker", given: aliceInForecasting, when: request("iam:PassRole", role("forecasting/compute"), toSageMaker), then: "allowed" },
  { name: "allows an MLOps engineer to pass his team's compute role to SageMaker", given: bobInForecasting, when: request("iam:PassRole", role("forecasting/compute"), toSageMaker), then: "allowed" },
  { name: "allows a fraud MLOps engineer to pass the fraud compute role to SageMaker", given: as("fraud/mlops", studio("fraud", "judy")), when: request("iam:PassRole", role("fraud/compute"), toSageMaker), then: "allowed" },
  { name: "denies a data scientist passing another team's compute role", given: aliceInForecasting, when: request("iam:PassRole", role("recommendations/compute"), toSageMaker), then: "denied" },
  { name: "denies a fraud MLOps engineer passing the forecasting compute role", given: as("fraud/mlops", studio("fraud", "judy")), when: request("iam:PassRole", role("forecasting/compute"), toSageMaker), then: "denied" },
  { name: "denies a data scientist passing her own execution role", given: aliceInForecasting, when: request("iam:PassRole", role("forecasting/data-scientist"), toSageMaker), then: "denied" },
  { name: "denies a data scientist passing the compute role to another service", given: aliceInForecasting, when: request("iam:PassRole", role("forecasting/compute"), { "iam:PassedToService": "ec2.amazonaws.com" }), then: "denied" },
  { name: "allows the compute role to pass itself to SageMaker, for the jobs a pipeline starts", given: forecastingCompute, when: request("iam:PassRole", role("forecasting/compute"), toSageMaker), then: "allowed" },
  { name: "denies the compute role passing another team's compute role", given: forecastingCompute, when: request("iam:PassRole", role("fraud/compute"), toSageMaker), then: "denied" },
  { name: "denies the compute role passing a person's role", given: forecastingCompute, when: request("iam:PassRole", role("forecasting/data-scientist"), toSageMaker), then: "denied" },

  // Final review, as a person inside one team would try: other team, other user, shared space, forged tag, no context.
  { name: "denies the forecasting compute role stopping a fraud training job", given: forecastingCompute, when: request("sagemaker:StopTrainingJob", trainingJob, teamTagged("fraud")), then: "denied" },
  { name: "denies a data scientist re-tagging another team's model as her own", given: aliceInForecasting, when: request("sagemaker:AddTags", sagemakerArn("model/fraud-scoring"), teamTagged("fraud"), forForecasting), then: "denied" },
  { name: "denies a data scientist opening Studio as another user of her own domain", given: aliceInForecasting, when: request("sagemaker:CreatePresignedDomainUrl", profileArn("forecasting", "bob")), then: "denied" },
  { name: "denies the shared-space role passing the team's compute role", given: as("forecasting/shared-space"), when: request("iam:PassRole", role("forecasting/compute"), toSageMaker), then: "denied" },
  { name: "denies the shared-space role reading a user's private prefix", given: as("forecasting/shared-space", { "aws:SourceIdentity": "alice" }), when: request("s3:GetObject", bucket(workspace, "users/alice/notebook.ipynb")), then: "denied" },
  { name: "denies a session without Studio context opening any profile", given: as("forecasting/data-scientist"), when: request("sagemaker:CreatePresignedDomainUrl", profileArn("forecasting", "alice")), then: "denied" },
];

describe("execution-role policies synthesized for contoso, evaluated by iam-simulate", () => {
  let policies: Record<string, PolicyJson>;
  let roleArns: Record<string, string>;
  let roleTags: Record<string, Record<string, string>>;

  beforeAll(() => {
    const stack = synthJson(loadExample("contoso"));
    policies = Object.fromEntries(executionRolePolicies(stack).map((policy) => [policy.key, policy.document]));
    roleArns = executionRoleArns(stack);
    roleTags = executionRoleTags(stack);
  });

  const resolve = (target: string) => (target.startsWith("role:") ? roleArns[target.slice("role:".length)]! : target);

  test.each(ROLE_CASES)("$name", async ({ given, when, then }) => {
    expect(Object.keys(policies)).toContain(given.role);
    const result = await evaluate(
      simulation(roleArns[given.role]!, policies[given.role]!, [], {
        ...when,
        resource: resolve(when.resource),
        context: { ...principalTeam(roleTags[given.role]!["sagemaker-team"]!), ...given.session, ...when.context },
      }),
    );
    expect(outcome(result, then)).toBe(then);
  });
});

interface GuardCase {
  readonly name: string;
  /** GIVEN this principal, holding full access (a stand-in: the SCP is under test) or its own synthesized policy. */
  readonly given:
    | { readonly principalArn: string; readonly identity: "full access" }
    | { readonly role: string; readonly session: Context };
  /** WHEN it makes this request in the account the console guard is attached to. */
  readonly when: Request;
  /** THEN */
  readonly then: Outcome;
}

const SSO_ROLES = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com`;
const EXECUTION_PATH = "/sagemaker-studio/contoso-ext/";
const fullAccess = (principalArn: string) => ({ principalArn, identity: "full access" as const });
const otherSsoRole = fullAccess(`${SSO_ROLES}/${REGION}/AWSReservedSSO_Other_abc`);
const openAlicesStudio = request("sagemaker:CreatePresignedDomainUrl", profileArn("forecasting", "alice"));
const changeDomain = request("sagemaker:UpdateDomain", domainArn("forecasting"));

// prettier-ignore
const GUARD_CASES: GuardCase[] = [
  { name: "denies a non-admin SSO role a presigned Studio URL", given: otherSsoRole, when: openAlicesStudio, then: "explicitly denied" },
  { name: "denies a non-admin SSO role changing a domain", given: otherSsoRole, when: changeDomain, then: "explicitly denied" },
  { name: "denies a non-admin SSO role changing a user profile", given: otherSsoRole, when: request("sagemaker:UpdateUserProfile", profileArn("forecasting", "alice")), then: "explicitly denied" },
  { name: "denies the SSO role of a permission set whose name only starts with the admin set's", given: fullAccess(`${SSO_ROLES}/${REGION}/AWSReservedSSO_contoso-ext-admin-readonly_0f1e2d3c4b5a6978`), when: openAlicesStudio, then: "explicitly denied" },
  { name: "denies the SSO role of a permission set named like the admin set plus an underscore suffix", given: fullAccess(`${SSO_ROLES}/${REGION}/AWSReservedSSO_contoso-ext-admin_readonly_0f1e2d3c4b5a6978`), when: openAlicesStudio, then: "explicitly denied" },
  { name: "denies an IAM admin creating a role under the execution-role path, which the guard exempts", given: fullAccess(`arn:aws:iam::${ACCOUNT}:role/developer`), when: request("iam:CreateRole", `arn:aws:iam::${ACCOUNT}:role${EXECUTION_PATH}backdoor`), then: "explicitly denied" },
  { name: "denies an IAM admin retagging an execution role into another team", given: fullAccess(`arn:aws:iam::${ACCOUNT}:role/developer`), when: request("iam:TagRole", `arn:aws:iam::${ACCOUNT}:role${EXECUTION_PATH}contoso-ext-forecasting-data-scientist`), then: "explicitly denied" },
  { name: "denies the admin permission set changing a persona's managed policy", given: fullAccess(`${SSO_ROLES}/${REGION}/AWSReservedSSO_contoso-ext-admin_0f1e2d3c4b5a6978`), when: request("iam:CreatePolicyVersion", `arn:aws:iam::${ACCOUNT}:policy${EXECUTION_PATH}contoso-ext-mlops-1`), then: "explicitly denied" },
  { name: "denies an execution role changing its own inline policy", given: fullAccess(`arn:aws:iam::${ACCOUNT}:role${EXECUTION_PATH}contoso-ext-forecasting-data-scientist`), when: request("iam:PutRolePolicy", `arn:aws:iam::${ACCOUNT}:role${EXECUTION_PATH}contoso-ext-forecasting-data-scientist`), then: "explicitly denied" },
  { name: "allows the deployer role to create a role under the execution-role path", given: fullAccess(`arn:aws:iam::${ACCOUNT}:role/platform-terraform`), when: request("iam:CreateRole", `arn:aws:iam::${ACCOUNT}:role${EXECUTION_PATH}contoso-ext-vision-compute`), then: "allowed" },
  { name: "allows an IAM admin a role outside the execution-role path", given: fullAccess(`arn:aws:iam::${ACCOUNT}:role/developer`), when: request("iam:CreateRole", `arn:aws:iam::${ACCOUNT}:role/app/service-role`), then: "allowed" },
  { name: "denies an ordinary IAM role of the account", given: fullAccess(`arn:aws:iam::${ACCOUNT}:role/developer`), when: openAlicesStudio, then: "explicitly denied" },
  { name: "denies a role under another stack's execution-role path", given: fullAccess(`arn:aws:iam::${ACCOUNT}:role/sagemaker-studio/other-stack/other-stack-team-compute`), when: openAlicesStudio, then: "explicitly denied" },
  { name: "allows the admin permission set's SSO role to open Studio", given: fullAccess(`${SSO_ROLES}/${REGION}/AWSReservedSSO_contoso-ext-admin_0f1e2d3c4b5a6978`), when: openAlicesStudio, then: "allowed" },
  { name: "allows the admin permission set's SSO role without a region segment to change a domain", given: fullAccess(`${SSO_ROLES}/AWSReservedSSO_contoso-ext-admin_0f1e2d3c4b5a6978`), when: changeDomain, then: "allowed" },
  { name: "allows the deployer role to change a domain", given: fullAccess(`arn:aws:iam::${ACCOUNT}:role/platform-terraform`), when: changeDomain, then: "allowed" },
  { name: "allows an execution role (Studio) a presigned URL for its own profile", given: as("forecasting/data-scientist", studio("forecasting", "alice")), when: openAlicesStudio, then: "allowed" },
  { name: "denies an execution role a presigned URL for another profile, though the SCP exempts it", given: as("forecasting/data-scientist", studio("forecasting", "bob")), when: openAlicesStudio, then: "denied" },
];

describe("console guard SCP synthesized for contoso-external, evaluated by iam-simulate", () => {
  let stack: SynthesizedStack;
  let scps: PolicyJson[];
  let policies: Record<string, PolicyJson>;
  let roleArns: Record<string, string>;
  let roleTags: Record<string, Record<string, string>>;

  beforeAll(() => {
    stack = synthJson(loadExample("contoso-external"));
    scps = serviceControlPolicies(stack).map((policy) => policy.document);
    policies = Object.fromEntries(executionRolePolicies(stack).map((policy) => [policy.key, policy.document]));
    roleArns = executionRoleArns(stack);
    roleTags = executionRoleTags(stack);
  });

  test("GIVEN the example WHEN synthesized THEN the execution roles are under the path the guard cases assume", () => {
    expect(resource(stack, "aws_iam_role").block.path).toBe(EXECUTION_PATH);
  });

  test("GIVEN the example WHEN synthesized THEN the admin permission set has the name the guard cases assume", () => {
    expect(resource(stack, "aws_ssoadmin_permission_set").block.name).toBe("contoso-ext-admin");
  });

  test.each(GUARD_CASES)("$name", async ({ given, when, then }) => {
    const result = await evaluate(
      "role" in given
        ? simulation(roleArns[given.role]!, policies[given.role]!, scps, {
            ...when,
            context: { ...principalTeam(roleTags[given.role]!["sagemaker-team"]!), ...given.session, ...when.context },
          })
        : simulation(given.principalArn, FULL_ACCESS, scps, when),
    );
    expect(outcome(result, then)).toBe(then);
  });

  test("GIVEN a non-admin SSO role with full access WHEN the guard is left out THEN it is allowed, so the SCP is what denies", async () => {
    expect(await evaluate(simulation(otherSsoRole.principalArn, FULL_ACCESS, [], openAlicesStudio))).toBe("Allowed");
  });
});

// iam-simulate evaluates the documents it is given and ships no AWS managed policies, so the admins'
// AmazonSageMakerFullAccess cannot be simulated offline: these assert what is attached, and to whom, instead.
describe("admin permission set of contoso", () => {
  let stack: SynthesizedStack;

  beforeAll(() => {
    stack = synthJson(loadExample("contoso"));
  });

  test("GIVEN the admin permission set WHEN synthesized THEN AmazonSageMakerFullAccess is attached to it", () => {
    const permissionSet = resource(stack, "aws_ssoadmin_permission_set");
    const attachment = resource(stack, "aws_ssoadmin_managed_policy_attachment").block;
    expect(permissionSet.block.name).toBe("contoso-ml-admin");
    expect(attachment.managed_policy_arn).toBe("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess");
    expect(attachment.permission_set_arn).toBe(`\${${permissionSet.address}.arn}`);
  });

  test("GIVEN the admin permission set WHEN synthesized THEN only the admin group gets it, on the account", () => {
    const assignments = Object.values(stack.resource["aws_ssoadmin_account_assignment"] ?? {});
    expect(assignments).toHaveLength(1);
    expect(assignments[0]).toMatchObject({
      for_each: { "identity-center": ACCOUNT },
      principal_type: "GROUP",
      target_id: "${each.value}",
      target_type: "AWS_ACCOUNT",
    });
    expect(assignments[0].principal_id).toBe('${local.identity_center_group_ids["admins"]}');
    expect(stack.locals.identity_center_group_ids).toContain('"admins":"sagemaker-admins"');
  });

  test("GIVEN the execution roles WHEN synthesized THEN the only policies attached are their own persona's (simulated above)", () => {
    const attachments = Object.values<any>(stack.resource["aws_iam_role_policy_attachment"] ?? {});
    expect(attachments).toHaveLength(1);
    for (const { role, policy } of Object.values<{ role: string; policy: string }>(attachments[0].for_each))
      expect(policy.split("/")[0]).toBe(role.split("/")[1]);
    expect(attachments[0].policy_arn).toMatch(/^\$\{aws_iam_policy\.[A-Za-z0-9_]+\[each\.value\.policy\]\.arn\}$/);
    expect(stack.resource["aws_iam_role_policy_attachments_exclusive"]).toBeUndefined();
  });
});
