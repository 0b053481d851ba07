import type { RawProblem } from "../../errors";
import { personaLimits, teamLimits } from "../../limits";
import { peoplePersonas } from "../../resolve";
import type { FederationInput } from "../../schema";
import type { StudioLimits } from "../../types";

/**
 * Every persona's limits, and every team's for each persona its people use, must be consistent: the default idle
 * timeout between the minimum and the maximum, the default storage at most the maximum. A team's problem is
 * reported at the team's override, a persona's at the persona.
 */
export function consistentLimits(input: FederationInput): RawProblem[] {
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
