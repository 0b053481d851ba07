import { sagemaker, sagemakerArn, type PolicyContext, type PolicyStatement } from "../document";
import { passComputeRole } from "./pass-compute-role";

/** Manage Pipelines: SageMaker Pipelines and their executions. */
export function managePipelines(context: PolicyContext): PolicyStatement[] {
  return [
    {
      Sid: "ManagePipelines",
      Effect: "Allow",
      Action: sagemaker(
        "CreatePipeline",
        "UpdatePipeline",
        "StartPipelineExecution",
        "StopPipelineExecution",
        "RetryPipelineExecution",
        "UpdatePipelineExecution",
        "SendPipelineExecutionStepSuccess",
        "SendPipelineExecutionStepFailure",
        "DescribePipeline",
        "DescribePipelineExecution",
        "DescribePipelineDefinitionForExecution",
        "DeletePipeline",
        "ListPipelineExecutions",
        "ListPipelineExecutionSteps",
        "ListPipelineParametersForExecution",
      ),
      Resource: sagemakerArn(context, "*"),
    },
    {
      Sid: "ListPipelines",
      Effect: "Allow",
      Action: sagemaker("ListPipelines"),
      Resource: "*",
    },
    passComputeRole(context),
  ];
}
