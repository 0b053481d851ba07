import { sagemaker, sagemakerArn, type AccountContext, type PolicyStatement } from "../document";
import { networkAndKeyConditions } from "./network-conditions";

/** Manage Models: models, model packages and model package groups (the model registry). */
export function manageModels(context: AccountContext): PolicyStatement[] {
  const conditions = networkAndKeyConditions({ ...context, kmsKeyArn: undefined });
  return [
    {
      Sid: "CreateModelsInTeamNetwork",
      Effect: "Allow",
      Action: sagemaker("CreateModel"),
      Resource: sagemakerArn(context, "model/*"),
      ...(conditions ? { Condition: conditions } : {}),
    },
    {
      Sid: "ManageModels",
      Effect: "Allow",
      Action: sagemaker(
        "CreateModelPackage",
        "CreateModelPackageGroup",
        "DescribeModel",
        "DescribeModelPackage",
        "DescribeModelPackageGroup",
        "BatchDescribeModelPackage",
        "UpdateModelPackage",
        "DeleteModel",
        "DeleteModelPackage",
        "DeleteModelPackageGroup",
      ),
      Resource: sagemakerArn(context, "*"),
    },
    {
      Sid: "ListModels",
      Effect: "Allow",
      Action: sagemaker("ListModels", "ListModelPackages", "ListModelPackageGroups"),
      Resource: "*",
    },
  ];
}
