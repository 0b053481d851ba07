import { AnnotationMetadataEntryType, type App, TerraformStack } from "cdktf";
import type { ConfigError } from "../config/errors";

/** Set by the cdktf CLI for the app it runs: error annotations are printed by the CLI, once, after synthesis. */
const RUN_BY_CDKTF_CLI = "CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS";

/**
 * Reports a bad config so that each problem is printed exactly once. Run by the cdktf CLI, whatever the app writes to
 * stdout or stderr is echoed live and again inside the CLI's "encountered an error while synthesizing" block; an
 * error annotation is printed once, and still fails `cdktf synth`, `diff` and `deploy`. Run on its own, the app
 * prints the problems and exits non-zero.
 */
export function reportConfigError(app: App, error: ConfigError, env: NodeJS.ProcessEnv): void {
  if (env[RUN_BY_CDKTF_CLI] !== "true") {
    console.error(error.message);
    process.exitCode = 1;
    return;
  }
  // The annotation is added without a stack trace: the CLI would print it under the problems.
  new TerraformStack(app, "config").node.addMetadata(AnnotationMetadataEntryType.ERROR, error.message);
  app.synth();
}
