// npm run synth:hcl: the synthesized Terraform JSON written again in Terraform's native syntax (main.tf).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { parseCommandLine, processOutput, runCommand, runMain, type CommandOutput } from "../shared/cli";
import { UsageError } from "../shared/usage-error";
import { UserError } from "../shared/user-error";
import { configFileOf, loadConfigFile } from "../../config/load";
import { convert } from "./convert";
import { ConversionError } from "./errors";
import { type Json } from "./json";
import { formatted, providerSchemasOf, readProviderSchemas } from "./provider-schemas";

export const SYNTH_HCL_USAGE = `usage: npm run synth:hcl [-- [--json <cdk.tf.json>] [--out <folder>] [--schema <file>]]

  Writes the stack in Terraform's native syntax, main.tf, converted from the synthesized Terraform JSON with the
  provider schemas (a nested block and an object attribute look alike in JSON; only the schema tells them apart).
  --json <file>    convert this cdk.tf.json (default: synthesize first, as npm run synth does, with
                   $FEDERATION_CONFIG, and convert cdktf.out/stacks/<name>/cdk.tf.json)
  --out <folder>   write main.tf into this folder (default: cdktf.out/hcl/<name>; required with --json). Not the
                   folder of the JSON: Terraform reads every file of a folder, and would find everything twice.
  --schema <file>  the output of terraform providers schema -json (default: Terraform installs the JSON's
                   providers in a scratch folder, as terraform init would, and prints their schemas)
  Needs Terraform and the providers (from the registry, or a mirror in TF_CLI_CONFIG_FILE) unless --schema is given.`;

const ROOT = join(__dirname, "..", "..");

/** Synthesizes as npm run synth does (the config checked first): the stack's JSON and the folder for its main.tf. */
function synthesized(env: NodeJS.ProcessEnv): { json: string; out: string } {
  const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "tools", "setup", "cdktf.ts"), "synth"], {
    cwd: ROOT,
    env,
    stdio: "inherit",
  });
  if (run.status !== 0) throw new UserError("synthesis failed (above): fix it, then npm run synth:hcl again");
  const { name } = loadConfigFile(configFileOf(env));
  const outdir = env.CDKTF_OUTDIR ?? join(ROOT, "cdktf.out");
  // Three folders deep, as the JSON is: the backend's relative state path names the same file from both.
  return { json: join(outdir, "stacks", name, "cdk.tf.json"), out: join(outdir, "hcl", name) };
}

/** A path relative to the working folder when it is inside it. */
function shown(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside.startsWith("..") || isAbsolute(inside) ? path : inside;
}

export async function synthHcl(args: string[], io: CommandOutput): Promise<number> {
  return runCommand(
    SYNTH_HCL_USAGE,
    io,
    () => {
      const line = parseCommandLine(
        args,
        {
          usage: SYNTH_HCL_USAGE,
          options: { json: { type: "string" }, out: { type: "string" }, schema: { type: "string" } },
        },
        io,
      );
      if (line === undefined) return 0;
      const { json, out, schema } = line.values;
      let target: { json: string; out: string };
      if (json === undefined) target = { ...synthesized(io.env), ...(out === undefined ? {} : { out }) };
      else if (out !== undefined) target = { json, out };
      else
        throw new UsageError("--json needs --out <folder> (main.tf next to the JSON would declare everything twice)");
      if (resolve(target.out) === resolve(dirname(target.json)))
        throw new UserError(`${target.out} holds the JSON: Terraform would read both files; pass another --out`);
      if (!existsSync(target.json))
        throw new UserError(`${target.json} does not exist: run npm run synth, or pass another --json`);
      const config = JSON.parse(readFileSync(target.json, "utf8")) as Json;
      const schemas = schema === undefined ? providerSchemasOf(config, io.env) : readProviderSchemas(schema);
      mkdirSync(target.out, { recursive: true });
      writeFileSync(join(target.out, "main.tf"), formatted(convert(config, schemas), io.env));
      io.out(`Terraform native syntax: ${shown(join(target.out, "main.tf"))} (from ${shown(target.json)})`);
      return 0;
    },
    (error) => (error instanceof ConversionError ? `cannot convert ${error.message}` : undefined),
  );
}

if (require.main === module) runMain(synthHcl, processOutput());
