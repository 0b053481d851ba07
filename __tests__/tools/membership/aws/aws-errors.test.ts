import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromIni } from "@aws-sdk/credential-providers";
import { loadConfigFile } from "../../../../config/load";
import { explainAwsError } from "../../../../tools/membership/aws/aws-errors";
import { clientsFor } from "../../../../tools/membership/aws/clients";
import { Studio } from "../../../../tools/membership/aws/studio-client";
import { offboard } from "../../../../tools/membership/offboard";
import { recordingIo } from "../studio-fake";
import { FAKE_CREDENTIALS, fakeEndpoint, refusal, type FakeAnswer, type FakeEndpoint } from "./fake-endpoint";

const ROOT = join(__dirname, "..", "..", "..", "..");
const FORECASTING = { DomainId: "d-forecast01", DomainName: "contoso-ml-forecasting" };
const identityCenter = () => loadConfigFile(join(ROOT, "examples/contoso.yaml")).accounts["identity-center"]!;

/** Runs `npm run offboard -- bob@contoso.com` in process, its SageMaker calls sent to `endpoint`. */
async function offboardBob(endpoint: string) {
  const recording = recordingIo();
  const io = {
    ...recording.io,
    clients: (account: any, session: string) =>
      clientsFor(account, session, { endpoint, credentials: FAKE_CREDENTIALS }),
  };
  const code = await offboard(["bob@contoso.com"], io);
  return { code, err: recording.err() };
}

/** Every failure: exit 1, one line on stderr, no stack trace. */
function expectOneLine(result: { code: number; err: string }, text: string) {
  expect(result.code).toBe(1);
  expect(result.err).toContain(text);
  expect(result.err.split("\n")).toHaveLength(1);
}

describe("the AWS tools' calls through the SDK's own retries", () => {
  let endpoint: FakeEndpoint | undefined;
  beforeEach(() => {
    // The SDK's backoff is a random share of its ceiling: none, so that no test waits.
    jest.spyOn(Math, "random").mockReturnValue(0);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await endpoint?.close();
    endpoint = undefined;
  });
  const serve = async (answer: (operation: string, earlier: number) => FakeAnswer) => {
    endpoint = await fakeEndpoint(answer);
    return endpoint;
  };

  test.each([
    ["the first two ListDomains calls", 2],
    ["four calls in a row, more than the SDK's default three attempts cover", 4],
  ])(
    "GIVEN SageMaker throttles %s WHEN a domain is looked up THEN the client retries and finds it",
    async (_, throttled) => {
      // GIVEN
      const fake = await serve((_, earlier) =>
        earlier < throttled
          ? refusal("ThrottlingException", "Rate exceeded")
          : { status: 200, body: { Domains: [FORECASTING] } },
      );
      const { sagemaker } = clientsFor(identityCenter(), "test", { endpoint: fake.url, credentials: FAKE_CREDENTIALS });
      // WHEN
      const id = await new Studio(sagemaker, { sleep: async () => {} }).domainId("contoso-ml-forecasting");
      // THEN
      expect(id).toBe("d-forecast01");
      expect(fake.calls).toEqual(Array(throttled + 1).fill("ListDomains"));
    },
  );

  test("fails with one line when AWS still throttles after every attempt, saying to run again later", async () => {
    // GIVEN SageMaker throttles every call
    const fake = await serve(() => refusal("ThrottlingException", "Rate exceeded"));
    // WHEN
    const result = await offboardBob(fake.url);
    // THEN
    expectOneLine(
      result,
      `AWS still throttles after ${fake.calls.length} attempts (ThrottlingException): wait a few minutes and run the command again`,
    );
    expect(fake.calls.length).toBeGreaterThan(3);
  });

  test("fails on access denied with AWS's error code and the permissions to ask for", async () => {
    // GIVEN credentials without SageMaker permissions
    const fake = await serve(() =>
      refusal("AccessDeniedException", "User: x is not authorized\nto perform sagemaker:ListDomains"),
    );
    // WHEN
    const result = await offboardBob(fake.url);
    // THEN
    expectOneLine(
      result,
      "AWS refused with AccessDeniedException (User: x is not authorized to perform sagemaker:ListDomains): run with credentials allowed to use SageMaker",
    );
    expect(fake.calls).toEqual(["ListDomains"]);
  });

  test("fails on any other refusal with the service's error code and message", async () => {
    // GIVEN SageMaker rejects the request itself
    const fake = await serve(() => refusal("ValidationException", "1 validation error detected"));
    // WHEN
    const result = await offboardBob(fake.url);
    // THEN
    expectOneLine(result, "AWS refused with ValidationException (1 validation error detected): correct what it names");
  });

  test("fails on a fault of AWS's own after the retries, saying to run again later", async () => {
    // GIVEN SageMaker fails on its side every time
    const fake = await serve(() => refusal("InternalFailure", "We encountered an internal error", 500));
    // WHEN
    const result = await offboardBob(fake.url);
    // THEN
    expectOneLine(
      result,
      `AWS failed with InternalFailure (We encountered an internal error) after ${fake.calls.length} attempts: run the command again later`,
    );
    expect(fake.calls.length).toBeGreaterThan(1);
  });
});

describe("the AWS tools' credential errors", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "aws-errors-"));
    writeFileSync(join(dir, "config"), "[default]\nregion = eu-west-1\n\n[profile  ml-admin ]\nregion = eu-west-1\n");
    writeFileSync(join(dir, "credentials"), "[ci]\naws_access_key_id = AKIDEXAMPLE\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The real entry point, as npm runs it, with only `env` for AWS and a home without AWS files. */
  function offboardWithout(env: NodeJS.ProcessEnv) {
    return spawnSync(process.execPath, ["--import", "tsx", "tools/membership/offboard.ts", "bob@contoso.com"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        FEDERATION_CONFIG: "",
        // The instance metadata service is the chain's last resort: not on this machine.
        AWS_EC2_METADATA_DISABLED: "true",
        ...env,
      },
      encoding: "utf8",
    });
  }

  test("fails without credentials with one line saying how to provide them, and no notice about Node versions", () => {
    // WHEN
    const run = offboardWithout({});
    // THEN
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "no AWS credentials found: set AWS_PROFILE (after `aws sso login`) or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY for the Identity Center account, then run again\n",
    );
  });

  test("fails when AWS cannot be reached, naming the network and not AWS", async () => {
    // GIVEN credentials, and a SageMaker endpoint on a port nothing listens on (a child process: jest's sandbox
    // hides Node's network errors from the SDK)
    const port = await freePort();
    // WHEN
    const run = offboardWithout({
      AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
      AWS_SECRET_ACCESS_KEY: "fake-secret",
      AWS_ENDPOINT_URL_SAGEMAKER: `http://127.0.0.1:${port}`,
    });
    // THEN
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^cannot reach AWS \\(connect ECONNREFUSED 127\\.0\\.0\\.1:${port}, after \\d+ attempts\\): check this machine's network connection, VPN or firewall, then run again\n$`,
      ),
    );
  });

  test("fails on an AWS_PROFILE that no file defines, naming it and how to create it", () => {
    // WHEN
    const run = offboardWithout({ AWS_PROFILE: "ml-admn", AWS_CONFIG_FILE: join(dir, "config") });
    // THEN
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "AWS profile ml-admn (AWS_PROFILE) is in neither ~/.aws/config nor ~/.aws/credentials: correct AWS_PROFILE, or create the profile (`aws configure sso --profile ml-admn`), then run again\n",
    );
  });

  test.each([
    ["a [profile <name>] section of the config file", "ml-admin"],
    ["the [default] section of the config file", "default"],
    ["a section of the credentials file", "ci"],
  ])(
    "GIVEN a profile defined in %s WHEN it yields no credentials THEN the error is about credentials, not the profile",
    async (_, profile) => {
      // GIVEN the SDK's own error for that profile
      const files = { configFilepath: join(dir, "config"), filepath: join(dir, "credentials") };
      const error = await fromIni({ profile, ...files })().then(
        () => undefined,
        (failure: unknown) => failure,
      );
      // WHEN
      const line = explainAwsError(error, {
        AWS_PROFILE: profile,
        AWS_CONFIG_FILE: files.configFilepath,
        AWS_SHARED_CREDENTIALS_FILE: files.filepath,
      });
      // THEN
      expect(line).toMatch(/^no AWS credentials found: /);
    },
  );

  test("fails on credentials that expired with the command that renews them", () => {
    // GIVEN the SDK's SSO provider's answer for an ended session
    const error = Object.assign(new Error("The SSO session associated with this profile has expired"), {
      name: "CredentialsProviderError",
    });
    // WHEN
    const line = explainAwsError(error, {});
    // THEN
    expect(line).toBe("the AWS credentials have expired: refresh them (`aws sso login`) and run again");
  });

  test("leaves an error that did not come from AWS to the common handling", () => {
    // WHEN
    const line = explainAwsError(new TypeError("x is undefined"), {});
    // THEN
    expect(line).toBeUndefined();
  });
});

/** A port that was free a moment ago: connecting to it is refused. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
