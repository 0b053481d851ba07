import type { FederationInput } from "./schema";
import type { StudioLimits } from "./types";

/**
 * Idle shutdown and storage limits of a person's JupyterLab and Code Editor apps and private spaces. SageMaker
 * shuts an app down after `idleTimeoutMinutes` without activity; in a space of their own a person may choose any
 * timeout from `minIdleTimeoutMinutes` to `maxIdleTimeoutMinutes` and any storage up to `maxStorageGb`, and
 * SageMaker enforces both from the profile's settings.
 */
export const DEFAULT_LIMITS: StudioLimits = {
  idleTimeoutMinutes: 60,
  minIdleTimeoutMinutes: 60,
  maxIdleTimeoutMinutes: 480,
  // SageMaker's own default size of a private space; 100 GB is the product's cap unless the config raises it.
  defaultStorageGb: 5,
  maxStorageGb: 100,
};

/** A persona's limits: the defaults under the persona's own settings. */
export function personaLimits(input: FederationInput, persona: string): StudioLimits {
  return { ...DEFAULT_LIMITS, ...defined(input.personas[persona]?.limits) };
}

/** A persona's limits in a team: the persona's, under the team's override. */
export function teamLimits(input: FederationInput, teamKey: string, persona: string): StudioLimits {
  return { ...personaLimits(input, persona), ...defined(input.teams[teamKey]?.limits) };
}

function defined(limits: Partial<StudioLimits> | undefined): Partial<StudioLimits> {
  return Object.fromEntries(Object.entries(limits ?? {}).filter(([, value]) => value !== undefined));
}
