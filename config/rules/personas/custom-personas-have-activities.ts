import { BUILTIN_PERSONAS } from "../../../policies/builtin-personas";
import type { RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";

/** A persona the product does not define has no activities to fall back on. */
export function customPersonasHaveActivities(input: FederationInput): RawProblem[] {
  return Object.entries(input.personas)
    .filter(([key, persona]) => !Object.hasOwn(BUILTIN_PERSONAS, key) && persona.activities === undefined)
    .map(([key]) => ({
      path: ["personas", key, "activities"],
      rule: `persona "${key}" is not built in, so it needs its ML activities`,
      fix: `list them, or use one of the built-in personas: ${Object.keys(BUILTIN_PERSONAS).join(", ")}`,
    }));
}
