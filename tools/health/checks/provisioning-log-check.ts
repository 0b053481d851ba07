import type { FederationConfig } from "../../../config/types";
import { GraphFailedError } from "./cannot-check";
import { addDays, type Finding } from "./finding";
import { odataString, type GraphClient } from "../clients/graph-client";

/** One entry of Microsoft Graph's provisioning logs, as much of it as the check reads. */
export interface ProvisioningEntry {
  readonly activityDateTime: string;
  readonly provisioningAction?: string;
  readonly provisioningStatusInfo?: {
    readonly status?: string;
    readonly errorInformation?: { readonly errorCode?: string; readonly reason?: string } | null;
  };
  readonly sourceIdentity?: { readonly id?: string; readonly displayName?: string; readonly identityType?: string };
}

/** Graph asks for both to read provisioning logs with an application identity. */
export const AUDIT_LOG_READ = "AuditLog.Read.All and Directory.Read.All";
export const USER_READ = "User.Read.All";
/** Entries read: a week covers a few hundred cycles' worth of changes for a normal tenant. */
const DAYS = 7;
const ENTRIES = 2000;
/** Users looked up to learn their user names; a failure of more than this many is one problem, not many. */
const LOOKUPS = 25;
const CHECK = "Provisioning logs";
const RUNBOOK = "docs/runbook.md, section 14";

/**
 * The last week's provisioning log entries of the job, the latest per user or group: which of the config's
 * members and groups failed or were skipped in their last provisioning.
 */
export async function provisioningLogFindings(
  graph: GraphClient,
  config: FederationConfig,
  jobId: string,
  now: Date,
): Promise<Finding[]> {
  const since = addDays(now, -DAYS)
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z");
  const filter = encodeURIComponent(`jobId eq ${odataString(jobId)} and activityDateTime gt ${since}`);
  const entries = await graph.list<ProvisioningEntry>(
    `/auditLogs/provisioning?$filter=${filter}`,
    AUDIT_LOG_READ,
    ENTRIES,
  );
  const latest = new Map<string, ProvisioningEntry>();
  for (const entry of entries) {
    const key = entry.sourceIdentity?.id ?? entry.sourceIdentity?.displayName;
    if (key === undefined) continue;
    const seen = latest.get(key);
    if (seen === undefined || seen.activityDateTime < entry.activityDateTime) latest.set(key, entry);
  }
  const troubled = [...latest.values()].filter((entry) => {
    const status = entry.provisioningStatusInfo?.status?.toLowerCase();
    return status === "failure" || status === "skipped";
  });
  const configured = await configuredPrincipals(graph, config, troubled);
  const named = troubled.flatMap((entry) => {
    const name = configured.get(entry.sourceIdentity?.id ?? "") ?? groupName(config, entry);
    return name === undefined ? [] : [{ name, entry }];
  });
  const failed = named.filter(({ entry }) => entry.provisioningStatusInfo?.status?.toLowerCase() === "failure");
  const skipped = named.filter(({ entry }) => entry.provisioningStatusInfo?.status?.toLowerCase() === "skipped");
  const findings: Finding[] = [];
  if (failed.length > 0)
    findings.push({
      check: CHECK,
      status: "action",
      summary: `last provisioning failed for ${failed.map(describe).join("; ")}`,
      next: `fix what the error names (often a missing first name, last name or display name, or a second e-mail address), then provision on demand (${RUNBOOK})`,
    });
  if (skipped.length > 0)
    findings.push({
      check: CHECK,
      status: "warning",
      summary: `last provisioning skipped ${skipped.map(describe).join("; ")}`,
      next: `a skipped user or group is out of the job's scope: check it is assigned to the app, directly or through its team's group (${RUNBOOK})`,
    });
  if (findings.length === 0)
    findings.push({
      check: CHECK,
      status: "ok",
      summary: `no failed or skipped provisioning of the config's members and groups in the last ${DAYS} days (${entries.length} entries read)`,
    });
  return findings;
}

/** User names of the troubled users that are members in the config, by object id. */
async function configuredPrincipals(
  graph: GraphClient,
  config: FederationConfig,
  troubled: readonly ProvisioningEntry[],
): Promise<Map<string, string>> {
  const members = new Set(
    Object.values(config.groups).flatMap((group) => [...group.members, ...group.eligibleMembers].map(lower)),
  );
  const ids = troubled
    .filter((entry) => entry.sourceIdentity?.identityType?.toLowerCase() === "user" && entry.sourceIdentity.id)
    .map((entry) => entry.sourceIdentity!.id!)
    .slice(0, LOOKUPS);
  const names = new Map<string, string>();
  for (const id of ids) {
    const user = await graph
      .get<{ userPrincipalName?: string }>(`/users/${id}?$select=userPrincipalName`, USER_READ)
      .catch((error: unknown): { userPrincipalName?: string } => {
        // A user deleted since is no member of the config's: nothing to report about them.
        if (error instanceof GraphFailedError && error.httpStatus === 404) return {};
        throw error;
      });
    if (user.userPrincipalName !== undefined && members.has(lower(user.userPrincipalName)))
      names.set(id, user.userPrincipalName);
  }
  return names;
}

function groupName(config: FederationConfig, entry: ProvisioningEntry): string | undefined {
  if (entry.sourceIdentity?.identityType?.toLowerCase() !== "group") return undefined;
  const name = entry.sourceIdentity.displayName;
  return Object.values(config.groups).some((group) => group.displayName === name) ? `group ${name}` : undefined;
}

function describe({ name, entry }: { name: string; entry: ProvisioningEntry }): string {
  const error = entry.provisioningStatusInfo?.errorInformation;
  const why = [error?.errorCode, error?.reason].filter(Boolean).join(": ");
  return `${name} at ${entry.activityDateTime}${why ? ` (${why})` : ""}`;
}

const lower = (text: string) => text.toLowerCase();
