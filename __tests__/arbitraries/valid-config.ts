/**
 * Configs that follow every rule of the contract (docs/architecture.md, section 3), built so by construction, with what the
 * loader must make of them. A rejection is a finding, not a generator to be loosened. The rules are restated here
 * from the design, not imported from config/, so that a wrong rule there shows up.
 */
import fc from "fast-check";
import {
  ADMIN_GROUP_KEY,
  ConfigData,
  DIGITS,
  LOWER,
  UPPER,
  ValidCase,
  accountId,
  accountKey,
  activities,
  bucketName,
  certificateEndDate,
  configName,
  customPersonaKey,
  freeText,
  groupName,
  guid,
  hex,
  instanceTypes,
  s3Buckets,
  sessionDuration,
  teamKey,
  word,
  BUILTIN_PERSONAS,
  REGIONS,
} from "./building-blocks";
import { User, derivedUser, userPool } from "./users";
import { isMapping } from "./config-paths";

// Valid configs

/** A member's value: empty (the team's default persona), a persona, or {persona, profileName}. */
export function memberValue(user: User, personaKeys: readonly string[]): fc.Arbitrary<unknown> {
  const persona = fc.constantFrom(...personaKeys);
  const withProfile = fc.record(
    { persona, profileName: fc.constantFrom(user.profileName, user.profileName.toUpperCase()) },
    { requiredKeys: ["profileName"] },
  );
  if (user.explicit) return withProfile;
  return fc.oneof(fc.constant(null), persona, fc.record({ persona }, { requiredKeys: [] }), withProfile);
}

export function team(
  group: string,
  users: readonly User[],
  personaKeys: readonly string[],
  accountKeys: readonly string[],
) {
  return fc.record(
    {
      account: accountKeys.length > 0 ? fc.constantFrom(...accountKeys) : fc.constant(undefined),
      group: fc.constant(group),
      defaultPersona: fc.constantFrom(...personaKeys),
      s3Buckets: s3Buckets,
      // Each at most once, at most 10 (a Studio limit).
      gitRepositories: fc.uniqueArray(
        fc.oneof(
          fc
            .tuple(word(LOWER, 1, 8), word(LOWER + "-", 1, 12))
            .map(([org, repo]) => `https://git.example.com/${org}/${repo}.git`),
          word(LOWER, 1, 8).map((repo) => `git@github.com:contoso/${repo}.git`),
        ),
        { maxLength: 2 },
      ),
      members: fc
        .subarray([...users])
        .chain((chosen) =>
          fc
            .tuple(...chosen.map((user) => memberValue(user, personaKeys)))
            .map((values) => Object.fromEntries(chosen.map((user, i) => [user.userName, values[i]]))),
        ),
    },
    { requiredKeys: ["group", "defaultPersona", "s3Buckets"] },
  );
}

/** A Studio persona must list one type its spaces can start on: Inferentia is none (not a Studio app type). */
const studioReadyInstanceTypes = instanceTypes.filter((types) => types.some((type) => !type.startsWith("ml.inf")));

export function personas(customKeys: readonly string[]) {
  const override = fc.record(
    { description: freeText(0, 30), activities, instanceTypes: studioReadyInstanceTypes },
    { requiredKeys: [] },
  );
  const custom = fc.record(
    { description: freeText(0, 30), activities, instanceTypes: studioReadyInstanceTypes },
    { requiredKeys: ["activities"] },
  );
  return fc
    .tuple(fc.subarray([...BUILTIN_PERSONAS]), fc.tuple(...customKeys.map(() => custom)))
    .chain(([overridden, customs]) =>
      fc.tuple(...overridden.map(() => override)).map((overrides) => ({
        ...Object.fromEntries(overridden.map((key, i) => [key, overrides[i]])),
        ...Object.fromEntries(customKeys.map((key, i) => [key, customs[i]])),
      })),
    );
}

export function identityCenter(region: string) {
  const directory = fc.oneof(
    hex(10).map((id) => ({ issuerId: `d-${id}`, portalNeeded: false })),
    hex(16).map((id) => ({ issuerId: `ssoins-${id}`, portalNeeded: true })),
  );
  return fc
    .record({
      directory,
      acs: fc.uuid(),
      assertion: word(LOWER + UPPER + DIGITS + "+/=_-", 10, 40),
      tenant: fc.uuid(),
      trailingSlash: fc.boolean(),
      portal: fc.option(word(LOWER + DIGITS + "-", 1, 12), { nil: undefined }),
    })
    .map(({ directory, acs, assertion, tenant, trailingSlash, portal }) => ({
      issuerUrl: `https://${region}.signin.aws.amazon.com/platform/saml/${directory.issuerId}`,
      acsUrl: `https://${region}.signin.aws.amazon.com/platform/saml/acs/${acs}`,
      signInUrl: `https://portal.sso.${region}.amazonaws.com/saml/assertion/${assertion}`,
      scimEndpoint: `https://scim.${region}.amazonaws.com/${tenant}/scim/v2${trailingSlash ? "/" : ""}`,
      ...(directory.portalNeeded || portal !== undefined
        ? { portalUrl: `https://${portal ?? "contoso"}.awsapps.com/start` }
        : {}),
    }));
}

/** A VPC network: VpcOnly (written or by default) needs a security group, as SageMaker refuses the domain without. */
export const network = fc
  .record(
    {
      vpcId: fc.constantFrom(8, 17).chain((length) => hex(length).map((id) => `vpc-${id}`)),
      subnetIds: fc.array(
        hex(17).map((id) => `subnet-${id}`),
        { minLength: 1, maxLength: 3 },
      ),
      access: fc.constantFrom("VpcOnly", "PublicInternetOnly", undefined),
      securityGroups: fc.array(
        hex(8).map((id) => `sg-${id}`),
        { maxLength: 3 },
      ),
    },
    { requiredKeys: ["vpcId", "subnetIds", "access", "securityGroups"] },
  )
  .filter(({ access, securityGroups }) => access === "PublicInternetOnly" || securityGroups.length > 0)
  .map(({ vpcId, subnetIds, access, securityGroups }) =>
    withoutUndefined({
      vpcId,
      subnetIds,
      securityGroupIds: securityGroups.length > 0 || access === undefined ? securityGroups : undefined,
      appNetworkAccessType: access,
    }),
  );

/**
 * Backends. The cloud block makes cdktf's validation run `terraform version` (about 40 ms, six synths), so it
 * comes up 1 time in 80: still about a dozen times in a thousand runs.
 */
export const backend = fc.oneof(
  { weight: 36, arbitrary: fc.constant(undefined) },
  { weight: 24, arbitrary: fc.constant({ type: "local" }) },
  {
    weight: 8,
    arbitrary: word(LOWER + "-./", 1, 20).map((path) => ({ type: "local", path: `state/${path}.tfstate` })),
  },
  {
    weight: 11,
    arbitrary: fc.record({
      type: fc.constant("s3"),
      bucket: bucketName,
      key: word(LOWER + DIGITS + "-/.", 1, 30).map((key) => `k${key}`),
      region: fc.constantFrom(...REGIONS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        type: fc.constant("cloud"),
        organization: word(LOWER + DIGITS + "-", 1, 12).map((org) => `o${org}`),
        workspace: word(LOWER + DIGITS + "-_", 1, 12).map((workspace) => `w${workspace}`),
        hostname: fc.constantFrom("app.terraform.io", "tfe.contoso.example"),
      },
      { requiredKeys: ["type", "organization", "workspace"] },
    ),
  },
);

export const tags = fc.dictionary(
  freeText(1, 20).filter((key) => key !== "__proto__"),
  freeText(0, 30),
  { maxKeys: 3 },
);

/**
 * A workload account. Its 12 digits start with 1 and aws.accountId's with 9, so the two never meet. Once IAM
 * Identity Center is configured it gets a network (it may host domains).
 */
export function workloadAccount(region: string, partition: string, id: string, full: boolean) {
  const withNetwork = full ? network : fc.option(network, { nil: undefined });
  return fc
    .record(
      {
        role: word(LOWER + DIGITS + "-", 1, 20),
        sameRegion: fc.boolean(),
        network: withNetwork,
        kms: fc.option(fc.uuid(), { nil: undefined }),
      },
      { requiredKeys: ["role", "sameRegion", "network"] },
    )
    .map(({ role, sameRegion, network: accountNetwork, kms }) =>
      withoutUndefined({
        accountId: id,
        roleArn: `arn:${partition}:iam::${id}:role/d${role}`,
        region: sameRegion ? region : undefined,
        network: accountNetwork,
        kmsKeyArn: kms === undefined ? undefined : `arn:${partition}:kms:${region}:${id}:key/${kms}`,
      }),
    );
}

/**
 * Configs that follow every rule of the contract, with both identity provider types and both phases. `small` ones
 * (two teams, three users at most) are the base of the malformed configs: the loader's checks do not depend on
 * size, and huge configs are generated on purpose there.
 */
export function validConfig(size: "normal" | "small" = "normal"): fc.Arbitrary<ValidCase> {
  const [maxTeams, maxUsers] = size === "small" ? [2, 3] : [3, 5];
  return fc
    .record({
      name: configName,
      region: fc.constantFrom(...REGIONS),
      accountId: accountId.map((id) => `9${id.slice(1)}`),
      idp: fc.constantFrom("entra", "external"),
      withIdentityCenter: fc.boolean(),
      customPersonaKeys: fc.uniqueArray(customPersonaKey, { maxLength: 2 }),
      users: userPool(maxUsers),
      // No key is another's followed by "-": pipelines and models are named with the team key as prefix.
      teamKeys: fc
        .uniqueArray(teamKey, { minLength: 1, maxLength: maxTeams })
        .filter((keys) => !keys.some((key) => keys.some((other) => key.startsWith(`${other}-`)))),
      // A third of the configs spread their teams over workload accounts (one provider each: slower to synthesize).
      accountKeys: fc.oneof(
        { weight: 2, arbitrary: fc.constant<string[]>([]) },
        { weight: 1, arbitrary: fc.uniqueArray(accountKey, { minLength: 1, maxLength: 2 }) },
      ),
      workloadAccountIds: fc.uniqueArray(
        accountId.map((id) => `1${id.slice(1)}`),
        { minLength: 2, maxLength: 2 },
      ),
      groupNames: fc.uniqueArray(groupName, { minLength: 4, maxLength: 4, selector: (name) => name.toLowerCase() }),
    })
    .chain((base) => {
      const personaKeys = [...BUILTIN_PERSONAS, ...base.customPersonaKeys];
      const full = base.idp === "external" || base.withIdentityCenter;
      const partition = base.region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
      return fc
        .record(
          {
            $schema: fc.constant("../federation.schema.json"),
            backend,
            network: full ? network : fc.option(network, { nil: undefined }),
            identityCenter: base.withIdentityCenter ? identityCenter(base.region) : fc.constant(undefined),
            kmsKeyArn: fc.uuid().map((id) => `arn:${partition}:kms:${base.region}:${base.accountId}:key/${id}`),
            consoleGuard: fc.oneof(
              fc.constant({}),
              fc.constant({ scp: false }),
              word(LOWER + "-", 1, 20).map((role) => ({
                scp: true,
                deployerRoleArn: `arn:${partition}:iam::${base.accountId}:role/t${role}`,
                // SCPs are managed in the management account, which hosts no domain.
                organization: managementAccount(partition, [base.accountId, ...base.workloadAccountIds]),
              })),
            ),
            tags,
            entra: fc.record(
              {
                tenantId: guid,
                notificationEmails: fc.array(
                  derivedUser.map((user) => user.userName),
                  { maxLength: 2 },
                ),
                signingCertificateEndDate: certificateEndDate,
                provisionOnDemand: fc.boolean(),
                checkUserAttributes: fc.boolean(),
                relayState: freeText(0, 30),
                owners: fc.array(guid, { maxLength: 2 }),
              },
              { requiredKeys: ["tenantId", "signingCertificateEndDate"] },
            ),
            admins: fc.record(
              {
                group: fc.constant(base.groupNames[0]!),
                members: fc.subarray(base.users.map((user) => user.userName)),
                sessionDuration,
                permissionSetName: word(LOWER + UPPER + DIGITS + "+=,.@_-", 1, 32),
              },
              { requiredKeys: ["group"] },
            ),
            personas: personas(base.customPersonaKeys),
            teams: fc.tuple(
              ...base.teamKeys.map((_, i) => team(base.groupNames[i + 1]!, base.users, personaKeys, base.accountKeys)),
            ),
            accounts: fc.tuple(
              ...base.accountKeys.map((_, i) =>
                workloadAccount(base.region, partition, base.workloadAccountIds[i]!, full),
              ),
            ),
          },
          { requiredKeys: ["entra", "admins", "personas", "teams", "accounts", "identityCenter", "network"] },
        )
        .map((parts) => assemble(base, parts, full));
    });
}

/** An organization management account that is none of the accounts hosting domains. */
function managementAccount(partition: string, taken: readonly string[]) {
  const accountId = ["999999999999", "999999999998", "999999999997"].find((id) => !taken.includes(id))!;
  return { accountId, roleArn: `arn:${partition}:iam::${accountId}:role/organizations` };
}

/** A bucket belongs to one team: a name another team already lists gets a suffix that keeps it a valid name. */
function ownBuckets(teams: readonly any[]): any[] {
  const taken = new Set<string>();
  return teams.map((team, i) => ({
    ...team,
    s3Buckets: team.s3Buckets.map((bucket: string) => {
      let name = bucket;
      for (let n = 0; taken.has(name); n++) name = `${bucket.slice(0, 52)}-t${i}x${n}`;
      taken.add(name);
      return name;
    }),
  }));
}

export function assemble(base: any, parts: any, full: boolean): ValidCase {
  const owned = ownBuckets(parts.teams);
  const teams: Record<string, any> = Object.fromEntries(base.teamKeys.map((key: string, i: number) => [key, owned[i]]));
  const data: ConfigData = withoutUndefined({
    $schema: parts.$schema,
    name: base.name,
    backend: parts.backend,
    aws: {
      region: base.region,
      accountId: base.accountId,
      identityCenter: parts.identityCenter,
      network: parts.network,
      kmsKeyArn: parts.kmsKeyArn,
      accounts:
        base.accountKeys.length > 0
          ? Object.fromEntries(base.accountKeys.map((key: string, i: number) => [key, parts.accounts[i]]))
          : undefined,
      organization: parts.consoleGuard?.organization,
      consoleGuard: parts.consoleGuard && withoutUndefined({ ...parts.consoleGuard, organization: undefined }),
      tags: parts.tags,
    },
    identityProvider: base.idp === "entra" ? { type: "entra", entra: parts.entra } : { type: "external" },
    admins: parts.admins,
    personas: parts.personas,
    teams,
  });

  const groups: Record<string, string> = { [ADMIN_GROUP_KEY]: parts.admins.group };
  const profiles: Record<string, { profileName: string; role: string }> = {};
  for (const [key, value] of Object.entries(teams)) {
    groups[key] = value.group;
    for (const [userName, member] of Object.entries<any>(value.members ?? {})) {
      const user = (base.users as User[]).find((candidate) => candidate.userName === userName)!;
      const persona = (typeof member === "string" ? member : member?.persona) ?? value.defaultPersona;
      profiles[`${key}/${userName}`] = {
        profileName: member?.profileName ?? user.profileName,
        role: `${key}/${persona}`,
      };
    }
  }
  return {
    data,
    expected: { phase: full ? "full" : "bootstrap", identityProvider: base.idp, groups, profiles },
  };
}

/** Optional fields the generator left out are absent, as in a hand-written file. */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (isMapping(value))
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, inner]) => inner !== undefined)
        .map(([key, inner]) => [key, withoutUndefined(inner)]),
    ) as T;
  return value;
}
