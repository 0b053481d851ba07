import { createValidatedPolicy, validateResourcePolicy } from "@cloud-copilot/iam-policy";
import {
  allowedContextKeysForRequest,
  runSimulation,
  runUnsafeSimulation,
  type EvaluationResult,
  type Simulation,
} from "@cloud-copilot/iam-simulate";
import { asList, type PolicyJson } from "./synthesized-policies";

/**
 * What the policy-semantics tests share: the example's account, the request contexts of Studio sessions and jobs,
 * and the two ways iam-simulate evaluates a request.
 *
 * Modes: `runSimulation` (checked) validates the request against the IAM catalogue and drops context keys that no
 * action lists: `sagemaker:DomainId` and `sagemaker:UserProfileName`, which SageMaker sets only as policy variables.
 * A checked run is therefore exactly a request without Studio context. `runUnsafeSimulation` keeps every key: it is
 * used only for requests that carry those two keys, after the checked run confirmed the rest of the request.
 */
export const ACCOUNT = "111122223333";
export const REGION = "eu-west-1";
export const KMS_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9`;
export const OTHER_KMS_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/99999999-0000-4000-8000-000000000000`;
export const SUBNETS = ["subnet-0a1b2c3d4e5f60719", "subnet-0a1b2c3d4e5f60720"];
export const SECURITY_GROUPS = ["sg-0a1b2c3d4e5f60721"];
export const FOREIGN_SUBNET = "subnet-0fffffffffffffff0";

/** Domain ids are computed at apply time; any distinct ids serve. */
export const DOMAIN = { forecasting: "d-forecast0001", recommendations: "d-recommend001", fraud: "d-fraud0000001" };
export type Team = keyof typeof DOMAIN;
export const TEAMS = Object.keys(DOMAIN) as Team[];
export const sagemakerArn = (path: string) => `arn:aws:sagemaker:${REGION}:${ACCOUNT}:${path}`;
export const domainArn = (team: Team) => sagemakerArn(`domain/${DOMAIN[team]}`);
export const profileArn = (team: Team, profile: string) => sagemakerArn(`user-profile/${DOMAIN[team]}/${profile}`);
export const bucket = (name: string, key?: string) => `arn:aws:s3:::${name}${key === undefined ? "" : `/${key}`}`;

export type Context = Readonly<Record<string, string | string[]>>;

/** Keys that SageMaker sets for Studio sessions only, as policy variables. */
const STUDIO_VARIABLES = new Set(["sagemaker:domainid", "sagemaker:userprofilename"]);
/**
 * Keys whose name ends in a part of the caller's choice after a colon, as the catalogue's
 * `kms:EncryptionContext:${EncryptionContextKey}`: the checked mode recognizes such a part only after a `/`, so it
 * drops them although the action carries them.
 */
const COLON_VARIABLE_KEYS = ["kms:encryptioncontext:"];
const uncheckable = (key: string) =>
  STUDIO_VARIABLES.has(key.toLowerCase()) || COLON_VARIABLE_KEYS.some((prefix) => key.toLowerCase().startsWith(prefix));

/**
 * The request context of a Studio session: SageMaker sets the session's domain and user profile (as policy
 * variables) and, as the domain is configured, the profile name as source identity.
 */
export function studio(team: Team, profile: string): Context {
  return { "sagemaker:DomainId": DOMAIN[team], "sagemaker:UserProfileName": profile, "aws:SourceIdentity": profile };
}

/** The execution role's tag that names its team, as IAM puts it in every request of the role. */
export const principalTeam = (team: string): Context => ({ "aws:PrincipalTag/sagemaker-team": team });
export const teamTagged = (team: string): Context => ({ "aws:ResourceTag/sagemaker-team": team });
export const createdFor = (team: string): Context => ({
  "aws:RequestTag/sagemaker-team": team,
  "aws:TagKeys": ["sagemaker-team"],
});

/** A job's network as the config gives it: the team's first subnet and its security groups. */
export const inTeamNetwork: Context = {
  "sagemaker:VpcSubnets": [SUBNETS[0]!],
  "sagemaker:VpcSecurityGroupIds": SECURITY_GROUPS,
};
/** A job's volumes and outputs under the configured key. */
export const withTeamKey: Context = { "sagemaker:VolumeKmsKeyArn": KMS_KEY, "sagemaker:OutputKmsKeyArn": KMS_KEY };

export type Outcome = "allowed" | "denied" | "explicitly denied";

export interface Request {
  readonly action: string;
  readonly resource: string;
  readonly context: Context;
}

export function request(action: string, target: string, ...contexts: Context[]): Request {
  return { action, resource: target, context: Object.assign({}, ...contexts) };
}

/** The decision in the terms of a case: "denied" accepts either kind of denial. */
export function outcome(result: EvaluationResult, expected: Outcome): Outcome | "implicitly denied" {
  if (result === "Allowed") return "allowed";
  if (expected === "denied") return "denied";
  return result === "ExplicitlyDenied" ? "explicitly denied" : "implicitly denied";
}

/**
 * Checked first; a key the action never carries would make the case test nothing, so it fails the case, except
 * the keys the checked mode cannot carry (above), for which the request is evaluated again unchecked. A request on
 * `*` for an action whose resource types are all optional is decided for every type at once.
 */
export async function evaluate(simulation: Simulation): Promise<EvaluationResult> {
  const checked = await runSimulation(simulation, {});
  if (checked.resultType === "error") throw new Error(`simulation rejected: ${JSON.stringify(checked.errors)}`);
  if (checked.resultType === "wildcard" && simulation.request.resource.resource === "*") return checked.overallResult;
  if (checked.resultType !== "single")
    throw new Error(`one resource per request, not ${simulation.request.resource.resource}`);
  const ignored = checked.result.ignoredContextKeys ?? [];
  const unexpected = ignored.filter((key) => !uncheckable(key));
  if (unexpected.length > 0) throw new Error(`${simulation.request.action} never carries ${unexpected.join(", ")}`);
  return ignored.length === 0 ? checked.overallResult : runUnsafeSimulation(simulation, {});
}

const acceptedCache = new Map<string, Promise<string[]>>();

/**
 * The context keys IAM can carry for this request (lower case; `${tagkey}` stands for any tag key). They depend on
 * the action and the resource's type only, so they are looked up once per action and ARN shape.
 */
export function acceptedKeys(action: string, resource: string): Promise<string[]> {
  const [service, name] = action.split(":") as [string, string];
  const shape = `${action} ${resource.replace(/[^:/]+$/, "")}`;
  let keys = acceptedCache.get(shape);
  if (keys === undefined) {
    keys = allowedContextKeysForRequest(service, name, resource, false, undefined);
    acceptedCache.set(shape, keys);
  }
  return keys;
}

/** Only the keys this request can carry, so that every generated case runs checked (plus the Studio variables). */
export async function carriedContext(action: string, resource: string, context: Context): Promise<Context> {
  // On no resource an action carries its own keys and the global ones, which the principal's keys here are.
  const accepted =
    resource === "*"
      ? ["aws:principaltag/tag-key", "aws:sourceidentity", ...(await acceptedKeys(action, resource))]
      : await acceptedKeys(action, resource);
  const carries = (key: string) => {
    const lower = key.toLowerCase();
    if (STUDIO_VARIABLES.has(lower) || accepted.includes(lower)) return true;
    if (
      COLON_VARIABLE_KEYS.some(
        (prefix) => lower.startsWith(prefix) && accepted.some((known) => known.startsWith(prefix)),
      )
    )
      return true;
    const slash = lower.indexOf("/");
    if (slash < 0) return false;
    const prefix = lower.slice(0, slash);
    return (
      accepted.includes(`${prefix}/\${tagkey}`) ||
      (prefix === "aws:principaltag" && accepted.includes(`${prefix}/tag-key`))
    );
  };
  return Object.fromEntries(Object.entries(context).filter(([key]) => carries(key)));
}

const byAction = new WeakMap<PolicyJson, Map<string, PolicyJson>>();

/**
 * The statements of a policy that may name the action: the only ones IAM weighs for it, and far fewer for the
 * simulator to parse on every request.
 */
export function statementsFor(policy: PolicyJson, action: string): PolicyJson {
  let cached = byAction.get(policy);
  if (cached === undefined) byAction.set(policy, (cached = new Map()));
  let narrowed = cached.get(action);
  if (narrowed === undefined) {
    const matches = (pattern: string) =>
      new RegExp(
        `^${pattern
          .replace(/[.+^${}()|[\]\\]/g, "\\$&")
          .replace(/\*/g, ".*")
          .replace(/\?/g, ".")}$`,
        "i",
      ).test(action);
    // A statement with NotAction may weigh on any action: it stays.
    const names = (statement: PolicyJson["Statement"][number]) =>
      statement.Action === undefined || asList(statement.Action).some(matches);
    narrowed = { ...policy, Statement: policy.Statement.filter(names) };
    cached.set(action, narrowed);
  }
  return narrowed;
}

/**
 * A role's request, unchecked, with only the keys iam-simulate lists for it and without the organization's
 * FullAWSAccess SCPs (they allow everything and only cost time). For Studio sessions' requests: see the modes above.
 */
export async function decideUnchecked(roleArn: string, policy: PolicyJson, { action, resource, context }: Request) {
  const carried = await carriedContext(action, resource, context);
  const run = simulation(roleArn, statementsFor(policy, action), [], { action, resource, context: carried });
  return runUnsafeSimulation({ ...run, serviceControlPolicies: [] }, {});
}

/** The account's default FullAWSAccess SCP, and the stand-in identity policy where the SCP is what is under test. */
export const FULL_ACCESS: PolicyJson = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
};

/**
 * A KMS key is reached only when its key policy lets IAM decide: the key's default policy, which trusts the account
 * and so the identity policies, as a key used by the execution roles must have.
 */
const keyPolicies = new Map<string, ReturnType<typeof createValidatedPolicy>>();
function defaultKeyPolicy(accountId: string) {
  if (!keyPolicies.has(accountId))
    keyPolicies.set(
      accountId,
      createValidatedPolicy(
        {
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "kms:*", Resource: "*" },
          ],
        },
        validateResourcePolicy,
        { name: "default key policy" },
      ),
    );
  return keyPolicies.get(accountId)!;
}

/** The account an ARN names, if it names one (S3 objects and `*` do not). */
const accountOf = (arn: string) => arn.split(":")[4] || undefined;

/**
 * A role's request in its own account (read from its ARN), on a resource of the account its ARN names (or the
 * role's), under the organization's FullAWSAccess SCPs and the SCPs given. The identity policy is any policy JSON, AWS
 * managed policies with NotAction and NotResource included.
 */
export function simulation(
  principalArn: string,
  identity: object,
  scps: PolicyJson[],
  { action, resource: target, context }: Request,
): Simulation {
  const principalAccount = accountOf(principalArn) ?? ACCOUNT;
  const resourceAccount = accountOf(target) ?? principalAccount;
  return {
    ...(action.startsWith("kms:") ? { resourcePolicy: defaultKeyPolicy(resourceAccount) } : {}),
    request: {
      principal: `arn:aws:sts::${principalAccount}:assumed-role/${principalArn.split("/").pop()}/session`,
      action,
      resource: { resource: target, accountId: resourceAccount },
      contextVariables: { "aws:PrincipalArn": principalArn, ...context },
    },
    identityPolicies: [{ name: "identity", policy: identity }],
    serviceControlPolicies: [
      { orgIdentifier: "r-root", policies: [{ name: "FullAWSAccess", policy: FULL_ACCESS }] },
      {
        orgIdentifier: principalAccount,
        policies: [
          { name: "FullAWSAccess", policy: FULL_ACCESS },
          ...scps.map((policy, index) => ({ name: `scp-${index}`, policy })),
        ],
      },
    ],
    resourceControlPolicies: [],
  };
}
