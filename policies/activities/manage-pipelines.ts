import { sagemaker, type AccountContext, type PolicyStatement } from "../document";
import { createsForOwnTeam, listings, onOwnTeamResources, teamNamed } from "../team-boundary";

/**
 * Manage Pipelines: SageMaker Pipelines of the caller's team. A pipeline execution has no tags of its own, so
 * pipelines are named with the team key (enforced on CreatePipeline) and executions are reached by that name.
 */
export function managePipelines(context: AccountContext): PolicyStatement[] {
  return [
    ...createsForOwnTeam(context, { CreatePipeline: teamNamed(context, "pipeline") }),
    onOwnTeamResources(
      "ManageOwnTeamPipelines",
      ["UpdatePipeline", "StartPipelineExecution", "DescribePipeline", "DeletePipeline", "ListPipelineExecutions"],
      context,
    ),
    {
      Sid: "OwnTeamPipelineExecutions",
      Effect: "Allow",
      Action: sagemaker(
        "StopPipelineExecution",
        "RetryPipelineExecution",
        "UpdatePipelineExecution",
        "SendPipelineExecutionStepSuccess",
        "SendPipelineExecutionStepFailure",
        "DescribePipelineExecution",
        "DescribePipelineDefinitionForExecution",
        "ListPipelineExecutionSteps",
        "ListPipelineParametersForExecution",
      ),
      Resource: teamNamed(context, "pipeline", "/execution/*"),
    },
    listings("ListPipelines", ["ListPipelines"]),
  ];
}
