import { sagemaker, sagemakerArn, type PolicyContext, type PolicyStatement } from "../document";
import { passComputeRole } from "./pass-compute-role";

/** Manage Model Monitoring: monitoring schedules and the processing jobs they run. */
export function manageModelMonitoring(context: PolicyContext): PolicyStatement[] {
  return [
    {
      Sid: "ManageMonitoring",
      Effect: "Allow",
      Action: sagemaker(
        "CreateMonitoringSchedule",
        "UpdateMonitoringSchedule",
        "DescribeMonitoringSchedule",
        "DeleteMonitoringSchedule",
        "StartMonitoringSchedule",
        "StopMonitoringSchedule",
        "DescribeProcessingJob",
        "StopProcessingJob",
      ),
      Resource: sagemakerArn(context, "*"),
    },
    {
      Sid: "ListMonitoring",
      Effect: "Allow",
      Action: sagemaker("ListMonitoringSchedules", "ListProcessingJobs"),
      Resource: "*",
    },
    passComputeRole(context),
  ];
}
