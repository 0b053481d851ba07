import type { RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";

/** An admin listed twice (in any casing) would be added to the admin group twice. */
export function adminsListedOnce(input: FederationInput): RawProblem[] {
  const seen = new Set<string>();
  const problems: RawProblem[] = [];
  input.admins.members.forEach((userName, index) => {
    if (seen.has(userName.toLowerCase()))
      problems.push({
        path: ["admins", "members", index],
        rule: `user "${userName}" is listed twice`,
        fix: "list each admin once",
      });
    seen.add(userName.toLowerCase());
  });
  return problems;
}
