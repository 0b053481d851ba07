import "./stacks/source-maps-off";
import { App } from "cdktf";
import { ConfigError } from "./config/errors";
import { configFileOf, loadConfigFile, planOnlyOf } from "./config/load";
import { reportConfigError } from "./stacks/config-error-report";
import { summary } from "./stacks/summary";
import { FederationStack } from "./stacks/federation-stack";
import { providerVersionsOf } from "./stacks/provider-versions";

const file = configFileOf(process.env);
const planOnly = planOnlyOf(process.env);
// cdktf's own validations only run `terraform version` (for import blocks), which makes synth need Terraform on the
// PATH and a process start; the stack declares the Terraform version it needs instead.
const app = new App({ skipValidation: true });
try {
  const config = loadConfigFile(file, { planOnly });
  new FederationStack(app, config.name, { config, planOnly, providerVersions: providerVersionsOf(process.env) });
  app.synth();
  console.log(summary(config, file, app.outdir));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  reportConfigError(app, error, process.env);
}
