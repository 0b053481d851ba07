import { BUILTIN_PERSONAS, SHARED_SPACE_PERSONA } from "../policies/builtin-personas";
import { INLINE_ROLE_POLICY_QUOTA, policySize } from "../policies/document";
import { defaultAppInstanceType } from "../policies/studio-portal";
import { isoDurationMinutes, pimActivationMinutes, pimDuration } from "./durations";
import { formatPath, type ConfigProblem } from "./errors";
import {
  defaultPermissionSetName,
  defaultPortalUrl,
  domainName,
  IAM_ROLE_NAME_MAX,
  PERMISSION_SET_NAME_MAX,
  roleName,
  SAGEMAKER_NAME,
} from "./names";
import { guardPolicies, SERVICE_CONTROL_POLICY_QUOTA } from "./guards";
import { checkLimits } from "./limits";
import { planRoleProblems } from "./plan-roles";
import { personaKeys, personasBelowSharedSpace, resolveMember, teamPersonas } from "./resolve";
import type { FederationInput } from "./schema";
import { ADMIN_GROUP_KEY, IDENTITY_CENTER_ACCOUNT, type FederationConfig } from "./types";

/** A problem whose path is still a list of keys; the loader formats it and finds its line. */
export type RawProblem = Omit<ConfigProblem, "path" | "line"> & { readonly path: readonly PropertyKey[] };

const MAX_CERTIFICATE_YEARS = 3;

/** Checks across values of a config that passed the schema. Returns every problem, in file order. */
export function crossCheck(input: FederationInput, now: Date): RawProblem[] {
  return [
    ...checkPersonas(input),
    ...checkTeams(input),
    ...checkTeamBoundaries(input),
    ...checkGroupNames(input),
    ...checkExistingGroups(input),
    ...checkLimits(input),
    ...checkAdmins(input),
    ...checkUserNameCasing(input),
    ...checkIdentityCenter(input),
    ...checkIdentityProvider(input, now),
    ...checkAws(input),
    ...checkRetiredTeams(input),
  ];
}

/**
 * A retired team's domain is forgotten under its team key: the key cannot name an active team too (Terraform would
 * refuse the move), and its account must be declared, as a team's is.
 */
function checkRetiredTeams(input: FederationInput): RawProblem[] {
  const problems: RawProblem[] = [];
  for (const [key, retired] of Object.entries(input.retiredTeams)) {
    if (Object.hasOwn(input.teams, key))
      problems.push({
        path: ["retiredTeams", key],
        rule: `team "${key}" is both in teams and in retiredTeams`,
        fix: `to retire it, remove teams.${key}; to keep it, remove retiredTeams.${key}`,
      });
    const account = retired?.account;
    if (account !== undefined && !Object.hasOwn(input.aws.accounts, account))
      problems.push({
        path: ["retiredTeams", key, "account"],
        rule: `account "${account}" is not declared under aws.accounts`,
        fix: `give the account the team had (teams.${key}.account): one of ${Object.keys(input.aws.accounts).join(", ") || "(none declared)"}, or leave account out for the Identity Center account`,
      });
  }
  return problems;
}

/**
 * Entra ID and IAM Identity Center compare user names without regard to case, so two casings are one person. The
 * stack would give them two profiles (or one profile whose key changes when the casing is fixed, replacing it):
 * the config must write each person one way.
 */
function checkUserNameCasing(input: FederationInput): RawProblem[] {
  const places: [PropertyKey[], string][] = [
    ...Object.entries(input.teams).flatMap(([teamKey, team]) =>
      Object.keys(team.members).map((user): [PropertyKey[], string] => [["teams", teamKey, "members", user], user]),
    ),
    ...input.admins.members.map((user, index): [PropertyKey[], string] => [["admins", "members", index], user]),
  ];
  const first = new Map<string, [PropertyKey[], string]>();
  const problems: RawProblem[] = [];
  for (const [path, user] of places) {
    const seen = first.get(user.toLowerCase());
    if (seen === undefined) first.set(user.toLowerCase(), [path, user]);
    else if (seen[1] !== user)
      problems.push({
        path,
        rule: `"${user}" is the same user as "${seen[1]}" at ${formatPath(seen[0])}: user names ignore case in Entra ID and IAM Identity Center`,
        fix: `write it "${seen[1]}" here too (as the user principal name is written in your identity provider)`,
      });
  }
  return problems;
}

/**
 * Existing groups are Entra objects: an external identity provider's groups are never created here anyway, and one
 * group cannot be two teams' (each would assign and provision it as its own).
 */
function checkExistingGroups(input: FederationInput): RawProblem[] {
  const places: [PropertyKey[], string | undefined][] = [
    ...Object.entries(input.teams).map(([key, team]): [PropertyKey[], string | undefined] => [
      ["teams", key, "existingGroupId"],
      team.existingGroupId,
    ]),
    [["admins", "existingGroupId"], input.admins.existingGroupId],
  ];
  const problems: RawProblem[] = [];
  const first = new Map<string, PropertyKey[]>();
  for (const [path, id] of places) {
    if (id === undefined) continue;
    if (input.identityProvider.type !== "entra") {
      problems.push({
        path,
        rule: "existingGroupId is for Entra mode: with an external identity provider no group is created here",
        fix: "remove it; the group named by group is looked up in IAM Identity Center as it is",
      });
      continue;
    }
    const seen = first.get(id.toLowerCase());
    if (seen === undefined) first.set(id.toLowerCase(), path);
    else
      problems.push({
        path,
        rule: `group ${id} is also used at ${formatPath(seen)}; a group can be only one team's (or the admins')`,
        fix: "give each team a group of its own",
      });
  }
  return problems;
}

function checkPersonas(input: FederationInput): RawProblem[] {
  const problems: RawProblem[] = Object.entries(input.personas)
    .filter(([key, persona]) => !Object.hasOwn(BUILTIN_PERSONAS, key) && persona.activities === undefined)
    .map(([key]) => ({
      path: ["personas", key, "activities"],
      rule: `persona "${key}" is not built in, so it needs its ML activities`,
      fix: `list them, or use one of the built-in personas: ${Object.keys(BUILTIN_PERSONAS).join(", ")}`,
    }));
  // Shared spaces of every team run as it: widening it would widen every shared space.
  if (Object.hasOwn(input.personas, SHARED_SPACE_PERSONA))
    problems.push({
      path: ["personas", SHARED_SPACE_PERSONA],
      rule: `persona "${SHARED_SPACE_PERSONA}" is what shared spaces run as and cannot be changed`,
      fix: "remove it; to keep a team out of shared spaces set teams.<team>.sharedSpaces: false",
    });
  return [...problems, ...checkStudioInstanceTypes(input)];
}

/**
 * A persona that runs Studio apps starts its spaces on one of its own instance types, which must be one Studio apps
 * run on: otherwise every space would start on a type its guardrail denies.
 */
function checkStudioInstanceTypes(input: FederationInput): RawProblem[] {
  return Object.entries(input.personas).flatMap(([key, persona]) => {
    const builtin = Object.hasOwn(BUILTIN_PERSONAS, key) ? BUILTIN_PERSONAS[key] : undefined;
    const activities = persona.activities ?? builtin?.activities ?? [];
    if (persona.instanceTypes === undefined || !activities.includes("run-studio-applications")) return [];
    if (defaultAppInstanceType({ activities, instanceTypes: persona.instanceTypes }) !== undefined) return [];
    return [
      {
        path: ["personas", key, "instanceTypes"],
        rule: `persona "${key}" runs Studio apps, but none of its instance types (${persona.instanceTypes.join(", ")}) is one Studio apps run on`,
        fix: "add one that JupyterLab and Code Editor spaces can start on, such as ml.t3.medium",
      },
    ];
  });
}

/**
 * What isolation relies on beyond single values: a bucket belongs to one team (its roles read its `users/`
 * prefixes), so does a file system (its jobs mount it), a team key is no other team's name prefix (jobs, endpoints,
 * pipelines and models are named `<team>-...`), and a shared space gives nobody more than their persona.
 */
function checkTeamBoundaries(input: FederationInput): RawProblem[] {
  const problems: RawProblem[] = [];
  const bucketOwners = new Map<string, string>();
  const fileSystemOwners = new Map<string, string>();
  const teamKeys = Object.keys(input.teams);
  for (const [teamKey, team] of Object.entries(input.teams)) {
    team.s3Buckets.forEach((bucket, index) => {
      const owner = bucketOwners.get(bucket);
      const here = `teams.${teamKey}.s3Buckets[${index}]`;
      if (owner === undefined) bucketOwners.set(bucket, here);
      else if (!owner.startsWith(`teams.${teamKey}.`))
        problems.push({
          path: ["teams", teamKey, "s3Buckets", index],
          rule: `bucket "${bucket}" is also listed at ${owner}; each team's roles would reach the other team's prefixes`,
          fix: "give every team its own buckets (share data through a bucket only one team lists, or copy it)",
        });
    });
    team.fileSystemIds.forEach((id, index) => {
      const owner = fileSystemOwners.get(id);
      if (owner === undefined) fileSystemOwners.set(id, `teams.${teamKey}.fileSystemIds[${index}]`);
      else if (!owner.startsWith(`teams.${teamKey}.`))
        problems.push({
          path: ["teams", teamKey, "fileSystemIds", index],
          rule: `file system "${id}" is also listed at ${owner}; each team's jobs would read the other team's files`,
          fix: "give every team its own file systems",
        });
    });
    const named = teamKeys.find((other) => other !== teamKey && teamKey.startsWith(`${other}-`));
    if (named !== undefined)
      problems.push({
        path: ["teams", teamKey],
        rule: `team key "${teamKey}" starts with "${named}-", the name prefix of team ${named}'s jobs, endpoints, pipelines and models`,
        fix: `rename one of the teams so that neither key is the other's followed by "-"`,
      });
    if (team.sharedSpaces === true)
      for (const persona of personasBelowSharedSpace(input, team))
        problems.push({
          path: ["teams", teamKey, "sharedSpaces"],
          rule: `persona "${persona}" opens Studio without s3-bucket-access; a shared space would give its people the workspace's shared/ prefix`,
          fix: `add s3-bucket-access to personas.${persona}.activities, or set sharedSpaces: false`,
        });
  }
  return problems;
}

function checkTeams(input: FederationInput): RawProblem[] {
  const problems: RawProblem[] = [];
  const known = personaKeys(input);
  const unknownPersona = (persona: string) => ({
    rule: `persona "${persona}" is not defined`,
    fix: `known personas: ${known.join(", ")}`,
  });
  for (const [teamKey, team] of Object.entries(input.teams)) {
    const teamPath = ["teams", teamKey];
    if (teamKey === ADMIN_GROUP_KEY)
      problems.push({
        path: teamPath,
        rule: `team key "${ADMIN_GROUP_KEY}" is reserved for the admin group`,
        fix: "rename the team",
      });
    if (!known.includes(team.defaultPersona))
      problems.push({ path: [...teamPath, "defaultPersona"], ...unknownPersona(team.defaultPersona) });

    const domain = team.domainName ?? domainName(input.name, teamKey);
    if (team.domainName === undefined && !SAGEMAKER_NAME.test(domain))
      problems.push({
        path: teamPath,
        rule: `domain name "${domain}" must match ${SAGEMAKER_NAME.source}`,
        fix: "use a team key that does not end with a hyphen",
      });
    for (const persona of teamPersonas(team).filter((key) => known.includes(key))) {
      const role = roleName(input.name, teamKey, persona);
      if (role.length > IAM_ROLE_NAME_MAX)
        problems.push({
          path: teamPath,
          rule: `execution role name "${role}" is ${role.length} characters; IAM allows ${IAM_ROLE_NAME_MAX}`,
          fix: "shorten the config name, the team key or the persona key",
        });
    }

    const profileOwners = new Map<string, string>();
    for (const [userName, member] of Object.entries(team.members)) {
      const memberPath = [...teamPath, "members", userName];
      const { persona, profileName } = resolveMember(team, userName, member);
      if (!known.includes(persona)) problems.push({ path: memberPath, ...unknownPersona(persona) });
      if (!SAGEMAKER_NAME.test(profileName)) {
        problems.push({
          path: memberPath,
          rule: `user profile name "${profileName}" derived from the user name must match ${SAGEMAKER_NAME.source}`,
          fix: "give the member an explicit profileName",
        });
        continue;
      }
      // Profile names are case-insensitive in SageMaker.
      const owner = profileOwners.get(profileName.toLowerCase());
      if (owner === undefined) profileOwners.set(profileName.toLowerCase(), userName);
      else
        problems.push({
          path: memberPath,
          rule: `user profile name "${profileName}" is already used by ${owner} in this team`,
          fix: `give one of them an explicit profileName, e.g. { persona: ${persona}, profileName: ${profileName}-2 }`,
        });
    }
  }
  return problems;
}

function checkGroupNames(input: FederationInput): RawProblem[] {
  const problems: RawProblem[] = [];
  const owners = new Map<string, string>([[input.admins.group.toLowerCase(), "admins.group"]]);
  for (const [teamKey, team] of Object.entries(input.teams)) {
    const owner = owners.get(team.group.toLowerCase());
    if (owner === undefined) owners.set(team.group.toLowerCase(), `teams.${teamKey}.group`);
    else
      problems.push({
        path: ["teams", teamKey, "group"],
        rule: `group "${team.group}" is already used by ${owner}`,
        fix: "give every team its own group (IAM Identity Center matches groups by display name)",
      });
  }
  return problems;
}

/** Just-in-time admins need Entra (PIM for groups); each eligible one must be an admin; PIM caps activation at a day. */
function checkJustInTime(input: FederationInput): RawProblem[] {
  const jit = input.admins.justInTime;
  if (jit === undefined) return [];
  if (input.identityProvider.type !== "entra")
    return [
      {
        path: ["admins", "justInTime"],
        rule: "just-in-time admins need Entra ID Privileged Identity Management; with an external identity provider this config does not manage the admin group",
        fix: "remove admins.justInTime and set up eligibility in your identity provider",
      },
    ];
  const problems: RawProblem[] = [];
  const admins = new Set(input.admins.members.map((user) => user.toLowerCase()));
  (jit.members ?? []).forEach((user, index) => {
    if (!admins.has(user.toLowerCase()))
      problems.push({
        path: ["admins", "justInTime", "members", index],
        rule: `"${user}" is not one of admins.members`,
        fix: "list the admin under admins.members too, or remove them here",
      });
  });
  if (jit.importMemberships && input.admins.existingGroupId !== undefined)
    problems.push({
      path: ["admins", "justInTime", "importMemberships"],
      rule: "the existing admin group's membership stays Entra's (admins.existingGroupId): there is no membership to import",
      fix: "remove importMemberships",
    });
  const activation = pimActivationMinutes(jit.maximumDuration);
  const session = isoDurationMinutes(input.admins.sessionDuration);
  if (activation !== undefined && session !== undefined && session > activation)
    problems.push({
      path: ["admins", "sessionDuration"],
      rule: `an admin session (${input.admins.sessionDuration}) would outlast the activation (${jit.maximumDuration}) that grants it`,
      fix: `set admins.sessionDuration to ${pimDuration(activation)} or less, or raise justInTime.maximumDuration`,
    });
  if (activation === undefined)
    problems.push({
      path: ["admins", "justInTime", "maximumDuration"],
      rule: `activation duration "${jit.maximumDuration}" must be whole half hours from 1 to 24 hours (PIM takes half-hour steps; an activation needs time to reach IAM Identity Center)`,
      fix: "write it like PT4H, PT1H30M or P1D",
    });
  // PIM never lets someone approve their own activation: a sole approver who is eligible could never activate.
  const eligible = new Set((jit.members ?? input.admins.members).map((user) => user.toLowerCase()));
  if (jit.approvers.length === 1 && eligible.has(jit.approvers[0]!.toLowerCase()))
    problems.push({
      path: ["admins", "justInTime", "approvers", 0],
      rule: `"${jit.approvers[0]}" is the only approver and is eligible too: nobody could approve their own activation`,
      fix: "add a second approver, or make the approver a permanent admin (leave them out of justInTime.members)",
    });
  return problems;
}

function checkAdmins(input: FederationInput): RawProblem[] {
  const problems: RawProblem[] = [];
  const minutes = isoDurationMinutes(input.admins.sessionDuration);
  if (minutes === undefined || minutes < 60 || minutes > 720)
    problems.push({
      path: ["admins", "sessionDuration"],
      rule: `session duration "${input.admins.sessionDuration}" must be an ISO-8601 duration between 1 and 12 hours`,
      fix: "write it like PT4H or PT1H30M",
    });
  const permissionSet = input.admins.permissionSetName ?? defaultPermissionSetName(input.name);
  if (permissionSet.length > PERMISSION_SET_NAME_MAX)
    problems.push({
      path: ["admins"],
      rule: `permission set name "${permissionSet}" is longer than ${PERMISSION_SET_NAME_MAX} characters`,
      fix: "set admins.permissionSetName to a shorter name",
    });
  problems.push(...checkJustInTime(input));
  const seen = new Set<string>();
  input.admins.members.forEach((userName, index) => {
    if (seen.has(userName.toLowerCase()))
      problems.push({
        path: ["admins", "members", index],
        rule: `user "${userName}" is listed twice`,
        fix: "list each admin once",
      });
    seen.add(userName.toLowerCase());
  });
  return problems;
}

function checkIdentityCenter(input: FederationInput): RawProblem[] {
  const center = input.aws.identityCenter;
  if (center === undefined) return [];
  const region = input.aws.region.replace(/[.]/g, "\\.");
  const shapes: Record<keyof typeof center, [RegExp, string] | undefined> = {
    issuerUrl: [
      new RegExp(`^https://${region}\\.signin\\.aws\\.amazon\\.com/platform/saml/[A-Za-z0-9-]+$`),
      `https://${input.aws.region}.signin.aws.amazon.com/platform/saml/<id>`,
    ],
    acsUrl: [
      new RegExp(`^https://${region}\\.signin\\.aws\\.amazon\\.com/platform/saml/acs/[A-Za-z0-9-]+$`),
      `https://${input.aws.region}.signin.aws.amazon.com/platform/saml/acs/<id>`,
    ],
    signInUrl: [
      new RegExp(`^https://portal\\.sso\\.${region}\\.amazonaws\\.com/saml/assertion/[A-Za-z0-9+/=_-]+$`),
      `https://portal.sso.${input.aws.region}.amazonaws.com/saml/assertion/<id>`,
    ],
    scimEndpoint: [
      new RegExp(`^https://scim\\.${region}\\.amazonaws\\.com/[A-Za-z0-9-]+/scim/v2/?$`),
      `https://scim.${input.aws.region}.amazonaws.com/<tenant-id>/scim/v2`,
    ],
    portalUrl: undefined,
  };
  const problems: RawProblem[] = [];
  for (const [field, shape] of Object.entries(shapes)) {
    const value = center[field as keyof typeof center];
    if (shape === undefined || value === undefined || shape[0].test(value)) continue;
    problems.push({
      path: ["aws", "identityCenter", field],
      rule: `"${value}" does not have the shape ${shape[1]} for region ${input.aws.region}`,
      fix: "copy it again from the IAM Identity Center console (Settings > Identity source), and check aws.region",
    });
  }
  if (center.portalUrl === undefined && defaultPortalUrl(center.issuerUrl) === undefined)
    problems.push({
      path: ["aws", "identityCenter", "portalUrl"],
      rule: "the access portal URL cannot be derived from the issuer URL",
      fix: "copy the AWS access portal URL from the IAM Identity Center dashboard into portalUrl",
    });
  return problems;
}

function checkIdentityProvider(input: FederationInput, now: Date): RawProblem[] {
  if (input.identityProvider.type !== "entra") return [];
  const end = new Date(input.identityProvider.entra.signingCertificateEndDate);
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_CERTIFICATE_YEARS);
  const path = ["identityProvider", "entra", "signingCertificateEndDate"];
  if (end <= now)
    return [
      {
        path,
        rule: `end date ${end.toISOString()} is in the past`,
        fix: "choose a date in the future, at most 3 years ahead",
      },
    ];
  if (end > latest)
    return [
      {
        path,
        rule: `end date ${end.toISOString()} is more than ${MAX_CERTIFICATE_YEARS} years ahead (Microsoft Graph refuses it)`,
        fix: `choose a date before ${latest.toISOString()}`,
      },
    ];
  return [];
}

function checkAws(input: FederationInput): RawProblem[] {
  const problems: RawProblem[] = [];
  const full = input.identityProvider.type === "external" || input.aws.identityCenter !== undefined;
  const hosting = new Set(Object.values(input.teams).map((team) => team.account ?? IDENTITY_CENTER_ACCOUNT));
  if (full && hosting.has(IDENTITY_CENTER_ACCOUNT) && input.aws.network === undefined)
    problems.push({
      path: ["aws", "network"],
      rule: "Studio domains need a network once IAM Identity Center is configured",
      fix: "add aws.network with vpcId and subnetIds",
    });
  if (Object.hasOwn(input.aws.accounts, IDENTITY_CENTER_ACCOUNT))
    problems.push({
      path: ["aws", "accounts", IDENTITY_CENTER_ACCOUNT],
      rule: `account key "${IDENTITY_CENTER_ACCOUNT}" names the account of aws.accountId`,
      fix: "give the workload account another key",
    });
  const owners = new Map<string, string>([[input.aws.accountId, "aws.accountId"]]);
  for (const [key, account] of Object.entries(input.aws.accounts)) {
    const path = ["aws", "accounts", key];
    const owner = owners.get(account.accountId);
    if (owner === undefined) owners.set(account.accountId, `aws.accounts.${key}`);
    else
      problems.push({
        path: [...path, "accountId"],
        rule: `account ${account.accountId} is already declared by ${owner}`,
        fix: "declare each account once (teams without `account` use aws.accountId)",
      });
    const roleAccount = account.roleArn.split(":")[4];
    if (roleAccount !== account.accountId)
      problems.push({
        path: [...path, "roleArn"],
        rule: `the role is in account ${roleAccount}, not in ${account.accountId}`,
        fix: "give the ARN of the role Terraform assumes in this account",
      });
    problems.push(...planRoleProblems(path, account, account.accountId));
    if (account.region !== undefined && account.region !== input.aws.region)
      problems.push({
        path: [...path, "region"],
        rule: `region ${account.region} differs from the Identity Center region ${input.aws.region}`,
        fix: "Studio domains must be in the Identity Center region: remove region or set it to aws.region",
      });
    if (full && hosting.has(key) && account.network === undefined)
      problems.push({
        path: [...path, "network"],
        rule: "Studio domains need a network in every account that hosts them",
        fix: `add aws.accounts.${key}.network with vpcId and subnetIds`,
      });
  }
  for (const [teamKey, team] of Object.entries(input.teams))
    if (team.account !== undefined && !Object.hasOwn(input.aws.accounts, team.account))
      problems.push({
        path: ["teams", teamKey, "account"],
        rule: `account "${team.account}" is not declared under aws.accounts`,
        fix: `use one of: ${Object.keys(input.aws.accounts).join(", ") || "(none declared)"}, or leave account out for the Identity Center account`,
      });
  if (input.aws.consoleGuard.scp && input.aws.consoleGuard.deployerRoleArn === undefined)
    problems.push({
      path: ["aws", "consoleGuard", "deployerRoleArn"],
      rule: "the console guard SCP would also block the role that deploys this stack",
      fix: "set deployerRoleArn to the ARN of the role Terraform runs as",
    });
  return [...problems, ...checkOrganization(input, hosting)];
}

/**
 * Service control policies are created in the organization's management account only, and never bind that
 * account: a guard managed anywhere else is refused, and a domain there would be unguarded.
 */
function checkOrganization(input: FederationInput, hosting: ReadonlySet<string>): RawProblem[] {
  const problems: RawProblem[] = [];
  const organization = input.aws.organization;
  if (organization === undefined) {
    if (input.aws.consoleGuard.scp)
      problems.push({
        path: ["aws", "consoleGuard", "scp"],
        rule: "the console guard SCP can only be managed from the organization's management account",
        fix: "add aws.organization with the management account's accountId (and the roleArn Terraform assumes there)",
      });
    return problems;
  }
  const path = ["aws", "organization"];
  const hostingAccounts: Record<string, string> = {};
  if (hosting.has(IDENTITY_CENTER_ACCOUNT)) hostingAccounts[input.aws.accountId] = "aws.accountId";
  for (const [key, account] of Object.entries(input.aws.accounts))
    if (hosting.has(key)) hostingAccounts[account.accountId] = `aws.accounts.${key}`;
  const host = hostingAccounts[organization.accountId];
  if (host !== undefined)
    problems.push({
      path: [...path, "accountId"],
      rule: `the management account ${organization.accountId} (${host}) hosts Studio domains, and SCPs never apply to it`,
      fix: "put the teams' domains in member accounts (teams.<key>.account), or leave aws.organization and consoleGuard out",
    });
  if (organization.roleArn === undefined && organization.accountId !== input.aws.accountId)
    problems.push({
      path: [...path, "roleArn"],
      rule: `Terraform's own credentials are for aws.accountId ${input.aws.accountId}, not the management account`,
      fix: "give the ARN of the role Terraform assumes in the management account",
    });
  const roleAccount = organization.roleArn?.split(":")[4];
  if (roleAccount !== undefined && roleAccount !== organization.accountId)
    problems.push({
      path: [...path, "roleArn"],
      rule: `the role is in account ${roleAccount}, not in the management account ${organization.accountId}`,
      fix: "give the ARN of a role in the management account",
    });
  problems.push(...planRoleProblems(path, organization, organization.accountId));
  return problems;
}

/**
 * IAM limits a role's inline policy (here: its team's buckets) to 10,240 characters. The persona's own grants are
 * split into managed policies that always fit (policies/persona-policy.ts).
 */
export function checkPolicySizes(config: FederationConfig): RawProblem[] {
  const roles = Object.values(config.roles)
    .filter((role) => role.inlinePolicy !== undefined && policySize(role.inlinePolicy) > INLINE_ROLE_POLICY_QUOTA)
    .map((role) => ({
      path: ["teams", role.team, "s3Buckets"],
      rule: `the ${role.persona} role's bucket policy is ${policySize(role.inlinePolicy!)} characters; IAM allows ${INLINE_ROLE_POLICY_QUOTA}`,
      fix: "list fewer buckets",
    }));
  return [...roles, ...checkGuardSizes(config)];
}

/** The longest ARN a permission set can have: the guard must fit whatever ARN the apply gives it. */
const LONGEST_PERMISSION_SET_ARN = `arn:aws-us-gov:sso:::permissionSet/ssoins-${"0".repeat(16)}/ps-${"0".repeat(16)}`;

/** A service control policy holds 5,120 characters; the guards grow with the deployer roles and accounts. */
function checkGuardSizes(config: FederationConfig): RawProblem[] {
  const guards = guardPolicies(config, LONGEST_PERMISSION_SET_ARN);
  return [guards?.console, guards?.identityCenter]
    .filter((guard) => guard !== undefined && policySize(guard.document) > SERVICE_CONTROL_POLICY_QUOTA)
    .map((guard) => ({
      path: ["aws", "consoleGuard"],
      rule: `a guard service control policy would be ${policySize(guard!.document)} characters; AWS Organizations allows ${SERVICE_CONTROL_POLICY_QUOTA}`,
      fix: "use fewer workload accounts or identityWriterRoleArns (each deployer role and account is named in the guard)",
    }));
}
