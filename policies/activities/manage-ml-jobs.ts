import { sagemaker, sagemakerArn, type PolicyContext, type PolicyStatement } from "../document";
import { networkAndKeyConditions } from "./network-conditions";
import { passComputeRole } from "./pass-compute-role";

/** Manage ML Jobs: training, processing, tuning, AutoML and batch transform jobs. */
export function manageMlJobs(context: PolicyContext): PolicyStatement[] {
  const conditions = networkAndKeyConditions(context);
  return [
    {
      Sid: "CreateJobsInTeamNetwork",
      Effect: "Allow",
      Action: sagemaker("CreateTrainingJob", "CreateProcessingJob", "CreateHyperParameterTuningJob"),
      Resource: sagemakerArn(context, "*/*"),
      ...(conditions ? { Condition: conditions } : {}),
    },
    {
      Sid: "ManageJobs",
      Effect: "Allow",
      Action: sagemaker(
        "CreateTransformJob",
        "CreateAutoMLJob",
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
        "UpdateTrainingJob",
        "BatchGetMetrics",
      ),
      Resource: sagemakerArn(context, "*/*"),
    },
    {
      Sid: "ListJobs",
      Effect: "Allow",
      Action: sagemaker(
        "Search",
        "ListTrainingJobs",
        "ListProcessingJobs",
        "ListHyperParameterTuningJobs",
        "ListTransformJobs",
        "ListAutoMLJobs",
        "ListCandidatesForAutoMLJob",
        "ListTrainingJobsForHyperParameterTuningJob",
      ),
      Resource: "*",
    },
    passComputeRole(context),
  ];
}
