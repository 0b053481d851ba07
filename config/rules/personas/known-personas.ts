import { SHARED_SPACE_PERSONA } from "../../../policies/builtin-personas";
import type { RawProblem } from "../../errors";
import { personaKeys, resolveMember } from "../../resolve";
import type { FederationInput } from "../../schema";

/** Every persona a team or a member names is built in or defined under personas. */
export function knownPersonas(input: FederationInput): RawProblem[] {
  const known = personaKeys(input);
  const assignable = known.filter((key) => key !== SHARED_SPACE_PERSONA);
  const unknown = (path: PropertyKey[], persona: string): RawProblem[] =>
    known.includes(persona)
      ? []
      : [{ path, rule: `persona "${persona}" is not defined`, fix: `known personas: ${assignable.join(", ")}` }];
  return Object.entries(input.teams).flatMap(([teamKey, team]) => [
    ...unknown(["teams", teamKey, "defaultPersona"], team.defaultPersona),
    ...Object.entries(team.members).flatMap(([userName, member]) =>
      unknown(["teams", teamKey, "members", userName], resolveMember(team, userName, member).persona),
    ),
  ]);
}
