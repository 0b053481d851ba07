import type { AccountContext, PolicyStatement } from "../document";
import { createsForOwnTeam, listings, onOwnTeamResources, teamNamed } from "../team-boundary";

/**
 * Models and model package groups are named with the team key: transform jobs and endpoint configs name a model by
 * ARN only, and a versioned model package's ARN carries its group's name (IAM sees no tag of either).
 */
export function createTeamModels(context: AccountContext): PolicyStatement[] {
  return createsForOwnTeam(context, {
    CreateModel: teamNamed(context, "model"),
    CreateModelPackageGroup: teamNamed(context, "model-package-group"),
    CreateModelPackage: teamNamed(context, "model-package"),
  });
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
        "UpdateModelPackage",
        "DeleteModel",
        "DeleteModelPackage",
        "DeleteModelPackageGroup",
      ],
      context,
    ),
    listings("ListModels", ["ListModels", "ListModelPackages", "ListModelPackageGroups"]),
  ];
}
