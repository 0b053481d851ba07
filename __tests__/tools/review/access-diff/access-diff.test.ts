import type { FederationConfig } from "../../../../config/types";
import { BUILTIN_PERSONAS } from "../../../../policies/builtin-personas";
import { isPersonaDowngrade } from "../../../../tools/review/access-diff/access-changes";
import { accessDiff, diffExitCode, type DiffSide } from "../../../../tools/review/access-diff/access-diff";
import { synthesize } from "../../../../tools/review/access-diff/synthesize";
import { exampleData, exampleText, loadData, loadText } from "../../../helpers";

type Data = Record<string, any>;

/** The diff from the external example to the example with one change applied. */
function diffAfter(change: (data: Data) => void, example = "contoso-external") {
  const base = loadText(exampleText(example));
  const data = exampleData(example);
  change(data);
  return diffOf(base, loadData(data));
}

/** Both sides synthesized with this code, as a base given as a file is. */
function diffOf(base: FederationConfig, head: FederationConfig) {
  return accessDiff(side(base), side(head), { baseSource: "main:config.yaml", headSource: "config.yaml" });
}

function side(config: FederationConfig): DiffSide {
  return { config, json: synthesize(config) };
}

/** The diff without its effective permissions section, which tests of config changes assert line by line. */
function configSections(markdown: string): string {
  return markdown.replace(/\n## Effective permissions\n[\s\S]*?(?=\n## |$)/, "");
}

/** Each execution role of `team` with one of `personas`, as the effective permissions section names it. */
function roleLabels(team: string, personas: readonly string[]): string[] {
  return personas.map((persona) => `- \`${persona}\` role of team \`${team}\``);
}

const HEADER = "# Access diff: contoso-ext\n\nBase `main:config.yaml` → head `config.yaml`\n";

/** The warning box every deleted profile goes into, with its first line for `count` profiles. */
function dataAtStakeBox(count: string, lines: string[]): string {
  return [
    "> [!WARNING]",
    `> **Data at stake: ${count} deleted with ${count.startsWith("1 ") ? "its" : "their"} home directory (EFS) and private spaces (EBS volumes).** Back up and delete the apps and spaces first with \`npm run offboard\`, or the apply stops at \`ResourceInUse\`: see docs/membership-changes.md.`,
    ">",
    ...lines.map((line) => `> - ${line}`),
  ].join("\n");
}

describe("access diff", () => {
  test("of a config with itself says there is no access change", () => {
    // GIVEN the same config on both sides
    // WHEN
    const diff = diffAfter(() => {});
    // THEN
    expect(diff.markdown).toBe(`${HEADER}\nNo access change.\n`);
    expect(diff.changed).toBe(false);
    expect(diffExitCode(diff, true)).toBe(0);
  });

  test("says no access change when only the YAML order and the tags change", () => {
    // GIVEN teams and members written in another order, and a new cost tag
    // WHEN
    const diff = diffAfter((data) => {
      data.teams = Object.fromEntries(Object.entries(data.teams as Data).reverse());
      data.teams.forecasting.members = Object.fromEntries(Object.entries(data.teams.forecasting.members).reverse());
      data.aws.tags["cost-center"] = "ml-research";
    });
    // THEN
    expect(diff.markdown).toBe(`${HEADER}\nNo access change.\n`);
  });

  test("GIVEN admins allowed to pass the execution roles and a persona with remote access WHEN diffed THEN both show as platform changes", () => {
    const diff = diffAfter((data) => {
      data.aws.consoleGuard.adminsPassExecutionRoles = true;
      data.personas["data-scientist"].remoteAccess = true;
    });
    expect(diff.markdown).toContain(
      "- console guard (SCP): on (Identity Center guarded; 1 reader) → on (admins pass execution roles; Identity Center guarded; 1 reader)",
    );
    expect(diff.markdown).toContain("- remote IDE access: off → data-scientist");
    expect(diff.changed).toBe(true);
  });

  test("shows a member moved between teams as one move, and the role nobody uses any more", () => {
    // GIVEN bob, the only MLOps person in forecasting, moves to fraud
    // WHEN
    const diff = diffAfter((data) => {
      delete data.teams.forecasting.members["bob@contoso.com"];
      data.teams.fraud.members["bob@contoso.com"] = "mlops";
    });
    // THEN the old profile and its data are called out before anything else
    expect(configSections(diff.markdown)).toBe(
      `${HEADER}
${dataAtStakeBox("1 user profile", [
  "`bob@contoso.com` moves `forecasting` → `fraud`: profile `bob` in `contoso-ext-forecasting` is deleted with its home directory and private spaces; the new profile starts with an empty home directory. First: `npm run offboard -- bob@contoso.com --team forecasting --base main:config.yaml`",
])}

## Members

| Change | User | Before | After |
| --- | --- | --- | --- |
| moved | bob@contoso.com | \`forecasting\` as \`mlops\` | \`fraud\` as \`mlops\` |
`,
    );
    // and the role nobody uses any more is deleted
    expect(diff.markdown).toMatch(
      /^- `mlops` role of team `forecasting`: deleted, with every grant it had \(\d+ actions\)$/m,
    );
    expect(diff.changed).toBe(true);
    expect(diff.dataAtStake).toBe(true);
    expect(diffExitCode(diff, true)).toBe(3);
    expect(diffExitCode(diff, false)).toBe(0);
  });

  test("shows a persona whose instance types change, and every team's role it touches", () => {
    // GIVEN data scientists trade ml.m5.xlarge for ml.g5.xlarge
    // WHEN
    const diff = diffAfter((data) => {
      data.personas["data-scientist"].instanceTypes = ["ml.t3.medium", "ml.m5.large", "ml.g4dn.xlarge", "ml.g5.xlarge"];
    });
    // THEN
    expect(configSections(diff.markdown)).toBe(
      `${HEADER}
## Personas whose permissions change

- \`data-scientist\` (every team using it): instance types added \`ml.g5.xlarge\`; instance types removed \`ml.m5.xlarge\` (removals effective when their apps restart)
`,
    );
    // and every team's data scientist role is denied other instance types than before, and no other role changes
    const roles = diff.markdown.split("\n").filter((line) => /^- `.*` role of team /.test(line));
    expect(roles.map((line) => line.slice(0, line.indexOf(":")))).toEqual(
      ["forecasting", "fraud", "recommendations"].flatMap((team) => roleLabels(team, ["data-scientist"])),
    );
    for (const line of roles) expect(line).toContain("under another condition:");
  });

  test("shows limits that change, for the shared spaces and each team's persona, and the step the domain needs", () => {
    // GIVEN fraud's override raises the idle timeout to 180 minutes (within mlops's maximum of 720)
    // WHEN
    const diff = diffAfter((data) => {
      data.teams.fraud.limits.idleTimeoutMinutes = 180;
    });
    // THEN fraud's shared spaces (default persona mlops) and both of its personas in use change; no other team.
    // The domain keeps its shared spaces' defaults from its creation: the reviewer learns the step after the apply.
    expect(diff.changed).toBe(true);
    expect(diff.markdown).toBe(
      `${HEADER}
> [!IMPORTANT]
> **1 Studio domain keeps these settings from its creation: the apply leaves them as they are.** After the apply, update them as docs/runbook.md section 11 says (until then the plan's \`studio_domain_settings\` check warns). Profiles get the change with the apply.
>
> - \`fraud\` (\`contoso-ext-fraud\`): shared spaces' idle shutdown and storage: idle apps stop after 120 min (60-720 min); spaces 5 GB (at most 50 GB) → idle apps stop after 180 min (60-720 min); spaces 5 GB (at most 50 GB)

## Idle shutdown and storage

- fraud (shared spaces): idle apps stop after 120 min (60-720 min); spaces 5 GB (at most 50 GB) → idle apps stop after 180 min (60-720 min); spaces 5 GB (at most 50 GB)
- fraud/data-scientist: idle apps stop after 120 min (60-480 min); spaces 5 GB (at most 50 GB) → idle apps stop after 180 min (60-480 min); spaces 5 GB (at most 50 GB)
- fraud/mlops: idle apps stop after 120 min (60-720 min); spaces 5 GB (at most 50 GB) → idle apps stop after 180 min (60-720 min); spaces 5 GB (at most 50 GB)
`,
    );
  });

  test("says when a team's Git repositories change, which its shared spaces get only with the runbook's step", () => {
    // WHEN forecasting gets a second repository
    const diff = diffAfter((data) => {
      data.teams.forecasting.gitRepositories.push("https://git.contoso.example/ml/features.git");
    });
    // THEN
    expect(diff.changed).toBe(true);
    expect(diff.markdown).toContain(
      "> - `forecasting` (`contoso-ext-forecasting`): shared spaces' Git repositories: `https://git.contoso.example/ml/forecasting.git` → `https://git.contoso.example/ml/features.git`, `https://git.contoso.example/ml/forecasting.git`",
    );
  });

  test("says nothing of domain settings for a domain that is replaced anyway, or not deployed yet", () => {
    // GIVEN a new VPC (every domain replaced) with new limits for fraud
    const diff = diffAfter((data) => {
      data.aws.network.vpcId = "vpc-0fffffffffffffff0";
      data.teams.fraud.limits.idleTimeoutMinutes = 180;
    });
    expect(diff.markdown).not.toContain("[!IMPORTANT]");
    // GIVEN a bootstrap base
    const bootstrap = exampleData("contoso");
    delete bootstrap.aws.identityCenter;
    const full = exampleData("contoso");
    full.teams.fraud.gitRepositories = ["https://git.contoso.example/ml/fraud.git"];
    expect(diffOf(loadData(bootstrap), loadData(full)).markdown).not.toContain("[!IMPORTANT]");
  });

  test("shows just-in-time admins and MFA switched on", () => {
    // GIVEN the Entra example gets eligible admins and report-only MFA
    // WHEN
    const diff = diffAfter((data) => {
      data.admins.justInTime = {};
      data.identityProvider.entra.mfa = {};
    }, "contoso");
    // THEN
    expect(diff.markdown).toContain("- MFA to sign in to AWS: off → report-only");
    expect(diff.markdown).toContain(
      "- just-in-time admins: off (every admin is a permanent member) → eligible carol@contoso.com, dan@contoso.com; activate for up to PT4H with a reason and MFA",
    );
  });

  test("shows activities a persona gains", () => {
    // GIVEN MLOps people may also run ML jobs
    // WHEN
    const diff = diffAfter((data) => {
      data.personas.mlops = {
        activities: ["run-studio-applications", "manage-models", "manage-ml-jobs", "s3-bucket-access"],
      };
    });
    // THEN the built-in MLOps activities the override leaves out are removed too
    expect(diff.markdown).toContain(
      "- `mlops` (every team using it): activities added `manage-ml-jobs`; activities removed `approve-models`, `manage-endpoints`, `manage-model-monitoring`, `manage-pipelines`, `search-visualize-experiments` (removals effective when their apps restart)\n",
    );
  });

  test("shows the roles that gain a bucket added to a team", () => {
    // GIVEN recommendations gets a data bucket
    // WHEN
    const diff = diffAfter((data) => {
      data.teams.recommendations.s3Buckets.push("contoso-recommendations-clicks");
    });
    // THEN the compute role and both people's roles can use it
    expect(configSections(diff.markdown)).toBe(
      `${HEADER}
## Personas whose permissions change

- \`compute\` in \`recommendations\`: buckets added \`contoso-recommendations-clicks\`
- \`data-scientist\` in \`recommendations\`: buckets added \`contoso-recommendations-clicks\`
- \`mlops\` in \`recommendations\`: buckets added \`contoso-recommendations-clicks\`
`,
    );
    for (const role of roleLabels("recommendations", ["compute", "data-scientist", "mlops"]))
      expect(diff.markdown).toContain(
        `${role}:\n  - gains \`s3:GetBucketLocation\`, \`s3:ListBucket\` on \`arn:aws:s3:::contoso-recommendations-clicks\`\n`,
      );
  });

  test("shows admins added and removed", () => {
    // GIVEN dan hands over to erin
    // WHEN
    const diff = diffAfter((data) => {
      data.admins.members = ["carol@contoso.com", "erin.lee@contoso.com"];
    });
    // THEN
    expect(diff.markdown).toBe(`${HEADER}
## Admins

- added: erin.lee@contoso.com
- removed: dan@contoso.com
`);
  });

  test("shows members added, removed, given another persona or another profile name", () => {
    // GIVEN four changes to recommendations
    // WHEN
    const diff = diffAfter((data) => {
      const members = data.teams.recommendations.members;
      members["nina@contoso.com"] = null;
      delete members["heidi@contoso.com"];
      members["ivan@contoso.com"] = "data-scientist";
      members["grace@contoso.com"] = { persona: "data-scientist", profileName: "grace-hopper" };
    });
    // THEN ivan was the team's only MLOps person, so its MLOps role goes too; MLOps -> Data Scientist loses
    // the endpoint, pipeline and monitoring activities and gains the experiment and job activities
    const mlops = BUILTIN_PERSONAS.mlops!.activities;
    const scientist = BUILTIN_PERSONAS["data-scientist"]!.activities;
    const only = (these: readonly string[], those: readonly string[]) =>
      [...these].filter((activity) => !those.includes(activity)).sort();
    const personaLines = configSections(diff.markdown)
      .split("\n")
      .filter((line) => line.startsWith("  - "));
    expect(personaLines[0]).toMatch(
      new RegExp(
        `^  - gains activities ${only(scientist, mlops)
          .map((a) => `\`${a}\``)
          .join(", ")}; IAM actions `,
      ),
    );
    expect(personaLines[1]).toMatch(
      new RegExp(
        `^  - loses activities ${only(mlops, scientist)
          .map((a) => `\`${a}\``)
          .join(", ")}; instance types `,
      ),
    );
    expect(personaLines[1]).toContain("`sagemaker:CreateEndpoint`");
    expect(configSections(diff.markdown).replace(/^  - .*\n/gm, "")).toBe(
      `${HEADER}
${dataAtStakeBox("2 user profiles", [
  "`grace@contoso.com` in `recommendations`: profile renamed `grace` → `grace-hopper`: profile `grace` in `contoso-ext-recommendations` is deleted with its home directory and private spaces; the new profile starts with an empty home directory. First: `npm run offboard -- grace@contoso.com --team recommendations --base main:config.yaml`",
  "`heidi@contoso.com` leaves `recommendations`: profile `heidi` in `contoso-ext-recommendations` is deleted with its home directory and private spaces. First: `npm run offboard -- heidi@contoso.com --team recommendations --base main:config.yaml`",
])}

## Members

| Change | User | Before | After |
| --- | --- | --- | --- |
| profile renamed | grace@contoso.com | \`recommendations\` profile \`grace\` | \`recommendations\` profile \`grace-hopper\` |
| removed | heidi@contoso.com | \`recommendations\` as \`data-scientist\` | — |
| persona changed | ivan@contoso.com | \`recommendations\` as \`mlops\` | \`recommendations\` as \`data-scientist\` |
| added | nina@contoso.com | — | \`recommendations\` as \`data-scientist\` |

What each persona change gives and takes:

- ivan@contoso.com in \`recommendations\`, \`mlops\` → \`data-scientist\`:

What a persona change takes away is effective when their apps restart: apps already running keep the old execution role. To make it effective now, stop those apps after the apply:

- \`npm run restart-apps -- ivan@contoso.com --team recommendations --apply\`
`,
    );
  });
});

describe("access diff of changes that would replace a domain", () => {
  test("warns loudly that every domain in a new VPC is replaced with its home directories", () => {
    // GIVEN the domains move to another VPC
    // WHEN
    const diff = diffAfter((data) => {
      data.aws.network.vpcId = "vpc-0fedcba9876543210";
    });
    // THEN
    expect(diff.markdown).toBe(
      `${HEADER}
> [!CAUTION]
> **3 Studio domains would be REPLACED or DESTROYED: home directories at risk.** Terraform refuses this plan (the domains have \`prevent_destroy\`). Undo the change, or follow "Changes that must never be made in place" in docs/runbook.md.
>
> - \`forecasting\` (\`contoso-ext-forecasting\`) REPLACED: aws.network.vpcId \`vpc-0a1b2c3d4e5f60718\` → \`vpc-0fedcba9876543210\`
> - \`fraud\` (\`contoso-ext-fraud\`) REPLACED: aws.network.vpcId \`vpc-0a1b2c3d4e5f60718\` → \`vpc-0fedcba9876543210\`
> - \`recommendations\` (\`contoso-ext-recommendations\`) REPLACED: aws.network.vpcId \`vpc-0a1b2c3d4e5f60718\` → \`vpc-0fedcba9876543210\`
`,
    );
    expect(diff.changed).toBe(true);
  });

  test("names the KMS key and the subnets, but not a mere reordering of subnets", () => {
    // GIVEN the KMS key is dropped and the subnets are listed in another order
    // WHEN
    const reordered = diffAfter((data) => data.aws.network.subnetIds.reverse());
    const keyless = diffAfter((data) => {
      delete data.aws.kmsKeyArn;
      data.aws.network.subnetIds = ["subnet-0a1b2c3d4e5f60719"];
    });
    // THEN
    expect(reordered.markdown).toBe(`${HEADER}\nNo access change.\n`);
    expect(keyless.markdown).toContain(
      "> - `fraud` (`contoso-ext-fraud`) REPLACED: aws.network.subnetIds `subnet-0a1b2c3d4e5f60719`, `subnet-0a1b2c3d4e5f60720` → `subnet-0a1b2c3d4e5f60719`; aws.kmsKeyArn `arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9` → (none)\n",
    );
  });

  test("treats a renamed team key as a replaced domain, and its members as moved", () => {
    // GIVEN team fraud is renamed fraud-detection, with the same group
    // WHEN
    const diff = diffAfter((data) => {
      data.teams["fraud-detection"] = data.teams.fraud;
      delete data.teams.fraud;
    });
    // THEN
    expect(diff.markdown).toContain(
      "> - `fraud` (`contoso-ext-fraud`) REPLACED: team key renamed `fraud` → `fraud-detection` (a new Terraform address)\n",
    );
    expect(diff.markdown).toContain(
      "| moved | judy@contoso.com | `fraud` as `mlops` | `fraud-detection` as `mlops` |\n",
    );
    expect(diff.markdown).toContain("- `fraud-detection` added: group `ml-fraud-detection` gets a new domain\n");
  });

  test("treats a new config name as a new name for every domain", () => {
    // GIVEN the config is renamed
    // WHEN
    const diff = diffAfter((data) => {
      data.name = "contoso-ml2";
    });
    // THEN
    expect(diff.markdown).toContain(
      "> - `recommendations` (`contoso-ext-recommendations`) REPLACED: domain name `contoso-ext-recommendations` → `contoso-ml2-recommendations`\n",
    );
  });

  test("says a removed team's domain is destroyed", () => {
    // GIVEN team recommendations is deleted
    // WHEN
    const diff = diffAfter((data) => delete data.teams.recommendations);
    // THEN
    expect(diff.markdown).toContain("> **1 Studio domain would be REPLACED or DESTROYED: home directories at risk.**");
    expect(diff.markdown).toContain(
      "> - `recommendations` (`contoso-ext-recommendations`) DESTROYED: team removed from the config\n",
    );
    expect(diff.markdown).toContain("- `recommendations` removed: group `ml-recommendations` loses its domain\n");
  });

  test("does not warn when the domains do not exist yet (bootstrap to full phase)", () => {
    // GIVEN the deployed config is still in the bootstrap phase, and the change adds the IAM Identity Center values
    const bootstrap = exampleData("contoso");
    delete bootstrap.aws.identityCenter;
    bootstrap.aws.network.vpcId = "vpc-0fedcba9876543210";
    // WHEN
    const diff = diffOf(loadData(bootstrap), loadText(exampleText("contoso")));
    // THEN
    expect(diff.markdown).not.toContain("[!CAUTION]");
    expect(diff.markdown).toContain("## Platform\n\n- phase: bootstrap → full\n");
  });

  test("says no access change for a new persona nobody uses yet", () => {
    // GIVEN an analyst persona is defined, but no team or member uses it
    // WHEN
    const diff = diffAfter((data) => {
      data.personas.analyst = { activities: ["search-visualize-experiments"], instanceTypes: ["ml.t3.medium"] };
    });
    // THEN
    expect(diff.markdown).toBe(`${HEADER}\nNo access change.\n`);
  });
});

describe("access diff of joiners, movers, leavers and persona changes", () => {
  /** The diff between two variants of the external example, each changed by the test. */
  function diffBetween(changeBase: (data: Data) => void, changeHead: (data: Data) => void) {
    const base = exampleData("contoso-external");
    const head = exampleData("contoso-external");
    for (const data of [base, head])
      data.personas.analyst = {
        activities: ["run-studio-applications", "search-visualize-experiments"],
        instanceTypes: ["ml.t3.medium"],
      };
    changeBase(base);
    changeHead(head);
    return diffOf(loadData(base), loadData(head));
  }

  test("warns that a leaver's profile goes with their home directory and private spaces", () => {
    // GIVEN judy leaves fraud
    // WHEN
    const diff = diffAfter((data) => delete data.teams.fraud.members["judy@contoso.com"]);
    // THEN
    expect(diff.markdown).toContain(
      dataAtStakeBox("1 user profile", [
        "`judy@contoso.com` leaves `fraud`: profile `judy` in `contoso-ext-fraud` is deleted with its home directory and private spaces. First: `npm run offboard -- judy@contoso.com --team fraud --base main:config.yaml`",
      ]) + "\n\n## Members\n",
    );
    expect(diff.markdown).toContain("| removed | judy@contoso.com | `fraud` as `mlops` | — |\n");
    expect(diffExitCode(diff, true)).toBe(3);
  });

  test("warns for every team a person in two teams leaves", () => {
    // GIVEN alice, in forecasting and fraud, leaves the company
    // WHEN
    const diff = diffAfter((data) => {
      delete data.teams.forecasting.members["alice@contoso.com"];
      delete data.teams.fraud.members["alice@contoso.com"];
    });
    // THEN
    expect(diff.markdown).toContain("> **Data at stake: 2 user profiles deleted with their home directory");
    expect(diff.markdown).toContain(
      "`npm run offboard -- alice@contoso.com --team forecasting --base main:config.yaml`",
    );
    expect(diff.markdown).toContain("`npm run offboard -- alice@contoso.com --team fraud --base main:config.yaml`");
  });

  const RESTART_NOTE =
    "What a persona change takes away is effective when their apps restart: apps already running keep the old execution role. " +
    "To make it effective now, stop those apps after the apply:\n\n";

  test("marks what a persona change takes away as effective when their apps restart, with the command that makes it so", () => {
    // GIVEN alice goes from data scientist to analyst, whose activities and instance types are a subset
    // WHEN
    const diff = diffBetween(
      () => {},
      (head) => {
        head.teams.forecasting.members["alice@contoso.com"] = "analyst";
      },
    );
    // THEN
    expect(diff.markdown).toContain(
      "| persona changed | alice@contoso.com | `forecasting` as `data-scientist` | `forecasting` as `analyst` |\n",
    );
    expect(diff.markdown).toContain(
      "- alice@contoso.com in `forecasting`, `data-scientist` → `analyst`:\n  - gains nothing\n  - loses activities ",
    );
    expect(diff.markdown).toContain(
      RESTART_NOTE + "- `npm run restart-apps -- alice@contoso.com --team forecasting --apply`\n",
    );
    // A persona change keeps the profile: nothing is deleted
    expect(diff.markdown).not.toContain("[!WARNING]");
    expect(diffExitCode(diff, true)).toBe(2);
  });

  test("says which instance types a persona with the same activities takes away", () => {
    // GIVEN a small data scientist persona: the same activities, one instance type
    const scientist = {
      activities: BUILTIN_PERSONAS["data-scientist"]!.activities,
      instanceTypes: exampleData("contoso-external").personas["data-scientist"].instanceTypes as string[],
    };
    // WHEN
    const diff = diffBetween(
      () => {},
      (head) => {
        head.personas["ds-small"] = { activities: [...scientist.activities], instanceTypes: ["ml.t3.medium"] };
        head.teams.forecasting.members["alice@contoso.com"] = "ds-small";
      },
    );
    // THEN
    const lost = scientist.instanceTypes.filter((type) => type !== "ml.t3.medium").sort();
    expect(diff.markdown).toContain(
      "- alice@contoso.com in `forecasting`, `data-scientist` → `ds-small`:\n" +
        "  - gains nothing\n" +
        `  - loses instance types ${lost.map((type) => `\`${type}\``).join(", ")}\n`,
    );
    expect(diff.markdown).toContain(RESTART_NOTE);
  });

  test("shows a persona change that takes nothing away without a restart warning", () => {
    // GIVEN alice was an analyst and becomes a data scientist, whose activities include the analyst's
    // WHEN
    const diff = diffBetween(
      (base) => {
        base.teams.forecasting.members["alice@contoso.com"] = "analyst";
      },
      () => {},
    );
    // THEN
    expect(diff.markdown).toContain(
      "| persona changed | alice@contoso.com | `forecasting` as `analyst` | `forecasting` as `data-scientist` |\n",
    );
    expect(diff.markdown).toMatch(/^ {2}- gains activities .*\n {2}- loses nothing$/m);
    expect(diff.markdown).not.toContain("effective when their apps restart");
    expect(diffExitCode(diff, true)).toBe(2);
  });

  test("puts no data at stake when the base was never deployed (bootstrap phase)", () => {
    // GIVEN a bootstrap base: no domain, no profile exists yet
    const bootstrap = exampleData("contoso");
    delete bootstrap.aws.identityCenter;
    const head = exampleData("contoso");
    delete head.teams.forecasting.members["bob@contoso.com"];
    // WHEN
    const diff = diffOf(loadData(bootstrap), loadData(head));
    // THEN
    expect(diff.markdown).not.toContain("[!WARNING]");
    expect(diff.dataAtStake).toBe(false);
    expect(diffExitCode(diff, true)).toBe(2);
  });

  test("exits 2 for an access change that deletes nothing, 3 once a domain is at stake", () => {
    // GIVEN an admin added, and separately a new VPC
    // WHEN
    const admin = diffAfter((data) => data.admins.members.push("erin.lee@contoso.com"));
    const vpc = diffAfter((data) => (data.aws.network.vpcId = "vpc-0fedcba9876543210"));
    // THEN
    expect([diffExitCode(admin, true), diffExitCode(vpc, true)]).toEqual([2, 3]);
    expect([diffExitCode(admin, false), diffExitCode(vpc, false)]).toEqual([0, 0]);
  });
});

describe("persona downgrade rule", () => {
  const persona = (activities: string[], instanceTypes: string[]) =>
    ({ key: "p", description: "", activities, instanceTypes }) as never;

  test.each([
    ["drops an activity", ["a", "b"], ["x"], ["a"], ["x"], true],
    ["drops an instance type", ["a"], ["x", "y"], ["a"], ["x"], true],
    ["trades one activity for another", ["a"], ["x"], ["b"], ["x"], true],
    ["keeps everything and adds more", ["a"], ["x"], ["a", "b"], ["x", "y"], false],
    ["changes nothing", ["a"], ["x"], ["a"], ["x"], false],
  ])("%s", (_, beforeActivities, beforeTypes, afterActivities, afterTypes, downgrade) => {
    // GIVEN two persona definitions WHEN compared THEN
    expect(isPersonaDowngrade(persona(beforeActivities, beforeTypes), persona(afterActivities, afterTypes))).toBe(
      downgrade,
    );
  });

  test("treats a persona that no longer exists as a downgrade, and a new one as not", () => {
    expect(isPersonaDowngrade(persona(["a"], ["x"]), undefined)).toBe(true);
    expect(isPersonaDowngrade(undefined, persona(["a"], ["x"]))).toBe(false);
  });
});
