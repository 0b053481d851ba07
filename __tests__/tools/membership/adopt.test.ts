import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mockClient } from "aws-sdk-client-mock";
import { adopt } from "../../../tools/membership/adopt";
import { loadExample, synthJson } from "../../helpers";
import {
  emptyForecastingDomain,
  fakeStudio,
  recordingIo,
  SageMakerClient,
  sentCommands,
  type FakeDomain,
} from "./studio-fake";

const sagemaker = mockClient(SageMakerClient);

const arn = (domain: string, profile: string, account = "111122223333") =>
  `arn:aws:sagemaker:eu-west-1:${account}:user-profile/${domain}/${profile}`;

/**
 * forecasting: alice's profile is Terraform's (tagged); bob opened Studio first and got a profile under the
 * config's name; erin got one under another name; a stranger's profile is not a member's.
 */
function forecasting() {
  return {
    ...emptyForecastingDomain(),
    profiles: [
      { name: "alice", userName: "alice@contoso.com", uid: "200001", tags: { "sagemaker-team": "forecasting" } },
      { name: "bob", userName: "Bob@Contoso.com", uid: "200002" },
      { name: "erinlee", userName: "erin.lee@contoso.com", uid: "200003" },
      { name: "zed", userName: "zed@contoso.com", uid: "200004" },
    ],
    apps: [],
    spaces: [],
  };
}

/** An address as the import block writes it, split into the block and the for_each key. */
function parseAddress(address: string) {
  const match = /^([a-z_]+)\.([a-z0-9_-]+)\[("(?:[^"\\]|\\.)*")\]$/.exec(address);
  if (match === null) throw new Error(`not a resource instance address: ${address}`);
  return { type: match[1]!, name: match[2]!, key: JSON.parse(match[3]!) as string };
}

describe("npm run adopt", () => {
  let out: string;
  let stackDir: string;
  beforeEach(() => {
    sagemaker.reset();
    out = mkdtempSync(join(tmpdir(), "adopt-"));
    stackDir = join(out, "stacks", "contoso-ml");
    mkdirSync(stackDir, { recursive: true });
    writeFileSync(join(stackDir, "cdk.tf.json"), "{}");
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  async function run(args: string[]) {
    const recording = recordingIo({ CDKTF_OUTDIR: out });
    const code = await adopt(args, recording.io);
    return { code, ...recording };
  }

  test("writes an import block for a profile Studio created under the config's name, and nothing for Terraform's", async () => {
    // GIVEN
    fakeStudio(sagemaker, [forecasting()]);
    // WHEN
    const result = await run(["--team", "forecasting"]);
    // THEN
    expect(result.err()).toBe("");
    expect(result.code).toBe(0);
    const file = join(stackDir, "adopt-imports.tf.json");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
      import: [
        { to: 'aws_sagemaker_user_profile.member["forecasting/bob@contoso.com"]', id: arn("d-forecast01", "bob") },
      ],
    });
    expect(result.out()).toContain(`terraform -chdir=${stackDir} plan`);
    // the profiles are read, never changed
    expect(sentCommands(sagemaker).filter((c) => /^(Create|Delete|Update)/.test(c))).toEqual([]);
  });

  test("prints the profileName entry for a profile under another name instead of importing it", async () => {
    // GIVEN
    fakeStudio(sagemaker, [forecasting()]);
    // WHEN
    const result = await run(["--team", "forecasting"]);
    // THEN importing it as is would make Terraform replace it (a new name), deleting erin's home directory
    const imports = JSON.parse(readFileSync(join(stackDir, "adopt-imports.tf.json"), "utf8")).import;
    expect(imports.map((block: { id: string }) => block.id)).not.toContain(arn("d-forecast01", "erinlee"));
    expect(result.out()).toContain(
      "  under teams.forecasting.members:  erin.lee@contoso.com: { persona: data-scientist, profileName: erinlee }",
    );
  });

  test("writes addresses the synthesized stack declares, in the Identity Center and in workload accounts", async () => {
    // GIVEN the multi-account example: forecasting in research, fraud in production, each with a Studio-made profile
    const config = loadExample("contoso-multi-account");
    const multi = join(out, "stacks", "contoso-org");
    mkdirSync(multi, { recursive: true });
    writeFileSync(join(multi, "cdk.tf.json"), "{}");
    fakeStudio(sagemaker, [
      { ...forecasting(), name: "contoso-org-forecasting", accountId: "444455556666" },
      {
        id: "d-fraud01",
        name: "contoso-org-fraud",
        efsId: "fs-0b",
        accountId: "777788889999",
        profiles: [{ name: "judy", userName: "judy@contoso.com", uid: "200010" }],
        apps: [],
        spaces: [],
      },
    ]);
    // WHEN
    const result = await run(["--config", "examples/contoso-multi-account.yaml"]);
    // THEN every `to` names an instance of a profile block that the stack synthesizes
    expect(result.code).toBe(0);
    const imports: { to: string; id: string }[] = JSON.parse(
      readFileSync(join(multi, "adopt-imports.tf.json"), "utf8"),
    ).import;
    expect(imports.map((block) => block.to)).toEqual([
      'aws_sagemaker_user_profile.member_research["forecasting/bob@contoso.com"]',
      'aws_sagemaker_user_profile.member_production["fraud/judy@contoso.com"]',
    ]);
    // ... and the contract in docs/addresses.md: block `member`, `_<account>` in a workload account, key <team>/<user>
    const contract = readFileSync(join(__dirname, "..", "..", "..", "docs", "addresses.md"), "utf8");
    expect(contract).toMatch(/^\| `aws_sagemaker_user_profile\.member` +\| `<team>\/<user>` +\|/m);
    expect(contract).toContain("carry the account key as a suffix (`_<account>`)");
    const stack = synthJson(config);
    for (const { to, id } of imports) {
      const { type, name, key } = parseAddress(to);
      expect(Object.keys(stack.resource[type]![name]!.for_each)).toContain(key);
      // the import id of a profile is its ARN, in the account of the team
      expect(id).toMatch(/^arn:aws:sagemaker:eu-west-1:\d{12}:user-profile\/d-[a-z0-9]+\/[a-z0-9-]+$/);
    }
  });

  test("removes a stale imports file and says so when there is nothing to adopt", async () => {
    // GIVEN only Terraform's profiles, and a file from an earlier run
    const domain = forecasting();
    domain.profiles = domain.profiles.slice(0, 1);
    fakeStudio(sagemaker, [domain]);
    const file = join(stackDir, "adopt-imports.tf.json");
    writeFileSync(file, '{"import":[]}');
    // WHEN
    const result = await run(["--team", "forecasting"]);
    // THEN
    expect(result.out()).toContain("No profile to import.");
    expect(existsSync(file)).toBe(false);
  });

  test("skips a team whose domain does not exist yet", async () => {
    // GIVEN no domain at all
    fakeStudio(sagemaker, []);
    // WHEN
    const result = await run(["--team", "fraud"]);
    // THEN
    expect(result.code).toBe(0);
    expect(result.out()).toContain("fraud: domain contoso-ml-fraud does not exist yet, nothing to adopt");
  });

  test("fails before any AWS call when the stack is not synthesized", async () => {
    // GIVEN
    rmSync(join(stackDir, "cdk.tf.json"));
    fakeStudio(sagemaker, [forecasting()]);
    // WHEN
    const result = await run([]);
    // THEN
    expect(result.code).toBe(1);
    expect(result.err()).toBe(`${stackDir}/cdk.tf.json is missing: run \`npx cdktf synth\` first, then npm run adopt`);
    expect(sagemaker.calls()).toHaveLength(0);
  });

  test("GIVEN an imported domain with spaces and a running app made before the import WHEN adopted THEN each is listed with who reaches it and how to stop the app", async () => {
    // GIVEN forecasting's domain imported, with a shared space, a member's and a stranger's private space
    const config = join(out, "imported.yaml");
    writeFileSync(
      config,
      readFileSync("examples/contoso.yaml", "utf8").replace(
        "    group: ml-forecasting\n",
        "    group: ml-forecasting\n    import: { domainId: d-forecast01 }\n",
      ),
    );
    const domain: FakeDomain = forecasting();
    domain.spaces = [
      { spaceName: "team-board", owner: "alice", sharing: "Shared", ebsGb: 50, status: "InService" },
      { spaceName: "alice-notebooks", owner: "alice", sharing: "Private", ebsGb: 5, status: "InService" },
      { spaceName: "old-lab", owner: "zed", sharing: "Private", ebsGb: 5, status: "InService", remoteAccess: true },
    ];
    domain.apps = [{ appType: "JupyterLab", appName: "default", status: "InService", spaceName: "team-board" }];
    fakeStudio(sagemaker, [domain]);
    // WHEN
    const result = await run(["--team", "forecasting", "--config", config]);
    // THEN
    const out_ = result.out();
    expect(out_).toContain(
      "forecasting: the imported domain d-forecast01 holds 3 space(s) and 1 running app(s) made before the import",
    );
    expect(out_).toContain("  - shared space team-board: every member whose persona opens Studio may start apps in it");
    expect(out_).toContain("  - private space alice-notebooks: only its owner alice, a member, reaches it");
    expect(out_).toContain(
      "  - private space old-lab: its owner zed is not a member of the config: nobody the stack manages reaches it; delete it, or add the person; remote access ENABLED",
    );
    expect(out_).toContain(
      "keeps the role it started with until it stops: aws sagemaker delete-app --domain-id d-forecast01 --space-name team-board --app-type JupyterLab --app-name default",
    );
    expect(sentCommands(sagemaker).filter((c) => /^(Create|Delete|Update)/.test(c))).toEqual([]);
  });

  test("fails on an unknown team with the teams to choose from", async () => {
    // WHEN
    const result = await run(["--team", "nlp"]);
    // THEN
    expect(result.code).toBe(1);
    expect(result.err()).toBe(
      "there is no team nlp in examples/contoso.yaml: use one of forecasting, fraud, recommendations",
    );
  });
});
