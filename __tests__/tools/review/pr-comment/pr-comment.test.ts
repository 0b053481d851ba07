import { summarizePlan } from "../../../../tools/review/pr-comment/plan-summary";
import { COMMENT_LIMIT, PR_COMMENT_MARKER, prComment } from "../../../../tools/review/pr-comment/pr-comment";
import { accessDiff } from "../../../../tools/review/access-diff/access-diff";
import { synthesize } from "../../../../tools/review/access-diff/synthesize";
import { exampleData, loadData, loadExample } from "../../../helpers";

/** Written after Terraform's -no-color plan format: an action header per instance, then the totals. */
const PLAN_WITH_CHANGES = `data.aws_ssoadmin_instances.identity_center: Reading...

Terraform used the selected providers to generate the following execution
plan. Resource actions are indicated with the following symbols:
  + create
-/+ destroy and then create replacement

Terraform will perform the following actions:

  # aws_iam_role.execution["nlp/compute"] will be created
  + resource "aws_iam_role" "execution" {
      + name = "contoso-ml-nlp-compute"
    }

  # aws_sagemaker_user_profile.member["recommendations/grace@contoso.com"] must be replaced
-/+ resource "aws_sagemaker_user_profile" "member" {
      ~ user_profile_name = "grace" -> "grace-hopper" # forces replacement
    }

Plan: 2 to add, 0 to change, 1 to destroy.
`;

const PLAN_BLOCKED = `Terraform will perform the following actions:

  # aws_sagemaker_domain.team["forecasting"] must be replaced
-/+ resource "aws_sagemaker_domain" "team" {
      ~ vpc_id = "vpc-0a1b2c3d4e5f60718" -> "vpc-0fedcba9876543210" # forces replacement
    }

╷
│ Error: Instance cannot be destroyed
│
│   on cdk.tf.json line 1016, in resource.aws_sagemaker_domain.team:
│ 1016:       }
│
│ Resource aws_sagemaker_domain.team has
│ lifecycle.prevent_destroy set, but the plan calls for this resource to be
│ destroyed.
╵
`;

describe("plan summary", () => {
  test("reads the totals and each instance's action", () => {
    // WHEN
    const summary = summarizePlan(PLAN_WITH_CHANGES, 0);
    // THEN
    expect(summary).toEqual({
      outcome: "changes",
      headline: "Plan: 2 to add, 0 to change, 1 to destroy.",
      actions: [
        { address: 'aws_iam_role.execution["nlp/compute"]', action: "create" },
        {
          address: 'aws_sagemaker_user_profile.member["recommendations/grace@contoso.com"]',
          action: "replace",
        },
      ],
      errors: [],
    });
  });

  test("fails on a plan that prevent_destroy stopped, keeping the error's title", () => {
    // WHEN
    const summary = summarizePlan(PLAN_BLOCKED, 1);
    // THEN
    expect(summary.outcome).toBe("failed");
    expect(summary.errors).toEqual(["Instance cannot be destroyed"]);
  });

  test("says no changes when Terraform says so", () => {
    // WHEN
    const summary = summarizePlan("No changes. Your infrastructure matches the configuration.\n", 0);
    // THEN
    expect(summary.outcome).toBe("no-changes");
  });
});

describe("pull request comment", () => {
  const diff = "# Access diff: contoso-ml\n\nBase `a` → head `b`\n\n## Admins\n\n- added: erin@contoso.com\n";

  test("starts with the hidden marker the workflow finds it by, and holds the diff and the plan", () => {
    // WHEN
    const body = prComment({
      accessDiff: diff,
      plan: { summary: summarizePlan(PLAN_WITH_CHANGES, 0), output: PLAN_WITH_CHANGES },
      commit: "0123456789abcdef0123",
      runUrl: "https://github.com/contoso/ml/actions/runs/1",
    });
    // THEN the diff's headings sit under the comment's own, and the replaced profile is called out
    expect(body.split("\n")[0]).toBe(PR_COMMENT_MARKER);
    expect(body).toContain("### Access diff: contoso-ml\n");
    expect(body).toContain("#### Admins\n");
    expect(body).toContain("**Plan: 2 to add, 0 to change, 1 to destroy.**");
    expect(body).toContain(
      '| **replace** | `aws_sagemaker_user_profile.member["recommendations/grace@contoso.com"]` |',
    );
    expect(body).toContain("1 instance to create, 1 instance to replace.");
    expect(body).toContain("Updated for 0123456789ab by [this run](https://github.com/contoso/ml/actions/runs/1).");
  });

  test("shows a failed plan as a warning with Terraform's error", () => {
    // WHEN
    const body = prComment({
      accessDiff: diff,
      plan: { summary: summarizePlan(PLAN_BLOCKED, 1), output: PLAN_BLOCKED },
    });
    // THEN
    expect(body).toContain("> [!WARNING]\n> **The plan failed.** Instance cannot be destroyed.");
  });

  test("says why there is no plan", () => {
    // WHEN
    const body = prComment({ accessDiff: diff, plan: { skipped: "the config uses the local backend" } });
    // THEN
    expect(body).toContain("### Terraform plan\n\nSkipped: the config uses the local backend");
  });

  test("stays under GitHub's comment size for a huge diff and plan", () => {
    // GIVEN 10,000 members' worth of diff and a long plan
    const hugeDiff = diff + "| added | someone@contoso.com | — | `team` as `data-scientist` |\n".repeat(10_000);
    const hugePlan = PLAN_WITH_CHANGES.repeat(2_000);
    // WHEN
    const body = prComment({ accessDiff: hugeDiff, plan: { summary: summarizePlan(hugePlan, 0), output: hugePlan } });
    // THEN
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toContain("access diff truncated");
    expect(body).toContain("plan output truncated");
  });
});

describe("pull request comment of a membership change", () => {
  test("carries the data-at-stake box and the restart command of the access diff", () => {
    // GIVEN heidi leaves recommendations and ivan goes from MLOps down to data scientist
    const base = loadExample("contoso-external");
    const data = exampleData("contoso-external");
    delete data.teams.recommendations.members["heidi@contoso.com"];
    data.teams.recommendations.members["ivan@contoso.com"] = "data-scientist";
    const head = loadData(data);
    const diff = accessDiff(
      { config: base, json: synthesize(base) },
      { config: head, json: synthesize(head) },
      { baseSource: "main", headSource: "head" },
    );
    // WHEN
    const comment = prComment({ accessDiff: diff.markdown, plan: { skipped: "local backend" } });
    // THEN the alert box survives the heading demotion, line for line
    expect(comment).toContain("> [!WARNING]\n> **Data at stake: 1 user profile deleted");
    expect(comment).toContain("`npm run offboard -- heidi@contoso.com --team recommendations --base main`");
    expect(comment).toContain("`npm run restart-apps -- ivan@contoso.com --team recommendations --apply`");
  });
});
