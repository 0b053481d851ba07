/** Configs with one known rule broken (wrong type, bad name, missing field, unknown key, collision), and the path a problem must name. */
import fc from "fast-check";
import {
  BUILTIN_PERSONAS,
  ConfigData,
  IDENTITY_CENTER_ACCOUNT,
  LOWER,
  Malformed,
  Path,
  REGIONS,
  UPPER,
  accountKey,
  customPersonaKey,
  freeText,
  word,
} from "./building-blocks";
import { sameName } from "./users";
import { validConfig } from "./valid-config";
import {
  broken,
  clone,
  get,
  isMemberValuePath,
  pathText,
  renameKey,
  reportedAt,
  set,
  yamlOf,
  isMapping,
  allPaths,
} from "./config-paths";

// Targeted malformed configs: each breaks one rule, and the loader must name the place.

export const anyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -0, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY, -1e-320),
);
export const smallJson = fc.jsonValue({ maxDepth: 2 });

/** A value of a type the schema never accepts at this place (no field is a number; only members are unions). */
export function wrongTypeFor(current: unknown, memberValue: boolean): fc.Arbitrary<unknown> {
  const candidates: fc.Arbitrary<unknown>[] = [anyNumber];
  if (!Array.isArray(current)) candidates.push(fc.array(smallJson, { maxLength: 3 }));
  if (typeof current !== "boolean") candidates.push(fc.boolean());
  if (!memberValue) {
    if (current !== null) candidates.push(fc.constant(null));
    if (!isMapping(current)) candidates.push(fc.dictionary(word(LOWER, 1, 6), smallJson, { minKeys: 1, maxKeys: 3 }));
    if (typeof current !== "string") candidates.push(freeText(0, 20));
  }
  return fc.oneof(...candidates);
}

export function wrongType(data: ConfigData): fc.Arbitrary<Malformed> {
  return fc.constantFrom(...allPaths(data)).chain((path) =>
    wrongTypeFor(get(data, path), isMemberValuePath(path)).map((value) => {
      const copy = clone(data);
      set(copy, path, value);
      return broken(copy, `wrong type at ${pathText(path)}: ${String(JSON.stringify(value)).slice(0, 80)}`, [
        reportedAt(path),
      ]);
    }),
  );
}

/** Keys the contract requires, and keys it requires in this config (cross-checks). */
export function requiredPaths(data: ConfigData): Path[] {
  const paths: Path[] = [
    ["name"],
    ["aws"],
    ["aws", "region"],
    ["aws", "accountId"],
    ["identityProvider"],
    ["identityProvider", "type"],
    ["admins"],
    ["admins", "group"],
    ["teams"],
  ];
  for (const key of Object.keys(data.teams))
    paths.push(["teams", key, "group"], ["teams", key, "defaultPersona"], ["teams", key, "s3Buckets"]);
  if (data.identityProvider.type === "entra")
    paths.push(
      ["identityProvider", "entra"],
      ["identityProvider", "entra", "tenantId"],
      ["identityProvider", "entra", "signingCertificateEndDate"],
    );
  const center = data.aws.identityCenter;
  if (center) {
    for (const field of ["issuerUrl", "acsUrl", "signInUrl", "scimEndpoint"])
      paths.push(["aws", "identityCenter", field]);
    if (center.portalUrl !== undefined && !/\/d-[0-9a-f]{10}$/.test(center.issuerUrl))
      paths.push(["aws", "identityCenter", "portalUrl"]);
  }
  // Once IAM Identity Center is configured, every account that hosts a team's domain needs a network.
  const full = data.identityProvider.type === "external" || center !== undefined;
  const hosts = (account: string | undefined) =>
    Object.values<any>(data.teams).some((team) => team.account === account);
  const networkPaths = (network: any, path: Path): Path[] => [
    [...path, "vpcId"],
    [...path, "subnetIds"],
    ...(network.appNetworkAccessType === "PublicInternetOnly" ? [] : [[...path, "securityGroupIds"]]),
  ];
  if (data.aws.network) {
    paths.push(...networkPaths(data.aws.network, ["aws", "network"]));
    if (full && hosts(undefined)) paths.push(["aws", "network"]);
  }
  for (const [key, account] of Object.entries<any>(data.aws.accounts ?? {})) {
    paths.push(["aws", "accounts", key, "accountId"], ["aws", "accounts", key, "roleArn"]);
    if (account.network) paths.push(...networkPaths(account.network, ["aws", "accounts", key, "network"]));
    if (account.network && full && hosts(key)) paths.push(["aws", "accounts", key, "network"]);
  }
  if (data.backend) {
    paths.push(["backend", "type"]);
    if (data.backend.type === "s3") paths.push(["backend", "bucket"], ["backend", "key"], ["backend", "region"]);
    if (data.backend.type === "cloud") paths.push(["backend", "organization"], ["backend", "workspace"]);
  }
  for (const key of Object.keys(data.personas ?? {}))
    if (!(BUILTIN_PERSONAS as readonly string[]).includes(key)) paths.push(["personas", key, "activities"]);
  if (data.aws.consoleGuard?.scp === true) paths.push(["aws", "consoleGuard", "deployerRoleArn"]);
  return paths;
}

export function missingField(data: ConfigData): fc.Arbitrary<Malformed> {
  return fc.constantFrom(...requiredPaths(data)).map((path) => {
    const copy = clone(data);
    set(copy, path, undefined);
    return broken(copy, `missing ${pathText(path)}`, [path]);
  });
}

/** The keys each strict mapping of the contract allows (backend: all three kinds). */
export const KNOWN_KEYS: Record<string, readonly string[]> = {
  root: ["$schema", "name", "backend", "aws", "identityProvider", "admins", "personas", "teams"],
  aws: [
    "region",
    "accountId",
    "organization",
    "identityCenter",
    "network",
    "kmsKeyArn",
    "accounts",
    "consoleGuard",
    "tags",
  ],
  organization: ["accountId", "roleArn"],
  account: ["accountId", "roleArn", "region", "network", "kmsKeyArn"],
  identityCenter: ["issuerUrl", "acsUrl", "signInUrl", "scimEndpoint", "portalUrl"],
  network: ["vpcId", "subnetIds", "securityGroupIds", "appNetworkAccessType"],
  consoleGuard: ["scp", "deployerRoleArn"],
  identityProvider: ["type", "entra"],
  entra: [
    "tenantId",
    "notificationEmails",
    "signingCertificateEndDate",
    "provisionOnDemand",
    "checkUserAttributes",
    "relayState",
    "owners",
  ],
  admins: ["group", "members", "sessionDuration", "permissionSetName"],
  backend: ["type", "path", "bucket", "key", "region", "organization", "workspace", "hostname"],
  persona: ["description", "activities", "instanceTypes"],
  team: ["group", "defaultPersona", "s3Buckets", "gitRepositories", "members", "account"],
  member: ["persona", "profileName"],
};

export function strictMappings(data: ConfigData): [Path, string][] {
  const found: [Path, string][] = [
    [[], "root"],
    [["aws"], "aws"],
    [["identityProvider"], "identityProvider"],
    [["admins"], "admins"],
  ];
  if (data.aws.identityCenter) found.push([["aws", "identityCenter"], "identityCenter"]);
  if (data.aws.network) found.push([["aws", "network"], "network"]);
  for (const [key, account] of Object.entries<any>(data.aws.accounts ?? {})) {
    found.push([["aws", "accounts", key], "account"]);
    if (account.network) found.push([["aws", "accounts", key, "network"], "network"]);
  }
  if (data.aws.consoleGuard) found.push([["aws", "consoleGuard"], "consoleGuard"]);
  if (data.aws.organization) found.push([["aws", "organization"], "organization"]);
  if (data.identityProvider.entra) found.push([["identityProvider", "entra"], "entra"]);
  if (data.backend) found.push([["backend"], "backend"]);
  for (const key of Object.keys(data.personas ?? {})) found.push([["personas", key], "persona"]);
  for (const [key, team] of Object.entries<any>(data.teams)) {
    found.push([["teams", key], "team"]);
    for (const [userName, member] of Object.entries(team.members ?? {}))
      if (isMapping(member)) found.push([["teams", key, "members", userName], "member"]);
  }
  return found;
}

export const strangeKey = fc.oneof(
  word(LOWER + UPPER, 1, 12),
  fc.string({ unit: "binary", maxLength: 10 }),
  fc.constantFrom("__proto__", "constructor", "toString", "teamz", "Name", "<<", "", " ", "1", "a.b", "x y", "ÿ", "🚀"),
);

export function unknownKey(data: ConfigData): fc.Arbitrary<Malformed> {
  return fc.constantFrom(...strictMappings(data)).chain(([path, kind]) =>
    fc
      .tuple(
        strangeKey.filter((key) => !KNOWN_KEYS[kind]!.includes(key)),
        smallJson,
      )
      .map(([key, value]) => {
        const copy = clone(data);
        set(copy, [...path, key], value);
        return broken(copy, `unknown key ${JSON.stringify(key)} in ${pathText(path)}`, [[...path, key]]);
      }),
  );
}

/** Values that break one naming rule each, by field. */
export const BAD = {
  name: ["Contoso", "contoso_ml", "1contoso", "c", "a".repeat(32), "ñame", "", " contoso", "contoso ml"],
  key: ["Forecasting", "fore_casting", "9team", "a".repeat(32), "équipe", "", "team key", "-team", "__proto__"],
  teamKeyOnly: ["admins", "forecasting-"],
  userName: [
    "alice",
    "alice@contoso",
    "al ice@contoso.com",
    "a@b@contoso.com",
    "@contoso.com",
    "alice@.com",
    "alice@contoso.com ",
    "alice\u00a0b@contoso.com",
    "alice@contoso.com\u2003",
  ],
  underivable: ["___@contoso.com", "..@contoso.com", "ñ@contoso.com", "日本@contoso.jp", "'@x.io"],
  group: [
    "",
    "a".repeat(257),
    "ml<fraud>",
    "ml;fraud",
    "ml:fraud",
    "100%",
    "a|b",
    "tab\there",
    "new\nline",
    "nul\u0000",
    "esc\u001b",
  ],
  bucket: [
    "Contoso-data",
    "ab",
    "a".repeat(64),
    "xn--contoso",
    "sthree-data",
    "amzn-s3-demo-data",
    "data-s3alias",
    "data--ol-s3",
    "a..b",
    "192.168.1.1",
    "data-",
    "-data",
    "arn:aws:s3:::data",
    "s3://data",
    "con_toso",
    "bücket",
  ],
  accountId: ["11112222333", "1111222233334", "1111-2222-3333", "abcdefghijkl", ""],
  roleArn: ["arn:aws:iam::111122223333:user/deployer", "role/deployer", "arn:aws:iam::1111:role/x", ""],
  region: ["EU-WEST-1", "eu-west", "euwest1", "", "eu-west-1a"],
  guid: [
    "not-a-guid",
    "72f988bf86f141af91ab2d7cd011db47",
    "72f988bf-86f1-41af-91ab-2d7cd011db47x",
    "{72f988bf-86f1-41af-91ab-2d7cd011db47}",
  ],
  certificateEndDate: [
    "2028-01-01",
    "yesterday",
    "2028-13-01T00:00:00Z",
    "2026-11-29T00:00:00Z",
    "2020-01-01T00:00:00Z",
    "2031-01-01T00:00:00Z",
    "",
  ],
  vpcId: ["vpc-123", "subnet-0123456789abcdef0", "VPC-01234567", "vpc-0123456789ABCDEF0"],
  subnetId: ["subnet-xyz", "subnet-1", "vpc-01234567"],
  kmsKeyArn: [
    "arn:aws:kms:eu-west-1:111122223333:alias/ml",
    "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9",
    "arn:aws:kms:eu-west-1:1111:key/x",
  ],
  sessionDuration: ["PT0H", "PT13H", "PT59M", "PT721M", "PT12H1M", "4h", "P1D", "PT", ""],
  permissionSetName: ["a".repeat(33), "a b", "a/b", ""],
  instanceType: ["ml.m5.huge", "m5.large", "ml.zz9.*", "ML.M5.LARGE", "ml.m5.large ", "ml.*"],
  activity: ["manage_models", "Manage-Models", "admin", ""],
  profileName: ["-abc", "abc-", "a_b", "a".repeat(64), "", "ab.c"],
};

export const pick = (values: readonly string[]) => fc.constantFrom(...values);

export function badNames(data: ConfigData): fc.Arbitrary<Malformed>[] {
  const out: fc.Arbitrary<Malformed>[] = [];
  const replace = (path: Path, values: fc.Arbitrary<unknown>, reported: Path = path) =>
    out.push(
      values.map((value) => {
        const copy = clone(data);
        set(copy, path, value);
        return broken(copy, `bad value ${JSON.stringify(value)} at ${pathText(path)}`, [reported]);
      }),
    );
  const rename = (mapPath: Path, from: string, values: fc.Arbitrary<string>, taken: (key: string) => boolean) =>
    out.push(
      values
        .filter((to) => !taken(to))
        .map((to) => {
          const copy = clone(data);
          renameKey(copy, mapPath, from, to);
          return broken(copy, `bad key ${JSON.stringify(to)} in ${pathText(mapPath)}`, [[...mapPath, to]]);
        }),
    );

  replace(["name"], pick(BAD.name));
  replace(["aws", "region"], pick(BAD.region));
  replace(["aws", "accountId"], pick(BAD.accountId));
  replace(["admins", "group"], pick(BAD.group));
  replace(["admins", "sessionDuration"], pick(BAD.sessionDuration));
  replace(["admins", "permissionSetName"], pick(BAD.permissionSetName));
  replace(["aws", "kmsKeyArn"], pick(BAD.kmsKeyArn));
  // A plain JavaScript object cannot hold this key: the schema library would drop the tag without a word.
  replace(["aws", "tags", "__proto__"], freeText(0, 10));
  const admins: string[] = data.admins.members ?? [];
  replace(["admins", "members", admins.length], pick(BAD.userName));

  if (data.identityProvider.type === "entra") {
    replace(["identityProvider", "entra", "tenantId"], pick(BAD.guid));
    replace(["identityProvider", "entra", "signingCertificateEndDate"], pick(BAD.certificateEndDate));
  }
  if (data.aws.network) {
    replace(["aws", "network", "vpcId"], pick(BAD.vpcId));
    replace(["aws", "network", "subnetIds", 0], pick(BAD.subnetId));
  }
  const center = data.aws.identityCenter;
  if (center) {
    const other = REGIONS.find((region) => region !== data.aws.region)!;
    for (const field of ["issuerUrl", "acsUrl", "signInUrl", "scimEndpoint"])
      replace(
        ["aws", "identityCenter", field],
        fc.constantFrom(
          String(center[field]).replace(data.aws.region, other),
          String(center[field]).replace("https://", "http://"),
          `${String(center[field])} `,
        ),
      );
  }

  const personaKeys = [...BUILTIN_PERSONAS, ...Object.keys(data.personas ?? {})];
  const undefinedPersona = customPersonaKey.filter((key) => !personaKeys.includes(key));
  for (const key of personaKeys) {
    replace(
      ["personas", key, "instanceTypes"],
      pick(BAD.instanceType).map((type) => [type]),
      [...["personas", key, "instanceTypes"], 0],
    );
    replace(
      ["personas", key, "activities"],
      pick(BAD.activity).map((activity) => [activity]),
      [...["personas", key, "activities"], 0],
    );
  }
  for (const key of Object.keys(data.personas ?? {}))
    rename(["personas"], key, pick(BAD.key), (to) => Object.hasOwn(data.personas, to));

  const accounts = Object.keys(data.aws.accounts ?? {});
  const undeclaredAccount = accountKey.filter((key) => !accounts.includes(key));
  for (const key of accounts) {
    const accountPath = ["aws", "accounts", key];
    replace([...accountPath, "accountId"], pick(BAD.accountId));
    replace([...accountPath, "roleArn"], pick(BAD.roleArn));
    replace([...accountPath, "region"], pick(REGIONS.filter((region) => region !== data.aws.region)));
    rename(["aws", "accounts"], key, pick([...BAD.key, IDENTITY_CENTER_ACCOUNT]), (to) =>
      Object.hasOwn(data.aws.accounts, to),
    );
  }

  for (const [key, team] of Object.entries<any>(data.teams)) {
    const teamPath = ["teams", key];
    replace([...teamPath, "account"], undeclaredAccount);
    // One repository twice, or more than Studio's 10.
    replace(
      [...teamPath, "gitRepositories"],
      fc.constantFrom(
        ["https://git.example.com/ml/a.git", "https://git.example.com/ml/a.git"],
        Array.from({ length: 11 }, (_, i) => `https://git.example.com/ml/r${i}.git`),
      ),
    );
    replace([...teamPath, "group"], pick(BAD.group));
    replace([...teamPath, "s3Buckets", 0], pick(BAD.bucket));
    replace([...teamPath, "defaultPersona"], undefinedPersona);
    rename(["teams"], key, pick([...BAD.key, ...BAD.teamKeyOnly]), (to) => Object.hasOwn(data.teams, to));
    const members = Object.keys(team.members ?? {});
    const takenUser = (to: string) => members.some((userName) => sameName(userName, to));
    for (const userName of members) {
      const memberPath = [...teamPath, "members", userName];
      rename([...teamPath, "members"], userName, pick(BAD.userName), takenUser);
      replace(memberPath, undefinedPersona);
      replace(
        memberPath,
        pick(BAD.profileName).map((name) => ({ profileName: name })),
      );
    }
    // A user name that yields no profile name, without an explicit one.
    out.push(
      pick(BAD.underivable)
        .filter((userName) => !takenUser(userName))
        .map((userName) => {
          const copy = clone(data);
          set(copy, [...teamPath, "members", userName], null);
          return broken(copy, `underivable profile name for ${userName}`, [[...teamPath, "members", userName]]);
        }),
    );
  }
  return out;
}

/** Spellings of a name that are the same name to Entra ID and IAM Identity Center (case only). */
export function sameNameVariants(name: string): string[] {
  return [...new Set([name, name.toLowerCase(), name.toUpperCase()])].filter((variant) => sameName(variant, name));
}

export function collisions(data: ConfigData): fc.Arbitrary<Malformed>[] {
  const out: fc.Arbitrary<Malformed>[] = [];
  const teamKeys = Object.keys(data.teams);
  const groupPath = (key: string) => ["teams", key, "group"];

  // Two teams, one group; a team with the admin group.
  for (const a of teamKeys)
    for (const b of teamKeys.filter((key) => key !== a))
      out.push(
        fc.constantFrom(...sameNameVariants(data.teams[a].group)).map((group) => {
          const copy = clone(data);
          copy.teams[b].group = group;
          return broken(copy, `teams ${a} and ${b} share group ${group}`, [groupPath(a), groupPath(b)]);
        }),
      );
  for (const key of teamKeys)
    out.push(
      fc.constantFrom(...sameNameVariants(data.admins.group)).map((group) => {
        const copy = clone(data);
        copy.teams[key].group = group;
        return broken(copy, `team ${key} has the admin group`, [groupPath(key)]);
      }),
    );

  for (const [key, team] of Object.entries<any>(data.teams)) {
    const membersPath = ["teams", key, "members"];
    for (const userName of Object.keys(team.members ?? {})) {
      // The same user twice, in another case.
      const variants = sameNameVariants(userName).filter((variant) => variant !== userName);
      if (variants.length > 0)
        out.push(
          fc.constantFrom(...variants).map((variant) => {
            const copy = clone(data);
            copy.teams[key].members[variant] = null;
            return broken(copy, `${userName} twice in team ${key}`, [
              [...membersPath, userName],
              [...membersPath, variant],
            ]);
          }),
        );
      // Another user with the same profile name (SageMaker compares without case).
      const member = team.members[userName];
      out.push(
        fc.constantFrom("collision@other.example", "Collision.2@other.example").map((newcomer) => {
          const copy = clone(data);
          const profile = String(member?.profileName ?? derivedProfileOf(userName));
          copy.teams[key].members[newcomer] = { profileName: profile.toUpperCase() };
          return broken(copy, `${newcomer} takes the profile name of ${userName} in team ${key}`, [
            [...membersPath, userName],
            [...membersPath, newcomer],
          ]);
        }),
      );
    }
  }

  // Workload accounts: two with one account id, or one with the Identity Center account's.
  const accountEntries = Object.entries<any>(data.aws.accounts ?? {});
  const accountIdPath = (key: string) => ["aws", "accounts", key, "accountId"];
  for (const [a, first] of accountEntries)
    for (const [b] of accountEntries.filter(([key]) => key !== a))
      out.push(
        fc.constant(null).map(() => {
          const copy = clone(data);
          copy.aws.accounts[b].accountId = first.accountId;
          return broken(copy, `accounts ${a} and ${b} share account ${first.accountId}`, [
            accountIdPath(a),
            accountIdPath(b),
          ]);
        }),
      );
  for (const [key] of accountEntries)
    out.push(
      fc.constant(null).map(() => {
        const copy = clone(data);
        copy.aws.accounts[key].accountId = data.aws.accountId;
        return broken(copy, `account ${key} is the Identity Center account`, [accountIdPath(key)]);
      }),
    );

  const admins: string[] = data.admins.members ?? [];
  admins.forEach((userName, index) =>
    out.push(
      fc.constantFrom(...sameNameVariants(userName)).map((variant) => {
        const copy = clone(data);
        copy.admins.members.push(variant);
        return broken(copy, `admin ${userName} listed twice`, [
          ["admins", "members", index],
          ["admins", "members", admins.length],
        ]);
      }),
    ),
  );

  // A key written twice in the YAML text (the JavaScript object cannot hold it twice).
  out.push(
    fc.constantFrom("name", "aws", "admins", "teams").map((key) => ({
      text: `${yamlOf(data)}${key}: ${key === "name" ? "again" : "{}"}\n`,
      what: `top-level key ${key} written twice`,
      expectedPaths: [key],
    })),
  );
  return out;
}

/** The profile name the contract derives from a user name (for collisions with generated members). */
export function derivedProfileOf(userName: string): string {
  return (userName.split("@")[0] ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Configs with exactly one known rule broken, and the path the loader must name. */
export function targetedMalformed(): fc.Arbitrary<Malformed> {
  return validConfig("small").chain(({ data }) =>
    pickOne(data, [
      [3, wrongType],
      [2, missingField],
      [2, unknownKey],
      [4, (config) => fc.oneof(...badNames(config))],
      [2, (config) => fc.oneof(...collisions(config))],
    ]),
  );
}

/** One of the weighted ways to break a config; only the chosen one is built (some build dozens of arbitraries). */
export function pickOne(
  data: ConfigData,
  ways: readonly [weight: number, build: (data: ConfigData) => fc.Arbitrary<Malformed>][],
): fc.Arbitrary<Malformed> {
  return fc
    .oneof(...ways.map(([weight], index) => ({ weight, arbitrary: fc.constant(index) })))
    .chain((index) => ways[index]![1](data));
}
