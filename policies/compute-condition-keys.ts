export type GuardrailKey =
  | "sagemaker:InstanceTypes"
  | "sagemaker:VpcSubnets"
  | "sagemaker:VpcSecurityGroupIds"
  | "sagemaker:VolumeKmsKeyArn"
  | "sagemaker:OutputKmsKeyArn";

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
  CreateTrainingJob: ["InstanceTypes", "VpcSubnets", "VpcSecurityGroupIds", "VolumeKmsKeyArn", "OutputKmsKeyArn"],
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
  UpdateTrainingJob: ["InstanceTypes"],
  UpdateUserProfile: ["InstanceTypes", "VpcSecurityGroupIds"],
};

export const GUARDRAIL_KEYS: readonly GuardrailKey[] = [
  "sagemaker:InstanceTypes",
  "sagemaker:VpcSubnets",
  "sagemaker:VpcSecurityGroupIds",
  "sagemaker:VolumeKmsKeyArn",
  "sagemaker:OutputKmsKeyArn",
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
  UpdateMonitoringSchedule: "an update may keep the schedule's cluster as it is",
  CreateEndpointConfig: "serverless endpoints run on no instance type of the caller's choice",
};
