import type { RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";
import { listedByAnotherTeam } from "./listed-by-one-team";

/** A team's jobs mount its file systems: a shared one would give each team the other's files. */
export function oneTeamPerFileSystem(input: FederationInput): RawProblem[] {
  return listedByAnotherTeam(input, "fileSystemIds", (id, owner) => ({
    rule: `file system "${id}" is also listed at ${owner}; each team's jobs would read the other team's files`,
    fix: "give every team its own file systems",
  }));
}
