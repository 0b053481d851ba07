import type { TeamContext, PolicyStatement } from "../document";

/** Jobs, models, pipelines and monitoring run as the team's compute role, and only SageMaker may receive it. */
export function passComputeRole(context: TeamContext): PolicyStatement {
  return {
    Sid: "PassTeamComputeRole",
    Effect: "Allow",
    Action: ["iam:PassRole"],
    Resource: context.computeRoleArn,
    Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
  };
}
