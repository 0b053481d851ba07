import { App } from "cdktf";
import { ConfigError } from "./config/errors";
import { configFileOf, loadConfigFile } from "./config/load";
import { reportConfigError } from "./stacks/config-error-report";
import { summary } from "./stacks/summary";
import { FederationStack } from "./stacks/federation-stack";

// cdktf records a full stack trace with every token it creates; source-mapping them (tsx turns source maps on)
// costs more than synthesizing a small config. Bad input never shows a stack trace anyway.
process.setSourceMapsEnabled(false);

const file = configFileOf(process.env);
const app = new App();
try {
  const config = loadConfigFile(file);
  new FederationStack(app, config.name, { config });
  app.synth();
  console.log(summary(config, file, app.outdir));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  reportConfigError(app, error, process.env);
}
