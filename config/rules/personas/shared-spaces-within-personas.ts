import type { RawProblem } from "../../errors";
import { personasBelowSharedSpace } from "../../resolve";
import type { FederationInput } from "../../schema";

/** A shared space gives nobody more than their persona: it holds the workspace's `shared/` prefix. */
export function sharedSpacesWithinPersonas(input: FederationInput): RawProblem[] {
  return Object.entries(input.teams)
    .filter(([, team]) => team.sharedSpaces === true)
    .flatMap(([teamKey, team]) =>
      personasBelowSharedSpace(input, team).map((persona) => ({
        path: ["teams", teamKey, "sharedSpaces"],
        rule: `persona "${persona}" opens Studio without s3-bucket-access; a shared space would give its people the workspace's shared/ prefix`,
        fix: `add s3-bucket-access to personas.${persona}.activities, or set sharedSpaces: false`,
      })),
    );
}
