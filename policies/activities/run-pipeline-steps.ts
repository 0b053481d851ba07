import type { AccountContext, PolicyStatement } from "../document";
import { onOwnTeamResources } from "../team-boundary";
import { JOB_CONTROL, createTeamJobs } from "./manage-ml-jobs";
import { createTeamModels } from "./manage-models";

/**
 * What a pipeline's steps do as the compute role (the pipeline's role): start, follow and stop the team's jobs, and
 * create and register the team's models. The same tags, names and guardrails hold as for a person.
 */
export function runPipelineSteps(context: AccountContext): PolicyStatement[] {
  return [
    ...createTeamJobs(context),
    ...createTeamModels(context),
    onOwnTeamResources(
      "FollowOwnTeamSteps",
      [...JOB_CONTROL, "DescribeModel", "DescribeModelPackage", "DescribeModelPackageGroup"],
      context,
    ),
  ];
}
