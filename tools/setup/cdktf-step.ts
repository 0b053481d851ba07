import { ConfigError } from "../../config/errors";
import type { FederationConfig } from "../../config/types";
import { formatChecks, type Check } from "./doctor-checks";

/** The project's commands and the cdktf command behind each; synth runs the app itself, as `cdktf synth` does. */
export const STEPS = { synth: "synth", plan: "diff", deploy: "deploy" } as const;
export type Step = keyof typeof STEPS;

export type StepDecision =
  | { readonly stop: string }
  | { readonly app: true; readonly env: Readonly<Record<string, string>> }
  | { readonly cdktf: readonly string[]; readonly env: Readonly<Record<string, string>> };

/**
 * Whether to run, and what. A bad config is reported once, as the loader words it; a plan or apply stops first on what
 * the doctor knows would fail it. Synth runs cdktf.json's app command without the cdktf CLI, whose progress display
 * adds dozens of lines to a log and nothing to the result. cdktf runs offline of HashiCorp's update check, so a
 * successful run prints no network error.
 */
export function decideStep(
  step: Step,
  args: readonly string[],
  configFile: string,
  config: FederationConfig | ConfigError,
  checks: readonly Check[],
): StepDecision {
  if (config instanceof ConfigError) return { stop: config.message };
  const env = { FEDERATION_CONFIG: configFile, CHECKPOINT_DISABLE: "1" };
  if (step === "synth") {
    if (args.length > 0)
      return { stop: `npm run synth takes no options (got ${args.join(" ")}); use npx cdktf synth ${args.join(" ")}` };
    return { app: true, env };
  }
  const blocking = checks.filter((check) => check.status === "fail" || check.blocksPlan);
  if (blocking.length > 0)
    return {
      stop: formatChecks(blocking, `fix the above, then npm run ${step} again (npm run doctor shows every check)`),
    };
  return { cdktf: [STEPS[step], ...args], env };
}
