import type { FederationConfig } from "../config/types";
import {
  accessChanges,
  hasAccessChange,
  type AccessChanges,
  type MemberChange,
  type Placement,
  type TeamChange,
} from "./access-changes";
import { code, codeList, plural, table } from "./markdown";
import type { SetChange } from "./sets";

export interface AccessDiffOptions {
  /** Where the base (deployed) config came from, e.g. `origin/main:examples/contoso.yaml`. */
  readonly baseSource: string;
  readonly headSource: string;
}

export interface AccessDiff {
  readonly markdown: string;
  readonly changed: boolean;
}

export const NO_ACCESS_CHANGE = "No access change.";

/** The access diff a reviewer reads on a pull request: who gains or loses what, and what would be lost. */
export function accessDiff(base: FederationConfig, head: FederationConfig, options: AccessDiffOptions): AccessDiff {
  const changes = accessChanges(base, head);
  const changed = hasAccessChange(changes);
  const body = changed
    ? [
        ...domainWarning(changes),
        ...section("Platform", changes.platform),
        ...section("Teams", changes.teams.map(teamLine)),
        ...members(changes, base.phase === "full"),
        ...section("Personas whose permissions change", personaLines(changes)),
        ...section("Execution roles", roleLines(changes)),
        ...section("Admins", adminLines(changes)),
      ]
    : ["", NO_ACCESS_CHANGE];
  const markdown = [
    `# Access diff: ${head.name}`,
    "",
    `Base ${code(options.baseSource)} → head ${code(options.headSource)}`,
    ...body,
  ].join("\n");
  return { markdown: markdown + "\n", changed };
}

/**
 * Exit code of `report --base`: a diff is a successful answer whatever it says. `--detailed-exitcode` returns 2
 * when access changes, as `terraform plan -detailed-exitcode` does, for scripts that gate on it.
 */
export function diffExitCode(diff: AccessDiff, detailed: boolean): number {
  return detailed && diff.changed ? 2 : 0;
}

function section(title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : ["", `## ${title}`, "", ...lines.map((line) => `- ${line}`)];
}

/** GitHub renders `[!CAUTION]` as a red alert box: a lost home directory must not be missed in review. */
function domainWarning(changes: AccessChanges): string[] {
  const losses = changes.domainLosses;
  if (losses.length === 0) return [];
  return [
    "",
    "> [!CAUTION]",
    `> **${plural(losses.length, "Studio domain")} would be REPLACED or DESTROYED: home directories at risk.** ` +
      "Terraform refuses this plan (the domains have `prevent_destroy`). Undo the change, or follow " +
      '"Changes that must never be made in place" in docs/runbook.md.',
    ">",
    ...losses.map(
      (loss) =>
        `> - ${code(loss.team)} (${code(loss.domainName)}) ${loss.action.toUpperCase()}: ${loss.reasons.join("; ")}`,
    ),
  ];
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

function placementText(placements: readonly Placement[]): string {
  if (placements.length === 0) return "—";
  return placements.map((p) => `${code(p.team)} as ${code(p.persona)}`).join(", ");
}

function members(changes: AccessChanges, profilesExist: boolean): string[] {
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
  const deletesProfiles = changes.members.some((change) => ["removed", "moved", "profile"].includes(change.kind));
  return [
    "",
    "## Members",
    "",
    ...table(["Change", "User", "Before", "After"], rows),
    ...(profilesExist && deletesProfiles
      ? [
          "",
          "Removing, moving or renaming a member deletes their old user profile, which fails while they still have " +
            'Studio apps or spaces in that domain: see "Offboarding" in docs/runbook.md.',
        ]
      : []),
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
    return `${code(change.persona)} (every team using it): ${[...setText(change.activities, "activities"), ...setText(change.instanceTypes, "instance types")].join("; ")}`;
  });
  const buckets = changes.buckets.map(
    (change) => `${code(change.persona)} in ${code(change.team)}: ${setText(change.buckets, "buckets").join("; ")}`,
  );
  return [...personas, ...buckets];
}

function roleLines(changes: AccessChanges): string[] {
  const { created, deleted, changed } = changes.roles;
  return [
    ...(created.length > 0 ? [`created: ${codeList(created)}`] : []),
    ...(deleted.length > 0 ? [`deleted: ${codeList(deleted)}`] : []),
    ...(changed.length > 0 ? [`policy changes: ${codeList(changed)}`] : []),
  ];
}

function adminLines(changes: AccessChanges): string[] {
  const { members, settings } = changes.admins;
  return [
    ...(members.added.length > 0 ? [`added: ${members.added.join(", ")}`] : []),
    ...(members.removed.length > 0 ? [`removed: ${members.removed.join(", ")}`] : []),
    ...settings,
  ];
}
