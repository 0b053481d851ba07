import { loadExample } from "../helpers";
import { casesFor, holds, lookAlikeConfig, type Case } from "./attacker-matrix";
import { worldOf, type World } from "./matrix-world";
import { asList, type PolicyJson, type StatementJson } from "./synthesized-policies";

/*
 * Whether the attacker matrix proves what the conditions are for: every `Condition` entry (an operator and a key) of
 * every statement of the execution roles' synthesized policies, for contoso and the look-alike config, is removed in
 * turn, and at least one generated case must then come out wrong. A condition no case misses is either dead or
 * untested. Removing a condition from an Allow can only allow more, so only the cases expected denied can show it;
 * from a Deny, only the cases expected allowed. Each removal is tried on the roles that hold the statement (a
 * statement is known by its Sid), with their own cases, until one fails.
 */

const WORLDS: World[] = [worldOf("contoso", loadExample("contoso")), worldOf("look-alike", lookAlikeConfig())];

/**
 * Entries kept although no case can miss them, each with why: they repeat what another condition of the same
 * statement already holds, for a request SageMaker never sends.
 */
const BELT_AND_BRACES: Readonly<Record<string, string>> = {
  "OwnProfileApps Null sagemaker:OwnerUserProfileArn":
    "an app in a space carries both the owner and the sharing type; the sharing type's Null alone keeps such apps out, this one keeps them out if SageMaker ever sent the owner alone",
  "OwnSharedSpaces StringEquals sagemaker:SpaceSharingType":
    "the owner may create private spaces anyway (OwnPrivateSpaces); the value keeps any other sharing type SageMaker adds out of this grant",
};

interface Mutation {
  readonly id: string;
  readonly sid: string;
  readonly operator: string;
  readonly key: string;
}

function entriesOf(statement: StatementJson): [string, string][] {
  return Object.entries(statement.Condition ?? {}).flatMap(([operator, block]) =>
    Object.keys(block).map((key): [string, string] => [operator, key]),
  );
}

function withoutEntry(statement: StatementJson, operator: string, key: string): StatementJson {
  const condition = Object.fromEntries(
    Object.entries(statement.Condition ?? {})
      .map(
        ([op, block]) =>
          [op, op === operator ? Object.fromEntries(Object.entries(block).filter(([k]) => k !== key)) : block] as const,
      )
      .filter(([, block]) => Object.keys(block).length > 0),
  );
  if (Object.keys(condition).length > 0) return { ...statement, Condition: condition };
  return Object.fromEntries(Object.entries(statement).filter(([field]) => field !== "Condition")) as StatementJson;
}

/** Every condition entry of every statement, once per Sid (a Sid has the same keys in every team). */
const MUTATIONS: Mutation[] = (() => {
  const found = new Map<string, Mutation>();
  for (const world of WORLDS)
    for (const policy of Object.values(world.policies))
      for (const statement of policy.Statement)
        for (const [operator, key] of entriesOf(statement)) {
          const id = `${statement.Sid} ${operator} ${key}`;
          if (!found.has(id)) found.set(id, { id, sid: statement.Sid!, operator, key });
        }
  return [...found.values()].sort((a, b) => a.id.localeCompare(b.id));
})();

/** Whether removing the entry makes one of the matrix's cases come out wrong, in any role that holds the statement. */
async function caught({ sid, operator, key }: Mutation): Promise<boolean> {
  for (const world of WORLDS)
    for (const [roleKey, policy] of Object.entries(world.policies)) {
      const statement = policy.Statement.find((candidate) => candidate.Sid === sid);
      if (statement === undefined) continue;
      const mutated: PolicyJson = {
        ...policy,
        Statement: policy.Statement.map((candidate) =>
          candidate === statement ? withoutEntry(statement, operator, key) : candidate,
        ),
      };
      const actions = new Set(asList(statement.Action).map((action) => action.toLowerCase()));
      const shows = (attempt: Case) =>
        actions.has(attempt.action.toLowerCase()) &&
        (statement.Effect === "Allow" ? attempt.then === "denied" : attempt.then === "allowed");
      for (const attempt of (await casesFor(world, roleKey)).filter(shows))
        if (!(await holds(world, attempt, mutated))) return true;
    }
  return false;
}

const checked = MUTATIONS.filter((mutation) => !Object.hasOwn(BELT_AND_BRACES, mutation.id));

describe("condition mutation: every condition of the execution roles' policies is proved by the attacker matrix", () => {
  test(`GIVEN the synthesized policies WHEN their conditions are counted THEN ${MUTATIONS.length} entries are removed one at a time: ${checked.length} must be caught, ${MUTATIONS.length - checked.length} are listed as belt and braces`, () => {
    expect(checked.length).toBeGreaterThan(40);
    expect(Object.keys(BELT_AND_BRACES).filter((id) => !MUTATIONS.some((mutation) => mutation.id === id))).toEqual([]);
  });

  test.each(checked.map((mutation) => [mutation.id, mutation] as const))(
    "GIVEN %s removed WHEN the matrix runs THEN a case fails",
    async (_id, mutation) => {
      expect(await caught(mutation)).toBe(true);
    },
  );

  test.each(Object.entries(BELT_AND_BRACES))(
    "GIVEN %s removed, belt and braces (%s), WHEN the matrix runs THEN no case fails, as listed",
    async (id) => {
      expect(await caught(MUTATIONS.find((mutation) => mutation.id === id)!)).toBe(false);
    },
  );
});
