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
export interface SdkDefaultsInput {
  readonly team: TeamConfig;
  readonly persona: string;
  /** The team's compute role: the one role a person may pass, so the role every job, model and pipeline runs as. */
  readonly computeRoleArn: string;
  readonly network: NetworkConfig;
  /** @default - no key: the account's default encryption */
  readonly kmsKeyArn?: string;
}

type Tag = { readonly Key: string; readonly Value: string };
type VpcConfig = { readonly Subnets: readonly string[]; readonly SecurityGroupIds: readonly string[] };

/** The prefix of the workspace bucket the SDK uploads code to and writes job output under. */
export const SDK_OBJECT_PREFIX = "jobs";
/** The admin config file of the SDK; the user's own `~/.config/sagemaker/config.yaml` overrides it. */
export const SDK_ADMIN_CONFIG = "/etc/xdg/sagemaker/config.yaml";
/** The user config file, written only where the admin one cannot be and only when the user has none. */
export const SDK_USER_CONFIG = "$HOME/.config/sagemaker/config.yaml";

/** The prefix every name the policies check must start with. */
export const teamNamePrefix = (team: string) => `${team}-`;

/** The SDK config of one team and persona, as plain data in the SDK schema's own keys. */
export function sdkDefaults(input: SdkDefaultsInput): Record<string, unknown> {
  const { team, computeRoleArn, kmsKeyArn } = input;
  const tags: Tag[] = [{ Key: TEAM_TAG, Value: team.key }];
  // The API and the SDK's schema need both lists: a PublicInternetOnly network without security groups gets no VPC
  // default, and the guardrails refuse jobs there until the network names a security group.
  const vpc: VpcConfig | undefined =
    input.network.securityGroupIds.length > 0
      ? { Subnets: [...input.network.subnetIds], SecurityGroupIds: [...input.network.securityGroupIds] }
      : undefined;
  const kms = <T extends object>(value: T) => (kmsKeyArn === undefined ? {} : value);
  const network = <T extends object>(value: T) => (vpc === undefined ? {} : value);
  const workspace = team.s3Buckets[0]!;
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
      Team: team.key,
      Persona: input.persona,
      NamePrefix: teamNamePrefix(team.key),
      JobOutputUri: `s3://${workspace}/${SDK_OBJECT_PREFIX}/`,
    },
    SageMaker: {
      PythonSDK: {
        Modules: {
          Session: { DefaultS3Bucket: workspace, DefaultS3ObjectKeyPrefix: SDK_OBJECT_PREFIX },
          ModelTrainer: {
            BaseJobName: `${teamNamePrefix(team.key)}train`,
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

/** The config file as the SDK reads it: YAML, keys in the order written. */
export function sdkConfigYaml(config: Record<string, unknown>): string {
  return stringify(config, { lineWidth: 0, aliasDuplicateObjects: false });
}

const HEREDOC_END = "SAGEMAKER_SDK_DEFAULTS";

/**
 * The lifecycle script: writes the config as the SDK's admin config (the app's user may `sudo` in SageMaker
 * Distribution images), or, where it cannot, as the user's config unless the user keeps one of their own. It never
 * fails the app's start: a Studio app whose lifecycle script fails does not start at all.
 */
export function lifecycleScript(config: Record<string, unknown>): string {
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

/** The SDK config a lifecycle script writes, read back from the script (what the tests evaluate). */
export function sdkConfigOfScript(script: string): string {
  const start = script.indexOf(`<<'${HEREDOC_END}'\n`);
  const end = script.indexOf(`\n${HEREDOC_END}\n`);
  if (start < 0 || end < 0) throw new Error("the script writes no SDK config");
  return script.slice(start + `<<'${HEREDOC_END}'\n`.length, end) + "\n";
}

/** Content changes need a new name: a lifecycle config cannot be changed, and one in use cannot be deleted. */
export function contentSuffix(content: string): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 8);
}
