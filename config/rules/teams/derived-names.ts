import type { RawProblem } from "../../errors";
import { domainName, IAM_ROLE_NAME_MAX, roleName, SAGEMAKER_NAME } from "../../names";
import { personaKeys, teamPersonas } from "../../resolve";
import type { FederationInput } from "../../schema";

/** The names derived from a team's key (its domain, its execution roles) must be names SageMaker and IAM accept. */
export function derivedNames(input: FederationInput): RawProblem[] {
  const known = personaKeys(input);
  const problems: RawProblem[] = [];
  for (const [teamKey, team] of Object.entries(input.teams)) {
    const domain = team.domainName ?? domainName(input.name, teamKey);
    if (team.domainName === undefined && !SAGEMAKER_NAME.test(domain))
      problems.push({
        path: ["teams", teamKey],
        rule: `domain name "${domain}" must match ${SAGEMAKER_NAME.source}`,
        fix: "use a team key that does not end with a hyphen",
      });
    for (const persona of teamPersonas(team).filter((key) => known.includes(key))) {
      const role = roleName(input.name, teamKey, persona);
      if (role.length > IAM_ROLE_NAME_MAX)
        problems.push({
          path: ["teams", teamKey],
          rule: `execution role name "${role}" is ${role.length} characters; IAM allows ${IAM_ROLE_NAME_MAX}`,
          fix: "shorten the config name, the team key or the persona key",
        });
    }
  }
  return problems;
}
