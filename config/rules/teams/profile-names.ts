import type { RawProblem } from "../../errors";
import { SAGEMAKER_NAME } from "../../names";
import { resolveMember } from "../../resolve";
import type { FederationInput } from "../../schema";

/** Every member's profile name (given or derived from the user name) is valid and unique in the team's domain. */
export function profileNames(input: FederationInput): RawProblem[] {
  const problems: RawProblem[] = [];
  for (const [teamKey, team] of Object.entries(input.teams)) {
    const owners = new Map<string, string>();
    for (const [userName, member] of Object.entries(team.members)) {
      const path = ["teams", teamKey, "members", userName];
      const { persona, profileName } = resolveMember(team, userName, member);
      if (!SAGEMAKER_NAME.test(profileName)) {
        problems.push({
          path,
          rule: `user profile name "${profileName}" derived from the user name must match ${SAGEMAKER_NAME.source}`,
          fix: "give the member an explicit profileName",
        });
        continue;
      }
      // Profile names are case-insensitive in SageMaker.
      const owner = owners.get(profileName.toLowerCase());
      if (owner === undefined) owners.set(profileName.toLowerCase(), userName);
      else
        problems.push({
          path,
          rule: `user profile name "${profileName}" is already used by ${owner} in this team`,
          fix: `give one of them an explicit profileName, e.g. { persona: ${persona}, profileName: ${profileName}-2 }`,
        });
    }
  }
  return problems;
}
