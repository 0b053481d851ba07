import type { RawProblem } from "./errors";
import { CONFIG_RULES, DERIVED_CONFIG_RULES } from "./rules/registry";
import type { FederationInput } from "./schema";
import type { FederationConfig } from "./types";

/** Checks across values of a config that passed the schema. Returns every problem (config/rules/, one rule a file). */
export function crossCheck(input: FederationInput, now: Date): RawProblem[] {
  return CONFIG_RULES.flatMap((rule) => rule(input, { now }));
}

/** Checks of the derived config: what it would generate fits the quotas of IAM and AWS Organizations. */
export function checkDerived(config: FederationConfig): RawProblem[] {
  return DERIVED_CONFIG_RULES.flatMap((rule) => rule(config));
}
