import type { RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";

/** Jobs, endpoints, pipelines and models are named `<team>-...`: a team key cannot be another team's name prefix. */
export function teamKeyPrefixes(input: FederationInput): RawProblem[] {
  const teamKeys = Object.keys(input.teams);
  return teamKeys.flatMap((teamKey) => {
    const named = teamKeys.find((other) => other !== teamKey && teamKey.startsWith(`${other}-`));
    if (named === undefined) return [];
    return [
      {
        path: ["teams", teamKey],
        rule: `team key "${teamKey}" starts with "${named}-", the name prefix of team ${named}'s jobs, endpoints, pipelines and models`,
        fix: `rename one of the teams so that neither key is the other's followed by "-"`,
      },
    ];
  });
}
