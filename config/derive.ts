import { BUILTIN_PERSONAS, COMPUTE_PERSONA } from "../policies/builtin-personas";
import {
  defaultPermissionSetName,
  defaultPortalUrl,
  domainName,
  executionRolePath,
  partitionOf,
  profileKey,
  roleArn,
  roleKey,
  roleName,
} from "./names";
import { personaPolicy } from "../policies/persona-policy";
import { personaKeys, resolveMember, teamPersonas } from "./resolve";
import type { FederationInput } from "./schema";
import {
  ADMIN_GROUP_KEY,
  type FederationConfig,
  type GroupConfig,
  type MemberConfig,
  type PersonaConfig,
  type ProfileConfig,
  type RoleConfig,
  type TeamConfig,
} from "./types";

/** Builds the plain config from input that passed the schema and the cross-checks. */
export function derive(input: FederationInput): FederationConfig {
  const { name } = input;
  const path = executionRolePath(name);
  const partition = partitionOf(input.aws.region);
  const full = input.identityProvider.type === "external" || input.aws.identityCenter !== undefined;

  const personas: Record<string, PersonaConfig> = {};
  for (const key of personaKeys(input).sort()) {
    const builtin = BUILTIN_PERSONAS[key] ?? BUILTIN_PERSONAS["data-scientist"]!;
    const own = input.personas[key];
    personas[key] = {
      key,
      description: own?.description ?? (key in BUILTIN_PERSONAS ? builtin.description : key),
      activities: own?.activities ?? builtin.activities,
      instanceTypes: own?.instanceTypes ?? builtin.instanceTypes,
    };
  }

  const teams: Record<string, TeamConfig> = {};
  const groups: Record<string, GroupConfig> = {};
  const roles: Record<string, RoleConfig> = {};
  const profiles: Record<string, ProfileConfig> = {};
  for (const teamKey of Object.keys(input.teams).sort()) {
    const team = input.teams[teamKey]!;
    const arnOf = (persona: string) => roleArn(partition, input.aws.accountId, path, roleName(name, teamKey, persona));
    const context = {
      partition,
      region: input.aws.region,
      accountId: input.aws.accountId,
      buckets: team.s3Buckets,
      computeRoleArn: arnOf(COMPUTE_PERSONA),
      network: input.aws.network,
      kmsKeyArn: input.aws.kmsKeyArn,
    };
    const roleKeys = teamPersonas(team, COMPUTE_PERSONA).map((persona) => {
      const key = roleKey(teamKey, persona);
      roles[key] = {
        team: teamKey,
        persona,
        roleName: roleName(name, teamKey, persona),
        roleArn: arnOf(persona),
        policy: personaPolicy(personas[persona]!, context),
      };
      return key;
    });
    const members: Record<string, MemberConfig> = {};
    for (const userName of Object.keys(team.members).sort()) {
      const { persona, profileName } = resolveMember(team, userName, team.members[userName]!);
      members[userName] = { userName, persona, profileName };
      profiles[profileKey(teamKey, userName)] = {
        team: teamKey,
        userName,
        profileName,
        roleKey: roleKey(teamKey, persona),
      };
    }
    teams[teamKey] = {
      key: teamKey,
      group: team.group,
      domainName: domainName(name, teamKey),
      defaultPersona: team.defaultPersona,
      s3Buckets: team.s3Buckets,
      gitRepositories: team.gitRepositories,
      roleKeys,
      computeRoleKey: roleKey(teamKey, COMPUTE_PERSONA),
      members,
    };
    groups[teamKey] = {
      displayName: team.group,
      description: `SageMaker Studio users of team ${teamKey} (${name})`,
      members: Object.keys(members),
    };
  }
  groups[ADMIN_GROUP_KEY] = {
    displayName: input.admins.group,
    description: `SageMaker administrators (${name})`,
    members: [...input.admins.members].sort(),
  };

  const center = input.aws.identityCenter;
  const idp = input.identityProvider;
  return {
    name,
    phase: full ? "full" : "bootstrap",
    backend: input.backend,
    aws: {
      region: input.aws.region,
      accountId: input.aws.accountId,
      identityCenter:
        center === undefined
          ? undefined
          : { ...center, portalUrl: center.portalUrl ?? defaultPortalUrl(center.issuerUrl)! },
      network: input.aws.network,
      kmsKeyArn: input.aws.kmsKeyArn,
      consoleGuard: input.aws.consoleGuard,
      tags: sortKeys(input.aws.tags),
      executionRolePath: path,
    },
    identityProvider: idp.type === "entra" ? { type: "entra", ...idp.entra } : { type: "external" },
    admins: {
      group: input.admins.group,
      members: groups[ADMIN_GROUP_KEY].members,
      sessionDuration: input.admins.sessionDuration,
      permissionSetName: input.admins.permissionSetName ?? defaultPermissionSetName(name),
    },
    personas,
    groups: sortKeys(groups),
    teams,
    roles: sortKeys(roles),
    profiles: sortKeys(profiles),
  };
}

function sortKeys<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
