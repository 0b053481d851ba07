// Day-2 variants of an example config, generated from its YAML so they follow the example when it changes:
// each is the example plus or minus one team or member, a team retired, one team's group renamed in the IdP, or
// one setting of one team changed (kind "team-setting": none of them may touch a Studio domain); in Entra mode also
// a certificate rotation and the admin group switched to just in time (`entraOnly`).
import { parse, stringify } from "yaml";
import type { z } from "zod";
import type { FederationConfig } from "../../../config/types";
import type { federationSchema } from "../../../config/schema";

/** An example's YAML as written, before defaults and derivation: what a variant edits. */
type ConfigText = z.input<typeof federationSchema>;
type TeamText = ConfigText["teams"][string];
type MemberText = NonNullable<TeamText["members"]>[string];

/** What a variant changes, for the assertions and the report. */
export interface Intent {
  /** The team it changes. @default - the whole config */
  readonly team?: string;
  /** The member it adds or removes (their user name). @default - none */
  readonly member?: string;
  /** The workload account whose last team is retired. @default - none */
  readonly account?: string;
  /** The change in words, when no team names it. @default - from team and member */
  readonly what?: string;
  /** The permanent admins' user names (jit-switch). @default - none */
  readonly permanent?: readonly string[];
  /** The admins made eligible (jit-switch). @default - none */
  readonly eligible?: readonly string[];
  /** Whether the plan's studio_domain_settings check must warn about the team; set once both configs are loaded. */
  warns?: boolean;
}

/** A day-2 variant of an example: the example's YAML edited. */
export interface Variant {
  readonly name: string;
  /** Which assertions judge it. @default - by name */
  readonly kind?: string;
  /** Planned only through the Entra simulation. @default false */
  readonly entraOnly?: boolean;
  readonly intent: Intent;
  readonly yaml: string;
}

const NEW_TEAM = "churn";

function memberPersona(team: TeamText, value: MemberText | undefined): string | undefined {
  if (value === null || value === undefined) return team.defaultPersona;
  return typeof value === "string" ? value : (value.persona ?? team.defaultPersona);
}

/**
 * The variants of config text `text` (`config`: the same, loaded); each says which team (and member) it changes
 * for the assertions.
 */
export function variantsOf(text: string, config: FederationConfig): Variant[] {
  const base = parse(text) as ConfigText;
  const teamKeys = Object.keys(base.teams);
  const first = teamKeys[0];
  const firstTeam = first === undefined ? undefined : base.teams[first];
  const firstMember = Object.keys(firstTeam?.members ?? {})[0];
  const derived = first === undefined ? undefined : config.teams[first];
  if (first === undefined || !firstTeam || !firstMember || !derived)
    throw new Error("the example's first team has no members: cannot build its variants");
  const domain = firstMember.split("@")[1];
  const newUser = `zoe.new@${domain}`;
  const edit = (change: (copy: ConfigText) => void) => {
    const copy = structuredClone(base);
    change(copy);
    return stringify(copy);
  };
  /** The copy's team `key`, which the copy of `base` has. */
  const teamOf = (copy: ConfigText, key: string): TeamText => copy.teams[key] as TeamText;
  const variants: Variant[] = [];

  variants.push({
    name: "plus-team",
    intent: { team: NEW_TEAM },
    yaml: edit((c) => {
      c.teams[NEW_TEAM] = {
        ...(firstTeam.account ? { account: firstTeam.account } : {}),
        group: `ml-${NEW_TEAM}`,
        defaultPersona: firstTeam.defaultPersona,
        s3Buckets: [`${base.name}-${NEW_TEAM}-workspace`],
        // A brand-new user and one who is already in another team.
        members: { [newUser]: null, [firstMember]: null },
      };
    }),
  });

  // Removing a team that is alone in its account also drops that account's provider configuration, which is a
  // different failure ("Provider configuration not present"); the variant removes a team that shares one.
  const accountOf = (key: string) => base.teams[key]?.account ?? "(identity center)";
  const removable = [...teamKeys]
    .reverse()
    .find((key) => teamKeys.some((other) => other !== key && accountOf(other) === accountOf(key)));
  if (!removable) throw new Error("no team shares its account with another: cannot build the minus-team variant");
  variants.push({
    name: "minus-team",
    intent: { team: removable },
    yaml: edit((c) => delete c.teams[removable]),
  });
  // The same team retired through the config: its domain is forgotten, the rest of it deleted, in one plan.
  const retire = (name: string, team: string, intent?: Intent) =>
    variants.push({
      name,
      kind: "retire",
      intent: { team, ...intent },
      yaml: edit((c) => {
        const { account } = teamOf(c, team);
        delete c.teams[team];
        c.retiredTeams = { ...c.retiredTeams, [team]: account ? { account } : {} };
      }),
    });
  retire("retire-team", removable);
  // A workload account's last team retired: the account keeps its provider configuration, which forgetting the
  // domain needs, and loses what it had for its teams (policies, the admins' assignment, the guard's attachment).
  const alone = teamKeys.find(
    (key) =>
      base.teams[key]?.account && teamKeys.every((other) => other === key || accountOf(other) !== accountOf(key)),
  );
  if (alone) retire("retire-last-team", alone, { account: base.teams[alone]?.account });

  variants.push({
    name: "renamed-group",
    intent: { team: first },
    yaml: edit((c) => {
      teamOf(c, first).group = `${firstTeam.group}-renamed`;
    }),
  });

  variants.push({
    name: "plus-member",
    intent: { team: first, member: newUser },
    yaml: edit((c) => {
      teamOf(c, first).members = { ...teamOf(c, first).members, [newUser]: null };
    }),
  });

  // A member with the team's default persona: removing them leaves the team's roles as they are.
  const leaving = Object.entries(firstTeam.members ?? {}).find(
    ([, value]) => memberPersona(firstTeam, value) === firstTeam.defaultPersona,
  )?.[0];
  if (!leaving || Object.keys(firstTeam.members ?? {}).length < 2)
    throw new Error(`team ${first} has no member that can leave without changing its roles`);
  variants.push({
    name: "minus-member",
    intent: { team: first, member: leaving },
    yaml: edit((c) => delete teamOf(c, first).members?.[leaving]),
  });
  // Every setting of a team that a routine change touches (its key, domain name and account are never routine:
  // they replace the domain).
  const setting = (name: string, change: (team: TeamText) => void) =>
    variants.push({ name, kind: "team-setting", intent: { team: first }, yaml: edit((c) => change(teamOf(c, first))) });
  setting("change-limits", (t) => {
    t.limits = {
      idleTimeoutMinutes: derived.limits.minIdleTimeoutMinutes + 30,
      maxIdleTimeoutMinutes: derived.limits.maxIdleTimeoutMinutes - 60,
      maxStorageGb: derived.limits.maxStorageGb - 10,
    };
  });
  const otherPersona = Object.keys(config.personas).find(
    (persona) => persona !== derived.defaultPersona && ["data-scientist", "mlops"].includes(persona),
  );
  if (!otherPersona) throw new Error(`no persona to switch team ${first}'s default persona to`);
  setting("change-default-persona", (t) => {
    t.defaultPersona = otherPersona;
  });
  setting("change-git-repositories", (t) => {
    t.gitRepositories = [...derived.gitRepositories, `https://git.${domain}/ml/${first}-extra.git`];
  });
  setting("change-buckets", (t) => {
    t.s3Buckets = [`${base.name}-${first}-new-workspace`, ...derived.s3Buckets];
  });
  setting("change-shared-spaces", (t) => {
    t.sharedSpaces = !derived.sharedSpaces;
  });
  variants.push(...entraVariants(base, edit));
  return variants;
}

/**
 * The Entra-only day-2 changes: a certificate rotation, a SCIM token rotation, and (where the admin group is created here, with permanent
 * admins) switching it to just in time with the last admin eligible, importing the others' memberships.
 */
function entraVariants(base: ConfigText, edit: (change: (copy: ConfigText) => void) => string): Variant[] {
  const idp = base.identityProvider;
  if (idp.type !== "entra") return [];
  const variants: Variant[] = [];
  // A new instant, two years from now at midnight UTC (within the three years the config allows).
  const now = new Date();
  const endDate = `${now.getUTCFullYear() + 2}-${String(now.getUTCMonth() + 1).padStart(2, "0")}-01T00:00:00Z`;
  variants.push({
    name: "rotate-certificate",
    kind: "rotate-certificate",
    entraOnly: true,
    intent: { what: `signingCertificateEndDate ${idp.entra.signingCertificateEndDate} → ${endDate}` },
    yaml: edit((c) => {
      entraOf(c).signingCertificateEndDate = endDate;
    }),
  });
  // A new SCIM token, generated today: its date replaces the synchronization secret (the token is never compared).
  const today = new Date().toISOString().slice(0, 10);
  variants.push({
    name: "rotate-scim-token",
    kind: "rotate-scim-token",
    entraOnly: true,
    intent: { what: `scimTokenIssuedOn ${idp.entra.scimTokenIssuedOn ?? "(unset)"} → ${today}` },
    yaml: edit((c) => {
      entraOf(c).scimTokenIssuedOn = today;
    }),
  });
  const admins = base.admins.members ?? [];
  const eligible = admins[admins.length - 1];
  if (
    base.admins.justInTime === undefined &&
    base.admins.existingGroupId === undefined &&
    admins.length >= 2 &&
    eligible !== undefined
  ) {
    variants.push({
      name: "jit-switch",
      kind: "jit-switch",
      entraOnly: true,
      intent: {
        what: `${eligible} eligible, importMemberships`,
        permanent: admins.filter((user) => user !== eligible),
        eligible: [eligible],
      },
      yaml: edit((c) => {
        c.admins.justInTime = { members: [eligible], importMemberships: true };
      }),
    });
  }
  return variants;
}

/** The Entra settings of a copy of an Entra-mode config. */
function entraOf(copy: ConfigText) {
  if (copy.identityProvider.type !== "entra") throw new Error("not an Entra-mode config");
  return copy.identityProvider.entra;
}
