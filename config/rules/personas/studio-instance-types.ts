import { BUILTIN_PERSONAS } from "../../../policies/builtin-personas";
import { defaultAppInstanceType } from "../../../policies/studio-portal";
import type { RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";

/**
 * A persona that runs Studio apps starts its spaces on one of its own instance types, which must be one Studio apps
 * run on: otherwise every space would start on a type its guardrail denies.
 */
export function studioInstanceTypes(input: FederationInput): RawProblem[] {
  return Object.entries(input.personas).flatMap(([key, persona]) => {
    const builtin = Object.hasOwn(BUILTIN_PERSONAS, key) ? BUILTIN_PERSONAS[key] : undefined;
    const activities = persona.activities ?? builtin?.activities ?? [];
    if (persona.instanceTypes === undefined || !activities.includes("run-studio-applications")) return [];
    if (defaultAppInstanceType({ activities, instanceTypes: persona.instanceTypes }) !== undefined) return [];
    return [
      {
        path: ["personas", key, "instanceTypes"],
        rule: `persona "${key}" runs Studio apps, but none of its instance types (${persona.instanceTypes.join(", ")}) is one Studio apps run on`,
        fix: "add one that JupyterLab and Code Editor spaces can start on, such as ml.t3.medium",
      },
    ];
  });
}
