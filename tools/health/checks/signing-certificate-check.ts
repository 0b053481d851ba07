import type { FederationConfig } from "../../../config/types";
import type { ServicePrincipal } from "../clients/entra-app";
import { daysUntil, deadlineStatus, relativeDays, type Finding } from "./finding";

/** Entra mails the notification addresses from 60 days ahead; sign-in stops at the end date. */
const WARNING_DAYS = 60;
const ACTION_DAYS = 30;
const RUNBOOK = "docs/runbook.md, section 2";

/** The certificate the config asks for: known without any cloud access. */
export function configuredCertificateFinding(config: FederationConfig, now: Date): Finding[] {
  if (config.identityProvider.type !== "entra") return [];
  const end = config.identityProvider.signingCertificateEndDate;
  return [expiryFinding("SAML signing certificate (config)", new Date(end), now, "")];
}

/**
 * The certificate Entra signs with: the service principal's preferred token signing key. It must be the one the
 * config declares; the provider never activates the one it creates. A key that cannot be told is "cannot check",
 * never a guess.
 */
export function liveCertificateFinding(config: FederationConfig, sp: ServicePrincipal, now: Date): Finding[] {
  if (config.identityProvider.type !== "entra") return [];
  const check = "SAML signing certificate (Entra)";
  const thumbprint = sp.preferredTokenSigningKeyThumbprint;
  if (!thumbprint)
    return [
      {
        check,
        status: "action",
        summary: "the app has no active signing certificate: Entra cannot sign SAML responses, so nobody can sign in",
        next: `run the activate_signing_certificate_command output (${RUNBOOK})`,
      },
    ];
  const live = activeKeyEnd(sp, thumbprint);
  if (live === undefined)
    return [
      {
        check,
        status: "unknown",
        summary: `the active certificate (thumbprint ${thumbprint}) matches none of the app's key credentials, so its end date is unknown`,
        next: "read it in Entra > the app > Single sign-on > SAML certificates",
      },
    ];
  const declared = config.identityProvider.signingCertificateEndDate;
  if (!sameInstant(live, declared))
    return [
      {
        check,
        status: "action",
        summary: `the active certificate ends ${live}, but the config's ends ${declared}: the certificate Terraform made is not the active one`,
        next: `activate it with the activate_signing_certificate_command output, then upload the new federation metadata to IAM Identity Center (${RUNBOOK}, steps 3 and 4)`,
      },
    ];
  return [expiryFinding(check, new Date(live), now, " (the active one)")];
}

/** The end date of the key Entra signs with: the key credential whose identifier is the preferred thumbprint. */
function activeKeyEnd(sp: ServicePrincipal, thumbprint: string): string | undefined {
  if (sp.preferredTokenSigningKeyEndDateTime) return sp.preferredTokenSigningKeyEndDateTime;
  const wanted = thumbprint.toLowerCase();
  const key = (sp.keyCredentials ?? []).find(
    (candidate) =>
      !!candidate.customKeyIdentifier &&
      (candidate.customKeyIdentifier.toLowerCase() === wanted ||
        Buffer.from(candidate.customKeyIdentifier, "base64").toString("hex") === wanted),
  );
  return key?.endDateTime;
}

function expiryFinding(check: string, end: Date, now: Date, which: string): Finding {
  const days = daysUntil(end, now);
  const status = deadlineStatus(days, WARNING_DAYS, ACTION_DAYS);
  const when = end.toISOString().replace(".000Z", "Z");
  if (days < 0)
    return {
      check,
      status,
      summary: `expired ${relativeDays(days)} (${when})${which}: sign-in through Entra fails`,
      next: `rotate it now (${RUNBOOK})`,
    };
  return {
    check,
    status,
    summary: `expires ${relativeDays(days)} (${when})${which}`,
    ...(status === "ok" ? {} : { next: `rotate it before then (${RUNBOOK})` }),
  };
}

function sameInstant(a: string, b: string): boolean {
  return Math.floor(Date.parse(a) / 1000) === Math.floor(Date.parse(b) / 1000);
}
