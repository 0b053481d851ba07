import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { ConfigError } from "../../config/errors";
import { loadConfigFile } from "../../config/load";
import type { FederationConfig } from "../../config/types";
import type { DoctorFacts } from "./doctor-checks";

/** The installed Terraform's version, or undefined when it cannot be run. */
function terraformVersion(binary: string): string | undefined {
  try {
    const output = execFileSync(binary, ["version", "-json"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 15_000,
      // Without this Terraform asks checkpoint.hashicorp.com for newer releases: the checks stay offline.
      env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    });
    return (JSON.parse(output) as { terraform_version?: string }).terraform_version;
  } catch {
    return undefined;
  }
}

export function loadConfig(file: string): FederationConfig | ConfigError {
  try {
    return loadConfigFile(file);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

/** What the doctor looks at on this machine: never a cloud call, environment variables only for presence. */
export function machineFacts(configFile: string, config: FederationConfig | ConfigError): DoctorFacts {
  const binary = process.env.TERRAFORM_BINARY_NAME || "terraform";
  return {
    nodeVersion: process.versions.node,
    terraform: { binary, version: terraformVersion(binary) },
    env: process.env,
    configFile,
    config,
    dependenciesInstalled: existsSync("node_modules/cdktf-cli"),
    now: new Date(),
  };
}
