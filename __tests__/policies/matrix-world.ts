import { rolePolicy } from "../../config/role-policy";
import type { FederationConfig } from "../../config/types";
import type { ActivityKey } from "../../policies/activities";
import { ACCOUNT, REGION, type Context } from "./simulator";
import { synthesizedRoles, type PolicyJson } from "./synthesized-policies";

/*
 * What the attacker matrix knows about a config, independent of the policies under test: the teams, what each one
 * owns (buckets, key, network, file systems, a Studio domain), and who each execution role is. The policies are read
 * only to learn which actions a role is granted; what a case expects comes from matrix-contract.ts.
 */

export interface World {
  readonly name: string;
  readonly config: FederationConfig;
  readonly policies: Readonly<Record<string, PolicyJson>>;
  readonly roleArns: Readonly<Record<string, string>>;
  readonly teams: readonly string[];
  /** The roles that try every fail-closed family: one per persona (its managed policies serve every team). */
  readonly representatives: ReadonlySet<string>;
  readonly who: (roleKey: string) => Who;
  /** The account a team's domain, roles and resources live in, and its region. */
  readonly accountOf: (team: string) => string;
  readonly regionOf: (team: string) => string;
}

export interface Who {
  readonly roleKey: string;
  readonly team: string;
  readonly persona: string;
  readonly activities: ReadonlySet<ActivityKey>;
  readonly instanceTypes: readonly string[];
  /** Studio sessions carry the Studio variables; the compute role (jobs, pipelines) carries none. */
  readonly inStudio: boolean;
  /** The Studio profile the session is, and the source identity SageMaker sets from it. */
  readonly profile: string;
}

/** Domain ids are computed at apply time; any distinct ids serve. */
export const domainOf = (team: string) => `d-${team.replace(/-/g, "")}${"0".repeat(12)}`.slice(0, 14);
export const profileOf = (team: string) => `${team}-someone`;
export const otherProfileOf = (team: string) => `${team}-colleague`;
export const resourceName = (team: string) => `${team}-thing`;
export const NO_TEAM_BUCKET = `sagemaker-${REGION}-${ACCOUNT}`;

/**
 * The world of a config, with each role's policies as synthesized, or, for a config with several accounts (whose
 * synthesized JSON has a block per account), as derived for the constructs to synthesize.
 */
export function worldOf(name: string, config: FederationConfig): World {
  const { policies, roleArns, roleTags } =
    Object.keys(config.accounts).length === 1 ? synthesizedRoles(config) : derivedRoles(config);
  const teams = Object.keys(config.teams).sort();
  const who = (roleKey: string): Who => {
    const tags = roleTags[roleKey]!;
    const persona = tags["sagemaker-persona"]!;
    const team = tags["sagemaker-team"]!;
    return {
      roleKey,
      team,
      persona,
      activities: new Set(config.personas[persona]!.activities),
      instanceTypes: config.personas[persona]!.instanceTypes,
      inStudio: persona !== "compute",
      profile: profileOf(team),
    };
  };
  const representatives = new Set<string>();
  const seen = new Set<string>();
  for (const roleKey of Object.keys(policies).sort()) {
    const { persona } = who(roleKey);
    if (!seen.has(persona)) representatives.add(roleKey);
    seen.add(persona);
  }
  const accountOf = (team: string) => config.accounts[config.teams[team]!.account]!.accountId;
  const regionOf = (team: string) => config.accounts[config.teams[team]!.account]!.region;
  return { name, config, policies, roleArns, teams, representatives, who, accountOf, regionOf };
}

function derivedRoles(config: FederationConfig) {
  const roles = Object.entries(config.roles);
  return {
    policies: Object.fromEntries(roles.map(([key, role]) => [key, rolePolicy(config, role) as unknown as PolicyJson])),
    roleArns: Object.fromEntries(roles.map(([key, role]) => [key, role.roleArn])),
    roleTags: Object.fromEntries(
      roles.map(([key, role]) => [key, { "sagemaker-team": role.team, "sagemaker-persona": role.persona }]),
    ),
  };
}

export const rolesOf = (world: World, team: string) =>
  Object.keys(world.policies)
    .filter((key) => world.who(key).team === team)
    .sort();

export const othersOf = (world: World, team: string) => world.teams.filter((other) => other !== team);

/** The request context every request of the role carries: its team tag, and in Studio its session. */
export function sessionOf(caller: Who): Context {
  return {
    "aws:PrincipalTag/sagemaker-team": caller.team,
    ...(caller.inStudio
      ? {
          "sagemaker:DomainId": domainOf(caller.team),
          "sagemaker:UserProfileName": caller.profile,
          "aws:SourceIdentity": caller.profile,
        }
      : // A job may run on behalf of a person; the worst case is that it carries their identity.
        { "aws:SourceIdentity": profileOf(caller.team) }),
  };
}

/** An ARN of a service's resource in the team's account. */
export function arnIn(world: World, team: string, service: string, resource: string): string {
  return `arn:aws:${service}:${world.regionOf(team)}:${world.accountOf(team)}:${resource}`;
}

export function without(context: Context, ...keys: string[]): Context {
  return Object.fromEntries(Object.entries(context).filter(([key]) => !keys.includes(key)));
}
