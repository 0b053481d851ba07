import { createHash } from "node:crypto";
import { stringify } from "yaml";
import type { NetworkConfig, TeamConfig } from "../../config/types";
import { TEAM_TAG } from "../../policies/team-boundary";

/**
 * The SageMaker Python SDK's defaults for one team and persona: what its config file (`config.yaml`, schema
 * `sagemaker/config/config_schema.py`) must hold so that an ordinary notebook's creates carry what the policies ask
 * of them (docs/threat-model.md, "What this asks of users"): the team tag on every resource type the SDK tags, the
 * team's subnets, security groups and KMS key, the compute role, and the workspace's `jobs/` prefix for uploads and
 * outputs. Names are the one part no config key of the SDK's Estimator, Processor, Model or Pipeline can carry: the
 * prefix is in `CustomParameters` for notebooks to read, and ModelTrainer gets it as its base job name.
 */
interface SdkDefaultsInput {
  readonly teamKey: string;
  readonly persona: string;
  /** The team's compute role: the one role a person may pass, so the role every job, model and pipeline runs as. */
  readonly computeRoleArn: string;
  readonly network: NetworkConfig;
  /** @default - no key: the account's default encryption */
  readonly kmsKeyArn?: string;
}

type Tag = { readonly Key: string; readonly Value: string };
type VpcConfig = { readonly Subnets: readonly string[]; readonly SecurityGroupIds: string };

/**
 * The settings a day-2 edit of the config changes (the workspace bucket, the security groups) are not in the script:
 * a lifecycle config cannot be changed, and SageMaker refuses to delete one while an app runs with it, so a script
 * that changed with them would fail the apply. The script reads them from its own lifecycle config's tags when an
 * app starts (tags change in place), and writes them where these placeholders stand: the bucket inside quoted
 * strings, the security groups in place of a whole quoted string.
 */
const RUNTIME_SETTINGS = {
  workspaceBucket: { tag: "sdk-defaults:workspace-bucket", placeholder: "SDK_DEFAULTS_WORKSPACE_BUCKET" },
  securityGroupIds: { tag: "sdk-defaults:security-group-ids", placeholder: "SDK_DEFAULTS_SECURITY_GROUP_IDS" },
} as const;

/** The tags that carry a team's runtime settings: security groups space-separated, absent when there are none. */
export function runtimeSettingTags(team: TeamConfig, network: NetworkConfig): Record<string, string> {
  return {
    [RUNTIME_SETTINGS.workspaceBucket.tag]: team.s3Buckets[0]!,
    ...(network.securityGroupIds.length > 0
      ? { [RUNTIME_SETTINGS.securityGroupIds.tag]: network.securityGroupIds.join(" ") }
      : {}),
  };
}

/**
 * The config text with the runtime settings written in, as the script does it (its Python is checked against this
 * by running it): the bucket into its quoted strings, the security groups as a flow list.
 */
export function withRuntimeSettings(text: string, tags: Readonly<Record<string, string>>): string {
  const groups = (tags[RUNTIME_SETTINGS.securityGroupIds.tag] ?? "").split(" ").filter(Boolean);
  return text
    .replaceAll(RUNTIME_SETTINGS.workspaceBucket.placeholder, tags[RUNTIME_SETTINGS.workspaceBucket.tag] ?? "")
    .replaceAll(`"${RUNTIME_SETTINGS.securityGroupIds.placeholder}"`, JSON.stringify(groups));
}

/**
 * What differs between the lifecycle configs of one account: placeholders in the account's one script template,
 * filled per config by Terraform's `replace()`, so the synthesized JSON holds the script once per account and a few
 * short values per config. Keys are the configs' `for_each` fields.
 */
export const CONFIG_SETTINGS = {
  team: "SDK_DEFAULTS_TEAM",
  persona: "SDK_DEFAULTS_PERSONA",
  compute_role_arn: "SDK_DEFAULTS_COMPUTE_ROLE_ARN",
  config_arn: "SDK_DEFAULTS_LIFECYCLE_CONFIG_ARN",
} as const;
export type ConfigSettings = Readonly<Record<keyof typeof CONFIG_SETTINGS, string>>;

/** The script of one config, filled in as Terraform fills it (for the name's hash; Terraform writes the content). */
export function fillScript(template: string, values: ConfigSettings): string {
  return Object.entries(CONFIG_SETTINGS).reduce(
    (text, [field, placeholder]) => text.replaceAll(placeholder, values[field as keyof ConfigSettings]),
    template,
  );
}

/** The prefix of the workspace bucket the SDK uploads code to and writes job output under. */
const SDK_OBJECT_PREFIX = "jobs";
/** The admin config file of the SDK; the user's own `~/.config/sagemaker/config.yaml` overrides it. */
const SDK_ADMIN_CONFIG = "/etc/xdg/sagemaker/config.yaml";
/** The user config file, written only where the admin one cannot be and only when the user has none. */
const SDK_USER_CONFIG = "$HOME/.config/sagemaker/config.yaml";

/** The prefix every name the policies check must start with. */
const teamNamePrefix = (team: string) => `${team}-`;

/** The SDK config of one team and persona, as plain data in the SDK schema's own keys. */
function sdkDefaults(input: SdkDefaultsInput): Record<string, unknown> {
  const { teamKey, computeRoleArn, kmsKeyArn } = input;
  const tags: Tag[] = [{ Key: TEAM_TAG, Value: teamKey }];
  // The API and the SDK's schema need both lists: a PublicInternetOnly network without security groups gets no VPC
  // default, and the guardrails refuse jobs there until the network names a security group.
  const vpc: VpcConfig | undefined =
    input.network.securityGroupIds.length > 0
      ? { Subnets: [...input.network.subnetIds], SecurityGroupIds: RUNTIME_SETTINGS.securityGroupIds.placeholder }
      : undefined;
  const kms = <T extends object>(value: T) => (kmsKeyArn === undefined ? {} : value);
  const network = <T extends object>(value: T) => (vpc === undefined ? {} : value);
  const workspace = RUNTIME_SETTINGS.workspaceBucket.placeholder;
  // Processing jobs and monitoring schedules' job definitions share one shape in the SDK's schema.
  const clusterJob = (output: string, resources: string) => ({
    RoleArn: computeRoleArn,
    ...network({ NetworkConfig: { VpcConfig: vpc } }),
    ...kms({
      [output]: { KmsKeyId: kmsKeyArn },
      [resources]: { ClusterConfig: { VolumeKmsKeyId: kmsKeyArn } },
    }),
  });
  const autoMlSecurity = { ...network({ VpcConfig: vpc }), ...kms({ VolumeKmsKeyId: kmsKeyArn }) };
  return {
    SchemaVersion: "1.0",
    CustomParameters: {
      Team: teamKey,
      Persona: input.persona,
      NamePrefix: teamNamePrefix(teamKey),
      JobOutputUri: `s3://${workspace}/${SDK_OBJECT_PREFIX}/`,
    },
    SageMaker: {
      PythonSDK: {
        Modules: {
          Session: { DefaultS3Bucket: workspace, DefaultS3ObjectKeyPrefix: SDK_OBJECT_PREFIX },
          ModelTrainer: {
            BaseJobName: `${teamNamePrefix(teamKey)}train`,
            ...network({ Networking: { subnets: vpc?.Subnets, security_group_ids: vpc?.SecurityGroupIds } }),
          },
          RemoteFunction: {
            RoleArn: computeRoleArn,
            S3RootUri: `s3://${workspace}/${SDK_OBJECT_PREFIX}/remote-functions`,
            Tags: tags,
            ...kms({ S3KmsKeyId: kmsKeyArn, VolumeKmsKeyId: kmsKeyArn }),
            ...network({ VpcConfig: vpc }),
          },
          Serve: { RoleArn: computeRoleArn },
          NotebookJob: {
            RoleArn: computeRoleArn,
            S3RootUri: `s3://${workspace}/${SDK_OBJECT_PREFIX}/notebook-jobs`,
            ...kms({ S3KmsKeyId: kmsKeyArn, VolumeKmsKeyId: kmsKeyArn }),
            ...network({ VpcConfig: vpc }),
          },
        },
      },
      TrainingJob: {
        RoleArn: computeRoleArn,
        Tags: tags,
        ...network({ VpcConfig: vpc }),
        ...kms({ OutputDataConfig: { KmsKeyId: kmsKeyArn }, ResourceConfig: { VolumeKmsKeyId: kmsKeyArn } }),
      },
      ProcessingJob: { Tags: tags, ...clusterJob("ProcessingOutputConfig", "ProcessingResources") },
      TransformJob: {
        Tags: tags,
        ...kms({
          TransformOutput: { KmsKeyId: kmsKeyArn },
          TransformResources: { VolumeKmsKeyId: kmsKeyArn },
          DataCaptureConfig: { KmsKeyId: kmsKeyArn },
        }),
      },
      Model: { ExecutionRoleArn: computeRoleArn, Tags: tags, ...network({ VpcConfig: vpc }) },
      EndpointConfig: {
        Tags: tags,
        ...kms({
          KmsKeyId: kmsKeyArn,
          DataCaptureConfig: { KmsKeyId: kmsKeyArn },
          AsyncInferenceConfig: { OutputConfig: { KmsKeyId: kmsKeyArn } },
        }),
      },
      Endpoint: { Tags: tags },
      Pipeline: { RoleArn: computeRoleArn, Tags: tags },
      MonitoringSchedule: {
        Tags: tags,
        MonitoringScheduleConfig: {
          MonitoringJobDefinition: clusterJob("MonitoringOutputConfig", "MonitoringResources"),
        },
      },
      CompilationJob: {
        RoleArn: computeRoleArn,
        Tags: tags,
        ...network({ VpcConfig: vpc }),
        ...kms({ OutputConfig: { KmsKeyId: kmsKeyArn } }),
      },
      EdgePackagingJob: { RoleArn: computeRoleArn, Tags: tags, ...kms({ OutputConfig: { KmsKeyId: kmsKeyArn } }) },
      FeatureGroup: {
        RoleArn: computeRoleArn,
        Tags: tags,
        ...kms({
          OfflineStoreConfig: { S3StorageConfig: { KmsKeyId: kmsKeyArn } },
          OnlineStoreConfig: { SecurityConfig: { KmsKeyId: kmsKeyArn } },
        }),
      },
      // Not granted to any persona (compute-condition-keys.ts, COMPUTE_NOT_GRANTED), but tagged like the rest.
      AutoMLJob: {
        RoleArn: computeRoleArn,
        Tags: tags,
        AutoMLJobConfig: { SecurityConfig: autoMlSecurity },
        ...kms({ OutputDataConfig: { KmsKeyId: kmsKeyArn } }),
      },
      AutoMLJobV2: {
        RoleArn: computeRoleArn,
        Tags: tags,
        SecurityConfig: autoMlSecurity,
        ...kms({ OutputDataConfig: { KmsKeyId: kmsKeyArn } }),
      },
    },
  };
}

/**
 * The config file as the SDK reads it: YAML, keys in the order written, every string value double-quoted. The SDK
 * reads it with PyYAML (YAML 1.1), where a plain `on`, `yes` or `no` (valid team keys and bucket names) is a boolean;
 * quoted, the placeholders can also be filled without changing what the YAML means.
 */
function sdkConfigYaml(config: Record<string, unknown>): string {
  return stringify(config, {
    lineWidth: 0,
    aliasDuplicateObjects: false,
    defaultStringType: "QUOTE_DOUBLE",
    defaultKeyType: "PLAIN",
  });
}

const HEREDOC_END = "SAGEMAKER_SDK_DEFAULTS";
const PYTHON_END = "SAGEMAKER_SDK_RUNTIME_SETTINGS";

/**
 * Writes the runtime settings into the config file (argument 1), read from the lifecycle config's tags with the
 * boto3 every SageMaker Distribution image has, as the app's execution role (which may list its own team's
 * tags). Values of another shape than a bucket name and security group ids are refused, so a tag can never
 * inject YAML.
 */
function runtimeSettingsPython(region: string): string {
  const { workspaceBucket, securityGroupIds } = RUNTIME_SETTINGS;
  return [
    "import json, re, sys",
    "import boto3",
    `client = boto3.client("sagemaker", region_name=${JSON.stringify(region)})`,
    `tags = {t["Key"]: t["Value"] for t in client.list_tags(ResourceArn="${CONFIG_SETTINGS.config_arn}")["Tags"]}`,
    `bucket = tags.get(${JSON.stringify(workspaceBucket.tag)}, "")`,
    `groups = tags.get(${JSON.stringify(securityGroupIds.tag)}, "").split()`,
    'if not re.fullmatch(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", bucket):',
    '    sys.exit(f"no workspace bucket in the tags: {bucket!r}")',
    'if not all(re.fullmatch(r"sg-[0-9a-f]{1,17}", group) for group in groups):',
    '    sys.exit(f"not security group ids: {groups!r}")',
    "with open(sys.argv[1]) as file:",
    "    text = file.read()",
    `text = text.replace(${JSON.stringify(workspaceBucket.placeholder)}, bucket)`,
    `text = text.replace(${JSON.stringify(`"${securityGroupIds.placeholder}"`)}, json.dumps(groups))`,
    'with open(sys.argv[1], "w") as file:',
    "    file.write(text)",
  ].join("\n");
}

/** What the script template of one account holds: everything of the SDK defaults but the per-config settings. */
export interface ScriptTemplateInput {
  readonly network: NetworkConfig;
  /** @default - no key: the account's default encryption */
  readonly kmsKeyArn?: string;
  /** The region of the account's domains, whose SageMaker API the script asks for its config's tags. */
  readonly region: string;
}

/**
 * The lifecycle script of an account, with the placeholders of CONFIG_SETTINGS: writes the config as the SDK's
 * admin config (the app's user may `sudo` in SageMaker Distribution images), or, where it cannot, as the user's
 * config unless the user keeps one of their own. It never fails the app's start: a Studio app whose lifecycle
 * script fails does not start at all.
 */
export function lifecycleScriptTemplate(input: ScriptTemplateInput): string {
  const config = sdkDefaults({
    teamKey: CONFIG_SETTINGS.team,
    persona: CONFIG_SETTINGS.persona,
    computeRoleArn: CONFIG_SETTINGS.compute_role_arn,
    network: input.network,
    kmsKeyArn: input.kmsKeyArn,
  });
  const yaml = sdkConfigYaml(config);
  if (yaml.includes(HEREDOC_END)) throw new Error(`the SDK config must not contain ${HEREDOC_END}`);
  return [
    "#!/bin/bash",
    "# The SageMaker Python SDK's defaults for this team and persona, written by the platform's Terraform.",
    "set -u",
    'defaults="$(mktemp)"',
    `cat > "$defaults" <<'${HEREDOC_END}'`,
    yaml.trimEnd(),
    HEREDOC_END,
    `if ! python3 - "$defaults" <<'${PYTHON_END}'`,
    runtimeSettingsPython(input.region),
    PYTHON_END,
    "then",
    `  echo "SageMaker SDK defaults not written: the workspace bucket and security groups could not be read from the tags of ${CONFIG_SETTINGS.config_arn}" >&2`,
    '  rm -f "$defaults"',
    "  exit 0",
    "fi",
    `if sudo -n install -D -m 0644 "$defaults" ${SDK_ADMIN_CONFIG} 2>/dev/null; then`,
    `  echo "SageMaker SDK defaults written to ${SDK_ADMIN_CONFIG}"`,
    `elif [ ! -e "${SDK_USER_CONFIG}" ]; then`,
    `  install -D -m 0644 "$defaults" "${SDK_USER_CONFIG}" && echo "SageMaker SDK defaults written to ${SDK_USER_CONFIG}"`,
    "else",
    `  echo "SageMaker SDK defaults not written: ${SDK_ADMIN_CONFIG} is not writable and ${SDK_USER_CONFIG} is the user's own" >&2`,
    "fi",
    'rm -f "$defaults"',
    "exit 0",
    "",
  ].join("\n");
}

/** The SDK config a lifecycle script writes, before the runtime settings, read back from the script. */
export function sdkConfigOfScript(script: string): string {
  const start = script.indexOf(`<<'${HEREDOC_END}'\n`);
  const end = script.indexOf(`\n${HEREDOC_END}\n`);
  if (start < 0 || end < 0) throw new Error("the script writes no SDK config");
  return script.slice(start + `<<'${HEREDOC_END}'\n`.length, end) + "\n";
}

/**
 * Content changes need a new name: a lifecycle config cannot be changed, and one in use cannot be deleted. The
 * content changes only with what the script holds (the team, persona, compute role, subnets and key, none of which
 * a routine edit changes) and with releases of this project that change the script.
 */
export function contentSuffix(content: string): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 8);
}
