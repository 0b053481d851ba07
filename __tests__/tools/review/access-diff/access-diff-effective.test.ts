import type { FederationConfig } from "../../../../config/types";
import { BUILTIN_PERSONAS } from "../../../../policies/builtin-personas";
import { accessDiff, diffExitCode, type DiffSide } from "../../../../tools/review/access-diff/access-diff";
import { synthesize } from "../../../../tools/review/access-diff/synthesize";
import type { TerraformJson } from "../../../../tools/review/access-diff/terraform-instances";
import { exampleData, loadData, loadExample } from "../../../helpers";

type Data = Record<string, any>;

const OPTIONS = { baseSource: "main:config.yaml", headSource: "config.yaml" };

function side(config: FederationConfig, json: TerraformJson = synthesize(config)): DiffSide {
  return { config, json };
}

/** The diff from an example to the same example with one config change, both synthesized with this code. */
function diffAfter(change: (data: Data) => void, example = "contoso") {
  const data = exampleData(example);
  change(data);
  return accessDiff(side(loadExample(example)), side(loadData(data)), OPTIONS);
}

/** Every execution role of a config, as the diff names it: "`<persona>` role of team `<team>`". */
function roleLabels(config: FederationConfig): string[] {
  return Object.values(config.roles).map((role) => `\`${role.persona}\` role of team \`${role.team}\``);
}

/** What a code change that grants every execution role `s3:*` on everything would synthesize. */
function withAllOfS3(json: TerraformJson): TerraformJson {
  const copy = JSON.parse(JSON.stringify(json)) as { resource: Record<string, Record<string, Data>> };
  const statement = { Sid: "AllOfS3", Effect: "Allow", Action: ["s3:*"], Resource: "*" };
  for (const role of Object.values(copy.resource.aws_iam_role!))
    role.inline_policy = [
      { name: "all-of-s3", policy: JSON.stringify({ Version: "2012-10-17", Statement: [statement] }) },
    ];
  return copy;
}

describe("access diff of a code change", () => {
  // GIVEN the same config, synthesized by the base's code and by a head's code that adds s3:* to every role
  const config = loadExample("contoso-external");
  const base = synthesize(config);
  const diff = accessDiff(side(config, base), side(config, withAllOfS3(base)), OPTIONS);

  test("shows every execution role gaining s3:* although the config is the same", () => {
    // THEN
    for (const label of roleLabels(config)) expect(diff.markdown).toContain(`\n- ${label}: gains \`s3:*\` on \`*\`\n`);
    expect(diff.markdown).not.toContain("No access change.");
    expect(diffExitCode(diff, true)).toBe(2);
  });

  test("warns of the wildcard before anything else, and folds the raw statement", () => {
    // THEN
    const count = Object.keys(config.roles).length;
    expect(diff.markdown).toContain(`> [!WARNING]\n> **${count} principals gain a wildcard action.**`);
    expect(diff.markdown.indexOf("[!WARNING]")).toBeLessThan(diff.markdown.indexOf("## Effective permissions"));
    expect(diff.markdown).toContain(
      '<details><summary>Raw statements that differ</summary>\n\n`compute` role of team `forecasting`:\n\n```diff\n+ {"Action":["s3:*"],"Effect":"Allow","Resource":"*","Sid":"AllOfS3"}\n```',
    );
  });

  test("shows what the console guard and the admin permission set gain or lose", () => {
    // GIVEN a head whose code denies one more action in the console guard and attaches one more managed policy
    const json = JSON.parse(JSON.stringify(base)) as { resource: Record<string, Record<string, Data>> };
    const guard = Object.values(json.resource.aws_organizations_policy!)[0]!;
    const content = JSON.parse(guard.content as string) as { Statement: Data[] };
    content.Statement.push({ Sid: "NoBilling", Effect: "Deny", Action: ["aws-portal:*"], Resource: "*" });
    guard.content = JSON.stringify(content);
    json.resource.aws_ssoadmin_managed_policy_attachment!.read_only = {
      managed_policy_arn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
      permission_set_arn: "${aws_ssoadmin_permission_set.admin.arn}",
    };
    // WHEN
    const guarded = accessDiff(side(config, base), side(config, json), OPTIONS);
    // THEN
    expect(guarded.markdown).toMatch(/^- service control policy `[^`]+`: now denies `aws-portal:\*` on `\*`$/m);
    expect(guarded.markdown).toContain(
      `- permission set \`${config.admins.permissionSetName}\`: gains managed policy \`arn:aws:iam::aws:policy/ReadOnlyAccess\`\n`,
    );
  });

  test("says no access change when both sides' code synthesizes the same grants", () => {
    // WHEN
    const same = accessDiff(side(config, base), side(config, synthesize(config)), OPTIONS);
    // THEN
    expect(same.markdown).toContain("\nNo access change.\n");
    expect(diffExitCode(same, true)).toBe(0);
  });
});

describe("access diff of config changes that alter who controls access or sign-in", () => {
  const OWNER = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  const GROUP = "1b2c3d4e-5f60-4b7c-8d9e-0f1a2b3c4d5e";

  test.each<[string, (data: Data) => void, string, string, string, string]>([
    [
      "an owner of the app",
      (data) => (data.identityProvider.entra.owners = [OWNER]),
      "identityProvider.entra.owners",
      "none",
      `\`${OWNER}\``,
      "they control who signs in",
    ],
    [
      "a team's existing group",
      (data) => (data.teams.fraud.existingGroupId = GROUP),
      "teams.fraud.existingGroupId",
      "(none)",
      `\`${GROUP}\``,
      "gets team `fraud`'s domain",
    ],
    [
      "the admins' existing group",
      (data) => (data.admins.existingGroupId = GROUP),
      "admins.existingGroupId",
      "(none)",
      `\`${GROUP}\``,
      "gets admin access",
    ],
    [
      "the signing certificate's end date",
      (data) => (data.identityProvider.entra.signingCertificateEndDate = "2029-10-31T00:00:00Z"),
      "identityProvider.entra.signingCertificateEndDate",
      "`2029-06-30T00:00:00Z`",
      "`2029-10-31T00:00:00Z`",
      "nobody can sign in",
    ],
    [
      "the backend, to S3",
      (data) =>
        (data.backend = { type: "s3", bucket: "contoso-state", key: "ml/terraform.tfstate", region: "eu-west-1" }),
      "backend",
      "local (default path)",
      "s3 `s3://contoso-state/ml/terraform.tfstate` in eu-west-1",
      "SCIM token",
    ],
    [
      "the backend, to another Terraform Cloud workspace",
      (data) => (data.backend = { type: "cloud", organization: "contoso", workspace: "ml-platform" }),
      "backend",
      "local (default path)",
      "cloud `app.terraform.io/contoso/ml-platform`",
      "SCIM token",
    ],
    [
      "a team's Git repositories",
      (data) => data.teams.forecasting.gitRepositories.push("https://git.example.org/someone/else.git"),
      "teams.forecasting.gitRepositories",
      "`https://git.contoso.example/ml/forecasting.git`",
      "`https://git.contoso.example/ml/forecasting.git`, `https://git.example.org/someone/else.git`",
      "cloned into every space",
    ],
    [
      "provisioning on demand",
      (data) => (data.identityProvider.entra.provisionOnDemand = false),
      "identityProvider.entra.provisionOnDemand",
      "on",
      "off",
      "next SCIM cycle",
    ],
    [
      "the relay state",
      (data) => (data.identityProvider.entra.relayState = "https://elsewhere.example/"),
      "identityProvider.entra.relayState",
      "(none)",
      "`https://elsewhere.example/`",
      "where every IdP-initiated sign-in lands",
    ],
  ])(
    "GIVEN %s changes WHEN diffed THEN it has its own row with its risk",
    (_, change, setting, before, after, risk) => {
      // WHEN
      const diff = diffAfter(change);
      // THEN
      expect(diff.markdown).toContain("## Who controls access and sign-in\n\n| Setting | Before | After | Risk |\n");
      const row = diff.markdown.split("\n").find((line) => line.startsWith(`| \`${setting}\` |`));
      expect(row).toBeDefined();
      expect(row!.startsWith(`| \`${setting}\` | ${before} | ${after} | `)).toBe(true);
      expect(row).toContain(risk);
      expect(diffExitCode(diff, true)).toBe(2);
    },
  );

  test("GIVEN shared spaces switched off WHEN diffed THEN the row and what the team's roles lose are both shown", () => {
    // WHEN
    const diff = diffAfter((data) => (data.teams.forecasting.sharedSpaces = false));
    // THEN
    expect(diff.markdown).toContain("| `teams.forecasting.sharedSpaces` | on | off |");
    expect(diff.markdown).toMatch(/^ {2}- loses .*`sagemaker:CreateSpace`/m);
    expect(diff.markdown).not.toMatch(/^- `[^`]+` role of team `(fraud|recommendations)`/m);
  });
});

describe("access diff of a sideways persona change", () => {
  test("GIVEN bob goes from MLOps to data scientist WHEN diffed THEN what he gains and what he loses are both named", () => {
    // WHEN
    const diff = diffAfter((data) => (data.teams.forecasting.members["bob@contoso.com"] = "data-scientist"));
    // THEN
    const mlops = BUILTIN_PERSONAS.mlops!.activities;
    const scientist = BUILTIN_PERSONAS["data-scientist"]!.activities;
    const words = (these: readonly string[], those: readonly string[]) =>
      [...these]
        .filter((activity) => !those.includes(activity))
        .sort()
        .map((activity) => `\`${activity}\``)
        .join(", ");
    expect(diff.markdown).toContain(
      "| persona changed | bob@contoso.com | `forecasting` as `mlops` | `forecasting` as `data-scientist` |\n",
    );
    expect(diff.markdown).toContain(
      `- bob@contoso.com in \`forecasting\`, \`mlops\` → \`data-scientist\`:\n  - gains activities ${words(scientist, mlops)};`,
    );
    expect(diff.markdown).toContain(`\n  - loses activities ${words(mlops, scientist)};`);
    expect(diff.markdown).not.toMatch(/downgrade|upgrade/);
    expect(diff.markdown).toContain("`npm run restart-apps -- bob@contoso.com --team forecasting --apply`");
    expect(diffExitCode(diff, true)).toBe(2);
  });
});

describe("access diff of a first pull request (no base config)", () => {
  // GIVEN the base has no config at all
  const head = loadExample("contoso");
  const diff = accessDiff(undefined, side(head), OPTIONS);

  test("says everything is new, with every team, member, admin and role", () => {
    // THEN
    expect(diff.markdown).toContain("> [!IMPORTANT]\n> **A new config: the base has no `main:config.yaml`.**");
    for (const team of Object.values(head.teams))
      expect(diff.markdown).toContain(`- \`${team.key}\` added: group \`${team.group}\` gets a new domain\n`);
    const added = diff.markdown.split("\n").filter((line) => line.startsWith("| added | "));
    // one row per person, with every team they join
    expect(added).toHaveLength(new Set(Object.values(head.profiles).map((profile) => profile.userName)).size);
    expect(diff.markdown).toContain(`- added: ${head.admins.members.join(", ")}\n`);
    for (const label of roleLabels(head))
      expect(diff.markdown).toMatch(new RegExp(`^- ${label}: new: \\d+ actions$`, "m"));
  });

  test("exits 2: access changes, and nothing deployed is at stake", () => {
    // THEN
    expect(diff.dataAtStake).toBe(false);
    expect(diffExitCode(diff, true)).toBe(2);
  });
});
