import { sagemaker, sagemakerArn, type AccountContext, type PolicyStatement } from "./document";

/** Actions that start compute, and so carry `sagemaker:InstanceTypes`. */
export const INSTANCE_TYPE_ACTIONS = sagemaker(
  "CreateApp",
  "CreateTrainingJob",
  "CreateProcessingJob",
  "CreateHyperParameterTuningJob",
  "CreateTransformJob",
  "CreateEndpointConfig",
);

/**
 * Deny any instance type outside the persona's list. `system` stays allowed: Studio's default app uses it.
 */
export function denyOtherInstanceTypes(instanceTypes: readonly string[]): PolicyStatement {
  return {
    Sid: "DenyInstanceTypesOutsidePersona",
    Effect: "Deny",
    Action: INSTANCE_TYPE_ACTIONS,
    Resource: "*",
    Condition: { "ForAnyValue:StringNotLike": { "sagemaker:InstanceTypes": [...instanceTypes, "system"] } },
  };
}

/** Actions on Studio and ML resources that a person must not take in another team's domain. */
export const DOMAIN_SCOPED_ACTIONS = sagemaker(
  "DescribeApp",
  "DeleteApp",
  "DescribeSpace",
  "UpdateSpace",
  "DeleteSpace",
  "DescribeUserProfile",
  "CreatePresignedDomainUrl",
  "StopTrainingJob",
  "StopProcessingJob",
  "StopHyperParameterTuningJob",
  "StopTransformJob",
  "DeleteModel",
  "DeleteEndpoint",
  "UpdateEndpoint",
  "DeleteEndpointConfig",
  "DeletePipeline",
  "StartPipelineExecution",
  "DeleteExperiment",
  "DeleteMonitoringSchedule",
);

/**
 * Studio tags what it creates with `sagemaker:domain-arn`; a person may not touch resources tagged with
 * another domain than the one their session runs in.
 */
export function denyOtherDomains(context: AccountContext): PolicyStatement {
  return {
    Sid: "DenyResourcesOfOtherDomains",
    Effect: "Deny",
    Action: DOMAIN_SCOPED_ACTIONS,
    Resource: "*",
    Condition: {
      StringNotLike: { "aws:ResourceTag/sagemaker:domain-arn": sagemakerArn(context, "domain/${sagemaker:DomainId}") },
      Null: { "aws:ResourceTag/sagemaker:domain-arn": "false" },
    },
  };
}

/** Execution roles are assumed by SageMaker only, which sets the user profile name as source identity. */
export function sagemakerTrustPolicy(): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "sagemaker.amazonaws.com" },
        Action: ["sts:AssumeRole", "sts:SetSourceIdentity"],
      },
    ],
  });
}
