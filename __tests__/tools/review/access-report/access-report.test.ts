import { accessReport } from "../../../../tools/review/access-report/access-report";
import { exampleData, loadData, loadExample, loadText } from "../../../helpers";

/** Small enough to write the whole expected report by hand. */
const TINY = `
name: tiny
aws:
  region: eu-west-1
  accountId: "111122223333"
  network: { vpcId: vpc-0a1b2c3d4e5f60718, subnetIds: [subnet-0a1b2c3d4e5f60719], securityGroupIds: [sg-0a1b2c3d4e5f60721] }
identityProvider: { type: external }
admins: { group: ml-admins, members: [carol@example.com] }
personas:
  data-scientist: { activities: [run-studio-applications, s3-bucket-access], instanceTypes: [ml.t3.medium] }
  mlops: { activities: [run-studio-applications, manage-models], instanceTypes: [ml.t3.medium], limits: { maxIdleTimeoutMinutes: 720 } }
  compute: { instanceTypes: [ml.m5.large] }
teams:
  vision:
    group: ml-vision
    defaultPersona: data-scientist
    s3Buckets: [vision-workspace, vision-data]
    limits: { maxStorageGb: 50 }
    members:
      ann@example.com:
      ben.li@example.com: { persona: compute, profileName: ben-batch }
      cy@example.com: mlops
`;

const TINY_REPORT = `# Access report: tiny

- Config: \`tiny.yaml\`
- Identity provider: external; group membership is managed there, this config decides which groups get a domain and which users get a profile
- Phase: full
- IAM Identity Center account \`111122223333\`, region \`eu-west-1\`
- 1 team, 3 user profiles for 3 people, 1 admin

\`\`\`mermaid
flowchart LR
  idp(["IdP (managed elsewhere)"])
  idp --> team_vision["team vision<br/>group ml-vision<br/>domain tiny-vision<br/>1 compute, 1 data-scientist, 1 mlops"]
  idp --> group_admins["ml-admins<br/>1 admin"]
  group_admins --> console["SageMaker console<br/>permission set tiny-admin"]
\`\`\`

## Admins

Group \`ml-admins\` gets permission set \`tiny-admin\` (AmazonSageMakerFullAccess, sessions up to PT4H) on account \`111122223333\`: the SageMaker console and every domain. No other group of this config gets a permission set: members reach SageMaker only through their domain's tile in the access portal.

- carol@example.com

## Outside the federation

Console guard: off. Any other permission set or IAM administrator of the accounts with domains can open anyone's Studio (a space owned by their profile), pass the execution roles and change them; turn on aws.consoleGuard.scp.

## Team \`vision\`

- IdP group: \`ml-vision\`
- Studio domain: \`tiny-vision\` in account \`111122223333\`
- Default persona: \`data-scientist\`
- Workspace bucket: \`vision-workspace\` (\`shared/\` for the team, \`users/<profile>/\` private to each member)
- Data buckets: \`vision-data\`
- Compute role: \`tiny-vision-compute\` (jobs, pipelines and endpoints run as it)
- Domain defaults and shared spaces: idle apps stop after 60 min (60-480 min); spaces 5 GB (at most 50 GB)

| Member | Persona | Profile | Execution role | Buckets | Idle shutdown and storage |
| --- | --- | --- | --- | --- | --- |
| ann@example.com | \`data-scientist\` | \`ann\` | \`tiny-vision-data-scientist\` | \`vision-data\`, \`vision-workspace\` | idle apps stop after 60 min (60-480 min); spaces 5 GB (at most 50 GB) |
| ben.li@example.com | \`compute\` | \`ben-batch\` | \`tiny-vision-compute\` | \`vision-data\`, \`vision-workspace\` | idle apps stop after 60 min (60-480 min); spaces 5 GB (at most 50 GB) |
| cy@example.com | \`mlops\` | \`cy\` | \`tiny-vision-mlops\` | none | idle apps stop after 60 min (60-720 min); spaces 5 GB (at most 50 GB) |

## Personas

### \`compute\`

Compute: the role SageMaker jobs, pipelines and endpoints run as, and what pipeline steps do

- ML activities: \`access-required-aws-services\`, \`run-pipeline-steps\`
- Instance types: \`ml.m5.large\`
- Limits (before a team's override): idle apps stop after 60 min (60-480 min); spaces 5 GB (at most 100 GB); nobody can change their own
- Members: vision (1)

### \`data-scientist\`

Data Scientist: notebooks, training and processing jobs, models and experiments

- ML activities: \`run-studio-applications\`, \`s3-bucket-access\`
- Instance types: \`ml.t3.medium\`
- Limits (before a team's override): idle apps stop after 60 min (60-480 min); spaces 5 GB (at most 100 GB); nobody can change their own
- Remote IDE access: off (turning it on is denied)
- Members: vision (1)

### \`mlops\`

MLOps: models and their approval, endpoints, pipelines and monitoring

- ML activities: \`run-studio-applications\`, \`manage-models\`
- Instance types: \`ml.t3.medium\`
- Limits (before a team's override): idle apps stop after 60 min (60-720 min); spaces 5 GB (at most 100 GB); nobody can change their own
- Remote IDE access: off (turning it on is denied)
- Members: vision (1)
`;

describe("access report", () => {
  test("of a one-team config is exactly the report written by hand", () => {
    // GIVEN a config small enough to check every line
    const config = loadText(TINY);
    // WHEN
    const report = accessReport(config, { source: "tiny.yaml" });
    // THEN
    expect(report).toBe(TINY_REPORT);
  });

  describe("of the Contoso example", () => {
    // GIVEN the default example, synthesized with no cloud account
    const report = accessReport(loadExample("contoso"), { source: "examples/contoso.yaml" });

    test("draws one node per team with its group, domain and persona counts, and one edge to it", () => {
      // THEN fraud's members: judy (mlops), mallory and alice (data scientists)
      expect(report).toContain(
        '  idp --> team_fraud["team fraud<br/>group ml-fraud-detection<br/>domain contoso-ml-fraud<br/>2 data-scientist, 1 mlops"]',
      );
      expect(report).toContain('  idp(["Entra ID"])');
      const edges = report.split("\n").filter((line) => line.includes("-->"));
      expect(edges).toHaveLength(3 + 2); // one per team, the admins, and the admins' console
    });

    test("keeps the diagram at one edge per team at 20 teams of 50 members", () => {
      // GIVEN a big platform WHEN reported THEN the diagram grows by one line per team, not per member or persona
      const data = exampleData("contoso-external");
      const template = data.teams.forecasting;
      data.teams = Object.fromEntries(
        Array.from({ length: 20 }, (_, t) => [
          `team${t}`,
          {
            ...template,
            group: `ml-team-${t}`,
            s3Buckets: [`contoso-team${t}-workspace`],
            members: Object.fromEntries(
              Array.from({ length: 50 }, (_, m) => [`user${m}.team${t}@contoso.com`, m % 3 === 0 ? "mlops" : null]),
            ),
          },
        ]),
      );
      const big = accessReport(loadData(data), { source: "big.yaml" });
      const start = big.indexOf("```mermaid");
      const diagram = big.slice(start, big.indexOf("```", start + 3));
      expect(diagram.split("\n").filter((line) => line.includes("-->"))).toHaveLength(20 + 2);
      expect(diagram).toContain("33 data-scientist, 17 mlops");
    });

    test("lists a person in two teams once per team, with that team's role and buckets", () => {
      // THEN alice is a data scientist in forecasting and in fraud, and each role sees only its team's buckets
      expect(report).toContain(
        "| alice@contoso.com | `data-scientist` | `alice` | `contoso-ml-forecasting-data-scientist` | `contoso-forecasting-data`, `contoso-forecasting-workspace` |",
      );
      expect(report).toContain(
        "| alice@contoso.com | `data-scientist` | `alice` | `contoso-ml-fraud-data-scientist` | `contoso-fraud-transactions`, `contoso-fraud-workspace` |",
      );
      expect(report).toContain("- 3 teams, 10 user profiles for 9 people, 2 admins");
    });
  });

  test("says who is eligible rather than permanent, how they activate, and the MFA state", () => {
    // GIVEN Contoso with dan eligible (approved by grace) and enforced MFA with one break-glass account
    const data = exampleData("contoso");
    data.admins.justInTime = {
      members: ["dan@contoso.com"],
      maximumDuration: "PT2H",
      approvers: ["grace@contoso.com"],
    };
    data.admins.sessionDuration = "PT2H";
    data.identityProvider.entra.mfa = { enforce: true, breakGlassUserIds: ["0b7c4a1e-5d2f-4c8b-9a3e-6f1d2c4b8a90"] };
    // WHEN
    const report = accessReport(loadData(data), { source: "config.yaml" });
    // THEN
    expect(report).toContain(
      "Just in time (Privileged Identity Management): eligible dan@contoso.com; activate for up to PT2H with a reason and MFA, approved by grace@contoso.com.",
    );
    expect(report).toContain("- carol@contoso.com\n- dan@contoso.com (eligible: activates when needed)\n");
    expect(report).toContain("- MFA to sign in to AWS (Conditional Access): enforced (1 break-glass account excluded)");
  });

  test("says MFA is off in Entra mode without it, and says nothing of it in external mode", () => {
    expect(accessReport(loadExample("contoso"), { source: "c.yaml" })).toContain(
      "- MFA to sign in to AWS (Conditional Access): off",
    );
    expect(accessReport(loadExample("contoso-external"), { source: "c.yaml" })).not.toContain("MFA");
  });

  test("in the bootstrap phase says the AWS side comes with the second apply", () => {
    // GIVEN the Contoso example before the IAM Identity Center values are known
    const data = exampleData("contoso");
    delete data.aws.identityCenter;
    // WHEN
    const report = accessReport(loadData(data), { source: "contoso.yaml" });
    // THEN
    expect(report).toContain("- Phase: bootstrap; only the Entra side exists");
    expect(report).toContain("<br/>domain (phase 2) contoso-ml-forecasting<br/>");
  });

  test("escapes a group name that would break the Mermaid label or the Markdown code span", () => {
    // GIVEN a group display name with a quote, a hash and a backtick (all allowed by IAM Identity Center)
    const data = exampleData("contoso-external");
    data.teams.fraud.group = 'ml "fraud" #1 `x`';
    // WHEN
    const report = accessReport(loadData(data), { source: "x.yaml" });
    // THEN
    expect(report).toContain("<br/>group ml #quot;fraud#quot; #35;1 `x`<br/>");
    expect(report).toContain('- IdP group: `` ml "fraud" #1 `x` ``');
  });

  test("GIVEN the guard on and IAM Identity Center in a member account WHEN reported THEN it says what the guard keeps out there", () => {
    const report = accessReport(loadExample("contoso-external"), { source: "x.yaml" });
    expect(report).toContain("- Nobody but the admins, the execution roles and the deployer uses SageMaker at all");
    expect(report).toContain("- IAM Identity Center (account `111122223333`): only the deployer changes users, groups");
    expect(report).toContain(
      "- `arn:aws:iam::111122223333:role/platform-terraform-plan` read SageMaker (Describe and List) and do nothing else there.",
    );
  });

  test("GIVEN IAM Identity Center in the management account WHEN reported THEN it names the guard's one limit and the fix", () => {
    const report = accessReport(loadExample("contoso-multi-account"), { source: "x.yaml" });
    expect(report).toContain("in accounts `444455556666`, `777788889999`:");
    expect(report).toContain("IAM Identity Center is in the management account `111122223333`, which no SCP binds");
    expect(report).toContain("Register a delegated administrator");
  });

  test("names the account of each domain, and every account the admins get, when domains live in workload accounts", () => {
    // GIVEN the multi-account example: forecasting in research (444455556666), fraud in production (777788889999)
    const report = accessReport(loadExample("contoso-multi-account"), { source: "x.yaml" });
    // THEN
    expect(report).toContain("- Studio domain: `contoso-org-forecasting` in account `444455556666`");
    expect(report).toContain("- Studio domain: `contoso-org-fraud` in account `777788889999`");
    expect(report).toContain("on accounts `777788889999`, `444455556666`: the SageMaker console and every domain.");
  });
});
