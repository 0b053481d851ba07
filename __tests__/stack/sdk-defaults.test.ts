import { execFileSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv from "ajv";
import { parse } from "yaml";
import { SAGEMAKER_NAME } from "../../config/names";
import type { FederationConfig } from "../../config/types";
import schemaFixture from "../fixtures/sagemaker-sdk-config-schema.json";
import { exampleData, loadData, loadExample, synthJson, type SynthesizedStack } from "../helpers";
import { configValue, synthesizedSdkConfigs, type SdkConfig, type SynthesizedSdkConfig } from "../sdk-configs";

// The SDK's published schema (vendored with its version and source path): what the SDK validates its config
// files against when it loads them. Its `$schema` names draft 2020-12; the keywords it uses are draft-07's too.
const SDK_SCHEMA = Object.fromEntries(
  Object.entries(schemaFixture.schema as Record<string, unknown>).filter(([key]) => key !== "$schema"),
);
const validateSdkConfig = new Ajv({ allErrors: true }).compile(SDK_SCHEMA);

/** Every dotted path of the schema's properties, walked from the schema itself. */
function schemaPaths(node: any, prefix: string[] = [], definitions = (SDK_SCHEMA as any).definitions): string[][] {
  if (node?.$ref) node = definitions[node.$ref.split("/").pop()];
  if (!node?.properties) return [];
  return Object.entries(node.properties).flatMap(([key, child]) => [
    [...prefix, key],
    ...schemaPaths(child, [...prefix, key], definitions),
  ]);
}
const PATHS = schemaPaths(SDK_SCHEMA).map((path) => path.join("."));
const pathsEndingIn = (...keys: string[]) => PATHS.filter((path) => keys.includes(path.split(".").pop()!));
const TAG_PATHS = pathsEndingIn("Tags");
const VPC_PATHS = pathsEndingIn("VpcConfig");
const KEY_PATHS = pathsEndingIn("KmsKeyId", "VolumeKmsKeyId", "S3KmsKeyId");
const ROLE_PATHS = pathsEndingIn("RoleArn", "ExecutionRoleArn");

/** What the config says a role's SDK defaults must hold, read from the config, never from the generator. */
function expectedOf(config: FederationConfig, roleKey: string) {
  const role = config.roles[roleKey]!;
  const team = config.teams[role.team]!;
  const account = config.accounts[team.account]!;
  return { team, account, computeRoleArn: config.roles[team.computeRoleKey]!.roleArn };
}

let contoso: SynthesizedSdkConfig[] | undefined;
/** Contoso's SDK configs, synthesized once for the tests that need one example. */
const contosoSdkConfigs = () => (contoso ??= synthesizedSdkConfigs(synthJson(loadExample("contoso"))));

/** A security group a day-2 edit adds. */
const ADDED_GROUP = "sg-0a1b2c3d4e5f60799";

const EXAMPLES = ["contoso", "contoso-external", "contoso-multi-account", "fabrikam-adoption"];

describe.each(EXAMPLES)("SDK defaults of %s", (example) => {
  let config: FederationConfig;
  let stack: SynthesizedStack;
  let sdkConfigs: SynthesizedSdkConfig[];
  beforeAll(() => {
    // GIVEN the example, WHEN it is synthesized
    config = loadExample(example);
    stack = synthJson(config);
    sdkConfigs = synthesizedSdkConfigs(stack);
  });

  test("THEN every role a person may have, with members or not, has one config for JupyterLab and one for Code Editor", () => {
    const personal = Object.keys(config.roles)
      .filter((key) => config.roles[key]!.persona !== "shared-space")
      .sort();
    for (const app of ["JupyterLab", "CodeEditor"]) {
      const keys = sdkConfigs.filter((sdk) => sdk.appType === app).map((sdk) => sdk.roleKey);
      expect(keys.sort()).toEqual(personal);
    }
  });

  test("THEN every config is tagged with its team and carries the team's workspace bucket and security groups", () => {
    for (const sdk of sdkConfigs) {
      const { team, account } = expectedOf(config, sdk.roleKey);
      const groups = account.network!.securityGroupIds;
      expect(sdk.tags).toEqual({
        "sagemaker-team": team.key,
        "sdk-defaults:workspace-bucket": team.s3Buckets[0],
        ...(groups.length > 0 ? { "sdk-defaults:security-group-ids": groups.join(" ") } : {}),
      });
    }
  });

  test("THEN every profile's JupyterLab and Code Editor start with its persona's config, and may choose only it", () => {
    for (const [name, profile] of Object.entries(stack.resource["aws_sagemaker_user_profile"]!)) {
      const roles = Object.values(profile.for_each as Record<string, { role: string }>).map((value) => value.role);
      for (const [settings, app] of [
        ["jupyter_lab_app_settings", "JupyterLab"],
        ["code_editor_app_settings", "CodeEditor"],
      ] as const) {
        const { lifecycle_config_arns: allowed, default_resource_spec: spec } = profile.user_settings[settings];
        expect(allowed).toEqual([spec.lifecycle_config_arn]);
        const reference = /^\$\{(aws_sagemaker_studio_lifecycle_config\.(\w+))\[each\.value\.role\]\.arn\}$/.exec(
          spec.lifecycle_config_arn,
        );
        expect(reference).not.toBeNull();
        const block = stack.resource["aws_sagemaker_studio_lifecycle_config"]![reference![2]!];
        expect(block.studio_lifecycle_config_app_type).toBe(app);
        // The profile block and the config block are of the same account (same provider).
        expect(block.provider).toBe(profile.provider);
        for (const role of roles) expect(Object.keys(block.for_each)).toContain(role);
      }
      expect(name).toMatch(/^member/);
    }
  });

  test("THEN the domains carry no lifecycle config: domains are never updated in place", () => {
    for (const domain of Object.values(stack.resource["aws_sagemaker_domain"]!))
      expect(JSON.stringify(domain)).not.toContain("lifecycle_config_arn");
  });

  test("THEN every config validates against the SDK's published schema", () => {
    for (const sdk of sdkConfigs) {
      const valid = validateSdkConfig(sdk.config);
      expect({ address: sdk.address, errors: validateSdkConfig.errors ?? null }).toEqual({
        address: sdk.address,
        errors: null,
      });
      expect(valid).toBe(true);
    }
  });

  test("THEN every resource type the schema lets the SDK tag carries the team tag", () => {
    expect(TAG_PATHS.length).toBeGreaterThan(10);
    for (const sdk of sdkConfigs) {
      const { team } = expectedOf(config, sdk.roleKey);
      for (const path of TAG_PATHS)
        expect({ path, tags: configValue(sdk.config, path) }).toEqual({
          path,
          tags: [{ Key: "sagemaker-team", Value: team.key }],
        });
    }
  });

  test("THEN every network setting of the schema holds the account's subnets and security groups", () => {
    for (const sdk of sdkConfigs) {
      const { account } = expectedOf(config, sdk.roleKey);
      for (const path of VPC_PATHS)
        expect({ path, vpc: configValue(sdk.config, path) }).toEqual({
          path,
          vpc: { Subnets: account.network!.subnetIds, SecurityGroupIds: account.network!.securityGroupIds },
        });
      expect(configValue(sdk.config, "SageMaker.PythonSDK.Modules.ModelTrainer.Networking")).toEqual({
        subnets: account.network!.subnetIds,
        security_group_ids: account.network!.securityGroupIds,
      });
    }
  });

  test("THEN every key setting of the schema holds the account's key, and none is set where it has none", () => {
    for (const sdk of sdkConfigs) {
      const { account } = expectedOf(config, sdk.roleKey);
      for (const path of KEY_PATHS)
        expect({ path, key: configValue(sdk.config, path) }).toEqual({ path, key: account.kmsKeyArn });
    }
  });

  test("THEN every role setting of the schema is the team's compute role, the one role a person may pass", () => {
    for (const sdk of sdkConfigs) {
      const { computeRoleArn } = expectedOf(config, sdk.roleKey);
      for (const path of ROLE_PATHS)
        expect({ path, role: configValue(sdk.config, path) }).toEqual({ path, role: computeRoleArn });
    }
  });

  test("THEN uploads and outputs go to the team workspace's jobs/ prefix, and names start with the team key", () => {
    for (const sdk of sdkConfigs) {
      const { team } = expectedOf(config, sdk.roleKey);
      expect(configValue(sdk.config, "SageMaker.PythonSDK.Modules.Session")).toEqual({
        DefaultS3Bucket: team.s3Buckets[0],
        DefaultS3ObjectKeyPrefix: "jobs",
      });
      expect(sdk.config.CustomParameters?.NamePrefix).toBe(`${team.key}-`);
      expect(configValue(sdk.config, "SageMaker.PythonSDK.Modules.ModelTrainer.BaseJobName")).toMatch(
        new RegExp(`^${team.key}-`),
      );
    }
  });

  test("THEN every config's content, base64-encoded, fits the AWS provider's 16,384 characters", () => {
    for (const sdk of sdkConfigs)
      expect(Buffer.from(sdk.script, "utf8").toString("base64").length).toBeLessThanOrEqual(16_384);
  });

  test("THEN every config's name is a valid SageMaker name, unique in its account", () => {
    for (const sdk of sdkConfigs) expect(sdk.name).toMatch(SAGEMAKER_NAME);
    expect(new Set(sdkConfigs.map((sdk) => sdk.name)).size).toBe(sdkConfigs.length);
  });
});

describe("the SDK's schema has teeth", () => {
  let sdkConfig: SdkConfig;
  beforeAll(() => {
    sdkConfig = contosoSdkConfigs()[0]!.config;
  });

  test("GIVEN a generated config WHEN validated THEN it passes", () => {
    expect(validateSdkConfig(sdkConfig)).toBe(true);
  });

  test("fails a config with a key the SDK does not know (a base job name for estimators)", () => {
    const changed = structuredClone(sdkConfig) as any;
    changed.SageMaker.TrainingJob.BaseJobName = "forecasting-train";
    expect(validateSdkConfig(changed)).toBe(false);
  });

  test("fails a config whose tag value the SDK refuses", () => {
    const changed = structuredClone(sdkConfig) as any;
    changed.SageMaker.TrainingJob.Tags = [{ Key: "sagemaker-team", Value: "forecasting#1" }];
    expect(validateSdkConfig(changed)).toBe(false);
  });
});

describe("a day-2 edit of the settings the configs carry", () => {
  let before: SynthesizedSdkConfig[];
  let after: SynthesizedSdkConfig[];
  beforeAll(() => {
    // GIVEN contoso WHEN every team's workspace bucket changes and the network gains a security group
    const data = exampleData("contoso");
    data.aws.network.securityGroupIds = [...data.aws.network.securityGroupIds, ADDED_GROUP];
    for (const team of Object.values<any>(data.teams)) team.s3Buckets = [`${team.s3Buckets[0]}-v2`, ...team.s3Buckets];
    before = contosoSdkConfigs();
    after = synthesizedSdkConfigs(synthJson(loadData(data)));
  });

  test("THEN every config keeps its address, name and content: nothing is replaced, so no apply meets one in use", () => {
    expect(after.map(({ address, name, script }) => ({ address, name, script }))).toEqual(
      before.map(({ address, name, script }) => ({ address, name, script })),
    );
  });

  test("THEN only the tags change, and the config an app writes holds the new bucket and security groups", () => {
    for (const [index, sdk] of after.entries()) {
      expect(sdk.tags).not.toEqual(before[index]!.tags);
      expect(configValue(sdk.config, "SageMaker.PythonSDK.Modules.Session.DefaultS3Bucket")).toMatch(/-v2$/);
      expect(configValue(sdk.config, "SageMaker.TrainingJob.VpcConfig.SecurityGroupIds")).toContain(ADDED_GROUP);
    }
  });
});

describe("the lifecycle script, run as an app's start would", () => {
  let dir: string;
  let sdk: SynthesizedSdkConfig;
  let config: FederationConfig;
  /** The ARN SageMaker gives the config: the script must read the tags of exactly this one. */
  const arnOf = (name: string) => {
    const account = config.accounts[config.teams[config.roles[sdk.roleKey]!.team]!.account]!;
    return `arn:aws:sagemaker:${account.region}:${account.accountId}:studio-lifecycle-config/${name}`;
  };
  const run = (home: string, tags: Record<string, Record<string, string>>, script = sdk.script) =>
    execFileSync("bash", ["-c", script], {
      // A `sudo` that refuses, as in an image without it: the script falls back to the user's config. A boto3
      // whose SageMaker client answers ListTags from FAKE_TAGS, keyed by ARN.
      env: { PATH: `${dir}:/usr/bin:/bin`, HOME: home, PYTHONPATH: dir, FAKE_TAGS: JSON.stringify(tags) },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  const written = (home: string) => join(home, ".config/sagemaker/config.yaml");
  /** The file as the SDK reads it: with PyYAML's `safe_load` (YAML 1.1), in the machine's Python. */
  const readBySdk = (file: string) =>
    JSON.parse(
      execFileSync(
        "python3",
        ["-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))", file],
        {
          encoding: "utf8",
        },
      ),
    );
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "sdk-defaults-"));
    writeFileSync(join(dir, "sudo"), "#!/bin/sh\nexit 1\n");
    chmodSync(join(dir, "sudo"), 0o755);
    // The script runs the image's Python: here the machine's, found the way a shell finds it.
    const python = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();
    symlinkSync(python, join(dir, "python3"));
    mkdirSync(join(dir, "boto3"));
    writeFileSync(
      join(dir, "boto3", "__init__.py"),
      [
        "import json, os",
        "class _SageMaker:",
        "    def list_tags(self, ResourceArn):",
        '        tags = json.loads(os.environ["FAKE_TAGS"])[ResourceArn]',
        '        return {"Tags": [{"Key": k, "Value": v} for k, v in tags.items()]}',
        "def client(service, region_name=None):",
        '    assert service == "sagemaker" and region_name',
        "    return _SageMaker()",
        "",
      ].join("\n"),
    );
    config = loadExample("contoso");
    sdk = contosoSdkConfigs()[0]!;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("GIVEN its config's tags WHEN it runs THEN it writes the config with the tags' settings to the user's config", () => {
    const home = join(dir, "fresh");
    run(home, { [arnOf(sdk.name)]: sdk.tags });
    expect(parse(readFileSync(written(home), "utf8"))).toEqual(sdk.config);
    expect(readBySdk(written(home))).toEqual(sdk.config);
  });

  test("GIVEN a team whose key YAML 1.1 reads as a boolean (`on`) WHEN its config is written THEN the SDK reads the text `on`", () => {
    const data = exampleData("contoso");
    data.teams.on = data.teams.forecasting;
    delete data.teams.forecasting;
    const team = synthesizedSdkConfigs(synthJson(loadData(data))).find((c) => c.roleKey === "on/data-scientist")!;
    const home = join(dir, "on");
    run(home, { [arnOf(team.name)]: team.tags }, team.script);
    const read = readBySdk(written(home));
    expect(configValue(read, "SageMaker.TrainingJob.Tags")).toEqual([{ Key: "sagemaker-team", Value: "on" }]);
    expect(read.CustomParameters.Team).toBe("on");
  });

  test("GIVEN tags changed since the config was created WHEN it runs THEN it writes the changed settings", () => {
    const home = join(dir, "changed");
    const tags = {
      ...sdk.tags,
      "sdk-defaults:workspace-bucket": "contoso-moved-workspace",
      "sdk-defaults:security-group-ids": ADDED_GROUP,
    };
    run(home, { [arnOf(sdk.name)]: tags });
    const config = parse(readFileSync(written(home), "utf8"));
    expect(configValue(config, "SageMaker.PythonSDK.Modules.Session.DefaultS3Bucket")).toBe("contoso-moved-workspace");
    expect(configValue(config, "SageMaker.TrainingJob.VpcConfig.SecurityGroupIds")).toEqual([ADDED_GROUP]);
  });

  test("fails to write anything, and still lets the app start, when the tags cannot be read", () => {
    const home = join(dir, "unreadable");
    expect(() => run(home, {})).not.toThrow();
    expect(existsSync(written(home))).toBe(false);
  });

  test("fails to write anything when a tag holds more than a bucket name: a tag cannot inject YAML", () => {
    const home = join(dir, "injected");
    run(home, { [arnOf(sdk.name)]: { ...sdk.tags, "sdk-defaults:workspace-bucket": "x\nSageMaker: {}" } });
    expect(existsSync(written(home))).toBe(false);
  });

  test("GIVEN a user config of the user's own WHEN it runs THEN it leaves it, and the app still starts", () => {
    const home = join(dir, "own");
    const own = written(home);
    run(home, { [arnOf(sdk.name)]: sdk.tags });
    writeFileSync(own, "SchemaVersion: '1.0'\n");
    expect(() => run(home, { [arnOf(sdk.name)]: sdk.tags })).not.toThrow();
    expect(readFileSync(own, "utf8")).toBe("SchemaVersion: '1.0'\n");
  });
});

describe("the bootstrap phase", () => {
  test("GIVEN no IAM Identity Center values WHEN synthesized THEN no lifecycle config is declared", () => {
    const stack = synthJson(loadExample("contoso-bootstrap"));
    expect(stack.resource["aws_sagemaker_studio_lifecycle_config"]).toBeUndefined();
  });
});
