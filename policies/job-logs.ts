import type { AccountContext } from "./document";
import { OWN_TEAM } from "./team-boundary";

/**
 * The log groups SageMaker writes jobs' output to, one per job type and shared by every team; each job's streams are
 * named `<job name>/...`. A tuning job's training jobs are named after it.
 */
export const JOB_LOG_GROUPS = [
  "/aws/sagemaker/TrainingJobs",
  "/aws/sagemaker/ProcessingJobs",
  "/aws/sagemaker/TransformJobs",
];

/** A log group's ARN in the context's account. */
export const logGroupArn = (context: AccountContext, name: string) =>
  `arn:${context.partition}:logs:${context.region}:${context.accountId}:log-group:${name}`;

/** The streams of the caller's team's jobs: jobs are named `<team>-...` (their creates require it). */
export const ownTeamJobStreams = (context: AccountContext) =>
  JOB_LOG_GROUPS.map((name) => `${logGroupArn(context, name)}:log-stream:${OWN_TEAM}-*`);
