import { changesOfStream, check, checkRefused, type InstanceChange } from "./assertions";

/** A change as a saved plan reports it. */
const change = (type: string, key: string, kind: InstanceChange["kind"]): InstanceChange => ({
  type,
  key,
  address: `${type}.this[${JSON.stringify(key)}]`,
  name: "this",
  kind,
  updated: [],
});

/** One line of `terraform plan -json`. */
const line = (event: object) => JSON.stringify(event);

describe("day-2 plan assertions", () => {
  test("accept a plus-member plan that creates exactly the member's profile", () => {
    // GIVEN
    const changes = [
      change("aws_sagemaker_user_profile", "fraud/zoe@x.io", "create"),
      change("aws_sagemaker_domain", "fraud", "no-op"),
    ];
    // WHEN
    const result = check("plus-member", changes, { team: "fraud", member: "zoe@x.io" }, {});
    // THEN
    expect(result).toEqual({ ok: true, text: "1 create" });
  });

  test("fails a plus-member plan that also updates another team's role", () => {
    // GIVEN
    const changes = [
      change("aws_sagemaker_user_profile", "fraud/zoe@x.io", "create"),
      change("aws_iam_role", "forecasting/mlops", "update"),
    ];
    // WHEN
    const result = check("plus-member", changes, { team: "fraud", member: "zoe@x.io" }, {});
    // THEN
    expect(result.ok).toBe(false);
    expect(result.text).toContain('unexpected update of aws_iam_role["forecasting/mlops"]');
  });

  test("fails a renamed-group plan that replaces the team's application assignment", () => {
    // GIVEN
    const changes = [change("aws_ssoadmin_application_assignment", "fraud", "replace")];
    // WHEN
    const result = check("renamed-group", changes, { team: "fraud" }, {});
    // THEN
    expect(result.ok).toBe(false);
    expect(result.text).toContain('replace of aws_ssoadmin_application_assignment["fraud"]');
  });

  test("fails a minus-member plan that deletes nothing", () => {
    // WHEN
    const result = check("minus-member", [], { team: "fraud", member: "bob@x.io" }, {});
    // THEN
    expect(result).toEqual({
      ok: false,
      text: 'expected delete of aws_sagemaker_user_profile["fraud/bob@x.io"] is missing',
    });
  });

  test("reads the -json stream's noop and remove as no-op and forget, and skips data sources", () => {
    // GIVEN
    const stdout = [
      line({ type: "version", terraform: "1.11.4" }),
      line({
        type: "planned_change",
        change: {
          action: "noop",
          resource: { addr: 'aws_iam_role.r["a"]', resource_type: "aws_iam_role", resource_key: "a" },
        },
      }),
      line({
        type: "planned_change",
        change: {
          action: "remove",
          resource: { addr: "aws_sagemaker_domain.old", resource_type: "aws_sagemaker_domain" },
        },
      }),
      line({
        type: "planned_change",
        change: {
          action: "read",
          resource: { addr: "data.aws_caller_identity.me", resource_type: "aws_caller_identity" },
        },
      }),
    ].join("\n");
    // WHEN
    const changes = changesOfStream(stdout);
    // THEN
    expect(changes.map((c) => [c.address, c.kind])).toEqual([
      ['aws_iam_role.r["a"]', "no-op"],
      ["aws_sagemaker_domain.old", "forget"],
    ]);
  });
});

describe("refused plans (minus-team)", () => {
  const refusal = (address: string) =>
    line({
      type: "diagnostic",
      diagnostic: {
        severity: "error",
        summary: "Instance cannot be destroyed",
        detail: `Resource ${address} has lifecycle.prevent_destroy set, but the plan calls for this resource to be destroyed.`,
      },
    });

  test("accept a plan refused for exactly the team's domain", () => {
    // WHEN
    const result = checkRefused({ code: 1, stdout: refusal('aws_sagemaker_domain.team["fraud"]') }, "fraud");
    // THEN
    expect(result.ok).toBe(true);
  });

  test("fails a plan refused for another team's domain", () => {
    // WHEN
    const result = checkRefused({ code: 1, stdout: refusal('aws_sagemaker_domain.team["forecasting"]') }, "fraud");
    // THEN
    expect(result.ok).toBe(false);
    expect(result.text).toContain("not team fraud's domain");
  });

  test("fails a plan that succeeded", () => {
    // WHEN
    const result = checkRefused({ code: 0, stdout: "" }, "fraud");
    // THEN
    expect(result.ok).toBe(false);
    expect(result.text).toContain("the plan succeeded");
  });
});
