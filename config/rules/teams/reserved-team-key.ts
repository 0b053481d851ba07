import type { RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";
import { ADMIN_GROUP_KEY } from "../../types";

/** The admin group is keyed like a team wherever groups are: a team of that key would share its addresses. */
export function reservedTeamKey(input: FederationInput): RawProblem[] {
  if (!Object.hasOwn(input.teams, ADMIN_GROUP_KEY)) return [];
  return [
    {
      path: ["teams", ADMIN_GROUP_KEY],
      rule: `team key "${ADMIN_GROUP_KEY}" is reserved for the admin group`,
      fix: "rename the team",
    },
  ];
}
