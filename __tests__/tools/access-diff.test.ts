import type { FederationConfig } from "../../config/types";
import { accessDiff, diffExitCode } from "../../tools/access-diff";
import { exampleData, exampleText, loadData, loadText } from "../helpers";

type Data = Record<string, any>;

/** The diff from the external example to the example with one change applied. */
function diffAfter(change: (data: Data) => void, example = "contoso-external") {
  const base = loadText(exampleText(example));
  const data = exampleData(example);
  change(data);
  return diffOf(base, loadData(data));
}

function diffOf(base: FederationConfig, head: FederationConfig) {
  return accessDiff(base, head, { baseSource: "main:config.yaml", headSource: "config.yaml" });
}

const HEADER = "# Access diff: contoso-ext\n\nBase `main:config.yaml` → head `config.yaml`\n";

const PROFILE_NOTE =
  "Removing, moving or renaming a member deletes their old user profile, which fails while they still have " +
  'Studio apps or spaces in that domain: see "Offboarding" in docs/runbook.md.';

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

  test("shows a member moved between teams as one move, and the role nobody uses any more", () => {
    // GIVEN bob, the only MLOps person in forecasting, moves to fraud
    // WHEN
    const diff = diffAfter((data) => {
      delete data.teams.forecasting.members["bob@contoso.com"];
      data.teams.fraud.members["bob@contoso.com"] = "mlops";
    });
    // THEN
    expect(diff.markdown).toBe(
      `${HEADER}
## Members

| Change | User | Before | After |
| --- | --- | --- | --- |
| moved | bob@contoso.com | \`forecasting\` as \`mlops\` | \`fraud\` as \`mlops\` |

${PROFILE_NOTE}

## Execution roles

- deleted: \`contoso-ext-forecasting-mlops\`
`,
    );
    expect(diff.changed).toBe(true);
    expect(diffExitCode(diff, true)).toBe(2);
    expect(diffExitCode(diff, false)).toBe(0);
  });

  test("shows a persona whose instance types change, and every team's role it touches", () => {
    // GIVEN data scientists trade ml.m5.xlarge for ml.g5.xlarge
    // WHEN
    const diff = diffAfter((data) => {
      data.personas["data-scientist"].instanceTypes = ["ml.t3.medium", "ml.m5.large", "ml.g4dn.xlarge", "ml.g5.xlarge"];
    });
    // THEN
    expect(diff.markdown).toBe(
      `${HEADER}
## Personas whose permissions change

- \`data-scientist\` (every team using it): instance types added \`ml.g5.xlarge\`; instance types removed \`ml.m5.xlarge\`

## Execution roles

- policy changes: \`contoso-ext-forecasting-data-scientist\`, \`contoso-ext-fraud-data-scientist\`, \`contoso-ext-recommendations-data-scientist\`
`,
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
      "- `mlops` (every team using it): activities added `manage-ml-jobs`; activities removed `manage-endpoints`, `manage-model-monitoring`, `manage-pipelines`, `search-visualize-experiments`\n",
    );
  });

  test("shows the roles that gain a bucket added to a team", () => {
    // GIVEN recommendations gets a data bucket
    // WHEN
    const diff = diffAfter((data) => {
      data.teams.recommendations.s3Buckets.push("contoso-recommendations-clicks");
    });
    // THEN the compute role and both people's roles can use it
    expect(diff.markdown).toBe(
      `${HEADER}
## Personas whose permissions change

- \`compute\` in \`recommendations\`: buckets added \`contoso-recommendations-clicks\`
- \`data-scientist\` in \`recommendations\`: buckets added \`contoso-recommendations-clicks\`
- \`mlops\` in \`recommendations\`: buckets added \`contoso-recommendations-clicks\`

## Execution roles

- policy changes: \`contoso-ext-recommendations-compute\`, \`contoso-ext-recommendations-data-scientist\`, \`contoso-ext-recommendations-mlops\`
`,
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
    // THEN ivan was the team's only MLOps person, so its MLOps role goes too
    expect(diff.markdown).toBe(
      `${HEADER}
## Members

| Change | User | Before | After |
| --- | --- | --- | --- |
| profile renamed | grace@contoso.com | \`recommendations\` profile \`grace\` | \`recommendations\` profile \`grace-hopper\` |
| removed | heidi@contoso.com | \`recommendations\` as \`data-scientist\` | — |
| persona changed | ivan@contoso.com | \`recommendations\` as \`mlops\` | \`recommendations\` as \`data-scientist\` |
| added | nina@contoso.com | — | \`recommendations\` as \`data-scientist\` |

${PROFILE_NOTE}

## Execution roles

- deleted: \`contoso-ext-recommendations-mlops\`
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
