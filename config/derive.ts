import { BUILTIN_PERSONAS, COMPUTE_PERSONA, SHARED_SPACE_PERSONA } from "../policies/builtin-personas";
import type { AccountContext } from "../policies/document";
import { personaManagedPolicies, teamInlinePolicy } from "../policies/persona-policy";
import {
  defaultPermissionSetName,
  defaultPortalUrl,
  domainName,
  executionRolePath,
  managedPolicyName,
  partitionOf,
  profileKey,
  roleArn,
  roleKey,
  roleName,
} from "./names";
import { pimActivationMinutes, pimDuration } from "./durations";
import { personaLimits, teamLimits } from "./limits";
import { personaKeys, resolveMember, teamPersonas, usesSharedSpaces } from "./resolve";
import type { FederationInput } from "./schema";
import {
  ADMIN_GROUP_KEY,
  IDENTITY_CENTER_ACCOUNT,
  type AccountConfig,
  type FederationConfig,
  type GroupConfig,
  type ManagedPolicyConfig,
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
  const personas = derivePersonas(input);
  const accountContexts = deriveAccountContexts(input, partition);

  const teams: Record<string, TeamConfig> = {};
  const groups: Record<string, GroupConfig> = {};
  const roles: Record<string, RoleConfig> = {};
  const profiles: Record<string, ProfileConfig> = {};
  const managedPolicies: Record<string, Record<string, ManagedPolicyConfig>> = {};
  for (const teamKey of Object.keys(input.teams).sort()) {
    const team = input.teams[teamKey]!;
    const account = team.account ?? IDENTITY_CENTER_ACCOUNT;
    const accountContext = accountContexts[account]!;
    const accountPolicies = (managedPolicies[account] ??= {});
    const arnOf = (persona: string) =>
      roleArn(partition, accountContext.accountId, path, roleName(name, teamKey, persona));
    const sharedSpaces = usesSharedSpaces(input, team);
    const context = {
      ...accountContext,
      buckets: team.s3Buckets,
      computeRoleArn: arnOf(COMPUTE_PERSONA),
      sharedSpaces,
      fileSystemIds: [...team.fileSystemIds].sort(),
    };

    const roleKeys = teamPersonas(team).map((persona) => {
      const key = roleKey(teamKey, persona);
      roles[key] = {
        team: teamKey,
        persona,
        account,
        roleName: roleName(name, teamKey, persona),
        roleArn: arnOf(persona),
        inlinePolicy: teamInlinePolicy(personas[persona]!, context),
        managedPolicyKeys: personaPolicyKeys(name, persona, personas[persona]!, accountContext, accountPolicies),
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
        limits: teamLimits(input, teamKey, persona),
      };
    }
    teams[teamKey] = {
      key: teamKey,
      account,
      group: team.group,
      domainName: team.domainName ?? domainName(name, teamKey),
      importDomainId: team.import?.domainId,
      defaultPersona: team.defaultPersona,
      s3Buckets: team.s3Buckets,
      gitRepositories: team.gitRepositories,
      roleKeys,
      computeRoleKey: roleKey(teamKey, COMPUTE_PERSONA),
      sharedSpaces,
      fileSystemIds: context.fileSystemIds,
      sharedSpaceRoleKey: roleKey(teamKey, SHARED_SPACE_PERSONA),
      limits: teamLimits(input, teamKey, team.defaultPersona),
      members,
    };
    groups[teamKey] = {
      displayName: team.group,
      description: `SageMaker Studio users of team ${teamKey} (${name})`,
      members: Object.keys(members),
      eligibleMembers: [],
      existingObjectId: team.existingGroupId,
    };
  }
  const jit = input.admins.justInTime;
  // Eligible admins as admins.members writes them (the cross-check compares user names without case).
  const listed = new Set((jit?.members ?? input.admins.members).map((user) => user.toLowerCase()));
  const eligible =
    jit === undefined ? [] : input.admins.members.filter((user) => listed.has(user.toLowerCase())).sort();
  groups[ADMIN_GROUP_KEY] = {
    displayName: input.admins.group,
    description: `SageMaker administrators (${name})`,
    members: input.admins.members.filter((user) => !eligible.includes(user)).sort(),
    eligibleMembers: eligible,
    existingObjectId: input.admins.existingGroupId,
  };

  const accounts: Record<string, AccountConfig> = {};
  for (const [key, context] of Object.entries(accountContexts))
    accounts[key] = {
      key,
      accountId: context.accountId,
      region: context.region,
      roleArn: key === IDENTITY_CENTER_ACCOUNT ? undefined : input.aws.accounts[key]!.roleArn,
      planRoleArn: key === IDENTITY_CENTER_ACCOUNT ? undefined : input.aws.accounts[key]!.planRoleArn,
      network: key === IDENTITY_CENTER_ACCOUNT ? input.aws.network : input.aws.accounts[key]!.network,
      kmsKeyArn: context.kmsKeyArn,
      teams: Object.values(teams)
        .filter((team) => team.account === key)
        .map((team) => team.key),
      managedPolicies: sortKeys(managedPolicies[key] ?? {}),
    };

  const center = input.aws.identityCenter;
  const idp = input.identityProvider;
  return {
    name,
    phase: full ? "full" : "bootstrap",
    backend: input.backend,
    aws: {
      region: input.aws.region,
      partition,
      accountId: input.aws.accountId,
      identityCenter:
        center === undefined
          ? undefined
          : { ...center, portalUrl: center.portalUrl ?? defaultPortalUrl(center.issuerUrl)! },
      consoleGuard: input.aws.consoleGuard,
      organization: input.aws.organization,
      tags: sortKeys(input.aws.tags),
      executionRolePath: path,
    },
    identityProvider:
      idp.type === "entra"
        ? {
            type: "entra",
            ...idp.entra,
            signingCertificateEndDate: graphDateTime(idp.entra.signingCertificateEndDate),
            mfa:
              idp.entra.mfa === undefined
                ? undefined
                : { ...idp.entra.mfa, breakGlassUserIds: [...idp.entra.mfa.breakGlassUserIds].sort() },
          }
        : { type: "external" },
    admins: {
      group: input.admins.group,
      members: [...input.admins.members].sort(),
      justInTime:
        jit === undefined
          ? undefined
          : {
              eligible,
              // Validated; written as Entra takes it (PT90M becomes PT1H30M).
              maximumDuration: pimDuration(pimActivationMinutes(jit.maximumDuration)!),
              requireJustification: jit.requireJustification,
              requireMfa: jit.requireMfa,
              approvers: [...jit.approvers].sort(),
              importMemberships: jit.importMemberships,
            },
      sessionDuration: input.admins.sessionDuration,
      permissionSetName: input.admins.permissionSetName ?? defaultPermissionSetName(name),
    },
    personas,
    groups: sortKeys(groups),
    teams,
    accounts: sortKeys(accounts),
    roles: sortKeys(roles),
    profiles: sortKeys(profiles),
    retiredTeams: sortKeys(
      Object.fromEntries(
        Object.entries(input.retiredTeams).map(([key, retired]) => [
          key,
          { key, account: retired?.account ?? IDENTITY_CENTER_ACCOUNT },
        ]),
      ),
    ),
  };
}

/**
 * A timestamp as Microsoft Graph returns it: UTC, whole seconds, `Z`. The provider stores Graph's value on every
 * read and replaces the signing certificate when it differs from the config (end_date forces a new certificate),
 * so an offset or a fraction of a second written in the config would replace it on every apply.
 */
function graphDateTime(text: string): string {
  return new Date(text).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function derivePersonas(input: FederationInput): Record<string, PersonaConfig> {
  const personas: Record<string, PersonaConfig> = {};
  for (const key of personaKeys(input).sort()) {
    // Own keys only: a persona named "constructor" is not built in.
    const isBuiltin = Object.hasOwn(BUILTIN_PERSONAS, key);
    const builtin = isBuiltin ? BUILTIN_PERSONAS[key]! : BUILTIN_PERSONAS["data-scientist"]!;
    const own = input.personas[key];
    personas[key] = {
      key,
      description: own?.description ?? (isBuiltin ? builtin.description : key),
      activities: own?.activities ?? builtin.activities,
      instanceTypes: own?.instanceTypes ?? builtin.instanceTypes,
      limits: personaLimits(input, key),
      remoteAccess: own?.remoteAccess ?? false,
    };
  }
  return personas;
}

/** The Identity Center account and every workload account, as the policies see them. */
function deriveAccountContexts(input: FederationInput, partition: string): Record<string, AccountContext> {
  const contexts: Record<string, AccountContext> = {
    [IDENTITY_CENTER_ACCOUNT]: {
      partition,
      region: input.aws.region,
      accountId: input.aws.accountId,
      network: input.aws.network,
      kmsKeyArn: input.aws.kmsKeyArn,
    },
  };
  for (const [key, account] of Object.entries(input.aws.accounts))
    contexts[key] = {
      partition,
      region: account.region ?? input.aws.region,
      accountId: account.accountId,
      network: account.network,
      kmsKeyArn: account.kmsKeyArn,
    };
  return contexts;
}

/** A persona's managed policies in an account, made once for all the account's teams; returns their keys. */
function personaPolicyKeys(
  name: string,
  persona: string,
  definition: PersonaConfig,
  context: AccountContext,
  accountPolicies: Record<string, ManagedPolicyConfig>,
): string[] {
  const existing = Object.keys(accountPolicies).filter((key) => accountPolicies[key]!.persona === persona);
  if (existing.length > 0) return existing;
  return personaManagedPolicies(definition, context).map((document, index) => {
    const key = `${persona}/${index + 1}`;
    accountPolicies[key] = { persona, policyName: managedPolicyName(name, persona, index + 1), document };
    return key;
  });
}

function sortKeys<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
