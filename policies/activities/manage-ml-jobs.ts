import { sagemaker, sagemakerArn, type AccountContext, type PolicyStatement } from "../document";
import { networkAndKeyConditions } from "./network-conditions";

/** Manage ML Jobs: training, processing, tuning, AutoML and batch transform jobs. */
export function manageMlJobs(context: AccountContext): PolicyStatement[] {
  const conditions = networkAndKeyConditions(context);
  // Batch transform has no network of its own (the model's applies), only volume and output keys.
  const keyConditions = networkAndKeyConditions({ ...context, network: undefined });
  return [
    {
      Sid: "CreateJobsInTeamNetwork",
      Effect: "Allow",
      Action: sagemaker("CreateTrainingJob", "CreateProcessingJob", "CreateHyperParameterTuningJob", "CreateAutoMLJob"),
      Resource: sagemakerArn(context, "*"),
      ...(conditions ? { Condition: conditions } : {}),
    },
    {
      Sid: "CreateTransformJobsWithTeamKey",
      Effect: "Allow",
      Action: sagemaker("CreateTransformJob"),
      Resource: sagemakerArn(context, "transform-job/*"),
      ...(keyConditions ? { Condition: keyConditions } : {}),
    },
    {
      Sid: "ManageJobs",
      Effect: "Allow",
      Action: sagemaker(
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
        "ListTrainingJobsForHyperParameterTuningJob",
      ),
      Resource: sagemakerArn(context, "*"),
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
      ),
      Resource: "*",
    },
  ];
}
