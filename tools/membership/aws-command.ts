import { configFileOf, loadConfigFile } from "../../config/load";
import type { AccountConfig, FederationConfig } from "../../config/types";
import { parseBaseConfig, readBaseConfig } from "../shared/base-config";
import { realSleep, type Sleep } from "./aws/retry";
import { clientsFor, Studio, type AwsClients } from "./aws/studio-client";
import { oneLine } from "../shared/user-error";

/** What a command touches outside itself; tests pass mocked clients and a sleep that returns at once. */
export interface CommandIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly sleep: Sleep;
  /** @default 10000 */
  readonly pollIntervalMs?: number;
  /** @default 1800000 */
  readonly pollTimeoutMs?: number;
  /** @default clientsFor (default credential chain; the account's roleArn assumed in a workload account) */
  readonly clients?: (account: AccountConfig, session: string) => AwsClients;
}

export function processIo(): CommandIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    sleep: realSleep,
  };
}

/** The account's clients and the SageMaker calls on top of them, with the command's waits. */
export function awsFor(io: CommandIo, account: AccountConfig, command: string) {
  // The session name shows in CloudTrail: who deleted a space is then plain to an auditor.
  const clients = (io.clients ?? ((a, s) => clientsFor(a, io.sleep, s)))(account, `sagemaker-federation-${command}`);
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
export async function runCommand(usage: string, io: CommandIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    io.err(oneLine(error, usage, io.env));
    return 1;
  }
}

/** The entry point of a command file run by `npm run <command>`. */
export function runMain(command: (args: string[], io: CommandIo) => Promise<number>): void {
  void command(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}

export function gb(size: number | undefined): string {
  return size === undefined ? "size not reported" : `${size} GB`;
}
