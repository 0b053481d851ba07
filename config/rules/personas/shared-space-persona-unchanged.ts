import { SHARED_SPACE_PERSONA } from "../../../policies/builtin-personas";
import type { RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";

/** Shared spaces of every team run as this persona: widening it would widen every shared space. */
export function sharedSpacePersonaUnchanged(input: FederationInput): RawProblem[] {
  if (!Object.hasOwn(input.personas, SHARED_SPACE_PERSONA)) return [];
  return [
    {
      path: ["personas", SHARED_SPACE_PERSONA],
      rule: `persona "${SHARED_SPACE_PERSONA}" is what shared spaces run as and cannot be changed`,
      fix: "remove it; to keep a team out of shared spaces set teams.<team>.sharedSpaces: false",
    },
  ];
}
