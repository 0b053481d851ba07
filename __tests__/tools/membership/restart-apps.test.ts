import { ListDomainsCommand } from "@aws-sdk/client-sagemaker";
import { mockClient } from "aws-sdk-client-mock";
import { restartApps } from "../../../tools/membership/restart-apps";
import { fakeStudio, recordingIo, SageMakerClient, sentCommands, type FakeDomain } from "./studio-fake";

const sagemaker = mockClient(SageMakerClient);

/** ivan (recommendations) has two running apps in his private space, a stopped one, and one in a shared space. */
function recommendations(): FakeDomain {
  return {
    id: "d-recs01",
    name: "contoso-ml-recommendations",
    efsId: "fs-0aaaaaaaaaaaaaaaa",
    profiles: [{ name: "ivan", userName: "ivan@contoso.com", uid: "200005" }],
    apps: [
      { appType: "JupyterLab", appName: "default", status: "InService", spaceName: "ivan-lab" },
      { appType: "CodeEditor", appName: "default", status: "Pending", spaceName: "ivan-lab" },
      { appType: "JupyterLab", appName: "old", status: "Deleted", spaceName: "ivan-lab" },
      { appType: "JupyterLab", appName: "default", status: "InService", spaceName: "recs-shared" },
    ],
    spaces: [
      { spaceName: "ivan-lab", owner: "ivan", sharing: "Private", ebsGb: 10, status: "InService" },
      { spaceName: "recs-shared", owner: "ivan", sharing: "Shared", ebsGb: 10, status: "InService" },
    ],
  };
}

async function run(args: string[]) {
  const recording = recordingIo();
  const code = await restartApps(args, recording.io);
  return { code, ...recording };
}

describe("npm run restart-apps", () => {
  let domain: FakeDomain;
  beforeEach(() => {
    sagemaker.reset();
    domain = recommendations();
    fakeStudio(sagemaker, [domain]);
  });

  test("dry run lists the running apps of the profile's private spaces and stops nothing", async () => {
    // WHEN
    const result = await run(["ivan@contoso.com"]);
    // THEN
    expect(result.code).toBe(0);
    expect(result.out()).toContain("persona mlops (role contoso-ml-recommendations-mlops once applied)");
    expect(result.out()).toContain(
      "Running apps (2):\n  - JupyterLab default in space ivan-lab: InService\n  - CodeEditor default in space ivan-lab: Pending\n",
    );
    expect(result.out()).toContain("Dry run: nothing was stopped. Add --apply to stop 2 app(s)");
    expect(sentCommands(sagemaker).filter((c) => c.startsWith("Delete"))).toEqual([]);
  });

  test("GIVEN a private space with remote access on WHEN listed THEN it says its remote IDE sessions end with its apps, and that the persona may no longer connect", async () => {
    domain.spaces[0]!.remoteAccess = true;
    const result = await run(["ivan@contoso.com"]);
    expect(result.out()).toContain(
      "Space ivan-lab has remote access ENABLED: its remote IDE sessions end when its apps stop, and persona mlops may no longer turn it on or connect.",
    );
  });

  test("--apply stops each running app and waits until it is Deleted, leaving the spaces and shared apps", async () => {
    // WHEN
    const result = await run(["ivan@contoso.com", "--apply"]);
    // THEN
    expect(result.code).toBe(0);
    expect(sentCommands(sagemaker).filter((c) => /^(Delete|DescribeApp)/.test(c))).toEqual([
      "DeleteApp default",
      "DescribeApp default",
      "DescribeApp default",
      "DeleteApp default",
      "DescribeApp default",
      "DescribeApp default",
    ]);
    expect(domain.apps.map((a) => `${a.spaceName}/${a.appType}:${a.status}`)).toEqual([
      "ivan-lab/JupyterLab:Deleted",
      "ivan-lab/CodeEditor:Deleted",
      "ivan-lab/JupyterLab:Deleted",
      "recs-shared/JupyterLab:InService",
    ]);
    expect(domain.spaces).toHaveLength(2);
    expect(result.sleeps).toEqual([1000, 1000]);
  });

  test("says there is nothing to stop when no app runs", async () => {
    // GIVEN every app of ivan's space already stopped
    for (const app of domain.apps) if (app.spaceName === "ivan-lab") app.status = "Deleted";
    // WHEN
    const result = await run(["ivan@contoso.com", "--apply"]);
    // THEN
    expect(result.code).toBe(0);
    expect(result.out()).toContain("Running apps (0):\n  (none)");
    expect(sentCommands(sagemaker).filter((c) => c.startsWith("Delete"))).toEqual([]);
  });

  test("fails on an unknown user with one line and the fix", async () => {
    // WHEN
    const result = await run(["nobody@contoso.com"]);
    // THEN
    expect(result.code).toBe(1);
    expect(result.err()).toBe(
      "nobody@contoso.com is not a member of any team in examples/contoso.yaml: check the spelling, or for someone already removed on your branch pass --base origin/main (the deployed config)",
    );
    expect(sagemaker.calls()).toHaveLength(0);
  });

  test("fails on expired credentials with one line and the fix", async () => {
    // GIVEN an SSO session that has ended
    sagemaker.on(ListDomainsCommand).rejects(
      Object.assign(new Error("The security token included in the request is expired"), {
        name: "ExpiredTokenException",
        $metadata: {},
      }),
    );
    // WHEN
    const result = await run(["ivan@contoso.com"]);
    // THEN
    expect(result.code).toBe(1);
    expect(result.err()).toBe("the AWS credentials have expired: refresh them (`aws sso login`) and run again");
  });
});
