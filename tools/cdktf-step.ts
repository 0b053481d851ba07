import { ConfigError } from "../config/errors";
import type { FederationConfig } from "../config/types";
import { formatChecks, type Check } from "./doctor-checks";

/** The project's commands and the cdktf command each runs. */
export const STEPS = { synth: "synth", plan: "diff", deploy: "deploy" } as const;
export type Step = keyof typeof STEPS;

export type StepDecision =
  | { readonly stop: string }
  | { readonly run: readonly string[]; readonly env: Readonly<Record<string, string>> };

/**
 * Whether to run cdktf, and how. A bad config is reported once, as the loader words it, before cdktf would wrap it
 * in its own error output; a plan or apply stops first on what the doctor knows would fail it. cdktf runs offline
 * of HashiCorp's update check, so a successful synth prints no network error.
 */
export function decideStep(
  step: Step,
  args: readonly string[],
  configFile: string,
  config: FederationConfig | ConfigError,
  checks: readonly Check[],
): StepDecision {
  if (config instanceof ConfigError) return { stop: config.message };
  const blocking = step === "synth" ? [] : checks.filter((check) => check.status === "fail" || check.blocksPlan);
  if (blocking.length > 0)
    return {
      stop: formatChecks(blocking, `fix the above, then npm run ${step} again (npm run doctor shows every check)`),
    };
  return {
    run: [STEPS[step], ...args],
    env: { FEDERATION_CONFIG: configFile, CHECKPOINT_DISABLE: "1" },
  };
}
