/**
 * Every SageMaker action that accepts each guardrail condition key, as the IAM action catalogue lists them
 * (the Service Authorization Reference). The guardrails deny on the granted actions found here, so an action added
 * to an activity is covered the moment it accepts a key; `__tests__/policies/guardrail-coverage.test.ts` compares
 * this table with the catalogue and fails on any difference.
 */
export const ACTIONS_ACCEPTING: Readonly<Record<GuardrailKey, readonly string[]>> = {
  "sagemaker:InstanceTypes": [
    "CreateApp",
    "CreateCluster",
    "CreateDataQualityJobDefinition",
    "CreateDomain",
    "CreateEndpointConfig",
    "CreateHyperParameterTuningJob",
    "CreateModelBiasJobDefinition",
    "CreateModelExplainabilityJobDefinition",
    "CreateModelQualityJobDefinition",
    "CreateMonitoringSchedule",
    "CreateNotebookInstance",
    "CreateProcessingJob",
    "CreateSpace",
    "CreateTrainingJob",
    "CreateTransformJob",
    "CreateUserProfile",
    "UpdateCluster",
    "UpdateDomain",
    "UpdateMonitoringSchedule",
    "UpdateNotebookInstance",
    "UpdateSpace",
    "UpdateTrainingJob",
    "UpdateUserProfile",
  ],
  "sagemaker:VpcSubnets": [
    "CreateAutoMLJob",
    "CreateAutoMLJobV2",
    "CreateCluster",
    "CreateDataQualityJobDefinition",
    "CreateDomain",
    "CreateEndpointConfig",
    "CreateHyperParameterTuningJob",
    "CreateJob",
    "CreateModel",
    "CreateModelBiasJobDefinition",
    "CreateModelExplainabilityJobDefinition",
    "CreateModelQualityJobDefinition",
    "CreateMonitoringSchedule",
    "CreateNotebookInstance",
    "CreateProcessingJob",
    "CreateTrainingJob",
    "UpdateCluster",
    "UpdateDomain",
    "UpdateMonitoringSchedule",
  ],
  "sagemaker:VpcSecurityGroupIds": [
    "CreateAutoMLJob",
    "CreateAutoMLJobV2",
    "CreateCluster",
    "CreateDataQualityJobDefinition",
    "CreateDomain",
    "CreateEndpointConfig",
    "CreateHyperParameterTuningJob",
    "CreateJob",
    "CreateModel",
    "CreateModelBiasJobDefinition",
    "CreateModelExplainabilityJobDefinition",
    "CreateModelQualityJobDefinition",
    "CreateMonitoringSchedule",
    "CreateNotebookInstance",
    "CreateProcessingJob",
    "CreateTrainingJob",
    "CreateUserProfile",
    "UpdateCluster",
    "UpdateDomain",
    "UpdateMonitoringSchedule",
    "UpdateUserProfile",
  ],
  "sagemaker:VolumeKmsKeyArn": [
    "CreateAutoMLJob",
    "CreateAutoMLJobV2",
    "CreateDataQualityJobDefinition",
    "CreateDomain",
    "CreateEndpointConfig",
    "CreateHyperParameterTuningJob",
    "CreateLabelingJob",
    "CreateModelBiasJobDefinition",
    "CreateModelExplainabilityJobDefinition",
    "CreateModelQualityJobDefinition",
    "CreateMonitoringSchedule",
    "CreateNotebookInstance",
    "CreateProcessingJob",
    "CreateTrainingJob",
    "CreateTransformJob",
    "UpdateMonitoringSchedule",
  ],
  "sagemaker:OutputKmsKeyArn": [
    "CreateAutoMLJob",
    "CreateAutoMLJobV2",
    "CreateDataQualityJobDefinition",
    "CreateHyperParameterTuningJob",
    "CreateJob",
    "CreateLabelingJob",
    "CreateModelBiasJobDefinition",
    "CreateModelExplainabilityJobDefinition",
    "CreateModelQualityJobDefinition",
    "CreateMonitoringSchedule",
    "CreateProcessingJob",
    "CreateTrainingJob",
    "CreateTransformJob",
    "UpdateMonitoringSchedule",
  ],
};

export type GuardrailKey =
  | "sagemaker:InstanceTypes"
  | "sagemaker:VpcSubnets"
  | "sagemaker:VpcSecurityGroupIds"
  | "sagemaker:VolumeKmsKeyArn"
  | "sagemaker:OutputKmsKeyArn";

/**
 * Actions that accept the VPC keys but whose requests may rightly carry none: an endpoint config runs in its
 * model's network (CreateModel is held to the VPC), so it is held to the team's subnets only when it names some.
 */
export const VPC_OPTIONAL: Readonly<Record<string, string>> = {
  CreateEndpointConfig: "runs in the network of its model, and CreateModel must name the team's subnets",
};
