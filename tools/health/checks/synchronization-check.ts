import { SCIM_TEMPLATE_ID } from "../../../constructs/entra/scim-provisioning";
import type { Finding } from "./finding";
import type { GraphClient } from "../clients/graph-client";

/** A Microsoft Graph synchronization job, as much of it as the check reads. */
export interface SynchronizationJob {
  readonly id: string;
  readonly templateId?: string;
  readonly schedule?: { readonly state?: string; readonly interval?: string };
  readonly status?: {
    readonly code?: string;
    readonly countSuccessiveCompleteFailures?: number;
    readonly lastExecution?: ExecutionResult | null;
    readonly lastSuccessfulExecution?: ExecutionResult | null;
    readonly quarantine?: {
      readonly currentBegan?: string;
      readonly nextAttempt?: string;
      readonly reason?: string;
      readonly error?: GraphJobError | null;
    } | null;
  };
}

interface ExecutionResult {
  readonly state?: string;
  readonly timeEnded?: string;
  readonly error?: GraphJobError | null;
}

interface GraphJobError {
  readonly code?: string;
  readonly message?: string;
}

export const SYNCHRONIZATION_READ = "Synchronization.Read.All";
const CHECK = "Provisioning job";
const RUNBOOK = "docs/runbook.md, section 14";

/** The SCIM provisioning job of the app; undefined when the app has none. */
export async function provisioningJob(
  graph: GraphClient,
  servicePrincipalId: string,
): Promise<SynchronizationJob | undefined> {
  const jobs = await graph.list<SynchronizationJob>(
    `/servicePrincipals/${servicePrincipalId}/synchronization/jobs`,
    SYNCHRONIZATION_READ,
  );
  return jobs.find((job) => job.templateId === SCIM_TEMPLATE_ID) ?? jobs[0];
}

/** Whether Entra provisions at all: the job's schedule, quarantine and last run. */
export function synchronizationFinding(job: SynchronizationJob | undefined): Finding[] {
  if (job === undefined)
    return [
      {
        check: CHECK,
        status: "action",
        summary: "the app has no provisioning job: no user or group reaches IAM Identity Center",
        next: "apply the stack with TF_VAR_scim_token set (npm run deploy); it creates the job",
      },
    ];
  const status = job.status ?? {};
  const code = (status.code ?? "").toLowerCase();
  const quarantine = status.quarantine;
  if (code === "quarantine" || quarantine) {
    const cause = [quarantine?.reason, errorText(quarantine?.error)].filter(Boolean).join(": ");
    return [
      {
        check: CHECK,
        status: "action",
        summary: `in quarantine since ${quarantine?.currentBegan ?? "an unknown time"}${cause ? ` (${cause})` : ""}: Entra retries rarely and provisions nothing meanwhile`,
        next: `fix the cause (an expired or revoked SCIM token shows as invalid credentials: rotate it), then restart the job (${RUNBOOK})`,
      },
    ];
  }
  const schedule = (job.schedule?.state ?? "").toLowerCase();
  if (code === "paused" || schedule === "paused" || schedule === "disabled")
    return [
      {
        check: CHECK,
        status: "action",
        summary: `the job is ${code === "paused" ? "paused" : `scheduled ${schedule}`}: changes in Entra do not reach IAM Identity Center`,
        next: `start provisioning again in Entra > the app > Provisioning, or apply the stack, which declares the job enabled (${RUNBOOK})`,
      },
    ];
  const last = status.lastExecution;
  const failures = status.countSuccessiveCompleteFailures ?? 0;
  const lastState = (last?.state ?? "").toLowerCase();
  if (lastState === "failed" || failures > 0)
    return [
      {
        check: CHECK,
        status: "action",
        summary: `the last run failed${last?.timeEnded ? ` at ${last.timeEnded}` : ""}${failures > 1 ? ` (${failures} in a row)` : ""}${last?.error ? `: ${errorText(last.error)}` : ""}`,
        next: `read the error in Entra > the app > Provisioning > Provisioning logs and fix it (${RUNBOOK})`,
      },
    ];
  if (lastState === "entrylevelerrors")
    return [
      {
        check: CHECK,
        status: "warning",
        summary: `the last run${last?.timeEnded ? ` (${last.timeEnded})` : ""} ended with errors on some users or groups`,
        next: `see the provisioning log findings below and Entra > the app > Provisioning > Provisioning logs (${RUNBOOK})`,
      },
    ];
  if (code === "notrun" || code === "notconfigured")
    return [
      {
        check: CHECK,
        status: "warning",
        summary: `the job has ${code === "notrun" ? "not run yet" : "no configuration"}`,
        next: `wait for the first cycle (about 40 minutes); if it stays so, check the job in Entra > the app > Provisioning (${RUNBOOK})`,
      },
    ];
  const lastGood = status.lastSuccessfulExecution?.timeEnded;
  return [{ check: CHECK, status: "ok", summary: `active${lastGood ? `, last successful run ${lastGood}` : ""}` }];
}

function errorText(error: GraphJobError | null | undefined): string {
  return [error?.code, error?.message].filter(Boolean).join(": ");
}
