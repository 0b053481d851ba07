import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { ConfigError } from "../config/errors";
import { loadConfigFile } from "../config/load";
import type { FederationConfig } from "../config/types";
import { doctorChecks, doctorExitCode, formatChecks, nextStep } from "./doctor-checks";
import { isUsageError } from "./usage-error";

/** The installed Terraform's version, or undefined when it cannot be run. */
function terraformVersion(binary: string): string | undefined {
  try {
    const output = execFileSync(binary, ["version", "-json"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 15_000,
      // Without this Terraform asks checkpoint.hashicorp.com for newer releases: the doctor stays offline.
      env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    });
    return (JSON.parse(output) as { terraform_version?: string }).terraform_version;
  } catch {
    return undefined;
  }
}

function loadConfig(file: string): FederationConfig | ConfigError {
  try {
    return loadConfigFile(file);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

function main(args: string[]): number {
  const { values } = parseArgs({ args, options: { config: { type: "string" } }, strict: true });
  const configFile = values.config ?? (process.env.FEDERATION_CONFIG || "examples/contoso.yaml");
  const binary = process.env.TERRAFORM_BINARY_NAME || "terraform";
  const config = loadConfig(configFile);
  const checks = doctorChecks({
    nodeVersion: process.versions.node,
    terraform: { binary, version: terraformVersion(binary) },
    env: process.env,
    configFile,
    config,
    dependenciesInstalled: existsSync("node_modules/cdktf-cli"),
    now: new Date(),
  });
  console.log(formatChecks(checks, nextStep(checks, config)));
  return doctorExitCode(checks);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!isUsageError(error)) throw error;
  console.error(`${error.message}\nusage: npm run doctor [-- --config <file>]`);
  process.exitCode = 1;
}
