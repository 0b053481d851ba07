import { rolePolicy } from "../../../config/role-policy";
import {
  IDENTITY_CENTER_ACCOUNT,
  type FederationConfig,
  type MemberConfig,
  type PersonaConfig,
} from "../../../config/types";
import { domainLosses, type DomainLoss } from "./domain-replacement";
import { controlChanges, type ControlChange } from "./control-changes";
import { code, codeList } from "../../shared/markdown";
import { guardSummary, justInTimeText, limitsText, mfaText, remoteAccessText } from "../access-report/settings-text";
import { bucketsAllowedBy } from "../access-report/role-buckets";
import { isEmptyChange, setChange, sorted, type SetChange } from "../../shared/sets";

/** A member's place: the team (and so the domain) and the persona (and so the execution role). */
export interface Placement {
  readonly team: string;
  readonly persona: string;
}

export interface MemberChange {
  readonly userName: string;
  readonly kind: "added" | "removed" | "moved" | "persona" | "profile";
  readonly before: readonly Placement[];
  readonly after: readonly Placement[];
  /** Only for `profile`: the profile name before and after (the provider replaces a renamed profile). */
  readonly profileNames?: readonly [string, string];
  /** Only for `persona`: see {@link isPersonaDowngrade}. */
  readonly downgrade?: boolean;
  /** Only for `persona`: what the new persona (as the head defines it) has that the old one (as the base does) lacks, and the reverse. */
  readonly personaDelta?: { readonly activities: SetChange; readonly instanceTypes: SetChange };
}

/**
 * A user profile the change deletes, with what goes with it: the person's home directory on the domain's EFS and
 * their private spaces (each with its own EBS volume). Only when the base is deployed (full phase).
 */
export interface ProfileLoss {
  readonly userName: string;
  /** Why the profile goes: the person left the team, moved to another, or the profile was renamed. */
  readonly reason: "removed" | "moved" | "profile";
  readonly team: string;
  readonly domainName: string;
  readonly profileName: string;
  /** The teams a mover joins, or the new profile name of a renamed profile. */
  readonly replacedBy: readonly string[];
}

export interface PersonaChange {
  readonly persona: string;
  readonly status: "added" | "removed" | "changed";
  readonly activities: SetChange;
  readonly instanceTypes: SetChange;
}

export interface RoleBucketChange {
  readonly team: string;
  readonly persona: string;
  readonly buckets: SetChange;
}

export interface TeamChange {
  readonly team: string;
  readonly kind: "added" | "removed" | "group";
  readonly before?: string;
  readonly after?: string;
}

export interface AccessChanges {
  readonly domainLosses: readonly DomainLoss[];
  /**
   * Per deployed domain, what the change alters that the domain keeps from its creation (Terraform never updates a
   * domain): one line each, in the config's terms.
   */
  readonly domainSettings: readonly string[];
  /** Platform-wide lines: identity provider, phase, network access, console guard, account. */
  readonly platform: readonly string[];
  readonly teams: readonly TeamChange[];
  readonly members: readonly MemberChange[];
  /** Profiles deleted with their data: every leaver, mover and renamed profile of a deployed config. */
  readonly profileLosses: readonly ProfileLoss[];
  readonly personas: readonly PersonaChange[];
  readonly buckets: readonly RoleBucketChange[];
  /** Config changes that alter who controls access or sign-in, each with its risk. */
  readonly controls: readonly ControlChange[];
  readonly admins: {
    readonly members: SetChange;
    /** Lines for the group, permission set and session duration. */
    readonly settings: readonly string[];
  };
  /** Idle shutdown and storage limits that change, per domain and per team and persona. */
  readonly limits: readonly string[];
}

/** Everything that changes who can reach what between two validated configs. */
export function accessChanges(base: FederationConfig, head: FederationConfig): AccessChanges {
  const members = memberChanges(base, head);
  const losses = domainLosses(base, head);
  return {
    domainLosses: losses,
    domainSettings: domainSettingChanges(base, head, losses),
    platform: platformChanges(base, head),
    teams: teamChanges(base, head),
    members,
    profileLosses: profileLosses(base, members),
    personas: personaChanges(base, head),
    buckets: bucketChanges(base, head),
    controls: controlChanges(base, head),
    admins: {
      members: setChange(base.admins.members, head.admins.members),
      settings: [
        ...changed("admin group", base.admins.group, head.admins.group),
        ...changed("admin permission set", base.admins.permissionSetName, head.admins.permissionSetName),
        ...changed("admin session duration", base.admins.sessionDuration, head.admins.sessionDuration),
        ...changed(
          "just-in-time admins",
          justInTimeText(base.admins.justInTime),
          justInTimeText(head.admins.justInTime),
        ),
      ],
    },
    limits: limitChanges(base, head),
  };
}

/**
 * What the domains that stay keep from their creation and the change alters: their shared spaces' limits and
 * repositories, and the network access of their account.
 */
function domainSettingChanges(base: FederationConfig, head: FederationConfig, losses: readonly DomainLoss[]): string[] {
  if (base.phase !== "full") return [];
  const access = (config: FederationConfig, account: string) =>
    config.accounts[account]?.network?.appNetworkAccessType ?? "(no network)";
  return sorted(Object.keys(head.teams)).flatMap((key) => {
    const was = base.teams[key];
    const is = head.teams[key]!;
    if (was === undefined || losses.some((loss) => loss.team === key)) return [];
    const what = [
      ...changed("shared spaces' idle shutdown and storage", limitsText(was.limits), limitsText(is.limits)),
      ...changed(
        "shared spaces' Git repositories",
        codeList(sorted(was.gitRepositories)),
        codeList(sorted(is.gitRepositories)),
      ),
      ...changed("network access", access(base, was.account), access(head, is.account)),
    ];
    return what.length === 0 ? [] : [`${code(key)} (${code(is.domainName)}): ${what.join("; ")}`];
  });
}

/** Each team's shared spaces, and each team's persona in use, whose limits change. */
function limitChanges(base: FederationConfig, head: FederationConfig): string[] {
  const limits = (config: FederationConfig) => {
    const out = new Map<string, string>();
    for (const team of Object.values(config.teams)) out.set(`${team.key} (shared spaces)`, limitsText(team.limits));
    for (const profile of Object.values(config.profiles))
      out.set(`${profile.team}/${config.roles[profile.roleKey]!.persona}`, limitsText(profile.limits));
    return out;
  };
  const before = limits(base);
  const after = limits(head);
  return sorted(before.keys()).flatMap((key) =>
    after.has(key) ? changed(key, before.get(key)!, after.get(key)!) : [],
  );
}

export function hasAccessChange(changes: AccessChanges): boolean {
  return (
    changes.domainLosses.length +
      changes.domainSettings.length +
      changes.platform.length +
      changes.teams.length +
      changes.members.length +
      changes.personas.length +
      changes.buckets.length +
      changes.controls.length +
      changes.admins.settings.length +
      changes.limits.length >
      0 || !isEmptyChange(changes.admins.members)
  );
}

/** What a reviewer must not miss: home directories and private spaces that the apply deletes. */
export function hasDataAtStake(changes: AccessChanges): boolean {
  return changes.domainLosses.length + changes.profileLosses.length > 0;
}

function changed(what: string, before: string, after: string): string[] {
  return before === after ? [] : [`${what}: ${before} → ${after}`];
}

function platformChanges(base: FederationConfig, head: FederationConfig): string[] {
  const access = (config: FederationConfig) =>
    config.accounts[IDENTITY_CENTER_ACCOUNT]?.network?.appNetworkAccessType ?? "(no network)";
  return [
    ...changed("identity provider", base.identityProvider.type, head.identityProvider.type),
    ...changed("phase", base.phase, head.phase),
    ...changed("MFA to sign in to AWS", mfaText(base), mfaText(head)),
    ...changed("AWS account", base.aws.accountId, head.aws.accountId),
    ...changed("Studio network access", access(base), access(head)),
    ...changed("console guard (SCP)", guardSummary(base), guardSummary(head)),
    ...changed("remote IDE access", remoteAccessText(base), remoteAccessText(head)),
  ];
}

function teamChanges(base: FederationConfig, head: FederationConfig): TeamChange[] {
  const keys = sorted(new Set([...Object.keys(base.teams), ...Object.keys(head.teams)]));
  return keys.flatMap((key): TeamChange[] => {
    const was = base.teams[key];
    const is = head.teams[key];
    if (was === undefined) return [{ team: key, kind: "added", after: is!.group }];
    if (is === undefined) return [{ team: key, kind: "removed", before: was.group }];
    return was.group === is.group ? [] : [{ team: key, kind: "group", before: was.group, after: is.group }];
  });
}

function placements(config: FederationConfig): Map<string, Map<string, MemberConfig>> {
  const byUser = new Map<string, Map<string, MemberConfig>>();
  for (const team of Object.values(config.teams))
    for (const member of Object.values(team.members)) {
      const teams = byUser.get(member.userName) ?? new Map<string, MemberConfig>();
      teams.set(team.key, member);
      byUser.set(member.userName, teams);
    }
  return byUser;
}

/**
 * A person who leaves one team and joins another in the same change has moved: one line, not two.
 * A person may belong to several teams, so the comparison is per (user, team).
 */
function memberChanges(base: FederationConfig, head: FederationConfig): MemberChange[] {
  const before = placements(base);
  const after = placements(head);
  const changes: MemberChange[] = [];
  for (const userName of sorted(new Set([...before.keys(), ...after.keys()]))) {
    const was = before.get(userName) ?? new Map<string, MemberConfig>();
    const is = after.get(userName) ?? new Map<string, MemberConfig>();
    const place = (teams: Map<string, MemberConfig>, keys: string[]) =>
      keys.map((team) => ({ team, persona: teams.get(team)!.persona }));
    const left = place(was, sorted([...was.keys()].filter((team) => !is.has(team))));
    const joined = place(is, sorted([...is.keys()].filter((team) => !was.has(team))));
    if (left.length > 0 && joined.length > 0) changes.push({ userName, kind: "moved", before: left, after: joined });
    else if (left.length > 0) changes.push({ userName, kind: "removed", before: left, after: [] });
    else if (joined.length > 0) changes.push({ userName, kind: "added", before: [], after: joined });
    for (const team of sorted([...was.keys()].filter((key) => is.has(key)))) {
      const old = was.get(team)!;
      const now = is.get(team)!;
      if (old.persona !== now.persona)
        changes.push({
          userName,
          kind: "persona",
          before: [{ team, persona: old.persona }],
          after: [{ team, persona: now.persona }],
          downgrade: isPersonaDowngrade(base.personas[old.persona], head.personas[now.persona]),
          personaDelta: personaDelta(base.personas[old.persona], head.personas[now.persona]),
        });
      if (old.profileName !== now.profileName)
        changes.push({
          userName,
          kind: "profile",
          before: [{ team, persona: old.persona }],
          after: [{ team, persona: now.persona }],
          profileNames: [old.profileName, now.profileName],
        });
    }
  }
  return changes;
}

/**
 * The rule for a persona downgrade: the person loses something, that is the new persona (as the head config
 * defines it) lacks at least one ML activity or one instance type of the old one (as the base defines it). A
 * sideways change that trades one activity for another is a downgrade too. Anything else is an upgrade.
 * A downgrade matters because Studio apps already running keep the old role's credentials until they restart.
 */
export function isPersonaDowngrade(before: PersonaConfig | undefined, after: PersonaConfig | undefined): boolean {
  if (before === undefined) return false;
  if (after === undefined) return true;
  const kept = (was: readonly string[], is: readonly string[]) => setChange(was, is).removed.length === 0;
  return !kept(before.activities, after.activities) || !kept(before.instanceTypes, after.instanceTypes);
}

function personaDelta(
  before: PersonaConfig | undefined,
  after: PersonaConfig | undefined,
): MemberChange["personaDelta"] {
  return {
    activities: setChange(before?.activities ?? [], after?.activities ?? []),
    instanceTypes: setChange(before?.instanceTypes ?? [], after?.instanceTypes ?? []),
  };
}

/** Profiles exist only once the AWS side is deployed: a bootstrap base has none to lose. */
function profileLosses(base: FederationConfig, members: readonly MemberChange[]): ProfileLoss[] {
  if (base.phase !== "full") return [];
  return members.flatMap((change): ProfileLoss[] => {
    if (change.kind !== "removed" && change.kind !== "moved" && change.kind !== "profile") return [];
    return change.before.map(({ team }) => ({
      userName: change.userName,
      reason: change.kind as ProfileLoss["reason"],
      team,
      domainName: base.teams[team]!.domainName,
      profileName: base.teams[team]!.members[change.userName]!.profileName,
      replacedBy:
        change.kind === "moved"
          ? change.after.map((placement) => placement.team)
          : change.kind === "profile"
            ? [change.profileNames![1]]
            : [],
    }));
  });
}

/** Personas that some execution role uses, before or after: changing an unused persona grants nothing. */
function personaChanges(base: FederationConfig, head: FederationConfig): PersonaChange[] {
  const used = (config: FederationConfig) => new Set(Object.values(config.roles).map((role) => role.persona));
  const usedBefore = used(base);
  const usedAfter = used(head);
  return sorted(new Set([...usedBefore, ...usedAfter])).flatMap((key): PersonaChange[] => {
    const was = usedBefore.has(key) ? base.personas[key] : undefined;
    const is = usedAfter.has(key) ? head.personas[key] : undefined;
    const activities = setChange(was?.activities ?? [], is?.activities ?? []);
    const instanceTypes = setChange(was?.instanceTypes ?? [], is?.instanceTypes ?? []);
    const status = was === undefined ? "added" : is === undefined ? "removed" : "changed";
    if (status === "changed" && isEmptyChange(activities) && isEmptyChange(instanceTypes)) return [];
    return [{ persona: key, status, activities, instanceTypes }];
  });
}

/** Buckets each execution role's policy allows, compared for the roles that exist on both sides. */
function bucketChanges(base: FederationConfig, head: FederationConfig): RoleBucketChange[] {
  return sorted(Object.keys(base.roles).filter((key) => key in head.roles)).flatMap((key) => {
    const was = base.roles[key]!;
    const buckets = setChange(
      bucketsAllowedBy(rolePolicy(base, was)),
      bucketsAllowedBy(rolePolicy(head, head.roles[key]!)),
    );
    return isEmptyChange(buckets) ? [] : [{ team: was.team, persona: was.persona, buckets }];
  });
}
