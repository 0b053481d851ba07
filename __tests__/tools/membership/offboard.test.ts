import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CopyObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { DescribeAppCommand, ListDomainsCommand } from "@aws-sdk/client-sagemaker";
// The STS client the SDK's credential providers use to assume a role.
import { AssumeRoleCommand, STSClient } from "@aws-sdk/nested-clients/sts";
import { mockClient } from "aws-sdk-client-mock";
import { offboard } from "../../../tools/membership/offboard";
import {
  emptyForecastingDomain,
  fakeStudio,
  recordingIo,
  SageMakerClient,
  sentCommands,
  type FakeDomain,
} from "./studio-fake";

const ROOT = join(__dirname, "..", "..", "..");
const sagemaker = mockClient(SageMakerClient);
const s3 = mockClient(S3Client);
const sts = mockClient(STSClient);

/** alice (forecasting) has a Studio Classic app, a private space with an app, and owns a shared space. */
function forecasting(): FakeDomain {
  return {
    ...emptyForecastingDomain(),
    profiles: [
      { name: "alice", userName: "alice@contoso.com", uid: "200001" },
      { name: "bob", userName: "bob@contoso.com", uid: "200002" },
    ],
    apps: [
      { appType: "KernelGateway", appName: "datascience-1-0", status: "InService", userProfileName: "alice" },
      { appType: "JupyterServer", appName: "default", status: "Deleted", userProfileName: "alice" },
      { appType: "JupyterLab", appName: "default", status: "InService", spaceName: "alice-notebooks" },
      { appType: "CodeEditor", appName: "default", status: "Pending", spaceName: "alice-notebooks" },
      { appType: "JupyterLab", appName: "default", status: "InService", spaceName: "bob-space" },
      { appType: "JupyterLab", appName: "default", status: "InService", spaceName: "team-board" },
    ],
    spaces: [
      { spaceName: "alice-notebooks", owner: "alice", sharing: "Private", ebsGb: 25, status: "InService" },
      { spaceName: "team-board", owner: "alice", sharing: "Shared", ebsGb: 50, status: "InService" },
      { spaceName: "bob-space", owner: "bob", sharing: "Private", ebsGb: 5, status: "InService" },
    ],
  };
}

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const recording = recordingIo(env);
  return offboard(args, recording.io).then((code) => ({ code, ...recording }));
}

const deletions = (commands: string[]) => commands.filter((c) => /^Delete/.test(c));

describe("npm run offboard", () => {
  let domain: FakeDomain;
  beforeEach(() => {
    sagemaker.reset();
    s3.reset();
    sts.reset();
    domain = forecasting();
    fakeStudio(sagemaker, [domain]);
  });

  test("dry run lists the apps, private spaces and storage, and changes nothing", async () => {
    // WHEN
    const result = await run(["alice@contoso.com", "--team", "forecasting"]);
    // THEN
    expect(result.code).toBe(0);
    const out = result.out();
    expect(out).toContain("profile alice in domain contoso-ml-forecasting (d-forecast01)");
    expect(out).toContain("Home directory: EFS file system fs-0123456789abcdef0, POSIX uid 200001");
    expect(out).toContain("KernelGateway datascience-1-0 of the profile (Studio Classic): InService");
    expect(out).toContain("JupyterLab default in space alice-notebooks: InService");
    expect(out).toContain("CodeEditor default in space alice-notebooks: Pending");
    expect(out).toContain("alice-notebooks: 25 GB EBS, InService");
    expect(out).toContain("team-board: 50 GB EBS");
    // the Deleted app and bob's space are not alice's to lose
    expect(out).not.toContain("JupyterServer");
    expect(out).not.toContain("bob-space");
    expect(out).toContain(
      "Dry run: nothing was deleted. 3 app(s) and 1 private space(s) would be deleted with --apply.",
    );
    expect(deletions(sentCommands(sagemaker))).toEqual([]);
  });

  test("GIVEN a shared space of the leaver with remote access on WHEN offboarded THEN its app is stopped too (remote IDE sessions live in it), the space kept", async () => {
    domain.spaces[1]!.remoteAccess = true;
    const result = await run(["alice@contoso.com", "--team", "forecasting", "--apply"]);
    expect(result.code).toBe(0);
    expect(result.out()).toContain("team-board: 50 GB EBS, InService (remote access ENABLED");
    expect(deletions(sentCommands(sagemaker))).toContain("DeleteApp default");
    expect(domain.apps.find((app) => app.spaceName === "team-board")!.status).toBe("Deleted");
    expect(domain.spaces.map((space) => space.spaceName)).toContain("team-board");
  });

  test("--apply deletes the apps, waits until each is Deleted, then deletes the private space and waits", async () => {
    // WHEN
    const result = await run(["alice@contoso.com", "--team", "forecasting", "--apply"]);
    // THEN the fake refuses a space with live apps, so success already proves the order; the calls show the waits
    expect(result.err()).toBe("");
    expect(result.code).toBe(0);
    const commands = sentCommands(sagemaker).filter((c) => /^(Delete|DescribeApp|DescribeSpace)/.test(c));
    expect(commands).toEqual([
      "DeleteApp datascience-1-0",
      "DescribeApp datascience-1-0",
      "DescribeApp datascience-1-0",
      "DeleteApp default",
      "DescribeApp default",
      "DescribeApp default",
      "DeleteApp default",
      "DescribeApp default",
      "DescribeApp default",
      "DeleteSpace alice-notebooks",
      "DescribeSpace alice-notebooks",
      "DescribeSpace alice-notebooks",
    ]);
    expect(domain.spaces.map((s) => s.spaceName)).toEqual(["team-board", "bob-space"]);
    expect(domain.apps.filter((a) => a.status !== "Deleted").map((a) => a.spaceName)).toEqual([
      "bob-space",
      "team-board",
    ]);
    // one poll interval slept per Deleting answer, none real
    expect(result.sleeps).toEqual([1000, 1000, 1000, 1000]);
    expect(result.out()).toContain(
      'Now apply the change that removes alice@contoso.com: Terraform deletes aws_sagemaker_user_profile.member["forecasting/alice@contoso.com"].',
    );
    expect(result.out()).toContain("The profile still owns 1 shared space(s)");
  });

  test("--backup copies the workspace files and writes the inventory where it says", async () => {
    // GIVEN two files under users/alice/, one too large for a single copy
    s3.on(ListObjectsV2Command).resolves({
      Contents: [
        { Key: "users/alice/notes/readme 1.md", Size: 120 },
        { Key: "users/alice/model.bin", Size: 6 * 1024 ** 3 },
      ],
    });
    s3.on(CopyObjectCommand).resolves({});
    s3.on(PutObjectCommand).resolves({});
    // WHEN
    const result = await run([
      "alice@contoso.com",
      "--team",
      "forecasting",
      "--backup",
      "s3://contoso-backups/leavers",
    ]);
    // THEN
    expect(result.code).toBe(0);
    expect(s3.commandCalls(ListObjectsV2Command)[0]!.args[0].input).toMatchObject({
      Bucket: "contoso-forecasting-workspace",
      Prefix: "users/alice/",
    });
    const copies = s3.commandCalls(CopyObjectCommand).map((call) => call.args[0].input);
    expect(copies).toEqual([
      {
        Bucket: "contoso-backups",
        Key: "leavers/forecasting/alice/workspace/notes/readme 1.md",
        CopySource: "contoso-forecasting-workspace/users/alice/notes/readme%201.md",
      },
    ]);
    const put = s3.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect([put.Bucket, put.Key]).toEqual(["contoso-backups", "leavers/forecasting/alice/inventory.json"]);
    const record = JSON.parse(String(put.Body));
    expect(record.copied.workspaceFiles.objects).toBe(1);
    expect(record.notCopied.workspaceObjectsOver5GB).toEqual([
      "s3://contoso-forecasting-workspace/users/alice/model.bin",
    ]);
    expect(record.notCopied.homeDirectory).toMatchObject({ efsFileSystemId: "fs-0123456789abcdef0", uid: "200001" });
    expect(record.notCopied.privateSpaces.map((s: { name: string; ebsGb: number }) => [s.name, s.ebsGb])).toEqual([
      ["alice-notebooks", 25],
    ]);
    expect(result.out()).toContain("Backup in s3://contoso-backups/leavers/forecasting/alice/:");
    expect(result.out()).toContain(
      "wrote the inventory and how to save the rest to s3://contoso-backups/leavers/forecasting/alice/inventory.json",
    );
    expect(result.out()).toContain(
      "NOT copied (over 5 GB, copy it with aws s3 cp): s3://contoso-forecasting-workspace/users/alice/model.bin",
    );
    // a backup alone deletes nothing
    expect(deletions(sentCommands(sagemaker))).toEqual([]);
  });

  test("assumes the workload account's role and uses its region", async () => {
    // GIVEN judy's team lives in the production account of the multi-account example
    sagemaker.reset();
    fakeStudio(sagemaker, [
      {
        ...forecasting(),
        id: "d-fraud01",
        name: "contoso-org-fraud",
        profiles: [{ name: "judy", userName: "judy@contoso.com", uid: "200009" }],
      },
    ]);
    sts.on(AssumeRoleCommand).resolves({
      Credentials: {
        AccessKeyId: "AKIA",
        SecretAccessKey: "secret",
        SessionToken: "token",
        Expiration: new Date(Date.now() + 3_600_000),
      },
    });
    // WHEN
    const result = await run(["judy@contoso.com", "--config", "examples/contoso-multi-account.yaml"]);
    // THEN the client the command used signs with the assumed role's credentials (the mock skips signing, so
    // they are resolved here as the SDK would)
    expect(result.err()).toBe("");
    const client = sagemaker.call(0).thisValue as SageMakerClient;
    expect(await client.config.region()).toBe("eu-west-1");
    expect(await client.config.credentials()).toMatchObject({ accessKeyId: "AKIA", sessionToken: "token" });
    expect(sts.commandCalls(AssumeRoleCommand)[0]!.args[0].input).toMatchObject({
      RoleArn: "arn:aws:iam::777788889999:role/sagemaker-federation-deployer",
      RoleSessionName: "sagemaker-federation-offboard",
    });
    expect(result.out()).toContain('aws_sagemaker_user_profile.member_production["fraud/judy@contoso.com"]');
  });

  test("finds someone the branch already removed in the deployed config (--base)", async () => {
    // GIVEN a branch config without bob
    const dir = mkdtempSync(join(tmpdir(), "offboard-"));
    const head = join(dir, "head.yaml");
    writeFileSync(
      head,
      readFileSync(join(ROOT, "examples/contoso.yaml"), "utf8").replace("      bob@contoso.com: mlops\n", ""),
    );
    try {
      // WHEN
      const without = await run(["bob@contoso.com", "--config", head]);
      const withBase = await run(["bob@contoso.com", "--config", head, "--base", "examples/contoso.yaml"]);
      // THEN
      expect(without.code).toBe(1);
      expect(without.err()).toContain("pass --base origin/main (the deployed config)");
      expect(withBase.code).toBe(0);
      expect(withBase.out()).toContain("profile bob in domain contoso-ml-forecasting");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("says there is nothing to do when the profile is already gone", async () => {
    // GIVEN erin's profile was never created
    // WHEN
    const result = await run(["erin.lee@contoso.com"]);
    // THEN
    expect(result.code).toBe(0);
    expect(result.out()).toBe(
      "erin.lee@contoso.com has no profile erin-lee in contoso-ml-forecasting: nothing to offboard (already deleted, or never created).",
    );
  });
});

describe("npm run offboard errors", () => {
  beforeEach(() => {
    sagemaker.reset();
    fakeStudio(sagemaker, [forecasting()]);
  });

  /** Every failure: exit 1, one line on stderr, no stack trace. */
  function expectOneLineError(result: { code: number; err: () => string }, text: string) {
    expect(result.code).toBe(1);
    expect(result.err()).toContain(text);
    expect(result.err().split("\n")).toHaveLength(1);
    expect(result.err()).not.toMatch(/^\s+at /m);
  }

  test.each([
    [
      "fails on an unknown user, suggesting the spelling in the config",
      ["Alice@Contoso.com"],
      "Alice@Contoso.com is not a member of any team in examples/contoso.yaml; did you mean alice@contoso.com?",
    ],
    [
      "fails on an unknown user with the fix",
      ["zed@contoso.com"],
      "zed@contoso.com is not a member of any team in examples/contoso.yaml: check the spelling",
    ],
    [
      "fails on a user in two teams without --team",
      ["alice@contoso.com"],
      "alice@contoso.com is in 2 teams (forecasting, fraud): add --team <key> to choose the profile",
    ],
    [
      "fails on a team the user is not in",
      ["bob@contoso.com", "--team", "fraud"],
      "bob@contoso.com is not a member of team fraud in examples/contoso.yaml: they are in forecasting; if your branch moved them, pass --base origin/main",
    ],
    [
      "fails on a backup URI that is not s3://",
      ["bob@contoso.com", "--backup", "/tmp/backup"],
      '--backup "/tmp/backup" is not an S3 location: write it as s3://<bucket>/<prefix>',
    ],
  ])("%s, before any AWS call", async (_, args, message) => {
    // WHEN
    const result = await run(args);
    // THEN
    expectOneLineError(result, message);
    expect(sagemaker.calls()).toHaveLength(0);
  });

  test("fails on missing credentials with how to provide them", async () => {
    // GIVEN the default provider chain finds nothing
    sagemaker
      .on(ListDomainsCommand)
      .rejects(
        Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" }),
      );
    // WHEN
    const result = await run(["bob@contoso.com"]);
    // THEN
    expectOneLineError(result, "no AWS credentials found: set AWS_PROFILE (after `aws sso login`)");
  });

  test("fails when the team's domain does not exist in the account", async () => {
    // GIVEN no domain at all
    sagemaker.reset();
    fakeStudio(sagemaker, []);
    // WHEN
    const result = await run(["bob@contoso.com"]);
    // THEN
    expectOneLineError(
      result,
      "no Studio domain contoso-ml-forecasting in account identity-center (111122223333, eu-west-1)",
    );
  });

  test("fails when an app fails to delete, naming it and what to do, and deletes no space", async () => {
    // GIVEN SageMaker reports the app Failed after the delete
    sagemaker.on(DescribeAppCommand).resolves({ Status: "Failed", FailureReason: "image pull error" });
    // WHEN
    const result = await run(["bob@contoso.com", "--apply"]);
    // THEN
    expectOneLineError(
      result,
      "app default failed to delete (image pull error): delete it in the SageMaker console, then run again",
    );
    expect(sentCommands(sagemaker).filter((c) => c.startsWith("DeleteSpace"))).toEqual([]);
  });

  test("fails when a deletion outlasts the wait, saying that running again resumes", async () => {
    // GIVEN an app that stays Deleting
    sagemaker.on(DescribeAppCommand).resolves({ Status: "Deleting" });
    // WHEN
    const result = await run(["bob@contoso.com", "--apply"]);
    // THEN the waits were slept through the injected sleep only (interval 1 s, timeout 10 s)
    expectOneLineError(result, "app default is still not deleted: wait, then run the command again to resume");
    expect(result.sleeps).toEqual(Array(10).fill(1000));
  });

  test("fails on a missing user name with the usage, as a command run by npm", () => {
    // WHEN the real entry point runs (it fails before any AWS call)
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "tools/membership/offboard.ts", "--team", "forecasting"],
      {
        cwd: ROOT,
        env: { ...process.env, FEDERATION_CONFIG: "" },
        encoding: "utf8",
      },
    );
    // THEN
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("give exactly one user name, as written in the config (got 0)");
    expect(run.stderr).toContain("usage: npm run offboard");
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
