/** Shared pieces of the config generators: the data types, names, text, buckets, ids and values the contract allows. */
import fc from "fast-check";
import { ACTIVITY_KEYS } from "../../policies/activities";
import { NOW } from "../helpers";

export type ConfigData = Record<string, any>;

/** What the loader and the stack must make of a generated valid config. */
export interface Expected {
  readonly phase: "bootstrap" | "full";
  readonly identityProvider: "entra" | "external";
  /** Group display names by group key: the team keys and `admins`. */
  readonly groups: Readonly<Record<string, string>>;
  /** Profiles by `<team>/<user name>`: the profile name and the key of the persona's role. */
  readonly profiles: Readonly<Record<string, { readonly profileName: string; readonly role: string }>>;
}

export interface ValidCase {
  readonly data: ConfigData;
  readonly expected: Expected;
}

/** A broken config as the YAML text the loader reads. */
export interface Malformed {
  readonly text: string;
  /** What was broken, for the failure report. */
  readonly what: string;
  /** A problem must name one of these paths (or a path under one of them); absent when any rejection will do. */
  readonly expectedPaths?: readonly string[];
}

export type Path = readonly (string | number)[];

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

export const LOWER = "abcdefghijklmnopqrstuvwxyz";
export const UPPER = LOWER.toUpperCase();
export const DIGITS = "0123456789";
export const HEX = "0123456789abcdef";
export const BUILTIN_PERSONAS = ["data-scientist", "mlops", "compute"] as const;
export const ADMIN_GROUP_KEY = "admins";
/** The key `aws.accounts` may not use: it names the account of aws.accountId. */
export const IDENTITY_CENTER_ACCOUNT = "identity-center";

export const words = new Map<string, fc.Arbitrary<string>>();

/**
 * Strings over an alphabet (split by code point, so unicode letters count once). Built once per shape: parts of
 * a config are built for every config, and building a string arbitrary costs more than drawing from it.
 */
export function word(alphabet: string, minLength: number, maxLength: number): fc.Arbitrary<string> {
  const shape = `${minLength}-${maxLength}-${alphabet}`;
  let arbitrary = words.get(shape);
  if (arbitrary === undefined) {
    arbitrary = fc.string({ unit: fc.constantFrom(...Array.from(alphabet)), minLength, maxLength });
    words.set(shape, arbitrary);
  }
  return arbitrary;
}

export const letter = fc.constantFrom(...Array.from(LOWER));
export const alnum = fc.constantFrom(...Array.from(LOWER + DIGITS));

/** `^[a-z][a-z0-9-]{1,19}$`: short enough that every derived name (role, permission set, domain) fits. */
export const configName = fc.tuple(letter, word(LOWER + DIGITS + "-", 1, 19)).map(([first, rest]) => first + rest);

/**
 * Team keys: `^[a-z][a-z0-9-]{0,30}$`, ending with a letter or digit (the domain name must). "constructor" is a
 * valid key that every plain JavaScript object already has.
 */
export const teamKey = fc
  .oneof(
    { weight: 8, arbitrary: fc.tuple(letter, word(LOWER + DIGITS + "-", 0, 9), alnum).map((parts) => parts.join("")) },
    { weight: 2, arbitrary: letter },
    { weight: 1, arbitrary: fc.constant("constructor") },
  )
  .filter((key) => key !== ADMIN_GROUP_KEY);

/** Workload account keys: `^[a-z][a-z0-9-]{0,30}$`, not the one the Identity Center account goes by. */
export const accountKey = fc
  .oneof(
    { weight: 8, arbitrary: fc.tuple(letter, word(LOWER + DIGITS + "-", 0, 12)).map(([first, rest]) => first + rest) },
    { weight: 1, arbitrary: fc.constant("constructor") },
  )
  .filter((key) => key !== IDENTITY_CENTER_ACCOUNT);

/**
 * Custom persona keys: `^[a-z][a-z0-9-]{0,30}$` (a trailing hyphen is fine), not a built-in one nor "shared-space"
 * (what shared spaces run as, which a config may not redefine); "constructor" too.
 */
export const customPersonaKey = fc
  .oneof(
    { weight: 8, arbitrary: fc.tuple(letter, word(LOWER + DIGITS + "-", 0, 13)).map(([first, rest]) => first + rest) },
    { weight: 1, arbitrary: fc.constantFrom("constructor", "analyst") },
  )
  .filter((key) => ![...BUILTIN_PERSONAS, "shared-space"].includes(key));

/** Printable text with unicode, for names and descriptions. Template sequences are left out: see withoutTemplates. */
export const UNICODE_SAMPLES =
  "äöüßéçñÅØłİıΣσς日本語グループ例え한국어中文العربيةעבריתहिन्दी🚀👩‍💻🏳️‍🌈\u00a0\u200b\u2028\u202e\ufeff";
export const textUnit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...Array.from(LOWER + UPPER + DIGITS + " -_.")) },
  { weight: 2, arbitrary: fc.constantFrom(...Array.from("!\"#$&'()*+,/=?@[\\]^`{}~")) },
  { weight: 2, arbitrary: fc.constantFrom(...Array.from(UNICODE_SAMPLES)) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
);

/** The loader rejects `${` and `%{` anywhere (Terraform would evaluate them), so valid text has neither. */
export const withoutTemplates = (text: string) => !/[$%]\{/.test(text);

export const texts = new Map<string, fc.Arbitrary<string>>();

export function freeText(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const shape = `${minLength}-${maxLength}`;
  let arbitrary = texts.get(shape);
  if (arbitrary === undefined) {
    arbitrary = fc.string({ unit: textUnit, minLength, maxLength }).filter(withoutTemplates);
    texts.set(shape, arbitrary);
  }
  return arbitrary;
}

/** Group display names: 1-256 UTF-16 units without `< > ; : % |` or control characters; plain ones and others. */
export const groupName = fc
  .oneof(
    { weight: 4, arbitrary: word(LOWER + DIGITS + "-", 1, 20).map((name) => `ml-${name}`) },
    { weight: 5, arbitrary: freeText(1, 40) },
    { weight: 1, arbitrary: freeText(200, 256) },
  )
  .filter((name) => name.length >= 1 && name.length <= 256 && !/[<>;:%|\u0000-\u001f]/.test(name));

/** S3 bucket names: lowercase letters and digits in runs joined by single hyphens or dots, 3-63 characters. */
export const bucketName = fc
  .tuple(
    letter,
    fc.array(fc.tuple(fc.constantFrom("", "-", "."), word(LOWER + DIGITS, 1, 10)), { minLength: 1, maxLength: 5 }),
  )
  .map(([first, parts]) => first + parts.map(([separator, run]) => separator + run).join(""))
  .filter(
    (name) =>
      name.length >= 3 &&
      name.length <= 63 &&
      !name.startsWith("sthree-") &&
      !name.startsWith("amzn-s3-demo-") &&
      !name.includes("-s3alias"),
  );

/** A team's buckets (its inline role policy lists them; four stay far below IAM's 10,240 characters). */
export const s3Buckets = fc.array(bucketName, { minLength: 1, maxLength: 4 });

export const REGIONS = ["eu-west-1", "us-east-1", "ap-southeast-2", "eu-central-2", "ca-central-1", "us-gov-west-1"];

export const hex = (length: number) => word(HEX, length, length);
export const guid = fc.oneof(
  fc.uuid(),
  fc.uuid().map((id) => id.toUpperCase()),
);
export const accountId = word(DIGITS, 12, 12);

/** Instance types and families SageMaker offers (from the SageMaker pricing page), exact or `ml.<family>.*`. */
export const INSTANCE_TYPES = [
  "ml.t3.medium",
  "ml.t3.large",
  "ml.m5.large",
  "ml.m5.xlarge",
  "ml.c5.2xlarge",
  "ml.r5.large",
  "ml.g4dn.xlarge",
  "ml.g5.2xlarge",
  "ml.p3.2xlarge",
  "ml.p4d.24xlarge",
  "ml.trn1.2xlarge",
  "ml.inf2.xlarge",
  "ml.m5.*",
  "ml.g5.*",
];
export const instanceTypes = fc.shuffledSubarray(INSTANCE_TYPES, { minLength: 1 });
export const activities = fc.shuffledSubarray([...ACTIVITY_KEYS], { minLength: 1 });

/** ISO-8601 durations of 1 to 12 hours, in the three spellings people write. */
export const sessionDuration = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((hours) => `PT${hours}H`),
  fc.tuple(fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 59 })).map(([h, m]) => `PT${h}H${m}M`),
  fc.integer({ min: 60, max: 720 }).map((minutes) => `PT${minutes}M`),
);

/** A signing certificate end date after NOW and at most 3 years ahead, as RFC 3339 in a few spellings. */
export const certificateEndDate = fc
  .tuple(fc.integer({ min: 1, max: (3 * 365 - 1) * 24 }), fc.constantFrom("ms", "s", "offset"))
  .map(([hours, style]) => {
    const iso = new Date(NOW.getTime() + hours * 3_600_000).toISOString();
    if (style === "ms") return iso;
    return style === "s" ? iso.replace(".000Z", "Z") : iso.replace(".000Z", "+00:00");
  });
