import { sagemaker, sagemakerArn, type PolicyContext, type PolicyStatement } from "../document";
import { networkAndKeyConditions } from "./network-conditions";
import { passComputeRole } from "./pass-compute-role";

/** Manage Models: models, model packages and model package groups (the model registry). */
export function manageModels(context: PolicyContext): PolicyStatement[] {
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
    passComputeRole(context),
  ];
}
