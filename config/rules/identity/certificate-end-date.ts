import type { RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";
import type { RuleContext } from "../config-rule";

const MAX_CERTIFICATE_YEARS = 3;

/** Microsoft Graph takes a SAML signing certificate that ends in the future and at most three years ahead. */
export function certificateEndDate(input: FederationInput, { now }: RuleContext): RawProblem[] {
  if (input.identityProvider.type !== "entra") return [];
  const end = new Date(input.identityProvider.entra.signingCertificateEndDate);
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_CERTIFICATE_YEARS);
  const path = ["identityProvider", "entra", "signingCertificateEndDate"];
  if (end <= now)
    return [
      {
        path,
        rule: `end date ${end.toISOString()} is in the past`,
        fix: "choose a date in the future, at most 3 years ahead",
      },
    ];
  if (end > latest)
    return [
      {
        path,
        rule: `end date ${end.toISOString()} is more than ${MAX_CERTIFICATE_YEARS} years ahead (Microsoft Graph refuses it)`,
        fix: `choose a date before ${latest.toISOString()}`,
      },
    ];
  return [];
}
