import type { z } from "zod";
import type { federationSchema } from "../config/schema";
import { pick, type Random } from "./prng";

/** The loader's input type, so the compiler checks generated configs against the config contract. */
export type ConfigInput = z.input<typeof federationSchema>;
type TeamInput = ConfigInput["teams"][string];
type MemberInput = NonNullable<TeamInput["members"]>[string];

export type Variant = "entra" | "external";

export interface BenchSize {
  readonly members: number;
  readonly teams: number;
}

export interface GenerateOptions extends BenchSize {
  readonly variant: Variant;
  readonly random: Random;
  /** The certificate end date must lie within three years of this moment (config/rules/identity/certificate-end-date.ts). */
  readonly now: Date;
}

const FIRST_NAMES = ["ada", "alan", "barbara", "claude", "donald", "edsger", "frances", "grace", "john", "katherine"];
const LAST_NAMES = ["hopper", "knuth", "liskov", "lovelace", "shannon", "turing", "allen", "dijkstra", "backus"];
const DOMAIN = "contoso.example";
/** Share of memberships that reuse a user of an earlier team: real users sit in more than one team. */
const SHARED_USER_SHARE = 0.02;

/** `bench-m1000`: the config name, which prefixes every resource name. */
export function configName(size: BenchSize): string {
  return `bench-m${size.members}`;
}

/**
 * A config with exactly `members` team memberships (one Studio user profile each) spread unevenly over
 * `teams` teams, using all three built-in personas and every member form the contract allows. The entra
 * variant has `aws.identityCenter`, so the full phase (both sides) is synthesized.
 */
export function generateConfig(options: GenerateOptions): ConfigInput {
  const { random } = options;
  const users = userNames(options.members);
  const sizes = teamSizes(options, random);
  let nextUser = 0;
  const earlierUsers: string[] = [];
  const teams: Record<string, TeamInput> = {};
  sizes.forEach((size, index) => {
    const key = `team-${String(index + 1).padStart(3, "0")}`;
    const members: Record<string, MemberInput> = {};
    while (Object.keys(members).length < size) {
      const reuse = earlierUsers.length > 0 && random() < SHARED_USER_SHARE;
      const userName = reuse ? pick(random, earlierUsers) : users[nextUser++]!;
      if (userName in members) continue;
      members[userName] = memberValue(userName, random);
    }
    earlierUsers.push(...Object.keys(members));
    teams[key] = team(key, members, random);
  });
  return {
    name: configName(options),
    backend: { type: "local" },
    aws: aws(options.variant),
    identityProvider: identityProvider(options.variant, options.now),
    admins: { group: "sagemaker-admins", members: users.slice(0, 2), sessionDuration: "PT4H" },
    personas: {
      "data-scientist": { instanceTypes: ["ml.t3.medium", "ml.m5.large", "ml.m5.xlarge", "ml.g4dn.xlarge"] },
    },
    teams,
  };
}

/** The same config with one new user in the first team, on the team's default persona (the common case). */
export function withExtraMember(config: ConfigInput): ConfigInput {
  const [firstKey, first] = Object.entries(config.teams)[0] ?? [];
  if (firstKey === undefined || first === undefined) throw new Error("the config has no team");
  const members = { ...first.members, [`extra.member@${DOMAIN}`]: null };
  return { ...config, teams: { ...config.teams, [firstKey]: { ...first, members } } };
}

/** Distinct UPNs; the number suffix keeps derived profile names unique within every team. */
function userNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const first = FIRST_NAMES[index % FIRST_NAMES.length];
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length];
    return `${first}.${last}${index}@${DOMAIN}`;
  });
}

/** Uneven team sizes (weights 0.5-1.5), at least one member each, summing exactly to `members`. */
function teamSizes(size: BenchSize, random: Random): number[] {
  if (size.members < size.teams) throw new Error("every team needs at least one member");
  const weights = Array.from({ length: size.teams }, () => 0.5 + random());
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const spare = size.members - size.teams;
  const shares = weights.map((weight) => (weight / total) * spare);
  const sizes = shares.map((share) => 1 + Math.floor(share));
  // Largest remainder: hand the members lost to rounding down to the teams that lost the most.
  const order = shares.map((share, index) => ({ index, rest: share % 1 })).sort((a, b) => b.rest - a.rest);
  let missing = size.members - sizes.reduce((sum, count) => sum + count, 0);
  for (const { index } of order) {
    if (missing-- <= 0) break;
    sizes[index]! += 1;
  }
  return sizes;
}

/** Every member form of the contract: empty (team default), a persona, or {persona, profileName}. */
function memberValue(userName: string, random: Random): MemberInput {
  const roll = random();
  if (roll < 0.4) return null;
  if (roll < 0.65) return "data-scientist";
  if (roll < 0.85) return "mlops";
  if (roll < 0.95) {
    // Derived profile names end in the user's number, so a "-jobs" suffix cannot collide with one.
    const local = userName.split("@")[0]!.replace(/\./g, "-");
    return { persona: "compute", profileName: `${local}-jobs` };
  }
  return { persona: "mlops" };
}

function team(key: string, members: Record<string, MemberInput>, random: Random): TeamInput {
  const buckets = [`bench-${key}-workspace`];
  if (random() < 0.5) buckets.push(`bench-${key}-data`);
  const repositories = random() < 0.3 ? [`https://git.${DOMAIN}/ml/${key}.git`] : [];
  return {
    group: `ml-${key}`,
    defaultPersona: pick(random, ["data-scientist", "mlops"]),
    s3Buckets: buckets,
    ...(repositories.length > 0 ? { gitRepositories: repositories } : {}),
    members,
  };
}

function aws(variant: Variant): ConfigInput["aws"] {
  return {
    region: "eu-west-1",
    accountId: "111122223333",
    ...(variant === "entra"
      ? {
          identityCenter: {
            issuerUrl: "https://eu-west-1.signin.aws.amazon.com/platform/saml/d-93670a1b2c",
            acsUrl: "https://eu-west-1.signin.aws.amazon.com/platform/saml/acs/6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
            signInUrl: "https://portal.sso.eu-west-1.amazonaws.com/saml/assertion/MTExMTIyMjIzMzMzX2lucy1hYmNkZWY",
            scimEndpoint: "https://scim.eu-west-1.amazonaws.com/a1b2c3d4e5f-6789-4abc-8def-0123456789ab/scim/v2",
          },
        }
      : {}),
    network: {
      vpcId: "vpc-0a1b2c3d4e5f60718",
      subnetIds: ["subnet-0a1b2c3d4e5f60719", "subnet-0a1b2c3d4e5f60720"],
      securityGroupIds: ["sg-0a1b2c3d4e5f60721"],
      appNetworkAccessType: "VpcOnly",
    },
    kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9",
    organization: { accountId: "999988887777", roleArn: "arn:aws:iam::999988887777:role/platform-organizations" },
    consoleGuard: { scp: true, deployerRoleArn: "arn:aws:iam::111122223333:role/platform-terraform" },
    tags: { "cost-center": "ml-platform" },
  };
}

function identityProvider(variant: Variant, now: Date): ConfigInput["identityProvider"] {
  if (variant === "external") return { type: "external" };
  return {
    type: "entra",
    entra: {
      tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
      notificationEmails: [`ml-platform@${DOMAIN}`],
      signingCertificateEndDate: oneYearAfter(now),
    },
  };
}

/** Midnight UTC one year on: inside the loader's three-year window whenever the bench runs. */
function oneYearAfter(now: Date): string {
  return `${now.getUTCFullYear() + 1}-${String(now.getUTCMonth() + 1).padStart(2, "0")}-01T00:00:00Z`;
}
