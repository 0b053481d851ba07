import { configFileOf, loadConfigFile } from "../../config/load";
import type { AccountConfig, FederationConfig } from "../../config/types";
import { parseBaseConfig, readBaseConfig } from "../shared/base-config";
import { processOutput, runCommand, type CommandOutput } from "../shared/cli";
import { explainAwsError } from "./aws/aws-errors";
import { clientsFor, type AwsClients } from "./aws/clients";
import { realSleep, type Sleep } from "./aws/poll";
import { Studio } from "./aws/studio-client";

/** What an AWS command touches outside itself; tests pass mocked clients and a sleep that returns at once. */
export interface CommandIo extends CommandOutput {
  readonly sleep: Sleep;
  /** @default 10000 */
  readonly pollIntervalMs?: number;
  /** @default 1800000 */
  readonly pollTimeoutMs?: number;
  /** @default clientsFor (default credential chain; the account's roleArn assumed in a workload account) */
  readonly clients?: (account: AccountConfig, session: string) => AwsClients;
}

export function processIo(): CommandIo {
  // The SDK's notice that its later releases need a newer Node is for whoever upgrades the project (package.json's
  // engines), and it would break the one-line errors.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  return { ...processOutput(), sleep: realSleep };
}

/** The account's clients and the SageMaker calls on top of them, with the command's waits. */
export function awsFor(io: CommandIo, account: AccountConfig, command: string) {
  const clients = (io.clients ?? clientsFor)(account, `sagemaker-federation-${command}`);
  const studio = new Studio(clients.sagemaker, {
    sleep: io.sleep,
    intervalMs: io.pollIntervalMs,
    timeoutMs: io.pollTimeoutMs,
  });
  return { ...clients, studio };
}

export interface LoadedConfig {
  readonly config: FederationConfig;
  readonly source: string;
}

/** The config the command acts on: `--config` (or FEDERATION_CONFIG), or that file at `--base <ref>`. */
export function commandConfig(values: { config?: string; base?: string }, env: NodeJS.ProcessEnv): LoadedConfig {
  const file = configFileOf(env, values.config);
  if (values.base === undefined) return { config: loadConfigFile(file), source: file };
  const base = readBaseConfig(values.base, file);
  return { config: parseBaseConfig(base), source: base.source };
}

/** Every failure becomes one line on stderr and exit code 1: the user's input, credentials, AWS's answers. */
export function runAwsCommand(usage: string, io: CommandIo, body: () => Promise<number>): Promise<number> {
  return runCommand(usage, io, body, (error) => explainAwsError(error, io.env));
}

/** The one positional argument of the commands that act on one person. */
export const ONE_USER_NAME = { count: 1, what: "one user name, as written in the config" } as const;

export function gb(size: number | undefined): string {
  return size === undefined ? "size not reported" : `${size} GB`;
}
