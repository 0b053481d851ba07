import type { AccountContext, PolicyStatement } from "../document";
import { createsForOwnTeam, listings, onOwnTeamResources } from "../team-boundary";

/**
 * Manage Model Monitoring: monitoring schedules of the caller's team and the processing jobs they run. A schedule
 * starts processing compute, so the guardrails hold it to the persona's instance types, the network and the key.
 */
export function manageModelMonitoring(context: AccountContext): PolicyStatement[] {
  return [
    ...createsForOwnTeam(context, { CreateMonitoringSchedule: "monitoring-schedule/*" }),
    onOwnTeamResources(
      "ManageOwnTeamMonitoring",
      [
        "UpdateMonitoringSchedule",
        "DescribeMonitoringSchedule",
        "DeleteMonitoringSchedule",
        "StartMonitoringSchedule",
        "StopMonitoringSchedule",
        "DescribeProcessingJob",
        "StopProcessingJob",
      ],
      context,
    ),
    listings("ListMonitoring", ["ListMonitoringSchedules", "ListProcessingJobs"]),
  ];
}
