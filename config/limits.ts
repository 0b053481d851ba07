import type { RawProblem } from "./cross-check";
import type { FederationInput } from "./schema";
import type { StudioLimits } from "./types";
import { peoplePersonas } from "./resolve";

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

/** SageMaker's accepted ranges (IdleSettings and DefaultEbsStorageSettings in its API reference). */
export const IDLE_MINUTES_RANGE = [60, 525_600] as const;
export const STORAGE_GB_RANGE = [5, 16_384] as const;

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

/**
 * Every persona's limits, and every team's for each persona its people use, must be consistent: the default idle
 * timeout between the minimum and the maximum, the default storage at most the maximum. A team's problem is
 * reported at the team's override, a persona's at the persona.
 */
export function checkLimits(input: FederationInput): RawProblem[] {
  const problems: RawProblem[] = [];
  for (const [persona, definition] of Object.entries(input.personas))
    if (definition.limits !== undefined)
      problems.push(...inconsistencies(personaLimits(input, persona), ["personas", persona, "limits"], ""));
  for (const [teamKey, team] of Object.entries(input.teams)) {
    if (team.limits === undefined) continue;
    for (const persona of peoplePersonas(team)) {
      const found = inconsistencies(teamLimits(input, teamKey, persona), ["teams", teamKey, "limits"], persona);
      problems.push(...found);
      // One persona's problem is the team override's problem: the others would repeat it.
      if (found.length > 0) break;
    }
  }
  return problems;
}

function inconsistencies(limits: StudioLimits, path: PropertyKey[], persona: string): RawProblem[] {
  const of = persona === "" ? "" : ` (with persona ${persona}'s limits)`;
  const problems: RawProblem[] = [];
  const { idleTimeoutMinutes: idle, minIdleTimeoutMinutes: min, maxIdleTimeoutMinutes: max } = limits;
  if (min > max)
    problems.push({
      path: [...path, "minIdleTimeoutMinutes"],
      rule: `the minimum idle timeout (${min}) is above the maximum (${max})${of}`,
      fix: "lower minIdleTimeoutMinutes or raise maxIdleTimeoutMinutes",
    });
  else if (idle < min || idle > max)
    problems.push({
      path: [...path, idle > max ? "maxIdleTimeoutMinutes" : "minIdleTimeoutMinutes"],
      rule: `the default idle timeout (${idle}) must lie between the minimum (${min}) and the maximum (${max})${of}`,
      fix:
        idle > max
          ? "raise maxIdleTimeoutMinutes or lower idleTimeoutMinutes"
          : "lower minIdleTimeoutMinutes or raise idleTimeoutMinutes",
    });
  if (limits.defaultStorageGb > limits.maxStorageGb)
    problems.push({
      path: [...path, "maxStorageGb"],
      rule: `the maximum storage (${limits.maxStorageGb} GB) is below the default (${limits.defaultStorageGb} GB)${of}`,
      fix: "raise maxStorageGb or lower defaultStorageGb",
    });
  return problems;
}
