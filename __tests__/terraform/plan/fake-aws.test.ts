import { spawnSync } from "node:child_process";
import path from "node:path";
import { startFakeAws, type FakeAws, type Fixture } from "./fake-aws";

const fixture: Fixture = {
  groups: [
    { GroupId: "0123456789-aaaa", DisplayName: "ml-forecasting", Description: "Forecasting", members: ["alice@x.io"] },
    { GroupId: "0123456789-bbbb", DisplayName: "ml-fraud", Description: "Fraud", members: [] },
  ],
  users: [],
};

/** One AWS JSON 1.1 call, as the provider makes it. */
async function call(fake: FakeAws, target: string, body: object) {
  const response = await fetch(fake.url, {
    method: "POST",
    headers: { "x-amz-target": target, "content-type": "application/x-amz-json-1.1" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("fake AWS API", () => {
  let fake: FakeAws;
  beforeAll(async () => {
    fake = await startFakeAws({ fixture });
  });
  afterAll(() => fake.close());

  test("answers a filtered ListGroups with the matching group only, without its members", async () => {
    // WHEN
    const answer = await call(fake, "AWSIdentityStore.ListGroups", {
      IdentityStoreId: "d-9067a1b2c3",
      Filters: [{ AttributePath: "DisplayName", AttributeValue: "ml-fraud" }],
    });
    // THEN
    expect(answer.status).toBe(200);
    expect(answer.body.Groups).toEqual([
      { GroupId: "0123456789-bbbb", DisplayName: "ml-fraud", Description: "Fraud", IdentityStoreId: "d-9067a1b2c3" },
    ]);
  });

  test("fails a lookup of a group it does not hold with ResourceNotFoundException", async () => {
    // WHEN
    const answer = await call(fake, "AWSIdentityStore.GetGroupId", {
      IdentityStoreId: "d-9067a1b2c3",
      AlternateIdentifier: { UniqueAttribute: { AttributePath: "DisplayName", AttributeValue: "ml-nobody" } },
    });
    // THEN
    expect(answer.status).toBe(400);
    expect(answer.body.__type).toBe("ResourceNotFoundException");
  });

  test("fails an operation it does not fake, and records it as unexpected", async () => {
    // WHEN
    const answer = await call(fake, "SWBExternalService.ListPermissionSets", {});
    // THEN
    expect(answer.status).toBe(400);
    expect(fake.unexpected).toContain("SWBExternalService.ListPermissionSets");
  });

  test("answers STS GetCallerIdentity with the account its access key names", async () => {
    // GIVEN a request signed with the access key of account 111122223333
    const authorization = "AWS4-HMAC-SHA256 Credential=FAKE111122223333/20260105/eu-west-1/sts/aws4_request";
    // WHEN
    const response = await fetch(fake.url, {
      method: "POST",
      headers: { authorization, "content-type": "application/x-www-form-urlencoded" },
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    });
    // THEN
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<Account>111122223333</Account>");
  });
});

describe("fake AWS API lifetime", () => {
  test("stops answering once closed", async () => {
    // GIVEN a fake that has answered
    const fake = await startFakeAws({ fixture });
    expect((await call(fake, "SWBExternalService.ListInstances", {})).status).toBe(200);
    // WHEN
    await fake.close();
    // THEN
    await expect(fetch(fake.url, { method: "POST" })).rejects.toThrow();
  });

  test("never keeps its process alive: a run that ends without closing it still exits", () => {
    // GIVEN a process that starts the fake and never closes it
    const script = `require(${JSON.stringify(path.join(__dirname, "fake-aws.ts"))}).startFakeAws({ fixture: { groups: [], users: [] } }).then(() => console.log("started"));`;
    // WHEN
    const child = spawnSync(process.execPath, ["--import", "tsx", "-e", script], {
      encoding: "utf8",
      // Bounds the test, not the fake: a fake that kept the process alive is stopped here, and the test fails.
      timeout: 100_000,
    });
    // THEN it exits by itself, having started the fake
    expect(child.stdout.trim()).toBe("started");
    expect(child.signal).toBeNull();
    expect(child.status).toBe(0);
  }, 120_000); // Starting node with tsx on a loaded 2-core machine takes seconds: generous, and longer than the bound above.
});
