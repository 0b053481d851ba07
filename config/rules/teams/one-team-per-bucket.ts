import type { RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";
import { listedByAnotherTeam } from "./listed-by-one-team";

/** A team's roles read its buckets' `users/` and `shared/` prefixes: a shared bucket would open them to both teams. */
export function oneTeamPerBucket(input: FederationInput): RawProblem[] {
  return listedByAnotherTeam(input, "s3Buckets", (bucket, owner) => ({
    rule: `bucket "${bucket}" is also listed at ${owner}; each team's roles would reach the other team's prefixes`,
    fix: "give every team its own buckets (share data through a bucket only one team lists, or copy it)",
  }));
}
