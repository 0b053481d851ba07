// What each day-2 plan may change. Instances are matched by resource type and instance key only, never by
// block name, so renaming blocks in the stack does not touch these rules. A key belongs to a team when it is
// the team key or starts with `<team>/` (domains, application assignments, roles, profiles); other keys
// (accounts, personas, the admin group) are shared.
import type { FederationConfig } from "../../../config/types";
import { errorsOf, eventsOf, type Diagnostic, type InstanceKey, type Plan } from "../terraform-json";
import type { Intent, Variant } from "./variants";

const ASSIGNMENTS = new Set(["aws_ssoadmin_application_assignment", "aws_ssoadmin_account_assignment"]);

/**
 * What a plan does to one instance; `move`, `import` and `read` are named only by the `-json` stream, which a saved
 * plan folds into the other kinds.
 */
export type ChangeKind = "create" | "delete" | "update" | "replace" | "forget" | "no-op" | "move" | "import" | "read";

/** One managed instance's change, from a saved plan (every field) or the `-json` stream (type to updated). */
export interface InstanceChange {
  readonly type: string;
  readonly key: InstanceKey | undefined;
  readonly address: string;
  readonly kind: ChangeKind;
  /** The attributes an update changes. */
  readonly updated: readonly string[];
  /** @default "" - not in the `-json` stream */
  readonly name?: string;
  /** For a replaced stand-in of the Entra simulation, the ForceNew arguments of the real object that changed. */
  readonly forcedBy?: readonly string[];
  readonly importing?: boolean;
  /** Terraform's `action_reason` (`replace_by_triggers`, ...). */
  readonly reason?: string;
  readonly previous?: string;
}

/** The verdict on one plan: `text` lists the problems, or sums up what the plan does. */
export interface CheckResult {
  readonly ok: boolean;
  readonly text: string;
}

/** The loaded configs of an example: `A` and each variant's, by variant name. */
export type Configs = Readonly<Record<string, FederationConfig>>;

/** The outcome of a `terraform plan -json` run. */
export interface StreamedPlan {
  readonly code: number | null;
  readonly stdout: string;
}

const owned = (key: InstanceKey | undefined, team: string | undefined) =>
  typeof key === "string" && (key === team || key.startsWith(`${team}/`));
const label = (c: InstanceChange) => (c.key === undefined ? c.address : `${c.type}[${JSON.stringify(c.key)}]`);

function kindOf(actions: readonly string[]): ChangeKind {
  if (actions.includes("create") && actions.includes("delete")) return "replace";
  // A removed block with destroy = false: the object stays, unmanaged.
  if (actions.includes("forget")) return "forget";
  for (const kind of ["create", "delete", "update"] as const) if (actions.includes(kind)) return kind;
  return "no-op";
}

const differing = (before: object | null, after: object | null): string[] =>
  Object.keys({ ...before, ...after }).filter(
    (k) => JSON.stringify(Reflect.get(before ?? {}, k)) !== JSON.stringify(Reflect.get(after ?? {}, k)),
  );

/**
 * Every managed instance's change, from a saved plan (`terraform show -json`). `forcedBy`: for a replaced
 * stand-in of the Entra simulation, the ForceNew arguments of the real object that changed.
 */
export function changesOfPlan(plan: Plan): InstanceChange[] {
  return plan.resource_changes
    .filter((rc) => rc.mode === "managed")
    .map((rc): InstanceChange => {
      const kind = kindOf(rc.change.actions);
      const updated = kind === "update" ? differing(rc.change.before ?? {}, rc.change.after ?? {}) : [];
      const forcedBy =
        kind === "replace" && rc.type === "terraform_data"
          ? differing(objectOf(rc.change.before?.triggers_replace), objectOf(rc.change.after?.triggers_replace))
          : [];
      return {
        type: rc.type,
        key: rc.index,
        address: rc.address,
        name: rc.name,
        kind,
        updated,
        forcedBy,
        importing: rc.change.importing !== undefined && rc.change.importing !== null,
        reason: rc.action_reason,
        previous: rc.previous_address,
      };
    });
}

/**
 * Why the azuread provider replaces an object, per type and changed ForceNew argument: the only replacements an
 * Entra-mode plan may show. Anything else replaced (an assignment, a group, the app) would cut access mid-apply.
 */
/** Why a replaced stand-in's object is replaced: per azuread type, per ForceNew argument. */
type Explanations = Readonly<Record<string, Readonly<Record<string, string>>>>;

const EXPLAINED: Explanations = {
  azuread_synchronization_job_provision_on_demand: {
    triggers:
      "provisioned again on purpose (create-only): a renamed group or a user created again must reach IAM Identity Center within the apply",
  },
};

/** Replacements only the certificate rotation may show. */
const ROTATION: Explanations = {
  azuread_service_principal_token_signing_certificate: {
    end_date:
      "a new end date is a new certificate: the provider deletes the old one and adds the new (one certificate on the service principal at a time)",
  },
};

/** The explanation of a replaced stand-in, or undefined. */
function explanation(c: InstanceChange, explained = EXPLAINED): string | undefined {
  const type = Object.keys(explained).find((t) => (c.name ?? "").startsWith(`${t}_`));
  const forcedBy = c.forcedBy ?? [];
  const reasons = forcedBy.map((arg) => (type === undefined ? undefined : explained[type]?.[arg]));
  return forcedBy.length > 0 && reasons.every(Boolean) ? [...new Set(reasons)].join("; ") : undefined;
}

/**
 * The changes of a `terraform plan -json` run (no saved plan: one `terraform show` less per variant). It
 * lists changed instances only; no-ops are not reported, and updates do not name their attributes.
 */
export function changesOfStream(stdout: string): InstanceChange[] {
  return eventsOf(stdout).flatMap(({ type, change }) =>
    type === "planned_change" && change && !change.resource.addr.startsWith("data.")
      ? [
          {
            type: change.resource.resource_type,
            key: change.resource.resource_key,
            address: change.resource.addr,
            kind: streamedKind(change.action),
            updated: [],
          },
        ]
      : [],
  );
}

/** The stream's action names in the terms of a saved plan: `noop` and `remove` differ, the rest are the same. */
function streamedKind(action: string): ChangeKind {
  if (action === "noop") return "no-op";
  if (action === "remove") return "forget";
  return action as ChangeKind;
}

/** An object attribute of a plan's values (`triggers_replace`), or an empty one. */
function objectOf(value: unknown): object {
  return typeof value === "object" && value !== null ? value : {};
}

export function planErrors(stdout: string): Diagnostic[] {
  return errorsOf(stdout);
}

/** A failed assertion of a check block, which Terraform reports as a warning. */
export interface CheckWarning {
  readonly detail: string;
}

/** The failed assertions of check blocks, which Terraform reports as warnings. */
export function checkWarnings(stdout: string): CheckWarning[] {
  return eventsOf(stdout).flatMap(({ type, diagnostic }) =>
    type === "diagnostic" && diagnostic?.severity === "warning" && diagnostic.summary === "Check block assertion failed"
      ? [{ detail: diagnostic.detail ?? "" }]
      : [],
  );
}

export function summary(variant: Pick<Variant, "intent">): string {
  const { team, member, what } = variant.intent;
  if (what) return what;
  if (!team) return "the whole config";
  return member ? `${member} in team ${team}` : `team ${team}`;
}

function counts(changes: readonly InstanceChange[]): string {
  const by: Record<string, number> = {};
  for (const c of changes) by[c.kind] = (by[c.kind] ?? 0) + 1;
  return Object.entries(by)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(", ");
}

/**
 * Checks the changes (changesOfPlan, changesOfStream) of one plan of variant `kind`. Returns { ok, text }: text lists the problems,
 * or sums up what the plan does.
 */
export function check(kind: string, changes: readonly InstanceChange[], intent: Intent, configs: Configs): CheckResult {
  const changed = changes.filter((c) => c.kind !== "no-op");
  const problems: string[] = [];
  const explained: string[] = [];
  const only = (allowed: (c: InstanceChange) => boolean, why: string) => {
    for (const c of changed) if (!allowed(c)) problems.push(`unexpected ${c.kind} of ${label(c)} (${why})`);
  };
  const expectAll = (wanted: readonly (readonly [string, string])[], kindWanted: ChangeKind) => {
    for (const [type, key] of wanted)
      if (!changed.some((c) => c.type === type && c.key === key && c.kind === kindWanted))
        problems.push(`expected ${kindWanted} of ${type}[${JSON.stringify(key)}] is missing`);
  };
  // Common to every variant but the Entra simulation's: nothing is ever replaced, and no assignment is
  // deleted unless its team goes.
  const entraKinds = new Set(["entra", "rotate-certificate", "rotate-scim-token", "jit-switch", "jit-switch-back"]);
  for (const c of entraKinds.has(kind) ? [] : changed) {
    if (c.kind === "replace") problems.push(`replace of ${label(c)}`);
    const retired = kind === "retire" && (owned(c.key, intent.team) || c.key === intent.account);
    if (ASSIGNMENTS.has(c.type) && c.kind === "delete" && !retired) problems.push(`delete of assignment ${label(c)}`);
  }
  // Terraform forgets an object only where the config says so: a retired team's domain, the permanent admins'
  // memberships once the admin group holds them again.
  const forgettable = (c: InstanceChange) =>
    (kind === "retire" && c.type === "aws_sagemaker_domain") || (kind === "jit-switch-back" && isMembership(c));
  for (const c of changed) if (c.kind === "forget" && !forgettable(c)) problems.push(`${c.address} forgotten`);
  const { team, member } = intent;
  const profile = member && `${team}/${member}`;
  switch (kind) {
    case "A": {
      // Updates are reported as noise, not failures; creates and deletes mean the generated state is wrong.
      only((c) => c.kind === "update", "unchanged config");
      break;
    }
    case "plus-team": {
      only((c) => c.kind === "create" && owned(c.key, team), "a new team only creates its own instances");
      const profiles = Object.keys(configOf(configs, "plus-team").profiles).filter((key) => owned(key, team));
      expectAll(
        [
          ["aws_sagemaker_domain", `${team}`],
          ["aws_ssoadmin_application_assignment", `${team}`],
          ...profiles.map((key) => ["aws_sagemaker_user_profile", key] as const),
        ],
        "create",
      );
      break;
    }
    case "team-setting": {
      // A routine change of one team's settings: never a domain (the provider's UpdateDomain fails on VpcOnly
      // domains), never a profile created or deleted (a home directory), and only the team's own roles come or go.
      for (const c of changed) {
        if (c.type === "aws_sagemaker_domain")
          problems.push(`${c.kind} of ${label(c)}: a domain must never be updated`);
        else if (c.type === "aws_sagemaker_user_profile" && c.kind !== "update")
          problems.push(`${c.kind} of ${label(c)}: a profile is only ever updated by a setting`);
        else if (c.kind !== "update" && !owned(c.key, team)) problems.push(`unexpected ${c.kind} of ${label(c)}`);
      }
      break;
    }
    case "second-apply":
      // The state as the providers read it back after the apply: nothing at all may change.
      only(() => false, "the second apply of an applied config");
      break;
    case "renamed-group":
      only(() => false, "a renamed group keeps its identity store id");
      break;
    case "plus-member":
      only((c) => c.kind === "create" && c.type === "aws_sagemaker_user_profile" && c.key === profile, "new member");
      expectAll([["aws_sagemaker_user_profile", `${profile}`]], "create");
      break;
    case "minus-member":
      only((c) => c.kind === "delete" && c.type === "aws_sagemaker_user_profile" && c.key === profile, "member left");
      expectAll([["aws_sagemaker_user_profile", `${profile}`]], "delete");
      break;
    case "retire": {
      // The domain is moved to an address of its own and forgotten there (retiredTeams): nothing else of the
      // team stays, nothing of another team goes.
      const forgotten = changed.filter((c) => c.kind === "forget");
      const domain = forgotten.find(
        (c) =>
          c.type === "aws_sagemaker_domain" &&
          c.previous?.startsWith("aws_sagemaker_domain.") === true &&
          c.previous.endsWith(`[${JSON.stringify(team)}]`),
      );
      if (!domain) problems.push(`aws_sagemaker_domain[${JSON.stringify(team)}] is not forgotten`);
      else if (domain.address !== `aws_sagemaker_domain.retired_${team}`)
        problems.push(`the domain is forgotten at ${domain.address}, not aws_sagemaker_domain.retired_${team}`);
      // With the last team of a workload account, what the account held for its teams goes too: its blocks
      // (`<block>_<account>`) and the instances keyed by the account.
      const ofAccount = (c: InstanceChange) =>
        intent.account !== undefined && (c.key === intent.account || (c.name ?? "").endsWith(`_${intent.account}`));
      // The console guard SCPs name the deployer and reader roles of the accounts with domains: theirs leave them.
      const guardUpdate = (c: InstanceChange) =>
        intent.account !== undefined && c.kind === "update" && c.type === "aws_organizations_policy";
      only(
        (c) => (c.kind === "delete" && (owned(c.key, team) || ofAccount(c))) || c === domain || guardUpdate(c),
        "only the retired team's instances go (and its account's, when it was the last), and only its domain is forgotten",
      );
      const a = configOf(configs, "A");
      const profiles = Object.keys(a.profiles).filter((key) => owned(key, team));
      expectAll(
        [
          ["aws_ssoadmin_application_assignment", `${team}`],
          ...profiles.map((key) => ["aws_sagemaker_user_profile", key] as const),
          ...(a.teams[`${team}`]?.roleKeys ?? []).map((key) => ["aws_iam_role", key] as const),
        ],
        "delete",
      );
      break;
    }
    case "jit-switch":
    case "jit-switch-back":
    case "rotate-certificate":
    case "rotate-scim-token":
    case "entra": {
      // Entra simulation (plus a team or a member, a renamed group, the day-2 switches): nothing is deleted, and
      // nothing replaced but what EXPLAINED explains (and, rotating the certificate, the certificate), above all no
      // application or account assignment, no group and no app.
      const explainedHere = kind === "rotate-certificate" ? { ...EXPLAINED, ...ROTATION } : EXPLAINED;
      for (const c of changed) {
        const deleted = c.kind === "delete" && deleteExplanation(kind, c, intent);
        if (deleted) explained.push(`${c.address} deleted: ${deleted}`);
        else if (c.kind === "delete") problems.push(`delete of ${c.address}`);
        if (c.kind !== "replace") continue;
        const why =
          c.type !== "terraform_data"
            ? undefined
            : kind === "rotate-scim-token" && isScimSecret(c) && c.reason === "replace_by_triggers"
              ? "a new scimTokenIssuedOn sets the token again: the provider blanks the old secret, then writes the new"
              : explanation(c, explainedHere);
        if (why) explained.push(`${c.address} replaced: ${why}`);
        else
          problems.push(
            `unexplained replace of ${c.address}${c.forcedBy?.length ? ` (${c.forcedBy.join(", ")})` : ""}`,
          );
      }
      problems.push(...entraSwitchProblems(kind, changed, intent));
      break;
    }
    default:
      throw new Error(`no assertions for variant ${kind}`);
  }
  if (problems.length > 0) return { ok: false, text: problems.join("; ") };
  const updates = changed.filter((c) => c.kind === "update").map((c) => `${label(c)} (${c.updated.join(", ")})`);
  const imported = changed.filter((c) => c.importing).map((c) => c.address);
  const forgotten = changed
    .filter((c) => c.kind === "forget")
    .map((c) => `${c.address}${c.previous ? ` (moved from ${c.previous})` : ""}`);
  const notes = [
    ...(updates.length > 0 ? [`in-place updates: ${updates.join(", ")}`] : []),
    ...(imported.length > 0 ? [`imported: ${imported.join(", ")}`] : []),
    ...(forgotten.length > 0 ? [`forgotten: ${forgotten.join(", ")}`] : []),
  ];
  return {
    ok: true,
    text: `${counts(changed) || "no changes"}${notes.map((note) => `; ${note}`).join("")}${explained.map((line) => `\n  ${line}`).join("")}`,
  };
}

/**
 * Checks the `terraform plan -json` run of a config without team `team`: it must fail, refusing to destroy
 * exactly that team's Studio domain(s) (lifecycle.prevent_destroy), and fail for no other reason.
 */
export function checkRefused(result: StreamedPlan, team: string | undefined): CheckResult {
  const errors = planErrors(result.stdout).map((diagnostic) => ({ diagnostic }));
  const problems: string[] = [];
  if (result.code === 0) problems.push("the plan succeeded: a Studio domain would be destroyed");
  const refused: string[] = [];
  for (const { diagnostic: d } of errors) {
    const address = /^Resource (\S+) has lifecycle\.prevent_destroy set/.exec(d.detail ?? "")?.[1];
    if (d.summary !== "Instance cannot be destroyed" || !address) {
      problems.push(`other error: ${d.summary}: ${d.detail}`);
      continue;
    }
    refused.push(address);
    const match = /^([a-z0-9_]+)\.[^[]+\[(".*")\]$/.exec(address);
    if (!match?.[2] || match[1] !== "aws_sagemaker_domain" || JSON.parse(match[2]) !== team)
      problems.push(`refused to destroy ${address}, not team ${team}'s domain`);
  }
  if (refused.length === 0) problems.push(`no "Instance cannot be destroyed" for team ${team}'s domain`);
  return problems.length > 0
    ? { ok: false, text: problems.join("; ") }
    : { ok: true, text: `plan refused as intended: Instance cannot be destroyed: ${refused.join(", ")}` };
}

/**
 * Why a stand-in may be deleted, or undefined: made eligible, an admin is no longer provisioned on demand (only
 * permanent members are), and the azuread provider's delete of a provisioning on demand does nothing in Entra
 * ("Nothing to destroy"): the user stays provisioned.
 */
function deleteExplanation(kind: string, c: InstanceChange, intent: Intent): string | undefined {
  if (kind !== "jit-switch" || c.type !== "terraform_data") return undefined;
  const provisioning = /^azuread_synchronization_job_provision_on_demand_member(_ids)?$/.test(c.name ?? "");
  if (!provisioning || typeof c.key !== "string" || !(intent.eligible ?? []).includes(c.key)) return undefined;
  return "made eligible, the admin is no longer provisioned on demand; the provider's delete leaves Entra as it is";
}

/** A permanent admin's membership stand-in (azuread_group_member.admin) in the Entra simulation. */
const isMembership = (c: InstanceChange) => c.type === "terraform_data" && c.name === "azuread_group_member_admin";

/** The stand-in of the SCIM synchronization secret. */
const isScimSecret = (c: InstanceChange) => (c.name ?? "").startsWith("azuread_synchronization_secret_");

/**
 * What each day-2 switch of the Entra simulation must do beyond the common rules. `intent.permanent`: the
 * permanent admins' user names.
 */
function entraSwitchProblems(kind: string, changed: readonly InstanceChange[], intent: Intent): string[] {
  const problems: string[] = [];
  const memberships = changed.filter(isMembership);
  const expectEach = (test: (c: InstanceChange) => boolean, what: string) => {
    for (const user of intent.permanent ?? [])
      if (!memberships.some((c) => c.key === user && test(c)))
        problems.push(`${what} of ${user}'s membership is missing`);
  };
  if (kind === "jit-switch") {
    // Entra refuses to add a member twice: every permanent admin's membership is imported, none created.
    for (const c of memberships)
      if (!c.importing) problems.push(`${c.kind} of ${c.address} without an import: Entra would refuse it as existing`);
    expectEach((c) => c.importing === true, "import");
  }
  if (kind === "jit-switch-back") {
    // The group holds the permanent admins again: their memberships are forgotten, never deleted.
    // (A delete is reported with every other delete.)
    for (const c of memberships)
      if (c.kind !== "forget" && c.kind !== "delete") problems.push(`${c.kind} of ${c.address}`);
    expectEach((c) => c.kind === "forget", "forgetting");
  }
  if (kind === "rotate-scim-token") {
    if (!changed.some((c) => c.kind === "replace" && isScimSecret(c)))
      problems.push("the synchronization secret is not replaced");
    const others = changed.filter((c) => !isScimSecret(c) && c.address !== "terraform_data.scim_secret");
    if (others.length > 0) problems.push(`changes besides the secret: ${others.map((c) => c.address).join(", ")}`);
  }
  if (
    kind === "rotate-certificate" &&
    !changed.some(
      (c) => c.kind === "replace" && (c.name ?? "").startsWith("azuread_service_principal_token_signing_certificate_"),
    )
  )
    problems.push("the signing certificate is not replaced");
  return problems;
}

/** A loaded config of the example, which the tier loads before any plan. */
function configOf(configs: Configs, variant: string): FederationConfig {
  const config = configs[variant];
  if (!config) throw new Error(`no loaded config for ${variant}`);
  return config;
}
