import { SHARED_SPACE_PERSONA } from "../../../policies/builtin-personas";
import type { RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";

/**
 * The shared-space persona is what a team's shared spaces run as, not a person's: its role is built for the space
 * (every Studio persona's common ground), and a profile of it would have no persona of its own to be isolated by.
 */
export function sharedSpacePersonaNotForPeople(input: FederationInput): RawProblem[] {
  const fix = "give them data-scientist, mlops or a persona of your own (personas)";
  const problem = (path: PropertyKey[]): RawProblem => ({
    path,
    rule: `persona "${SHARED_SPACE_PERSONA}" is what the team's shared spaces run as and cannot be given to a person`,
    fix,
  });
  return Object.entries(input.teams).flatMap(([teamKey, team]) => [
    ...(team.defaultPersona === SHARED_SPACE_PERSONA ? [problem(["teams", teamKey, "defaultPersona"])] : []),
    ...Object.entries(team.members)
      // A member without a persona of their own has the team's default, reported once above.
      .filter(([, member]) => (typeof member === "string" ? member : member?.persona) === SHARED_SPACE_PERSONA)
      .map(([userName]) => problem(["teams", teamKey, "members", userName])),
  ]);
}
