import type { AccountContext, PolicyStatement } from "../document";
import { createsForOwnTeam, listings, onOwnTeamResources, teamNamed } from "../team-boundary";

/**
 * Manage Model Monitoring: monitoring schedules of the caller's team, named `<team>-...`, and the processing jobs
 * they run. A schedule carries its job definition inline: its role is passed (only the team's compute role may be)
 * and the guardrails hold its instance types, network and key, on create and on every update. Separate job
 * definitions are not granted (COMPUTE_NOT_GRANTED): IAM cannot see which one a schedule names.
 */
export function manageModelMonitoring(context: AccountContext): PolicyStatement[] {
  return [
    ...createsForOwnTeam(context, { CreateMonitoringSchedule: teamNamed(context, "monitoring-schedule") }),
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
