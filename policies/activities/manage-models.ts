import { sagemaker, type AccountContext, type PolicyStatement } from "../document";
import {
  OWN_TEAM_RESOURCE,
  createsForOwnTeam,
  listings,
  mergeConditions,
  onOwnTeamResources,
  teamNamed,
} from "../team-boundary";

/** A version of one of the team's model package groups: its ARN carries the group's name. */
export const teamModelVersions = (context: AccountContext) => teamNamed(context, "model-package", "/*");

/**
 * Approval is MLOps' decision (approve-models): others may register a version or change one only as pending, or
 * without naming a status. An approved version is what deployments pick up.
 */
const AT_MOST_PENDING = { StringEqualsIfExists: { "sagemaker:ModelApprovalStatus": "PendingManualApproval" } };

/**
 * Models and model package groups are named with the team key: transform jobs and endpoint configs name a model by
 * ARN only, and a versioned model package's ARN carries its group's name (IAM sees no tag of either). A version
 * takes its group's tags and may carry none of its own, so registering one is bound by the group's name alone.
 */
export function createTeamModels(context: AccountContext): PolicyStatement[] {
  return [
    ...createsForOwnTeam(context, {
      CreateModel: teamNamed(context, "model"),
      CreateModelPackageGroup: teamNamed(context, "model-package-group"),
    }),
    {
      Sid: "RegisterOwnTeamModelVersions",
      Effect: "Allow",
      Action: sagemaker("CreateModelPackage"),
      Resource: teamModelVersions(context),
      Condition: AT_MOST_PENDING,
    },
  ];
}

/** Manage Models: models, model packages and model package groups (the model registry) of the caller's team. */
export function manageModels(context: AccountContext): PolicyStatement[] {
  return [
    ...createTeamModels(context),
    onOwnTeamResources(
      "ManageOwnTeamModels",
      [
        "DescribeModel",
        "DescribeModelPackage",
        "DescribeModelPackageGroup",
        "BatchDescribeModelPackage",
        "DeleteModel",
        "DeleteModelPackage",
        "DeleteModelPackageGroup",
      ],
      context,
    ),
    {
      Sid: "UpdateOwnTeamModelVersions",
      Effect: "Allow",
      Action: sagemaker("UpdateModelPackage"),
      Resource: teamModelVersions(context),
      Condition: mergeConditions(OWN_TEAM_RESOURCE, AT_MOST_PENDING),
    },
    listings("ListModels", ["ListModels", "ListModelPackages", "ListModelPackageGroups"]),
  ];
}
