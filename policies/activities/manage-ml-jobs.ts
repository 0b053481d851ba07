import type { AccountContext, PolicyStatement } from "../document";
import { JOB_LOG_GROUPS, logGroupArn, ownTeamJobStreams } from "../job-logs";
import { createsForOwnTeam, listings, onOwnTeamResources, teamNamed } from "../team-boundary";

/**
 * The job types a team creates, each named `<team>-...`: SageMaker names the job's log streams after it, so the name
 * is what binds a job's logs to its team. A tuning job's training jobs are named after it.
 */
const JOB_TYPES = {
  CreateTrainingJob: "training-job",
  CreateProcessingJob: "processing-job",
  CreateHyperParameterTuningJob: "hyper-parameter-tuning-job",
  CreateTransformJob: "transform-job",
};

/** Following and stopping the team's jobs: what a person does in Studio, and what a pipeline polls. */
export const JOB_CONTROL = [
  "StopTrainingJob",
  "StopProcessingJob",
  "StopHyperParameterTuningJob",
  "StopTransformJob",
  "DescribeTrainingJob",
  "DescribeProcessingJob",
  "DescribeHyperParameterTuningJob",
  "DescribeTransformJob",
];

/**
 * Creating jobs for the caller's team. IAM cannot see the tags of the model a transform job runs (only its ARN), so
 * models are named with the team key (enforced on CreateModel) and the transform job must name such a model.
 */
export function createTeamJobs(context: AccountContext): PolicyStatement[] {
  const creates = Object.fromEntries(
    Object.entries(JOB_TYPES).map(([action, type]) => [action, teamNamed(context, type)]),
  );
  return createsForOwnTeam(context, creates, {
    CreateTransformJob: { ArnLike: { "sagemaker:ModelArn": teamNamed(context, "model") } },
  });
}

/**
 * Manage ML Jobs: training, processing, tuning and batch transform jobs of the caller's team. AutoML is left out
 * (policies/compute-condition-keys.ts, COMPUTE_NOT_GRANTED).
 */
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
    ]),
    ...followOwnTeamJobLogs(context),
  ];
}

/**
 * `fit()` and `Processor.run()` print the job's logs by default, and fail when they cannot: the SDK lists the job's
 * streams in the shared group by the job's name, then reads them. Listing shows stream names, which are job names,
 * as ListTrainingJobs does; reading is for the team's own jobs' streams only.
 */
function followOwnTeamJobLogs(context: AccountContext): PolicyStatement[] {
  return [
    {
      Sid: "ListJobLogStreams",
      Effect: "Allow",
      Action: ["logs:DescribeLogStreams"],
      Resource: JOB_LOG_GROUPS.map((name) => logGroupArn(context, name)),
    },
    {
      Sid: "ReadOwnTeamJobLogs",
      Effect: "Allow",
      Action: ["logs:GetLogEvents"],
      Resource: ownTeamJobStreams(context),
    },
  ];
}
