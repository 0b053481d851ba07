import type { FederationConfig } from "../../../config/types";
import {
  accessChanges,
  hasAccessChange,
  hasDataAtStake,
  type AccessChanges,
  type MemberChange,
  type Placement,
  type ProfileLoss,
  type TeamChange,
} from "./access-changes";
import { allowedActions, grantChanges, type GrantChange } from "./grant-changes";
import { grantChangeLines, rawStatementDetails, wildcardGrants } from "./grant-changes-text";
import { dayTwoOperations } from "./day-two-operations";
import { code, codeList, plural, table } from "../../shared/markdown";
import { principalGrants, type Principal } from "./principal-grants";
import { setChange, type SetChange } from "../../shared/sets";
import type { TerraformJson } from "./terraform-instances";

/** One side of the diff: the config, and the Terraform JSON its own code synthesized from it. */
export interface DiffSide {
  readonly config: FederationConfig;
  readonly json: TerraformJson;
}

export interface AccessDiffOptions {
  /** Where the base (deployed) config came from, e.g. `origin/main:examples/contoso.yaml`. */
  readonly baseSource: string;
  readonly headSource: string;
  /** Why the base was synthesized with the head's code rather than its own: code changes are then not seen. */
  readonly baseCodeNote?: string;
}

export interface AccessDiff {
  readonly markdown: string;
  readonly changed: boolean;
  /** A domain or a user profile is deleted with data: home directories, private spaces. */
  readonly dataAtStake: boolean;
}

export const NO_ACCESS_CHANGE = "No access change.";

/**
 * The access diff a reviewer reads on a pull request: who gains or loses what, and what would be lost. The config
 * sections compare the two configs; the effective permissions compare what each side's code synthesized, so a
 * change to the code (or to a dependency) that grants more shows as plainly as a change to the config. Without a
 * base (the change adds the config), everything is new.
 */
export function accessDiff(base: DiffSide | undefined, head: DiffSide, options: AccessDiffOptions): AccessDiff {
  const changes = accessChanges(base?.config ?? nothingDeployed(head.config), head.config);
  const before = principalGrants(base?.json ?? {});
  const after = principalGrants(head.json);
  const grants = grantChanges(before, after);
  const operations = base === undefined ? [] : dayTwoOperations(base.config, head.config);
  const changed = hasAccessChange(changes) || grants.length > 0 || operations.length > 0;
  const body = changed
    ? [
        ...firstConfigNote(base, options.baseSource),
        ...domainWarning(changes),
        ...alert("WARNING", "**Day-2 operations: planned by Terraform, with steps around the apply.**", operations),
        ...profileWarning(changes, options.baseSource),
        ...wildcardWarning(grants),
        ...domainSettingsNote(changes),
        ...section("Platform", changes.platform),
        ...controls(changes),
        ...section("Teams", changes.teams.map(teamLine)),
        ...members(changes, base?.config.phase === "full", before, after),
        ...section("Personas whose permissions change", personaLines(changes)),
        ...effectivePermissions(grants),
        ...section("Admins", adminLines(changes)),
        ...section("Idle shutdown and storage", changes.limits),
      ]
    : ["", NO_ACCESS_CHANGE];
  const markdown = [
    `# Access diff: ${head.config.name}`,
    "",
    `Base ${code(options.baseSource)} → head ${code(options.headSource)}`,
    // Even "no access change" is then only about the config.
    ...alert("IMPORTANT", options.baseCodeNote ?? "", options.baseCodeNote === undefined ? [] : [BASE_CODE_LIMIT]),
    ...body,
  ].join("\n");
  return { markdown: markdown + "\n", changed, dataAtStake: hasDataAtStake(changes) };
}

/** A base with nothing deployed: the head's platform settings, no team, no member, no admin. */
function nothingDeployed(head: FederationConfig): FederationConfig {
  return { ...head, teams: {}, roles: {}, profiles: {}, groups: {}, admins: { ...head.admins, members: [] } };
}

const BASE_CODE_LIMIT =
  "The effective permissions below compare both configs as this change's code synthesizes them: a change to the code itself is not shown.";

function firstConfigNote(base: DiffSide | undefined, baseSource: string): string[] {
  if (base !== undefined) return [];
  return alert("IMPORTANT", `**A new config: the base has no ${code(baseSource)}.** Everything below is new.`, [
    "Every team, member, admin and role is created by the first apply.",
  ]);
}

/** A wildcard action granted: least privilege is broken whatever else the change does. */
function wildcardWarning(grants: readonly GrantChange[]): string[] {
  const lines = wildcardGrants(grants.filter((change) => change.status !== "deleted"));
  return alert(
    "WARNING",
    `**${plural(lines.length, "principal")} gain${lines.length === 1 ? "s" : ""} a wildcard action.** Every action it matches, today's and future ones, is granted.`,
    lines,
  );
}

function effectivePermissions(grants: readonly GrantChange[]): string[] {
  if (grants.length === 0) return [];
  return [
    "",
    "## Effective permissions",
    "",
    "What each execution role, permission set and service control policy may do, read from the synthesized Terraform JSON of both sides.",
    "",
    ...grantChangeLines(grants),
    ...rawStatementDetails(grants),
  ];
}

function controls(changes: AccessChanges): string[] {
  if (changes.controls.length === 0) return [];
  return [
    "",
    "## Who controls access and sign-in",
    "",
    ...table(
      ["Setting", "Before", "After", "Risk"],
      changes.controls.map((change) => [code(change.setting), change.before, change.after, change.risk]),
    ),
  ];
}

/** `--detailed-exitcode` answers: access changes (2), and data at stake (3), which implies access changes. */
export const EXIT_ACCESS_CHANGES = 2;
export const EXIT_DATA_AT_STAKE = 3;

/**
 * Exit code of `report --base`: a diff is a successful answer whatever it says. `--detailed-exitcode` returns 2
 * when access changes, as `terraform plan -detailed-exitcode` does, and 3 when the change also deletes data (a
 * leaver's or mover's profile, a domain), so a pipeline can ask for a second approval only then.
 */
export function diffExitCode(diff: AccessDiff, detailed: boolean): number {
  if (!detailed) return 0;
  if (diff.dataAtStake) return EXIT_DATA_AT_STAKE;
  return diff.changed ? EXIT_ACCESS_CHANGES : 0;
}

function section(title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : ["", `## ${title}`, "", ...lines.map((line) => `- ${line}`)];
}

/** A GitHub alert box (rendered red for CAUTION, yellow for WARNING): a headline, then one item per line. */
function alert(kind: "CAUTION" | "WARNING" | "IMPORTANT", headline: string, items: readonly string[]): string[] {
  if (items.length === 0) return [];
  return ["", `> [!${kind}]`, `> ${headline}`, ">", ...items.map((item) => `> - ${item}`)];
}

/** A lost home directory must not be missed in review. */
function domainWarning(changes: AccessChanges): string[] {
  const losses = changes.domainLosses;
  return alert(
    "CAUTION",
    `**${plural(losses.length, "Studio domain")} would be REPLACED or DESTROYED: home directories at risk.** ` +
      "Terraform refuses this plan (the domains have `prevent_destroy`). Undo the change, or follow " +
      '"Changes that must never be made in place" in docs/runbook.md.',
    losses.map(
      (loss) =>
        `${code(loss.team)} (${code(loss.domainName)}) ${loss.action.toUpperCase()}: ${loss.reasons.join("; ")}`,
    ),
  );
}

/** A step the apply does not take: the AWS provider cannot update a domain in VpcOnly mode. */
function domainSettingsNote(changes: AccessChanges): string[] {
  const teams = changes.domainSettings;
  return alert(
    "IMPORTANT",
    `**${plural(teams.length, "Studio domain")} keep${teams.length === 1 ? "s" : ""} these settings from ${teams.length === 1 ? "its" : "their"} creation: the apply leaves them as they are.** ` +
      "After the apply, update them as docs/runbook.md section 11 says (until then the plan's `studio_domain_settings` check warns). Profiles get the change with the apply.",
    teams,
  );
}

/** What goes with each deleted profile, and the command that saves what can be saved before the apply. */
function profileWarning(changes: AccessChanges, baseSource: string): string[] {
  const losses = changes.profileLosses;
  return alert(
    "WARNING",
    `**Data at stake: ${plural(losses.length, "user profile")} deleted with ${losses.length === 1 ? "its" : "their"} ` +
      "home directory (EFS) and private spaces (EBS volumes).** Back up and delete the apps and spaces first with " +
      "`npm run offboard`, or the apply stops at `ResourceInUse`: see docs/membership-changes.md.",
    losses.map((loss) => profileLossLine(loss, baseSource)),
  );
}

/** The command reads the person from the base config: the head no longer has them in that team. */
function profileLossLine(loss: ProfileLoss, baseSource: string): string {
  const what =
    loss.reason === "moved"
      ? `${code(loss.userName)} moves ${code(loss.team)} → ${codeList(loss.replacedBy)}`
      : loss.reason === "profile"
        ? `${code(loss.userName)} in ${code(loss.team)}: profile renamed ${code(loss.profileName)} → ${code(loss.replacedBy[0]!)}`
        : `${code(loss.userName)} leaves ${code(loss.team)}`;
  const fresh = loss.reason === "removed" ? "" : "; the new profile starts with an empty home directory";
  return (
    `${what}: profile ${code(loss.profileName)} in ${code(loss.domainName)} is deleted with its home directory ` +
    `and private spaces${fresh}. First: ${code(`npm run offboard -- ${loss.userName} --team ${loss.team} --base ${baseSource}`)}`
  );
}

function teamLine(change: TeamChange): string {
  switch (change.kind) {
    case "added":
      return `${code(change.team)} added: group ${code(change.after!)} gets a new domain`;
    case "removed":
      return `${code(change.team)} removed: group ${code(change.before!)} loses its domain`;
    case "group":
      return `${code(change.team)} is assigned group ${code(change.after!)} instead of ${code(change.before!)}`;
  }
}

const KIND_LABEL: Readonly<Record<MemberChange["kind"], string>> = {
  added: "added",
  removed: "removed",
  moved: "moved",
  persona: "persona changed",
  profile: "profile renamed",
};

/** Running apps keep the credentials of the role they started with: a loss is not in force until then. */
export const DOWNGRADE_WARNING = "effective when their apps restart";

function placementText(placements: readonly Placement[]): string {
  if (placements.length === 0) return "—";
  return placements.map((p) => `${code(p.team)} as ${code(p.persona)}`).join(", ");
}

function members(
  changes: AccessChanges,
  profilesExist: boolean,
  before: ReadonlyMap<string, Principal>,
  after: ReadonlyMap<string, Principal>,
): string[] {
  if (changes.members.length === 0) return [];
  const rows = changes.members.map((change) =>
    change.kind === "profile"
      ? [
          KIND_LABEL.profile,
          change.userName,
          `${code(change.before[0]!.team)} profile ${code(change.profileNames![0])}`,
          `${code(change.after[0]!.team)} profile ${code(change.profileNames![1])}`,
        ]
      : [KIND_LABEL[change.kind], change.userName, placementText(change.before), placementText(change.after)],
  );
  const personaChanges = changes.members.filter((change) => change.kind === "persona");
  const losses = changes.members.filter((change) => change.downgrade === true);
  return [
    "",
    "## Members",
    "",
    ...table(["Change", "User", "Before", "After"], rows),
    ...(personaChanges.length > 0
      ? [
          "",
          "What each persona change gives and takes:",
          "",
          ...personaChanges.flatMap((change) => personaChangeLines(change, before, after)),
        ]
      : []),
    ...(profilesExist && losses.length > 0
      ? [
          "",
          `What a persona change takes away is ${DOWNGRADE_WARNING}: apps already running keep the old execution role. ` +
            "To make it effective now, stop those apps after the apply:",
          "",
          ...losses.map(
            (change) =>
              `- ${code(`npm run restart-apps -- ${change.userName} --team ${change.before[0]!.team} --apply`)}`,
          ),
        ]
      : []),
  ];
}

/**
 * A persona change both ways: the ML activities and instance types of the personas (as each side defines them),
 * and the IAM actions of the two execution roles (as each side synthesizes them).
 */
function personaChangeLines(
  change: MemberChange,
  before: ReadonlyMap<string, Principal>,
  after: ReadonlyMap<string, Principal>,
): string[] {
  const { team, persona: from } = change.before[0]!;
  const to = change.after[0]!.persona;
  const role = (principals: ReadonlyMap<string, Principal>, persona: string) =>
    [...principals.values()].find((p) => p.kind === "execution role" && p.team === team && p.persona === persona);
  const actions = setChange(allowedActions(role(before, from)), allowedActions(role(after, to)));
  const delta = change.personaDelta!;
  const way = (pick: (set: SetChange) => readonly string[]) =>
    [
      ...(pick(delta.activities).length > 0 ? [`activities ${codeList(pick(delta.activities))}`] : []),
      ...(pick(delta.instanceTypes).length > 0 ? [`instance types ${codeList(pick(delta.instanceTypes))}`] : []),
      ...(pick(actions).length > 0 ? [`IAM actions ${codeList(pick(actions))}`] : []),
    ].join("; ") || "nothing";
  return [
    `- ${change.userName} in ${code(team)}, ${code(from)} → ${code(to)}:`,
    `  - gains ${way((set) => set.added)}`,
    `  - loses ${way((set) => set.removed)}`,
  ];
}

function setText(change: SetChange, noun: string): string[] {
  return [
    ...(change.added.length > 0 ? [`${noun} added ${codeList(change.added)}`] : []),
    ...(change.removed.length > 0 ? [`${noun} removed ${codeList(change.removed)}`] : []),
  ];
}

function personaLines(changes: AccessChanges): string[] {
  const personas = changes.personas.map((change) => {
    if (change.status === "removed") return `${code(change.persona)}: no longer used by any execution role`;
    if (change.status === "added")
      return `${code(change.persona)} (now used): activities ${codeList(change.activities.added)}; instance types ${codeList(change.instanceTypes.added)}`;
    const removes = change.activities.removed.length + change.instanceTypes.removed.length > 0;
    return `${code(change.persona)} (every team using it): ${[...setText(change.activities, "activities"), ...setText(change.instanceTypes, "instance types")].join("; ")}${removes ? ` (removals ${DOWNGRADE_WARNING})` : ""}`;
  });
  const buckets = changes.buckets.map(
    (change) => `${code(change.persona)} in ${code(change.team)}: ${setText(change.buckets, "buckets").join("; ")}`,
  );
  return [...personas, ...buckets];
}

function adminLines(changes: AccessChanges): string[] {
  const { members, settings } = changes.admins;
  return [
    ...(members.added.length > 0 ? [`added: ${members.added.join(", ")}`] : []),
    ...(members.removed.length > 0 ? [`removed: ${members.removed.join(", ")}`] : []),
    ...settings,
  ];
}
