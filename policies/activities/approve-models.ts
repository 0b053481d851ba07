import { sagemaker, type AccountContext, type PolicyStatement } from "../document";
import { OWN_TEAM_RESOURCE } from "../team-boundary";
import { teamModelVersions } from "./manage-models";

/**
 * Approve Models: set a version of the team's model registry to Approved or Rejected, on registration or after.
 * Apart from Manage Models so that whoever trains a model, and the compute role a pipeline runs as, cannot approve
 * it; an approved version is what deployments pick up.
 */
export function approveModels(context: AccountContext): PolicyStatement[] {
  return [
    {
      Sid: "DecideOnOwnTeamModelVersions",
      Effect: "Allow",
      Action: sagemaker("UpdateModelPackage"),
      Resource: teamModelVersions(context),
      Condition: OWN_TEAM_RESOURCE,
    },
    {
      Sid: "RegisterDecidedOwnTeamModelVersions",
      Effect: "Allow",
      Action: sagemaker("CreateModelPackage"),
      Resource: teamModelVersions(context),
    },
  ];
}
