import { sagemaker, sagemakerArn, type AccountContext, type PolicyStatement } from "../document";

/** Manage Model Monitoring: monitoring schedules and the processing jobs they run. */
export function manageModelMonitoring(context: AccountContext): PolicyStatement[] {
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
  ];
}
