import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import type { FederationConfig } from "../../../config/types";
import { FederationStack } from "../../../stacks/federation-stack";
import type { TerraformJson } from "./terraform-instances";

/** The Terraform JSON this code synthesizes for a config, as `npm run synth` writes it, from a scratch folder. */
export function synthesize(config: FederationConfig): TerraformJson {
  const outdir = mkdtempSync(join(tmpdir(), "federation-synth-"));
  try {
    const app = new App({ outdir, skipValidation: true });
    new FederationStack(app, config.name, { config });
    app.synth();
    return JSON.parse(readFileSync(join(outdir, "stacks", config.name, "cdk.tf.json"), "utf8")) as TerraformJson;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
