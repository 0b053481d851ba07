import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { timed } from "./measure";

/** Where development machines keep the AWS provider (no registry access); see __tests__/terraform/run.sh. */
const DEFAULT_MIRROR = "/opt/tf-plugins";

/** The installed Terraform's version, or undefined when terraform is not on PATH. */
export function terraformVersion(): string | undefined {
  const result = spawnSync("terraform", ["version", "-json"], { encoding: "utf8", env: terraformEnv() });
  if (result.error || result.status !== 0) return undefined;
  try {
    return (JSON.parse(result.stdout) as { terraform_version?: string }).terraform_version;
  } catch {
    return undefined;
  }
}

function terraformEnv(cliConfig?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
  // A shared plugin cache would make concurrent inits of other workers interfere.
  delete env.TF_PLUGIN_CACHE_DIR;
  if (cliConfig !== undefined) env.TF_CLI_CONFIG_FILE = cliConfig;
  return env;
}

export type Prepared = { readonly ok: true; readonly dir: string; readonly env: NodeJS.ProcessEnv } | Failure;
export type Failure = { readonly ok: false; readonly reason: string };

/**
 * A Terraform working directory for the synthesized external-mode JSON, initialized offline the way the
 * Terraform test tier does it: AWS provider from the filesystem mirror, version relaxed to ">= 5.0" (the
 * mirror has 5.x, the bindings pin 6.x), backend removed, `init -backend=false`.
 */
export function prepareValidate(stackJson: string, dir: string, mirror = DEFAULT_MIRROR): Prepared {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const stack = JSON.parse(readFileSync(stackJson, "utf8")) as {
    terraform: { required_providers: Record<string, unknown>; backend?: unknown };
  };
  stack.terraform.required_providers.aws = { source: "hashicorp/aws", version: ">= 5.0" };
  delete stack.terraform.backend;
  writeFileSync(join(dir, "main.tf.json"), JSON.stringify(stack, null, 2));

  let cliConfig: string | undefined;
  if (existsSync(join(mirror, "registry.terraform.io/hashicorp/aws"))) {
    // Not a *.tf file, so Terraform does not read it as configuration.
    cliConfig = join(dir, "terraformrc");
    writeFileSync(
      cliConfig,
      `provider_installation {\n  filesystem_mirror { path = "${mirror}" }\n  direct { exclude = ["registry.terraform.io/hashicorp/aws"] }\n}\n`,
    );
  }
  const env = terraformEnv(cliConfig);
  const init = timed("terraform", ["init", "-backend=false", "-input=false", "-no-color"], { cwd: dir, env });
  if (init.exitCode !== 0) return { ok: false, reason: `terraform init failed: ${firstError(init.stderr)}` };
  return { ok: true, dir, env };
}

/** One timed `terraform validate` (the provider schema load included, as in CI). */
export function timeValidate(prepared: Extract<Prepared, { ok: true }>): { wallMs: number } | Failure {
  const run = timed("terraform", ["validate", "-no-color"], { cwd: prepared.dir, env: prepared.env });
  if (run.exitCode !== 0) return { ok: false, reason: `terraform validate failed: ${firstError(run.stderr)}` };
  return { wallMs: run.wallMs };
}

function firstError(stderr: string): string {
  return (
    stderr
      .split("\n")
      .map((line) => line.replace(/^[│╷╵\s]+/, "").trim())
      .find((line) => line.length > 0) ?? "(no message)"
  );
}
