import { loadExample } from "../helpers";
import { evaluate, principalTeam, request, sagemakerArn, simulation, studio, type Context } from "./simulator";
import { synthesizedRoles, type PolicyJson } from "./synthesized-policies";

/**
 * A create must carry the team tag with its key spelled exactly `sagemaker-team`. IAM matches the key of
 * `aws:RequestTag/<key>` whatever its case, and SageMaker keeps the key as it was written: without the exact-key
 * rule (`aws:TagKeys` holds `sagemaker-team`), a create tagged `SageMaker-Team` passes the value check and makes a
 * resource whose team tag no tool of the team boundary reads under its name.
 */

const ALICE = "forecasting/data-scientist";
const EXPERIMENT = sagemakerArn("experiment/forecasting-demand");
const TRAINING_JOB = sagemakerArn(`training-job/forecasting-demand-2026-12`);

/** The tags of a create as IAM sees them: the value under any spelling of the key, and the keys as written. */
const taggedAs = (key: string, team: string): Context => ({ [`aws:RequestTag/${key}`]: team, "aws:TagKeys": [key] });

/** The same policy without the exact-key condition on any statement. */
function withoutExactKeyRule(policy: PolicyJson): PolicyJson {
  return {
    ...policy,
    Statement: policy.Statement.map((statement) => ({
      ...statement,
      Condition: Object.fromEntries(
        Object.entries(statement.Condition ?? {}).filter(([operator]) => operator !== "ForAnyValue:StringEquals"),
      ),
    })),
  };
}

describe("the exact-key rule of the team tag, for contoso's data scientists", () => {
  let policy: PolicyJson;
  let roleArn: string;
  beforeAll(() => {
    // GIVEN alice's execution role as synthesized
    const roles = synthesizedRoles(loadExample("contoso"));
    policy = roles.policies[ALICE]!;
    roleArn = roles.roleArns[ALICE]!;
  });

  const decide = (target: PolicyJson, action: string, resource: string, tags: Context) =>
    evaluate(
      simulation(
        roleArn,
        target,
        [],
        request(action, resource, principalTeam("forecasting"), studio("forecasting", "alice"), tags),
      ),
    );

  test("GIVEN an experiment tagged sagemaker-team: forecasting WHEN alice creates it THEN it is allowed", async () => {
    expect(
      await decide(policy, "sagemaker:CreateExperiment", EXPERIMENT, taggedAs("sagemaker-team", "forecasting")),
    ).toBe("Allowed");
  });

  test.each(["SageMaker-Team", "SAGEMAKER-TEAM"])(
    "fails a create whose team tag key is spelled %s, and only the exact-key rule refuses it",
    async (spelling) => {
      // GIVEN the request tags: the own team's value, under the key in another case (IAM reads it for sagemaker-team)
      const tags = { ...taggedAs(spelling, "forecasting"), "aws:RequestTag/sagemaker-team": "forecasting" };
      // WHEN alice creates an experiment, with the policy as synthesized and without the exact-key rule
      const ruled = await decide(policy, "sagemaker:CreateExperiment", EXPERIMENT, tags);
      const unruled = await decide(withoutExactKeyRule(policy), "sagemaker:CreateExperiment", EXPERIMENT, tags);
      // THEN
      expect(ruled).not.toBe("Allowed");
      expect(unruled).toBe("Allowed");
    },
  );

  test("fails the tags of a Studio-made job whose team tag key is spelled otherwise (TagOwnTeamCreations)", async () => {
    // GIVEN SageMaker's AddTags on create for a training job of the team, the team key spelled otherwise
    const tags = {
      "sagemaker:TaggingAction": "CreateTrainingJob",
      ...taggedAs("Sagemaker-Team", "forecasting"),
      "aws:RequestTag/sagemaker-team": "forecasting",
    };
    // WHEN / THEN the exact-key rule refuses it, and nothing else would
    expect(await decide(policy, "sagemaker:AddTags", TRAINING_JOB, tags)).not.toBe("Allowed");
    expect(await decide(withoutExactKeyRule(policy), "sagemaker:AddTags", TRAINING_JOB, tags)).toBe("Allowed");
    // ... while the exact key is tagged
    const exact = { "sagemaker:TaggingAction": "CreateTrainingJob", ...taggedAs("sagemaker-team", "forecasting") };
    expect(await decide(policy, "sagemaker:AddTags", TRAINING_JOB, exact)).toBe("Allowed");
  });
});
