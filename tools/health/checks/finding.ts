/** What one health check found, in plain words, with what to do about it. */
export interface Finding {
  /** Short name of what was checked, such as "SCIM token". */
  readonly check: string;
  readonly status: HealthStatus;
  readonly summary: string;
  /** The next step; always given when the status is `action` or `unknown`. */
  readonly next?: string;
}

/**
 * `unknown` is "cannot check": a refused call, missing credentials, throttling that outlasted the retries.
 * `skipped` is a check that does not apply to this config (an external identity provider, the bootstrap phase).
 */
export type HealthStatus = "ok" | "skipped" | "unknown" | "warning" | "action";

/** Exit codes for CI: the most serious finding decides. */
export const EXIT_CODE: Readonly<Record<HealthStatus, number>> = {
  ok: 0,
  skipped: 0,
  unknown: 1,
  warning: 2,
  action: 3,
};

export function healthExitCode(findings: readonly Finding[]): number {
  return Math.max(0, ...findings.map((finding) => EXIT_CODE[finding.status]));
}

/** The status of a date that must not pass: action from `actionDays` left, warning from `warningDays`. */
export function deadlineStatus(daysLeft: number, warningDays: number, actionDays: number): HealthStatus {
  if (daysLeft <= actionDays) return "action";
  return daysLeft <= warningDays ? "warning" : "ok";
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `now` to `date`, rounded down; negative once it has passed. */
export function daysUntil(date: Date, now: Date): number {
  return Math.floor((date.getTime() - now.getTime()) / DAY_MS);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** "in 12 days" or "3 days ago", for a summary line. */
export function relativeDays(days: number): string {
  if (days === 0) return "today";
  if (days > 0) return `in ${days} day${days === 1 ? "" : "s"}`;
  return `${-days} day${days === -1 ? "" : "s"} ago`;
}
