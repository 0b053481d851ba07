import { z } from "zod";
import { ACTIVITY_KEYS } from "../policies/activities";
import { AWS_REGIONS, isAwsRegion, notARegion } from "./aws-regions";
import { quote } from "./errors";
import { isKnownInstanceType } from "./instance-types";

/**
 * The single values of the config's schema (config/schema.ts), each with its rule and fix. Messages are written as
 * `problem(rule, fix)` so the loader can report both halves.
 */
export function problem(rule: string, fix: string): string {
  return JSON.stringify({ rule, fix });
}

const KEY_RULE = "^[a-z][a-z0-9-]{0,30}$";
const KEY = new RegExp(KEY_RULE);
const KEY_SHAPE = "1-31 lowercase letters, digits or hyphens, starting with a letter";
export const key = (what: string) =>
  z.string().regex(KEY, {
    error: (issue) => {
      const fixed = fixedKey(String(issue.input));
      return problem(
        `${what} key must match ${KEY_RULE}`,
        fixed === undefined ? `use ${KEY_SHAPE}` : `use ${fixed} (${KEY_SHAPE})`,
      );
    },
  });

/** The key a reader most likely meant: lowercase, other characters as hyphens, at most 31 characters. */
export function fixedKey(text: string): string | undefined {
  const fixed = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^[^a-z]+/, "")
    .slice(0, 31)
    .replace(/-+$/, "");
  return KEY.test(fixed) ? fixed : undefined;
}

export const nonEmpty = (what: string) =>
  z
    .string()
    .trim()
    .min(1, problem(`${what} must not be empty`, `give a ${what}`));

export const pattern = (re: RegExp, rule: string, fix: string) => z.string().regex(re, problem(rule, fix));

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const guid = (what: string) =>
  pattern(GUID, `${what} must be a GUID`, "copy it from the Entra admin center (Overview page)");

/** Characters IAM Identity Center rejects in SCIM group names, plus control characters. */
const GROUP_NAME = /^[^<>;:%|\t\r\n\u0000-\u001f]{1,256}$/;
export const groupName = pattern(
  GROUP_NAME,
  "group name must be 1-256 characters without < > ; : % | or control characters (IAM Identity Center rejects them)",
  "remove those characters from the group name",
);

/** Local part, then dot-separated domain labels: no two parts can match the same text (linear time on any input). */
export const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export const userName = pattern(
  EMAIL,
  "user name must be a user principal name like alice@contoso.com",
  "write the user's sign-in name (UPN)",
);

const S3_BUCKET =
  /^(?!xn--|sthree-|amzn-s3-demo-)(?!.*(-s3alias|--ol-s3|--x-s3|\.\.))(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
export const bucket = pattern(
  S3_BUCKET,
  "not a valid S3 bucket name (3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit)",
  "write the bucket's name, not its ARN or URL",
);

export const instanceType = z.string().refine(isKnownInstanceType, {
  error: (issue) =>
    problem(
      `"${String(issue.input)}" is not a SageMaker ML instance type`,
      "write a type like ml.m5.large or a family like ml.g5.*",
    ),
});

export const activity = z.enum(ACTIVITY_KEYS, {
  error: (issue) => problem(`unknown ML activity ${quote(issue.input)}`, `use one of: ${ACTIVITY_KEYS.join(", ")}`),
});

/** Checked against AWS's list of regions in every phase: a mistyped region would only fail at apply. */
export const region = z
  .string()
  .refine(isAwsRegion, {
    error: (issue) => {
      const { rule, fix } = notARegion(String(issue.input));
      return problem(rule, fix);
    },
  })
  // Editors offer the list as the YAML is typed.
  .meta({ enum: [...AWS_REGIONS] });

export const accountId = z
  .string({
    error: () => problem("account id must be a quoted string of 12 digits", 'quote it: accountId: "111122223333"'),
  })
  .regex(
    /^\d{12}$/,
    problem("account id must be 12 digits", 'write the 12-digit account number, quoted: "111122223333"'),
  );
export const kmsKeyArn = pattern(
  /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]{36}$/,
  "KMS key must be a key ARN (arn:aws:kms:<region>:<account>:key/<uuid>)",
  "copy the key ARN from the KMS console; aliases are not accepted",
);
/** A role's exact ARN: IAM's characters only, so no `*` or `?` can widen an exemption to roles nobody named. */
export const roleArn = (rule: string, fix: string) =>
  pattern(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, `${rule}, without wildcards`, fix);

/** One check, so a number that is neither whole nor in range is reported once. */
export const whole = (what: string, [low, high]: readonly [number, number], unit: string) =>
  z
    .number()
    .refine((value) => Number.isInteger(value) && value >= low && value <= high, {
      error: (issue) =>
        problem(
          Number.isInteger(issue.input)
            ? `${what} must be ${low} to ${high} ${unit} (SageMaker's range)`
            : `${what} must be a whole number of ${unit}`,
          `write a whole number from ${low} to ${high}`,
        ),
    })
    // What the one check above means, for editors.
    .meta({ type: "integer", minimum: low, maximum: high });
