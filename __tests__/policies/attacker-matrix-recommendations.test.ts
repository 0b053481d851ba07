import { casesFor, failures, rolesOf } from "./attacker-matrix";

// Generated cases and simulator mode: see attacker-matrix.ts.
const ROLES = rolesOf("recommendations");
const counted: Record<string, number> = {};

describe("attacker matrix of team recommendations, generated from the policies synthesized for contoso", () => {
  test.each(ROLES)(
    "GIVEN %s WHEN it acts on every resource type of every action it is granted THEN only its own team's are allowed",
    async (roleKey) => {
      const cases = await casesFor(roleKey);
      counted[roleKey] = cases.length;
      expect(await failures(cases)).toEqual([]);
    },
  );

  test("GIVEN the team's generated cases WHEN counted THEN every persona role has some and there are at least 500", () => {
    expect(Object.keys(counted).sort()).toEqual(ROLES);
    expect(Object.values(counted).every((count) => count > 0)).toBe(true);
    expect(Object.values(counted).reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(500);
  });
});
