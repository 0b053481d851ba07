import type { AccountContext, PolicyStatement } from "../document";
import { createsForOwnTeam, listings, onOwnTeamResources, teamNamed } from "../team-boundary";

/** What each job type is created as. Batch transform also names a model, which must be one of the team's. */
const JOB_CREATES = {
  CreateTrainingJob: "training-job/*",
  CreateProcessingJob: "processing-job/*",
  CreateHyperParameterTuningJob: "hyper-parameter-tuning-job/*",
  CreateAutoMLJob: "automl-job/*",
  CreateTransformJob: "transform-job/*",
};

/** Following and stopping the team's jobs: what a person does in Studio, and what a pipeline polls. */
export const JOB_CONTROL = [
  "StopTrainingJob",
  "StopProcessingJob",
  "StopHyperParameterTuningJob",
  "StopTransformJob",
  "StopAutoMLJob",
  "DescribeTrainingJob",
  "DescribeProcessingJob",
  "DescribeHyperParameterTuningJob",
  "DescribeTransformJob",
  "DescribeAutoMLJob",
];

/**
 * Creating jobs for the caller's team. IAM cannot see the tags of the model a transform job runs (only its ARN), so
 * models are named with the team key (enforced on CreateModel) and the transform job must name such a model.
 */
export function createTeamJobs(context: AccountContext): PolicyStatement[] {
  return createsForOwnTeam(context, JOB_CREATES, {
    CreateTransformJob: { ArnLike: { "sagemaker:ModelArn": teamNamed(context, "model") } },
  });
}

/** Manage ML Jobs: training, processing, tuning, AutoML and batch transform jobs of the caller's team. */
export function manageMlJobs(context: AccountContext): PolicyStatement[] {
  return [
    ...createTeamJobs(context),
    onOwnTeamResources(
      "ManageOwnTeamJobs",
      [...JOB_CONTROL, "UpdateTrainingJob", "BatchGetMetrics", "ListTrainingJobsForHyperParameterTuningJob"],
      context,
    ),
    listings("ListJobs", [
      "ListTrainingJobs",
      "ListProcessingJobs",
      "ListHyperParameterTuningJobs",
      "ListTransformJobs",
      "ListAutoMLJobs",
    ]),
  ];
}
