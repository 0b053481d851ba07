// The provider schemas a conversion needs, from Terraform itself: the JSON, alone in a scratch folder without its
// backend (a remote one would need credentials), initialized, then `terraform providers schema -json`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UserError } from "../shared/user-error";
import { isObject, type Json } from "./json";
import type { ProviderSchemas } from "./schema";

function terraform(args: string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const run = spawnSync("terraform", args, {
    cwd,
    env: { ...env, CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
    // The AWS provider's schema alone is over 10 MB.
    maxBuffer: 1 << 30,
  });
  if (run.error) throw new UserError(`terraform ${args[0]}: ${run.error.message}: install Terraform, or pass --schema`);
  if (run.status !== 0)
    throw new UserError(
      `terraform ${args.join(" ")} failed in a copy of the JSON: ${run.stderr.trim()}\n(the providers must be installable here: set TF_CLI_CONFIG_FILE to a mirror, or pass --schema)`,
    );
  return run.stdout;
}

/** The configuration without its backend: enough to install the providers and read their schemas. */
function withoutBackend(config: Json): Json {
  if (!isObject(config) || !isObject(config.terraform)) return config;
  const terraformBlock = Object.entries(config.terraform).filter(([key]) => key !== "backend" && key !== "cloud");
  return { ...config, terraform: Object.fromEntries(terraformBlock) };
}

export function providerSchemasOf(config: Json, env: NodeJS.ProcessEnv): ProviderSchemas {
  const scratch = mkdtempSync(join(tmpdir(), "synth-hcl-"));
  try {
    writeFileSync(join(scratch, "main.tf.json"), JSON.stringify(withoutBackend(config)));
    terraform(["init", "-backend=false", "-input=false", "-no-color"], scratch, env);
    return JSON.parse(terraform(["providers", "schema", "-json"], scratch, env)) as ProviderSchemas;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function readProviderSchemas(file: string): ProviderSchemas {
  return JSON.parse(readFileSync(file, "utf8")) as ProviderSchemas;
}

/** `terraform fmt` of the written file, when Terraform is there: the layout any Terraform user expects. */
export function formatted(text: string, env: NodeJS.ProcessEnv): string {
  const run = spawnSync("terraform", ["fmt", "-no-color", "-"], { input: text, env, encoding: "utf8" });
  return run.status === 0 && !run.error ? run.stdout : text;
}
