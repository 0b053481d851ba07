// npm run synth:hcl: the synthesized Terraform JSON written again in Terraform's native syntax (main.tf).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative } from "node:path";
import { parseCommandLine, processOutput, runCommand, runMain, type CommandOutput } from "../shared/cli";
import { UserError } from "../shared/user-error";
import { convert } from "./convert";
import { ConversionError } from "./errors";
import { type Json } from "./json";
import { formatted, providerSchemasOf, readProviderSchemas } from "./provider-schemas";

export const SYNTH_HCL_USAGE = `usage: npm run synth:hcl [-- [--json <cdk.tf.json>] [--out <folder>] [--schema <file>]]

  Writes the stack in Terraform's native syntax, main.tf, converted from the synthesized Terraform JSON with the
  provider schemas (a nested block and an object attribute look alike in JSON; only the schema tells them apart).
  --json <file>    convert this cdk.tf.json (default: synthesize first, as npm run synth does, with
                   $FEDERATION_CONFIG, and convert every stack in cdktf.out/stacks)
  --out <folder>   write main.tf into this folder (default: next to each cdk.tf.json)
  --schema <file>  the output of terraform providers schema -json (default: Terraform installs the JSON's
                   providers in a scratch folder, as terraform init would, and prints their schemas)
  Needs Terraform and the providers (from the registry, or a mirror in TF_CLI_CONFIG_FILE) unless --schema is given.`;

const ROOT = join(__dirname, "..", "..");

/** Synthesizes as npm run synth does (the config checked first); the stacks' JSON files. */
function synthesized(env: NodeJS.ProcessEnv): string[] {
  const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "tools", "setup", "cdktf.ts"), "synth"], {
    cwd: ROOT,
    env,
    stdio: "inherit",
  });
  if (run.status !== 0) throw new UserError("synthesis failed (above): fix it, then npm run synth:hcl again");
  const stacks = join(env.CDKTF_OUTDIR ?? join(ROOT, "cdktf.out"), "stacks");
  return readdirSync(stacks)
    .map((stack) => join(stacks, stack, "cdk.tf.json"))
    .filter((file) => existsSync(file));
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
      const files = json === undefined ? synthesized(io.env) : [json];
      if (out !== undefined && files.length > 1)
        throw new UserError(`${files.length} stacks and one --out folder: pass --json for one of them`);
      for (const file of files) {
        if (!existsSync(file)) throw new UserError(`${file} does not exist: run npm run synth, or pass another --json`);
        const config = JSON.parse(readFileSync(file, "utf8")) as Json;
        const schemas = schema === undefined ? providerSchemasOf(config, io.env) : readProviderSchemas(schema);
        const folder = out ?? dirname(file);
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, "main.tf"), formatted(convert(config, schemas), io.env));
        io.out(`Terraform native syntax: ${shown(join(folder, "main.tf"))} (from ${shown(file)})`);
      }
      return 0;
    },
    (error) => (error instanceof ConversionError ? `cannot convert ${error.message}` : undefined),
  );
}

if (require.main === module) runMain(synthHcl, processOutput());
