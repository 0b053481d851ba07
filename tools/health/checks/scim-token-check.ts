import type { FederationConfig } from "../../../config/types";
import { addDays, daysUntil, deadlineStatus, relativeDays, type Finding } from "./finding";

/** A SCIM access token lasts one year from when it was generated. */
const LIFETIME_DAYS = 365;
/** AWS Health starts its expiry notices 90 days ahead. */
const WARNING_DAYS = 90;
const ACTION_DAYS = 30;
const RUNBOOK = "docs/runbook.md, section 3";
const CHECK = "SCIM token";

/** The SCIM token's age and days left, from the date the config records for it. */
export function scimTokenFinding(config: FederationConfig, now: Date): Finding[] {
  const idp = config.identityProvider;
  if (idp.type !== "entra")
    return [{ check: CHECK, status: "skipped", summary: "the external identity provider holds the token" }];
  if (config.phase === "bootstrap")
    return [
      { check: CHECK, status: "skipped", summary: "no token before IAM Identity Center is set up (bootstrap phase)" },
    ];
  if (idp.scimTokenIssuedOn === undefined)
    return [
      {
        check: CHECK,
        status: "warning",
        summary: "the config does not record when the token was generated, so its expiry cannot be followed",
        next: `set identityProvider.entra.scimTokenIssuedOn to the day it was generated; if that day is unknown, rotate it now and record the new one (${RUNBOOK})`,
      },
    ];
  const issued = new Date(`${idp.scimTokenIssuedOn}T00:00:00Z`);
  const expires = addDays(issued, LIFETIME_DAYS);
  const age = -daysUntil(issued, now);
  const left = daysUntil(expires, now);
  const status = deadlineStatus(left, WARNING_DAYS, ACTION_DAYS);
  const day = expires.toISOString().slice(0, 10);
  const summary =
    left < 0
      ? `generated ${idp.scimTokenIssuedOn} (${age} days old), expired ${relativeDays(left)} (${day}): provisioning fails`
      : `generated ${idp.scimTokenIssuedOn} (${age} days old), expires ${relativeDays(left)} (${day})`;
  return [
    {
      check: CHECK,
      status,
      summary,
      ...(status === "ok" ? {} : { next: `generate a new token and rotate it (${RUNBOOK})` }),
    },
  ];
}
