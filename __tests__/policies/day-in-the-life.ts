import { runUnsafeSimulation } from "@cloud-copilot/iam-simulate";
import type { ActivityKey } from "../../policies/activities";
import { configValue, type SdkConfig } from "../sdk-configs";
import { domainOf, type World } from "./matrix-world";
import { carriedContext, simulation, statementsFor, type Context } from "./simulator";
import type { PolicyJson } from "./synthesized-policies";

/*
 * A day in the life of each Studio persona: the API requests Studio and the SageMaker Python SDK (v2) make for a
 * persona's ordinary work, in order, with the parameters and context keys those requests carry once the SDK reads
 * the config its lifecycle config wrote. The shapes come from the SDK's source (`session.py`: `train`, `process`,
 * `create_tuning_job`, `create_model`, `endpoint_from_production_variants`, `create_model_package_from_containers`;
 * `workflow/pipeline.py`: `upsert`, `start`; `experiments/run.py`; `model_monitor`) and the SageMaker API reference
 * (which request fields IAM sees as which condition keys), never from the policies.
 *
 * Every value a create carries that the isolation model asks for (tags, network, keys, role, bucket, name prefix) is
 * read from the SDK config, falling back to what the SDK does without one: no tags, no VPC, no key, the Studio
 * session's own execution role (`get_execution_role()`), the SDK's default bucket `sagemaker-<region>-<account>`,
 * names from the image (`xgboost-2026-...`). So a config without the defaults makes the journey fail.
 */

export interface Call {
  /** What the person does, as a notebook or Studio's UI would say it. */
  readonly step: string;
  /** The session (the persona's role in Studio) or a job, pipeline step or endpoint (the team's compute role). */
  readonly as: "session" | "compute";
  readonly action: string;
  readonly resource: string;
  readonly context: Context;
}

export interface Journey {
  readonly roleKey: string;
  readonly computeRoleKey: string;
  readonly profile: string;
  readonly calls: readonly Call[];
}

/** When the SDK names a job: `name_from_base` appends a timestamp to the base name. */
const STAMP = "2026-12-07-09-30-00-123";
/** The SDK's short form, for tuning jobs (32 characters in all). */
const SHORT_STAMP = "261207-0930";
const TO_SAGEMAKER: Context = { "iam:PassedToService": "sagemaker.amazonaws.com" };

/** A request's tags as IAM sees them on create: one `aws:RequestTag/<key>` each, and their keys. */
function requestTags(tags: readonly { Key: string; Value: string }[] | undefined): Context {
  if (tags === undefined || tags.length === 0) return {};
  return {
    ...Object.fromEntries(tags.map((tag) => [`aws:RequestTag/${tag.Key}`, tag.Value])),
    "aws:TagKeys": tags.map((tag) => tag.Key),
  };
}

/** What a resource created with these tags carries afterwards, as IAM sees it on every later request. */
function resourceTags(tags: readonly { Key: string; Value: string }[] | undefined): Context {
  return Object.fromEntries((tags ?? []).map((tag) => [`aws:ResourceTag/${tag.Key}`, tag.Value]));
}

function vpcKeys(vpc: { Subnets?: string[]; SecurityGroupIds?: string[] } | undefined): Context {
  if (vpc === undefined) return {};
  return {
    ...(vpc.Subnets ? { "sagemaker:VpcSubnets": vpc.Subnets } : {}),
    ...(vpc.SecurityGroupIds ? { "sagemaker:VpcSecurityGroupIds": vpc.SecurityGroupIds } : {}),
  };
}

const keyed = (name: string, key: string | undefined): Context => (key === undefined ? {} : { [name]: key });

/** The lifecycle config an app starts with: the script reads the settings a day-2 edit changes from its tags. */
export interface StartingLifecycleConfig {
  readonly arn: string;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * The journey of one Studio persona's role of one team, with the SDK config its apps start with and the lifecycle
 * config that writes it (none: the app starts without one).
 */
export function journeyOf(
  world: World,
  roleKey: string,
  sdk: SdkConfig,
  profile: string,
  lifecycleConfig?: StartingLifecycleConfig,
): Journey {
  const caller = world.who(roleKey);
  const team = caller.team;
  const config = world.config;
  const computeRoleKey = config.teams[team]!.computeRoleKey;
  const does = (activity: ActivityKey) => caller.activities.has(activity);
  const arn = (service: string, resource: string) =>
    `arn:aws:${service}:${world.regionOf(team)}:${world.accountOf(team)}:${resource}`;
  const sm = (resource: string) => arn("sagemaker", resource);
  const domain = domainOf(team);
  const profileArn = sm(`user-profile/${domain}/${profile}`);
  const instanceType = caller.instanceTypes.find((type) => type !== "system")!;
  const instances: Context = { "sagemaker:InstanceTypes": [instanceType] };

  // What the SDK reads from its config, or does without it.
  const value = (path: string) => configValue(sdk, `SageMaker.${path}`);
  const prefix: string = sdk.CustomParameters?.NamePrefix ?? "";
  const ownRole = world.roleArns[roleKey]!;
  const roleFor = (path: string): string => value(path) ?? ownRole;
  const bucket: string =
    value("PythonSDK.Modules.Session.DefaultS3Bucket") ?? `sagemaker-${world.regionOf(team)}-${world.accountOf(team)}`;
  const keyPrefix: string = value("PythonSDK.Modules.Session.DefaultS3ObjectKeyPrefix") ?? "";
  const object = (key: string) => `arn:aws:s3:::${bucket}/${keyPrefix === "" ? "" : `${keyPrefix}/`}${key}`;
  const tagsOf = (path: string) => value(`${path}.Tags`) as { Key: string; Value: string }[] | undefined;
  // What a training or processing job's request carries besides its tags: instance, network and keys.
  const trainingKeys: Context = {
    ...instances,
    ...vpcKeys(value("TrainingJob.VpcConfig")),
    ...keyed("sagemaker:VolumeKmsKeyArn", value("TrainingJob.ResourceConfig.VolumeKmsKeyId")),
    ...keyed("sagemaker:OutputKmsKeyArn", value("TrainingJob.OutputDataConfig.KmsKeyId")),
  };
  const processingKeys: Context = {
    ...instances,
    ...vpcKeys(value("ProcessingJob.NetworkConfig.VpcConfig")),
    ...keyed("sagemaker:VolumeKmsKeyArn", value("ProcessingJob.ProcessingResources.ClusterConfig.VolumeKmsKeyId")),
    ...keyed("sagemaker:OutputKmsKeyArn", value("ProcessingJob.ProcessingOutputConfig.KmsKeyId")),
  };
  const passRole = (step: string, role: string, as: Call["as"] = "session"): Call => ({
    step,
    as,
    action: "iam:PassRole",
    resource: role,
    context: TO_SAGEMAKER,
  });
  // SageMaker tags a resource on create through AddTags, which IAM authorizes separately (`sagemaker:TaggingAction`).
  const tagOnCreate = (step: string, create: string, resource: string, tags: Context, as: Call["as"] = "session") =>
    Object.keys(tags).length === 0
      ? []
      : [{ step, as, action: "sagemaker:AddTags", resource, context: { "sagemaker:TaggingAction": create, ...tags } }];
  const calls: Call[] = [];
  const add = (...more: Call[]) => calls.push(...more);
  const session = (step: string, action: string, resource: string, context: Context = {}): Call => ({
    step,
    as: "session",
    action,
    resource,
    context,
  });
  const compute = (step: string, action: string, resource: string, context: Context = {}): Call => ({
    step,
    as: "compute",
    action,
    resource,
    context,
  });

  if (does("run-studio-applications")) {
    // Opening Studio, then a private JupyterLab space and its app (the app's start runs the lifecycle config).
    const space = `${profile}-jupyterlab`;
    const spaceArn = sm(`space/${domain}/${space}`);
    const appArn = sm(`app/${domain}/${space}/jupyterlab/default`);
    const privateSpace = { "sagemaker:OwnerUserProfileArn": profileArn, "sagemaker:SpaceSharingType": "Private" };
    // Studio tags what it creates with the domain and the owner profile.
    const studioTags = requestTags([
      { Key: "sagemaker:domain-arn", Value: sm(`domain/${domain}`) },
      { Key: "sagemaker:user-profile-arn", Value: profileArn },
    ]);
    add(
      session("open Studio", "sagemaker:DescribeDomain", sm(`domain/${domain}`)),
      session("open Studio", "sagemaker:DescribeUserProfile", profileArn),
      session("open Studio", "sagemaker:ListSpaces", "*"),
      session("open Studio", "sagemaker:ListApps", "*"),
      session("create a private space", "sagemaker:CreateSpace", spaceArn, privateSpace),
      ...tagOnCreate("create a private space", "CreateSpace", spaceArn, studioTags),
      session("create a private space", "sagemaker:DescribeSpace", spaceArn),
      session("start JupyterLab", "sagemaker:CreateApp", appArn, { ...privateSpace, ...instances }),
      ...tagOnCreate("start JupyterLab", "CreateApp", appArn, studioTags),
      ...(lifecycleConfig === undefined
        ? []
        : [
            session(
              "start JupyterLab: the lifecycle script reads the workspace bucket and security groups",
              "sagemaker:ListTags",
              lifecycleConfig.arn,
              resourceTags(Object.entries(lifecycleConfig.tags).map(([Key, Value]) => ({ Key, Value }))),
            ),
          ]),
      session("start JupyterLab", "sagemaker:DescribeApp", appArn),
    );
  }

  if (does("manage-ml-jobs")) {
    // Estimator(...).fit(): upload the code, create the job (role, network, keys, tags from the config), follow it.
    const trainingTags = tagsOf("TrainingJob");
    const job = `${prefix}xgboost-${STAMP}`;
    const jobArn = sm(`training-job/${job}`);
    const role = roleFor("TrainingJob.RoleArn");
    add(
      session("train: upload the code", "s3:PutObject", object(`${job}/source/sourcedir.tar.gz`)),
      passRole("train", role),
      session("train", "sagemaker:CreateTrainingJob", jobArn, { ...trainingKeys, ...requestTags(trainingTags) }),
      ...tagOnCreate("train", "CreateTrainingJob", jobArn, requestTags(trainingTags)),
      session("train: wait", "sagemaker:DescribeTrainingJob", jobArn, resourceTags(trainingTags)),
      // fit(logs="All"), the default: the job's streams, found by its name, then read.
      session("train: print the logs", "logs:DescribeLogStreams", arn("logs", "log-group:/aws/sagemaker/TrainingJobs")),
      session(
        "train: print the logs",
        "logs:GetLogEvents",
        arn("logs", `log-group:/aws/sagemaker/TrainingJobs:log-stream:${job}/algo-1-1765099800`),
      ),
      compute("train: the job reads its code", "s3:GetObject", object(`${job}/source/sourcedir.tar.gz`)),
      compute("train: the job writes the model", "s3:PutObject", object(`${job}/output/model.tar.gz`)),
      compute(
        "train: the job logs",
        "logs:PutLogEvents",
        arn("logs", `log-group:/aws/sagemaker/TrainingJobs:log-stream:${job}/algo-1-1765099800`),
      ),
    );
    const subnets = value("TrainingJob.VpcConfig.Subnets") as string[] | undefined;
    if (subnets)
      add(compute("train: the job joins the VPC", "ec2:CreateNetworkInterface", arn("ec2", `subnet/${subnets[0]}`)));

    // Processor.run(): the same for a processing job, with its own config section.
    const processingTags = tagsOf("ProcessingJob");
    const processing = `${prefix}features-${STAMP}`;
    const processingArn = sm(`processing-job/${processing}`);
    add(
      session("process: upload the script", "s3:PutObject", object(`${processing}/input/code/features.py`)),
      passRole("process", roleFor("ProcessingJob.RoleArn")),
      session("process", "sagemaker:CreateProcessingJob", processingArn, {
        ...processingKeys,
        ...requestTags(processingTags),
      }),
      ...tagOnCreate("process", "CreateProcessingJob", processingArn, requestTags(processingTags)),
      session("process: wait", "sagemaker:DescribeProcessingJob", processingArn, resourceTags(processingTags)),
      session(
        "process: print the logs",
        "logs:DescribeLogStreams",
        arn("logs", "log-group:/aws/sagemaker/ProcessingJobs"),
      ),
      session(
        "process: print the logs",
        "logs:GetLogEvents",
        arn("logs", `log-group:/aws/sagemaker/ProcessingJobs:log-stream:${processing}/algo-1-1765099800`),
      ),
    );

    // HyperparameterTuner(estimator, ...).fit(): the estimator's training job settings, a short name.
    const tuning = `${prefix}xgb-${SHORT_STAMP}`;
    const tuningArn = sm(`hyper-parameter-tuning-job/${tuning}`);
    add(
      session("tune: upload the code", "s3:PutObject", object(`${tuning}/source/sourcedir.tar.gz`)),
      passRole("tune", role),
      session("tune", "sagemaker:CreateHyperParameterTuningJob", tuningArn, {
        ...trainingKeys,
        ...requestTags(trainingTags),
      }),
      ...tagOnCreate("tune", "CreateHyperParameterTuningJob", tuningArn, requestTags(trainingTags)),
      session("tune: wait", "sagemaker:DescribeHyperParameterTuningJob", tuningArn, resourceTags(trainingTags)),
      session(
        "tune: best job",
        "sagemaker:ListTrainingJobsForHyperParameterTuningJob",
        tuningArn,
        resourceTags(trainingTags),
      ),
    );
  }

  if (does("manage-experiments")) {
    // with Run(experiment_name=..., tags=...): the Run takes no tags from the config, so the notebook passes the
    // training job's (docs/threat-model.md, "What this asks of users").
    const tags = tagsOf("TrainingJob");
    const experiment = sm(`experiment/${prefix}demand`);
    const trial = sm(`experiment-trial/${prefix}demand-trial-1`);
    const component = sm(`experiment-trial-component/${prefix}demand-run-1`);
    const runTags = requestTags([...(tags ?? []), { Key: "sagemaker:trial-component-source", Value: "run" }]);
    add(
      session("track: the experiment", "sagemaker:CreateExperiment", experiment, requestTags(tags)),
      ...tagOnCreate("track: the experiment", "CreateExperiment", experiment, requestTags(tags)),
      session("track: the trial", "sagemaker:CreateTrial", trial, requestTags(tags)),
      ...tagOnCreate("track: the trial", "CreateTrial", trial, requestTags(tags)),
      session("track: the trial", "sagemaker:CreateTrial", experiment, resourceTags(tags)),
      session("track: the run", "sagemaker:CreateTrialComponent", component, tags ? runTags : {}),
      ...tagOnCreate("track: the run", "CreateTrialComponent", component, tags ? runTags : {}),
      session("track: the run", "sagemaker:AssociateTrialComponent", component, resourceTags(tags)),
      session("track: the run", "sagemaker:AssociateTrialComponent", trial, resourceTags(tags)),
      session("track: log parameters", "sagemaker:UpdateTrialComponent", component, resourceTags(tags)),
      session("track: log metrics", "sagemaker:BatchPutMetrics", component, resourceTags(tags)),
      session("track: read back", "sagemaker:DescribeTrialComponent", component, resourceTags(tags)),
    );
  }

  if (does("manage-models")) {
    // model.register(model_package_group_name=...): the SDK looks the group up and, if it is missing, creates it
    // without tags; the notebook creates it first with the model's tags. The version takes the group's tags.
    const modelTags = tagsOf("Model");
    const group = `${prefix}demand`;
    const groupArn = sm(`model-package-group/${group}`);
    const version = sm(`model-package/${group}/1`);
    add(
      session("register: find the group", "sagemaker:ListModelPackageGroups", "*"),
      session("register: create the group", "sagemaker:CreateModelPackageGroup", groupArn, requestTags(modelTags)),
      ...tagOnCreate("register: create the group", "CreateModelPackageGroup", groupArn, requestTags(modelTags)),
      session("register a version", "sagemaker:CreateModelPackage", version),
      session("register: read it back", "sagemaker:DescribeModelPackage", version, resourceTags(modelTags)),
      session("register: list versions", "sagemaker:ListModelPackages", "*"),
    );
    if (does("approve-models"))
      add(
        session("approve the version", "sagemaker:UpdateModelPackage", version, {
          ...resourceTags(modelTags),
          "sagemaker:ModelApprovalStatus": "Approved",
        }),
      );
  }

  const model = `${prefix}demand-${STAMP}`;
  const modelArn = sm(`model/${model}`);
  if (does("manage-endpoints") && does("manage-models")) {
    // ModelPackage(...).deploy(endpoint_name=...): a model (the role and network of the config), an endpoint
    // config (its key) and the endpoint, all tagged.
    const modelTags = tagsOf("Model");
    const configTags = tagsOf("EndpointConfig");
    const endpointTags = tagsOf("Endpoint");
    const endpointConfigArn = sm(`endpoint-config/${prefix}demand`);
    const endpointArn = sm(`endpoint/${prefix}demand`);
    add(
      passRole("deploy: the model", roleFor("Model.ExecutionRoleArn")),
      session("deploy: the model", "sagemaker:CreateModel", modelArn, {
        ...vpcKeys(value("Model.VpcConfig")),
        ...requestTags(modelTags),
      }),
      ...tagOnCreate("deploy: the model", "CreateModel", modelArn, requestTags(modelTags)),
      session("deploy: the endpoint config", "sagemaker:CreateEndpointConfig", endpointConfigArn, {
        ...instances,
        "sagemaker:ModelArn": modelArn,
        ...keyed("sagemaker:VolumeKmsKeyArn", value("EndpointConfig.KmsKeyId")),
        ...requestTags(configTags),
      }),
      ...tagOnCreate("deploy: the endpoint config", "CreateEndpointConfig", endpointConfigArn, requestTags(configTags)),
      session("deploy: the endpoint", "sagemaker:CreateEndpoint", endpointArn, requestTags(endpointTags)),
      session("deploy: the endpoint", "sagemaker:CreateEndpoint", endpointConfigArn, resourceTags(configTags)),
      ...tagOnCreate("deploy: the endpoint", "CreateEndpoint", endpointArn, requestTags(endpointTags)),
      session("deploy: wait", "sagemaker:DescribeEndpoint", endpointArn, resourceTags(endpointTags)),
      compute(
        "deploy: the endpoint logs",
        "logs:PutLogEvents",
        arn("logs", `log-group:/aws/sagemaker/Endpoints/${prefix}demand:log-stream:AllTraffic/i-0123456789abcdef0`),
      ),
    );
  }

  if (does("manage-pipelines")) {
    // Pipeline(...).upsert() and .start(): the pipeline runs as the config's role; with
    // PipelineDefinitionConfig(use_custom_job_prefix=True) its steps' jobs keep their base job names.
    const pipelineTags = tagsOf("Pipeline");
    const pipeline = `${prefix}train`;
    const pipelineArn = sm(`pipeline/${pipeline}`);
    const execution = sm(`pipeline/${pipeline}/execution/a1b2c3d4e5f6`);
    add(
      session("pipeline: upload the definition", "s3:PutObject", object(`${pipeline}/definition.json`)),
      passRole("pipeline: upsert", roleFor("Pipeline.RoleArn")),
      session("pipeline: upsert", "sagemaker:CreatePipeline", pipelineArn, requestTags(pipelineTags)),
      ...tagOnCreate("pipeline: upsert", "CreatePipeline", pipelineArn, requestTags(pipelineTags)),
      session("pipeline: describe", "sagemaker:DescribePipeline", pipelineArn, resourceTags(pipelineTags)),
      session("pipeline: start", "sagemaker:StartPipelineExecution", pipelineArn, resourceTags(pipelineTags)),
      session("pipeline: follow", "sagemaker:DescribePipelineExecution", execution),
      session("pipeline: follow", "sagemaker:ListPipelineExecutionSteps", execution),
    );
    // The steps, as the pipeline's role: the jobs the notebook defined, with the settings the SDK put in them.
    const trainingTags = tagsOf("TrainingJob");
    const processingTags = tagsOf("ProcessingJob");
    const stepJob = sm(`training-job/${prefix}xgboost-${SHORT_STAMP}-a1b2c3`);
    const stepProcessing = sm(`processing-job/${prefix}features-${SHORT_STAMP}-d4e5f6`);
    const stepModel = sm(`model/${prefix}demand-a1b2c3`);
    add(
      passRole("pipeline step: process", roleFor("ProcessingJob.RoleArn"), "compute"),
      compute("pipeline step: process", "sagemaker:CreateProcessingJob", stepProcessing, {
        ...processingKeys,
        ...requestTags(processingTags),
      }),
      ...tagOnCreate(
        "pipeline step: process",
        "CreateProcessingJob",
        stepProcessing,
        requestTags(processingTags),
        "compute",
      ),
      compute(
        "pipeline step: process",
        "sagemaker:DescribeProcessingJob",
        stepProcessing,
        resourceTags(processingTags),
      ),
      passRole("pipeline step: train", roleFor("TrainingJob.RoleArn"), "compute"),
      compute("pipeline step: train", "sagemaker:CreateTrainingJob", stepJob, {
        ...trainingKeys,
        ...requestTags(trainingTags),
      }),
      ...tagOnCreate("pipeline step: train", "CreateTrainingJob", stepJob, requestTags(trainingTags), "compute"),
      compute("pipeline step: train", "sagemaker:DescribeTrainingJob", stepJob, resourceTags(trainingTags)),
      compute("pipeline step: model", "sagemaker:CreateModel", stepModel, {
        ...vpcKeys(value("Model.VpcConfig")),
        ...requestTags(tagsOf("Model")),
      }),
      ...tagOnCreate("pipeline step: model", "CreateModel", stepModel, requestTags(tagsOf("Model")), "compute"),
      compute("pipeline step: register", "sagemaker:CreateModelPackage", sm(`model-package/${prefix}demand/2`), {
        "sagemaker:ModelApprovalStatus": "PendingManualApproval",
      }),
    );
  }

  if (does("manage-model-monitoring")) {
    // DefaultModelMonitor(...).create_monitoring_schedule(): the job definition inline, from the config's section.
    const tags = tagsOf("MonitoringSchedule");
    const definition = "MonitoringSchedule.MonitoringScheduleConfig.MonitoringJobDefinition";
    const schedule = sm(`monitoring-schedule/${prefix}demand-drift`);
    add(
      passRole("monitor", roleFor(`${definition}.RoleArn`)),
      session("monitor", "sagemaker:CreateMonitoringSchedule", schedule, {
        ...instances,
        ...vpcKeys(value(`${definition}.NetworkConfig.VpcConfig`)),
        ...keyed("sagemaker:VolumeKmsKeyArn", value(`${definition}.MonitoringResources.ClusterConfig.VolumeKmsKeyId`)),
        ...keyed("sagemaker:OutputKmsKeyArn", value(`${definition}.MonitoringOutputConfig.KmsKeyId`)),
        ...requestTags(tags),
      }),
      ...tagOnCreate("monitor", "CreateMonitoringSchedule", schedule, requestTags(tags)),
      session("monitor: follow", "sagemaker:DescribeMonitoringSchedule", schedule, resourceTags(tags)),
    );
  }

  return { roleKey, computeRoleKey, profile, calls };
}

/** One call's decision: the session's role or the compute role, with its policies and the account's guards. */
export async function decideCall(world: World, journey: Journey, scps: PolicyJson[], call: Call) {
  const roleKey = call.as === "session" ? journey.roleKey : journey.computeRoleKey;
  const caller = world.who(roleKey);
  const principal: Context = {
    "aws:PrincipalTag/sagemaker-team": caller.team,
    "aws:SourceIdentity": journey.profile,
    ...(call.as === "session"
      ? { "sagemaker:DomainId": domainOf(caller.team), "sagemaker:UserProfileName": journey.profile }
      : {}),
  };
  const context = await carriedContext(call.action, call.resource, { ...principal, ...call.context });
  const request = { action: call.action, resource: call.resource, context };
  const run = simulation(world.roleArns[roleKey]!, statementsFor(world.policies[roleKey]!, call.action), scps, request);
  return runUnsafeSimulation(run, {});
}

/**
 * Requests the SDK or Studio make by default that no SDK default can make pass, each with what the notebook does
 * instead. They are refused today; the suite asserts it, so a policy change that allows one moves it into the
 * journey above.
 */
export function knownRefusals(world: World, journey: Journey): { readonly workaround: string; readonly call: Call }[] {
  const team = world.who(journey.roleKey).team;
  const arn = (service: string, resource: string) =>
    `arn:aws:${service}:${world.regionOf(team)}:${world.accountOf(team)}:${resource}`;
  return [
    {
      workaround: "create the group first with the team tag (model.register does not tag a group it creates)",
      call: {
        step: "register: model.register() into a new group, which the SDK creates untagged",
        as: "session",
        action: "sagemaker:CreateModelPackageGroup",
        resource: arn("sagemaker", `model-package-group/${team}-churn`),
        context: {},
      },
    },
  ];
}
