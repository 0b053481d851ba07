import { referenceOf, resourceInstances } from "../../../../tools/review/access-diff/terraform-instances";

describe("resource instances of synthesized Terraform JSON", () => {
  // GIVEN a for_each block and a plain block, as cdktf writes them
  const json = {
    resource: {
      aws_iam_role_policy: {
        team: {
          "//": { metadata: { path: "x" } },
          for_each: { "a/b": "{}", "c/d": "[]" },
          name: "policy-${each.key}",
          policy: "${each.value}",
          provider: "aws.research",
          role: "${aws_iam_role.execution[each.key].name}",
        },
      },
      aws_iam_role: {
        admin: { name: "admin", tags: { team: "${each.value.team}" } },
      },
    },
  };

  test("gives one instance per for_each key with each.key and each.value filled in", () => {
    // WHEN
    const instances = resourceInstances(json, ["aws_iam_role_policy"]);
    // THEN
    expect(instances).toEqual([
      {
        type: "aws_iam_role_policy",
        address: 'aws_iam_role_policy.team["a/b"]',
        provider: "aws.research",
        attributes: {
          name: "policy-a/b",
          policy: "{}",
          provider: "aws.research",
          role: '${aws_iam_role.execution["a/b"].name}',
        },
      },
      {
        type: "aws_iam_role_policy",
        address: 'aws_iam_role_policy.team["c/d"]',
        provider: "aws.research",
        attributes: {
          name: "policy-c/d",
          policy: "[]",
          provider: "aws.research",
          role: '${aws_iam_role.execution["c/d"].name}',
        },
      },
    ]);
  });

  test("gives a block without for_each as one instance of the default provider", () => {
    // WHEN
    const [admin] = resourceInstances(json, ["aws_iam_role"]);
    // THEN
    expect(admin).toEqual({
      type: "aws_iam_role",
      address: "aws_iam_role.admin",
      provider: "aws",
      attributes: { name: "admin", tags: { team: "${each.value.team}" } },
    });
  });

  test("reads a reference with or without an index, and nothing else", () => {
    expect(referenceOf('${aws_iam_role.execution["a/b"].name}')).toEqual({
      address: 'aws_iam_role.execution["a/b"]',
      attribute: "name",
    });
    expect(referenceOf("${aws_ssoadmin_permission_set.admin.arn}")).toEqual({
      address: "aws_ssoadmin_permission_set.admin",
      attribute: "arn",
    });
    expect(referenceOf("arn:aws:iam::aws:policy/ReadOnlyAccess")).toBeUndefined();
  });
});
