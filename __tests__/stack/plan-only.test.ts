import { stringify } from "yaml";
import { ConfigError } from "../../config/errors";
import { parseConfig } from "../../config/load";
import { configErrorOf, exampleData, loadData, loadExample, resource, synthJson, NOW } from "../helpers";

const PLAN_ROLE = (account: string) => `arn:aws:iam::${account}:role/pr-plan`;

/** The problems a config raises when loaded for a plan only; fails the test when it loads. */
function planOnlyProblems(data: unknown): string[] {
  try {
    parseConfig(stringify(data), "test.yaml", { now: NOW, planOnly: true });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => `${problem.path}: ${problem.rule}`);
    throw error;
  }
  throw new Error("expected the config to be rejected for a plan, but it loaded");
}

describe("a plan-only synthesis", () => {
  test("GIVEN the multi-account example WHEN synthesized for a plan THEN every workload provider assumes its account's plan role, never the apply role", () => {
    const data = exampleData("contoso-multi-account");
    const stack = synthJson(loadExample("contoso-multi-account"), { planOnly: true });
    const assumed = Object.fromEntries(
      stack.provider.aws!.filter((p) => p.alias !== undefined).map((p) => [p.alias, p.assume_role[0].role_arn]),
    );
    const expected = Object.fromEntries(
      Object.entries(data.aws.accounts as Record<string, { planRoleArn: string }>).map(([key, a]) => [
        key,
        a.planRoleArn,
      ]),
    );
    expect(assumed).toEqual(expected);
    const applyRoles = Object.values(data.aws.accounts as Record<string, { roleArn: string }>).map((a) => a.roleArn);
    expect(JSON.stringify(stack.provider)).not.toMatch(new RegExp(applyRoles.join("|")));
  });

  test("GIVEN the external example WHEN synthesized for a plan THEN the management account's provider assumes its plan role", () => {
    const data = exampleData("contoso-external");
    const stack = synthJson(loadExample("contoso-external"), { planOnly: true });
    const organization = stack.provider.aws!.find((p) => p.alias === "organization");
    expect(organization.assume_role).toEqual([{ role_arn: data.aws.organization.planRoleArn }]);
  });

  test.each(["contoso", "contoso-multi-account"])(
    "GIVEN %s WHEN synthesized for a plan and for an apply THEN only the providers and the SCIM token's default differ",
    (example) => {
      const config = loadExample(example);
      const forApply = synthJson(config);
      const forPlan = synthJson(config, { planOnly: true });
      expect({ ...forPlan, provider: undefined, variable: undefined }).toEqual({
        ...forApply,
        provider: undefined,
        variable: undefined,
      });
      if (config.identityProvider.type !== "entra") return;
      expect(forApply.variable?.scim_token.default).toBeUndefined();
      expect(forPlan.variable?.scim_token).toMatchObject({ default: "", sensitive: true });
    },
  );

  test("fails for a plan when an account or the management account has no plan role, naming each", () => {
    const data = exampleData("contoso-external");
    delete data.aws.organization.planRoleArn;
    data.aws.accounts = {
      research: { ...exampleData("contoso-multi-account").aws.accounts.research, planRoleArn: undefined },
    };
    data.teams[Object.keys(data.teams)[0]!].account = "research";
    const problems = planOnlyProblems(JSON.parse(JSON.stringify(data)));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^aws\.accounts\.research\.planRoleArn: a plan-only synthesis/),
        expect.stringMatching(/^aws\.organization\.planRoleArn: a plan-only synthesis/),
      ]),
    );
    // WHEN the same config is loaded for an apply THEN the plan roles are not asked for
    expect(() => loadData(JSON.parse(JSON.stringify(data)))).not.toThrow();
  });

  test("fails when a plan role is in another account, or is the apply role itself", () => {
    const data = exampleData("contoso-multi-account");
    data.aws.accounts.research.planRoleArn = PLAN_ROLE("777788889999");
    data.aws.accounts.production.planRoleArn = data.aws.accounts.production.roleArn;
    const messages = configErrorOf(stringify(data)).problems.map((problem) => `${problem.path}: ${problem.rule}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "aws.accounts.research.planRoleArn: the plan role is in account 777788889999, not in 444455556666",
        "aws.accounts.production.planRoleArn: the plan role is the role applies use, so a pull request's plan could write",
      ]),
    );
  });

  test("GIVEN accounts with plan roles WHEN the console guard is synthesized THEN each plan role reads SageMaker as a reader, and only reads", () => {
    const data = exampleData("contoso-multi-account");
    const stack = synthJson(loadExample("contoso-multi-account"));
    const guard = JSON.parse(resource(stack, "aws_organizations_policy").block.content);
    const readersOnlyRead = guard.Statement.find((s: { Sid: string }) => s.Sid === "ReadersOnlyRead");
    const planRoles = Object.values(data.aws.accounts as Record<string, { planRoleArn: string }>).map(
      (a) => a.planRoleArn,
    );
    expect([...readersOnlyRead.Condition.ArnLike["aws:PrincipalArn"]].sort()).toEqual([...planRoles].sort());
  });
});
