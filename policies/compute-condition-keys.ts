export type GuardrailKey =
  | "sagemaker:InstanceTypes"
  | "sagemaker:VpcSubnets"
  | "sagemaker:VpcSecurityGroupIds"
  | "sagemaker:VolumeKmsKeyArn"
  | "sagemaker:OutputKmsKeyArn"
  | "sagemaker:FileSystemId"
  | "sagemaker:EnableRemoteDebug";

type KeyName = GuardrailKey extends `sagemaker:${infer Name}` ? Name : never;

/**
 * Every SageMaker action that accepts one of the guardrail condition keys, with the keys it accepts, as the IAM
 * action catalogue (the Service Authorization Reference) lists them. The guardrails deny on the granted actions
 * found here, so an action added to an activity is covered the moment it accepts a key;
 * `__tests__/policies/guardrail-coverage.test.ts` compares this table with the catalogue and fails on any difference.
 */
const KEYS_OF_ACTION: Readonly<Record<string, readonly KeyName[]>> = {
  CreateApp: ["InstanceTypes"],
  CreateAutoMLJob: ["VpcSubnets", "VpcSecurityGroupIds", "VolumeKmsKeyArn", "OutputKmsKeyArn"],
  CreateAutoMLJobV2: ["VpcSubnets", "VpcSecurityGroupIds", "VolumeKmsKeyArn", "OutputKmsKeyArn"],
  CreateCluster: ["InstanceTypes", "VpcSubnets", "VpcSecurityGroupIds"],
  CreateDataQualityJobDefinition: [
    "InstanceTypes",
    "VpcSubnets",
    "VpcSecurityGroupIds",
    "VolumeKmsKeyArn",
    "OutputKmsKeyArn",
  ],
  CreateDomain: ["InstanceTypes", "VpcSubnets", "VpcSecurityGroupIds", "VolumeKmsKeyArn"],
  CreateEndpointConfig: ["InstanceTypes", "VpcSubnets", "VpcSecurityGroupIds", "VolumeKmsKeyArn"],
  CreateHyperParameterTuningJob: [
    "InstanceTypes",
    "VpcSubnets",
    "VpcSecurityGroupIds",
    "VolumeKmsKeyArn",
    "OutputKmsKeyArn",
    "FileSystemId",
  ],
  CreateJob: ["VpcSubnets", "VpcSecurityGroupIds", "OutputKmsKeyArn"],
  CreateLabelingJob: ["VolumeKmsKeyArn", "OutputKmsKeyArn"],
  CreateModel: ["VpcSubnets", "VpcSecurityGroupIds"],
  CreateModelBiasJobDefinition: [
    "InstanceTypes",
    "VpcSubnets",
    "VpcSecurityGroupIds",
    "VolumeKmsKeyArn",
    "OutputKmsKeyArn",
  ],
  CreateModelExplainabilityJobDefinition: [
    "InstanceTypes",
    "VpcSubnets",
    "VpcSecurityGroupIds",
    "VolumeKmsKeyArn",
    "OutputKmsKeyArn",
  ],
  CreateModelQualityJobDefinition: [
    "InstanceTypes",
    "VpcSubnets",
    "VpcSecurityGroupIds",
    "VolumeKmsKeyArn",
    "OutputKmsKeyArn",
  ],
  CreateMonitoringSchedule: [
    "InstanceTypes",
    "VpcSubnets",
    "VpcSecurityGroupIds",
    "VolumeKmsKeyArn",
    "OutputKmsKeyArn",
  ],
  CreateNotebookInstance: ["InstanceTypes", "VpcSubnets", "VpcSecurityGroupIds", "VolumeKmsKeyArn"],
  CreateProcessingJob: ["InstanceTypes", "VpcSubnets", "VpcSecurityGroupIds", "VolumeKmsKeyArn", "OutputKmsKeyArn"],
  CreateSpace: ["InstanceTypes"],
  CreateTrainingJob: [
    "InstanceTypes",
    "VpcSubnets",
    "VpcSecurityGroupIds",
    "VolumeKmsKeyArn",
    "OutputKmsKeyArn",
    "FileSystemId",
    "EnableRemoteDebug",
  ],
  CreateTransformJob: ["InstanceTypes", "VolumeKmsKeyArn", "OutputKmsKeyArn"],
  CreateUserProfile: ["InstanceTypes", "VpcSecurityGroupIds"],
  UpdateCluster: ["InstanceTypes", "VpcSubnets", "VpcSecurityGroupIds"],
  UpdateDomain: ["InstanceTypes", "VpcSubnets", "VpcSecurityGroupIds"],
  UpdateMonitoringSchedule: [
    "InstanceTypes",
    "VpcSubnets",
    "VpcSecurityGroupIds",
    "VolumeKmsKeyArn",
    "OutputKmsKeyArn",
  ],
  UpdateNotebookInstance: ["InstanceTypes"],
  UpdateSpace: ["InstanceTypes"],
  UpdateTrainingJob: ["InstanceTypes", "EnableRemoteDebug"],
  UpdateUserProfile: ["InstanceTypes", "VpcSecurityGroupIds"],
};

export const GUARDRAIL_KEYS: readonly GuardrailKey[] = [
  "sagemaker:InstanceTypes",
  "sagemaker:VpcSubnets",
  "sagemaker:VpcSecurityGroupIds",
  "sagemaker:VolumeKmsKeyArn",
  "sagemaker:OutputKmsKeyArn",
  "sagemaker:FileSystemId",
  "sagemaker:EnableRemoteDebug",
];

/** The actions that accept a key, from the table above. */
export function actionsAccepting(key: GuardrailKey): string[] {
  const name = key.slice("sagemaker:".length) as KeyName;
  return Object.keys(KEYS_OF_ACTION).filter((action) => KEYS_OF_ACTION[action]!.includes(name));
}

/**
 * Actions that accept the VPC keys but whose requests may rightly carry none: an endpoint config runs in its
 * model's network (CreateModel is held to the VPC), so it is held to the team's subnets only when it names some.
 */
export const VPC_OPTIONAL: Readonly<Record<string, string>> = {
  CreateEndpointConfig: "runs in the network of its model, and CreateModel must name the team's subnets",
};

/**
 * Actions that accept `sagemaker:InstanceTypes` but whose requests may rightly name no instance type: they then
 * start nothing new, or what an admin or the resource already set. Every other granted action that accepts the key
 * is denied without it.
 */
export const INSTANCE_TYPE_OPTIONAL: Readonly<Record<string, string>> = {
  CreateApp: "without a resource spec the app runs on the domain's default, which the admins set",
  CreateSpace: "without a resource spec the space's apps get the domain's default, which the admins set",
  UpdateSpace: "an update may leave the instance type as it is",
  UpdateTrainingJob: "an update may change only the profiler or warm pool, not the instance",
  CreateEndpointConfig: "serverless endpoints run on no instance type of the caller's choice",
};

/**
 * Granted actions that start or scale compute although they accept no `sagemaker:InstanceTypes`: why each is
 * granted, and what holds its cost instead. `__tests__/policies/guardrail-coverage.test.ts` derives the granted
 * compute-starting actions from the IAM catalogue and fails on one that is neither held by the key nor listed here.
 */
export const COMPUTE_WITHOUT_INSTANCE_TYPE: Readonly<Record<string, { reason: string; costControl: string }>> = {
  CreateEndpoint: {
    reason: "runs an endpoint config, which names the instances",
    costControl: "the config's instance types were held at CreateEndpointConfig; the config must be the team's",
  },
  UpdateEndpoint: {
    reason: "switches an endpoint to another config",
    costControl: "the new config's instance types were held at CreateEndpointConfig; it must be the team's",
  },
  UpdateEndpointWeightsAndCapacities: {
    reason: "scales a variant of the team's endpoint, which MLOps must be able to do under load",
    costControl:
      "the instance type stays the config's, held at CreateEndpointConfig; IAM has no key for the count, so the account's SageMaker instance quotas cap it",
  },
  StartPipelineExecution: {
    reason: "runs the pipeline's steps as the team's compute role",
    costControl: "every job a step creates is held by the compute role's own instance-type guardrail",
  },
  RetryPipelineExecution: {
    reason: "runs a failed step of the team's pipeline again as the compute role",
    costControl: "every job a step creates is held by the compute role's own instance-type guardrail",
  },
  SendPipelineExecutionStepSuccess: {
    reason: "lets the team's pipeline go on after a callback step",
    costControl: "every job a later step creates is held by the compute role's own instance-type guardrail",
  },
  SendPipelineExecutionStepFailure: {
    reason: "ends a callback step of the team's pipeline; retries or later steps may follow",
    costControl: "every job a step creates is held by the compute role's own instance-type guardrail",
  },
  CreatePipeline: {
    reason: "defines steps that start jobs; starts nothing itself",
    costControl: "every job a step creates is held by the compute role's own instance-type guardrail",
  },
  UpdatePipeline: {
    reason: "changes the team's pipeline's steps; starts nothing itself",
    costControl: "every job a step creates is held by the compute role's own instance-type guardrail",
  },
  UpdatePipelineExecution: {
    reason: "changes how many steps of a running execution run at once",
    costControl: "every job a step creates is held by the compute role's own instance-type guardrail",
  },
  CreateModel: {
    reason: "defines a model (it accepts the VPC keys, which hold it); runs nothing itself",
    costControl: "it runs only through an endpoint config or a transform job, whose instance types are held",
  },
  StartMonitoringSchedule: {
    reason: "resumes a schedule of the team's",
    costControl:
      "the schedule's job definition is inline and was held at CreateMonitoringSchedule or UpdateMonitoringSchedule",
  },
};

/**
 * Compute-starting actions the ML activities of SageMaker Role Manager include and this product does not grant,
 * and why; the guardrail coverage test fails if a persona is granted one.
 */
export const COMPUTE_NOT_GRANTED: Readonly<Record<string, string>> = {
  CreateAutoMLJob:
    "AutoML chooses and starts its own instances (no instance-type key), and the jobs it starts are named and tagged by SageMaker, so their logs and results cannot be bound to the team",
  CreateAutoMLJobV2: "as CreateAutoMLJob",
  CreateDataQualityJobDefinition:
    "a monitoring schedule names its job definition, which IAM cannot see: a schedule could run another team's definition as that team's compute role; schedules carry their definition inline instead, where the role is passed and the guardrails see it",
  CreateModelQualityJobDefinition: "as CreateDataQualityJobDefinition",
  CreateModelBiasJobDefinition: "as CreateDataQualityJobDefinition",
  CreateModelExplainabilityJobDefinition: "as CreateDataQualityJobDefinition",
};
