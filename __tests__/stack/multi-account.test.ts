import { loadExample, synthJson, type SynthesizedStack } from "../helpers";

/** Every block of a type, by its address, with the provider it is bound to. */
function blocks(stack: SynthesizedStack, type: string): Record<string, any> {
  return Object.fromEntries(
    Object.entries(stack.resource[type] ?? {}).map(([name, block]) => [`${type}.${name}`, block]),
  );
}

function providerOf(stack: SynthesizedStack, address: string): string {
  const [type, name] = address.split(".") as [string, string];
  const block = stack.resource[type]?.[name];
  if (block === undefined) throw new Error(`no block ${address}`);
  return block.provider;
}

describe("multi-account example", () => {
  let stack: SynthesizedStack;
  beforeAll(() => {
    // GIVEN Identity Center in 111122223333, forecasting and recommendations in research, fraud in production
    stack = synthJson(loadExample("contoso-multi-account"));
  });

  test("declares one provider per account, assuming the account's role, in the Identity Center region", () => {
    expect(stack.provider.aws).toEqual([
      expect.objectContaining({ region: "eu-west-1", allowed_account_ids: ["111122223333"] }),
      expect.objectContaining({
        alias: "production",
        region: "eu-west-1",
        allowed_account_ids: ["777788889999"],
        assume_role: [{ role_arn: "arn:aws:iam::777788889999:role/sagemaker-federation-deployer" }],
      }),
      expect.objectContaining({
        alias: "research",
        allowed_account_ids: ["444455556666"],
        assume_role: [{ role_arn: "arn:aws:iam::444455556666:role/sagemaker-federation-deployer" }],
      }),
    ]);
    expect(stack.provider.aws![0].alias).toBeUndefined();
  });

  test.each([
    // Each account's blocks have their own fixed address: the account key is its suffix.
    ["aws_sagemaker_domain.team_research", "aws.research"],
    ["aws_sagemaker_domain.team_production", "aws.production"],
    ["aws_iam_role.execution_research", "aws.research"],
    ["aws_iam_policy.persona_production", "aws.production"],
    ["aws_iam_role_policy.team_resources_production", "aws.production"],
    ["aws_iam_role_policy_attachment.persona_research", "aws.research"],
    ["aws_sagemaker_user_profile.member_production", "aws.production"],
    // Identity Center assignments and the admin permission set are managed where Identity Center lives.
    ["aws_ssoadmin_application_assignment.team_research", "aws"],
    ["aws_ssoadmin_application_assignment.team_production", "aws"],
    ["aws_ssoadmin_permission_set.admin", "aws"],
    ["aws_ssoadmin_account_assignment.admin", "aws"],
    // Here the Identity Center account is the organization's management account.
    ["aws_organizations_policy.console_guard", "aws"],
  ])("binds %s to provider %s", (address, provider) => {
    expect(providerOf(stack, address)).toBe(provider);
  });

  test("binds every resource and data source to an explicit provider", () => {
    const all = [...Object.values(stack.resource), ...Object.values(stack.data)].flatMap((byName) =>
      Object.values(byName),
    );
    expect(all.filter((block) => typeof block.provider !== "string")).toEqual([]);
  });

  test("puts each team's domain, roles and profiles in the team's account", () => {
    const domains = blocks(stack, "aws_sagemaker_domain");
    const teamsOf = (prefix: string) =>
      Object.entries(domains)
        .filter(([address]) => address.includes(prefix))
        .flatMap(([, block]) => Object.keys(block.for_each));
    expect(teamsOf("team_research")).toEqual(["forecasting", "recommendations"]);
    expect(teamsOf("team_production")).toEqual(["fraud"]);
    const roles = Object.values(blocks(stack, "aws_iam_role")).map((block) => Object.keys(block.for_each));
    expect(roles).toEqual(
      expect.arrayContaining([
        ["fraud/compute", "fraud/data-scientist", "fraud/mlops", "fraud/shared-space"],
        expect.arrayContaining(["forecasting/compute", "recommendations/data-scientist"]),
      ]),
    );
    const productionDomain = Object.entries(domains).find(([address]) => address.includes("production"))![1];
    expect(productionDomain.vpc_id).toBe("vpc-07a8b9c0d1e2f3a4b");
  });

  test("lets SageMaker assume each account's execution roles on behalf of that account only", () => {
    const trusted = (address: string) =>
      JSON.parse(stack.resource.aws_iam_role![address]!.assume_role_policy).Statement[0].Condition;
    expect(trusted("execution_research").StringEqualsIfExists).toEqual({ "aws:SourceAccount": "444455556666" });
    expect(trusted("execution_production").ArnLikeIfExists).toEqual({
      "aws:SourceArn": "arn:aws:sagemaker:*:777788889999:*",
    });
  });

  test("scopes each account's policies to that account", () => {
    const production = Object.entries(blocks(stack, "aws_iam_role_policy")).find(([address]) =>
      address.includes("production"),
    )![1];
    expect(production.for_each["fraud/mlops"]).toContain(
      "arn:aws:iam::777788889999:role/sagemaker-studio/contoso-org/contoso-org-fraud-compute",
    );
  });

  test("assigns the admin permission set and attaches the console guard on every account with domains", () => {
    const accounts = { production: "777788889999", research: "444455556666" };
    expect(Object.values(blocks(stack, "aws_ssoadmin_account_assignment"))[0].for_each).toEqual(accounts);
    expect(Object.values(blocks(stack, "aws_organizations_policy_attachment"))[0].for_each).toEqual(accounts);
  });

  test("exempts the roles Terraform assumes in the workload accounts from the console guard", () => {
    const content = JSON.parse(Object.values(blocks(stack, "aws_organizations_policy"))[0].content);
    expect(content.Statement[0].Condition.ArnNotLike["aws:PrincipalArn"]).toEqual(
      expect.arrayContaining([
        "arn:aws:iam::111122223333:role/platform-terraform",
        "arn:aws:iam::444455556666:role/sagemaker-federation-deployer",
        "arn:aws:iam::777788889999:role/sagemaker-federation-deployer",
      ]),
    );
  });

  test("merges every account's domains into one output", () => {
    expect(stack.output.studio_domains.value).toMatch(
      /^\$\{merge\(\{ for .*aws_sagemaker_domain\.team_production:.*\}, \{ for .*aws_sagemaker_domain\.team_research:.*\}\)\}$/,
    );
  });
});
