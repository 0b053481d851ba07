import type { FederationConfig, JustInTimeConfig, StudioLimits } from "../config/types";

/** Limits as a reviewer reads them: "idle apps stop after 60 min (60-480 min); spaces 5 GB (at most 100 GB)". */
export function limitsText(limits: StudioLimits): string {
  return (
    `idle apps stop after ${limits.idleTimeoutMinutes} min (${limits.minIdleTimeoutMinutes}-${limits.maxIdleTimeoutMinutes} min); ` +
    `spaces ${limits.defaultStorageGb} GB (at most ${limits.maxStorageGb} GB)`
  );
}

/** The admins' activation policy: "activate for up to PT4H, with a reason and MFA, approved by x". */
export function justInTimeText(policy: JustInTimeConfig | undefined): string {
  if (policy === undefined) return "off (every admin is a permanent member)";
  const needs = [policy.requireJustification ? "a reason" : "", policy.requireMfa ? "MFA" : ""].filter(Boolean);
  const approval = policy.approvers.length > 0 ? `, approved by ${policy.approvers.join(" or ")}` : "";
  return `eligible ${policy.eligible.join(", ")}; activate for up to ${policy.maximumDuration}${needs.length > 0 ? ` with ${needs.join(" and ")}` : ""}${approval}`;
}

/** The Conditional Access policy's state: "report-only", "enforced (1 break-glass account excluded)" or "off". */
export function mfaText(config: FederationConfig): string {
  const idp = config.identityProvider;
  if (idp.type !== "entra" || idp.mfa === undefined) return "off";
  const excluded = idp.mfa.breakGlassUserIds.length;
  return `${idp.mfa.enforce ? "enforced" : "report-only"}${excluded > 0 ? ` (${excluded} break-glass ${excluded === 1 ? "account" : "accounts"} excluded)` : ""}`;
}
