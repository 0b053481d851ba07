import { isoDurationMinutes } from "../../durations";
import type { RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";

/** IAM Identity Center permission sets take sessions of 1 to 12 hours. */
export function adminSession(input: FederationInput): RawProblem[] {
  const minutes = isoDurationMinutes(input.admins.sessionDuration);
  if (minutes !== undefined && minutes >= 60 && minutes <= 720) return [];
  return [
    {
      path: ["admins", "sessionDuration"],
      rule: `session duration "${input.admins.sessionDuration}" must be an ISO-8601 duration between 1 and 12 hours`,
      fix: "write it like PT4H or PT1H30M",
    },
  ];
}
