import { sagemaker, sagemakerArn, type AccountContext, type PolicyStatement } from "../document";

/** Manage Pipelines: SageMaker Pipelines and their executions. */
export function managePipelines(context: AccountContext): PolicyStatement[] {
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
  ];
}
