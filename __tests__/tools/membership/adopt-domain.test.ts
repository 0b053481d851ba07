import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DescribeDomainResponse } from "@aws-sdk/client-sagemaker";
import { mockClient } from "aws-sdk-client-mock";
import { stringify } from "yaml";
import { adopt } from "../../../tools/membership/adopt";
import { compareDomain } from "../../../tools/membership/adopt-domain";
import { exampleData, loadData } from "../../helpers";
import { consoleDomain } from "./console-domain";
import { emptyForecastingDomain, fakeStudio, recordingIo, SageMakerClient, sentCommands } from "./studio-fake";

const sagemaker = mockClient(SageMakerClient);

/** The Contoso example with forecasting importing domain d-forecast01. */
function importingData() {
  const data = exampleData("contoso");
  data.teams.forecasting.import = { domainId: "d-forecast01" };
  return data;
}

/** What the console made for forecasting: the config's name, VPC, subnets and key, with the console's defaults. */
function consoleForecasting() {
  const { aws } = importingData();
  return consoleDomain({
    domainId: "d-forecast01",
    domainName: "contoso-ml-forecasting",
    accountId: aws.accountId,
    region: aws.region,
    vpcId: aws.network.vpcId,
    subnetIds: aws.network.subnetIds,
    securityGroupIds: aws.network.securityGroupIds,
    kmsKeyId: aws.kmsKeyArn,
  });
}

function compare(described: ReturnType<typeof consoleDomain>) {
  const config = loadData(importingData());
  const team = config.teams.forecasting!;
  return compareDomain(described, team, config.accounts[team.account]!, config.roles[team.sharedSpaceRoleKey]!.roleArn);
}

describe("the comparison of an adopted domain with the config", () => {
  test("GIVEN a console domain on the config's network THEN only its missing domain security groups would replace it", () => {
    const { replacing, kept } = compare(consoleForecasting());
    expect(replacing).toHaveLength(1);
    expect(replacing[0]).toMatch(
      /^the domain's security groups \(domain settings\): the domain has none, the config `sg-/,
    );
    // The fix is SageMaker's own in-place update, which the provider does not use.
    expect(replacing[0]).toContain(
      `aws sagemaker update-domain --domain-id d-forecast01 --domain-settings-for-update '{"SecurityGroupIds":["sg-0a1b2c3d4e5f60721"]}'`,
    );
    // What the stack never updates: the identity switch (private prefixes rely on it) and the console's role.
    expect(kept.join("\n")).toContain("execution role identity is `DISABLED`");
    expect(kept.join("\n")).toContain("AmazonSageMaker-ExecutionRole-20250114T101010");
  });

  test.each<[string, Partial<DescribeDomainResponse>, string]>([
    ["name", { DomainName: "forecasting-studio" }, "teams.forecasting.domainName"],
    ["authentication", { AuthMode: "IAM" }, "Only an IAM Identity Center domain can be adopted"],
    ["VPC", { VpcId: "vpc-0fffffffffffffff0" }, "aws.network matches"],
    ["subnets", { SubnetIds: ["subnet-0fffffffffffffff1"] }, "aws.network matches"],
    ["KMS key of the home file system", { KmsKeyId: undefined }, "set aws.kmsKeyArn to the domain's key"],
  ])("fails the comparison on the %s, which the provider cannot change without a new domain", (what, change, fix) => {
    // GIVEN a console domain whose security groups were already set, differing in one more setting
    const described = { ...consoleForecasting(), ...change };
    described.DomainSettings = { ...described.DomainSettings, SecurityGroupIds: ["sg-0a1b2c3d4e5f60721"] };
    // WHEN
    const { replacing } = compare(described);
    // THEN exactly that one, with its fix
    expect(replacing).toHaveLength(1);
    expect(replacing[0]).toMatch(new RegExp(`^${what.replace(/[()]/g, "\\$&")}: the domain has `));
    expect(replacing[0]).toContain(fix);
  });
});

describe("npm run adopt for a team that imports a domain", () => {
  let out: string;
  let configFile: string;
  beforeEach(() => {
    sagemaker.reset();
    out = mkdtempSync(join(tmpdir(), "adopt-domain-"));
    mkdirSync(join(out, "stacks", "contoso-ml"), { recursive: true });
    writeFileSync(join(out, "stacks", "contoso-ml", "cdk.tf.json"), "{}");
    configFile = join(out, "platform.yaml");
    writeFileSync(configFile, stringify(importingData()));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  async function run(describe: object, apps = emptyForecastingDomain().apps) {
    fakeStudio(sagemaker, [{ ...emptyForecastingDomain(), describe, apps }]);
    const recording = recordingIo({ CDKTF_OUTDIR: out });
    const code = await adopt(["--team", "forecasting", "--config", configFile], recording.io);
    return { code, ...recording };
  }

  test("fails before any plan on a console domain, saying what would replace it and which apps run now", async () => {
    // WHEN
    const result = await run(consoleForecasting(), [
      { appType: "JupyterLab", appName: "default", status: "InService", spaceName: "bob-space" },
      { appType: "JupyterLab", appName: "old", status: "Deleted", spaceName: "eve-space" },
    ]);
    // THEN
    expect(result.code).toBe(1);
    expect(result.out()).toContain("The import would REPLACE the domain");
    expect(result.out()).toContain(
      "running app JupyterLab default in space bob-space keeps the role it started with until it stops",
    );
    expect(result.out()).not.toContain("eve-space");
    expect(result.out()).toContain("Nothing written");
    expect(existsSync(join(out, "stacks", "contoso-ml", "adopt-imports.tf.json"))).toBe(false);
    // only read
    expect(sentCommands(sagemaker).filter((c) => /^(Create|Delete|Update)/.test(c))).toEqual([]);
  });

  test("fails on a domain id that names no domain, with the config path", async () => {
    // GIVEN no domain d-forecast01 in the account
    fakeStudio(sagemaker, []);
    const recording = recordingIo({ CDKTF_OUTDIR: out });
    // WHEN
    const code = await adopt(["--team", "forecasting", "--config", configFile], recording.io);
    // THEN
    expect(code).toBe(1);
    expect(recording.err()).toBe(
      "teams.forecasting.import.domainId: there is no domain d-forecast01 in account 111122223333: correct the id (aws sagemaker list-domains)",
    );
  });

  test("goes on to the profiles once the domain's security groups match, listing what stays the domain's", async () => {
    // GIVEN the fix the first run printed
    const described = consoleForecasting();
    described.DomainSettings = { ...described.DomainSettings, SecurityGroupIds: ["sg-0a1b2c3d4e5f60721"] };
    // WHEN
    const result = await run(described);
    // THEN
    expect(result.code).toBe(0);
    expect(result.out()).not.toContain("REPLACE");
    expect(result.out()).toContain("Kept from the domain");
    expect(result.out()).toContain("forecasting: 0 profile(s) created outside Terraform");
  });
});
