import type { PolicyDocument } from "../policies/document";

/**
 * A policy's text with the order IAM ignores taken out: statements by Sid, and every list of actions,
 * resources and condition values sorted. Reordering subnets in the config reorders them in the policy's
 * conditions, which the AWS provider does not count as a change either.
 */
export function canonicalPolicy(policy: PolicyDocument): string {
  const sortedList = (value: string | readonly string[]) => (typeof value === "string" ? value : [...value].sort());
  const statements = policy.Statement.map((statement) => ({
    ...statement,
    Action: sortedList(statement.Action),
    Resource: sortedList(statement.Resource),
    Condition:
      statement.Condition === undefined
        ? undefined
        : Object.fromEntries(
            Object.entries(statement.Condition).map(([operator, keys]) => [
              operator,
              Object.fromEntries(Object.entries(keys).map(([key, value]) => [key, sortedList(value)])),
            ]),
          ),
  })).sort((a, b) => (a.Sid < b.Sid ? -1 : a.Sid > b.Sid ? 1 : 0));
  return JSON.stringify({ ...policy, Statement: statements });
}
