import { identityCenterInManagementAccount } from "../../../config/guards";
import type { FederationConfig, JustInTimeConfig, StudioLimits } from "../../../config/types";
import { code, codeList, plural } from "../../shared/markdown";

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

/** The guard's reach in one line, for a diff: "on (admins pass execution roles; Identity Center guarded)". */
export function guardSummary(config: FederationConfig): string {
  const guard = config.aws.consoleGuard;
  if (!guard.scp) return "off";
  const notes = [
    guard.adminsPassExecutionRoles ? "admins pass execution roles" : "",
    identityCenterInManagementAccount(config)
      ? "Identity Center unguarded (management account)"
      : "Identity Center guarded",
    guard.identityWriterRoleArns.length > 0 ? plural(guard.identityWriterRoleArns.length, "identity writer") : "",
    guard.readerRoleArns.length > 0 ? plural(guard.readerRoleArns.length, "reader") : "",
  ].filter(Boolean);
  return `on (${notes.join("; ")})`;
}

/** What the guard keeps out, and its one limit, as a reviewer reads it. */
export function guardText(config: FederationConfig): string[] {
  const guard = config.aws.consoleGuard;
  if (!guard.scp)
    return [
      "Console guard: off. Any other permission set or IAM administrator of the accounts with domains can open anyone's Studio (a space owned by their profile), pass the execution roles and change them; turn on aws.consoleGuard.scp.",
    ];
  const accounts = Object.values(config.accounts)
    .filter((account) => account.teams.length > 0 && account.accountId !== config.aws.organization?.accountId)
    .map((account) => account.accountId)
    .sort()
    .map(code);
  const passers = guard.adminsPassExecutionRoles
    ? "members, the compute role, the admins and the deployer (work the admins start outlives their session)"
    : "members (their team's compute role), the compute role itself and the deployer";
  const writers =
    guard.identityWriterRoleArns.length > 0 ? ` and ${codeList(guard.identityWriterRoleArns)} (identities only)` : "";
  return [
    `Console guard (service control policies), in ${accounts.length === 1 ? "account" : "accounts"} ${accounts.join(", ")}:`,
    "",
    "- Nobody but the admins, the execution roles and the deployer uses SageMaker at all: no other permission set, IAM administrator or workload role reaches a domain, a profile, a space, an app, a team's resources or MLflow.",
    ...(guard.readerRoleArns.length > 0
      ? [`- ${codeList(guard.readerRoleArns)} read SageMaker (Describe and List) and do nothing else there.`]
      : []),
    `- The execution roles are passed only by ${passers}, and changed only by the deployer.`,
    identityCenterInManagementAccount(config)
      ? `- IAM Identity Center is in the management account ${code(config.aws.accountId)}, which no SCP binds: whoever may write IAM Identity Center there can join the admin group or a team's group. Register a delegated administrator in a member account (docs/runbook.md).`
      : `- IAM Identity Center (account ${code(config.aws.accountId)}): only the deployer${writers} changes users, groups and memberships, the admin permission set and its assignments, and the domains' applications.`,
  ];
}

/** Which personas may turn on remote IDE access to their own spaces: "data-scientist" or "off". */
export function remoteAccessText(config: FederationConfig): string {
  const personas = Object.values(config.personas).filter((persona) => persona.remoteAccess);
  return personas.length === 0 ? "off" : personas.map((persona) => persona.key).join(", ");
}
