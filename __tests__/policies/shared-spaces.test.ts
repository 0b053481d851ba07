import { rolePolicy } from "../../config/role-policy";
import type { FederationConfig } from "../../config/types";
import { exampleData, loadData, loadExample } from "../helpers";
import {
  DOMAIN,
  TEAMS,
  acceptedKeys,
  decideUnchecked,
  principalTeam,
  profileArn,
  sagemakerArn,
  studio,
  type Context,
  type Request,
  type Team,
} from "./simulator";
import { asList, synthesizedRoles, type PolicyJson, type StatementJson } from "./synthesized-policies";

/*
 * Shared spaces run as the team's shared-space role. Mode: unchecked, since every request here is a Studio
 * session's (the checked mode drops sagemaker:DomainId and sagemaker:UserProfileName); each request carries only
 * the keys iam-simulate lists for it (carriedContext), which is what the checked mode would verify.
 */

const config = loadExample("contoso");
const { policies, roleArns } = synthesizedRoles(config);
const decide = decideUnchecked;

const member = (team: Team) => `${team}-member`;
const session = (team: Team): Context => ({ ...studio(team, member(team)), ...principalTeam(team) });
const usesStudio = (persona: string) => config.personas[persona]!.activities.includes("run-studio-applications");
const personaRoles = (team: Team) =>
  config.teams[team]!.roleKeys.filter((key) => key !== config.teams[team]!.sharedSpaceRoleKey);

function sharedSpaceRequest(team: Team, action: "CreateSpace" | "CreateApp", owner: string, spaceTeam = team): Request {
  const resource =
    action === "CreateSpace"
      ? sagemakerArn(`space/${DOMAIN[spaceTeam]}/team-space`)
      : sagemakerArn(`app/${DOMAIN[spaceTeam]}/team-space/jupyterlab/default`);
  return {
    action: `sagemaker:${action}`,
    resource,
    context: {
      ...session(team),
      "sagemaker:SpaceSharingType": "Shared",
      "sagemaker:OwnerUserProfileArn": profileArn(spaceTeam, owner),
      "sagemaker:InstanceTypes": ["ml.t3.medium"],
    },
  };
}

/** A request each statement of a policy allows: its ARNs and condition values with the variables and `*` filled in. */
function witnesses(statement: StatementJson, team: Team): Request[] {
  const fill = (text: string) =>
    text
      .replace(/\$\{sagemaker:DomainId\}/g, DOMAIN[team])
      .replace(/\$\{sagemaker:UserProfileName\}/g, member(team))
      .replace(/\*/g, "witness");
  const context: Record<string, string> = {};
  for (const block of Object.values(statement.Condition ?? {}))
    for (const [key, values] of Object.entries(block)) context[key] = fill(asList(values)[0]!);
  return asList(statement.Action).flatMap((action) =>
    asList(statement.Resource).map((resource) => ({
      action,
      resource: resource === "*" ? "*" : fill(resource),
      context: { ...session(team), ...context },
    })),
  );
}

/**
 * Whether the statement's action can act on this one of its resources (a statement lists several types). KMS is
 * left out: a key's own policy decides too, and the simulation has none.
 */
async function applies({ action, resource }: Request): Promise<boolean> {
  if (action.startsWith("kms:")) return false;
  if (resource === "*" || !action.startsWith("sagemaker:")) return true;
  return acceptedKeys(action, resource).then(
    () => true,
    () => false,
  );
}

describe("shared spaces of contoso, every persona of every team", () => {
  const rows = TEAMS.flatMap((team) => personaRoles(team).map((roleKey) => ({ team, roleKey })));

  test.each(rows)(
    "GIVEN $roleKey WHEN it creates a shared space it owns and starts an app in it THEN it may exactly when its persona opens Studio",
    async ({ team, roleKey }) => {
      const expected =
        usesStudio(config.roles[roleKey]!.persona) && config.teams[team]!.sharedSpaces ? "Allowed" : "ImplicitlyDenied";
      const create = await decide(
        roleArns[roleKey]!,
        policies[roleKey]!,
        sharedSpaceRequest(team, "CreateSpace", member(team)),
      );
      const app = await decide(
        roleArns[roleKey]!,
        policies[roleKey]!,
        sharedSpaceRequest(team, "CreateApp", member(team)),
      );
      expect({ create, app }).toEqual({ create: expected, app: expected });
    },
  );

  test.each(rows)("fails $roleKey creating a shared space owned by someone else", async ({ team, roleKey }) => {
    const result = await decide(
      roleArns[roleKey]!,
      policies[roleKey]!,
      sharedSpaceRequest(team, "CreateSpace", "someone-else"),
    );
    expect(result).not.toBe("Allowed");
  });

  test.each(rows)("fails $roleKey starting an app in another team's shared space", async ({ team, roleKey }) => {
    const other = TEAMS[(TEAMS.indexOf(team) + 1) % TEAMS.length]!;
    const result = await decide(
      roleArns[roleKey]!,
      policies[roleKey]!,
      sharedSpaceRequest(team, "CreateApp", member(other), other),
    );
    expect(result).not.toBe("Allowed");
  });

  test.each(TEAMS)(
    "GIVEN the %s shared-space role WHEN each of its grants is tried by every Studio persona of the team THEN each persona has it too",
    async (team) => {
      const sharedRole = config.teams[team]!.sharedSpaceRoleKey;
      const people = personaRoles(team).filter((key) => usesStudio(config.roles[key]!.persona));
      const exceeding: string[] = [];
      let tried = 0;
      for (const statement of policies[sharedRole]!.Statement.filter((candidate) => candidate.Effect === "Allow"))
        for (const attempt of witnesses(statement, team)) {
          if (!(await applies(attempt))) continue;
          tried++;
          // The witness itself must be allowed to the shared-space role, or the comparison proves nothing.
          if ((await decide(roleArns[sharedRole]!, policies[sharedRole]!, attempt)) !== "Allowed")
            exceeding.push(`the witness ${attempt.action} on ${attempt.resource} is not allowed to ${sharedRole}`);
          for (const person of people)
            if ((await decide(roleArns[person]!, policies[person]!, attempt)) !== "Allowed")
              exceeding.push(`${person} lacks ${attempt.action} on ${attempt.resource}`);
        }
      expect(people.length).toBeGreaterThan(0);
      expect(tried).toBeGreaterThan(5);
      expect(exceeding).toEqual([]);
    },
  );

  test.each(TEAMS)(
    "fails the %s shared-space role starting jobs, passing roles or reading private prefixes",
    async (team) => {
      const sharedRole = config.teams[team]!.sharedSpaceRoleKey;
      const workspace = config.teams[team]!.s3Buckets[0]!;
      const attempts: Request[] = [
        {
          action: "sagemaker:CreateTrainingJob",
          resource: sagemakerArn(`training-job/${team}-x`),
          context: { ...session(team), "aws:RequestTag/sagemaker-team": team, "aws:TagKeys": ["sagemaker-team"] },
        },
        {
          action: "iam:PassRole",
          resource: config.roles[config.teams[team]!.computeRoleKey]!.roleArn,
          context: { ...session(team), "iam:PassedToService": "sagemaker.amazonaws.com" },
        },
        {
          action: "s3:GetObject",
          resource: `arn:aws:s3:::${workspace}/users/${member(team)}/notes.ipynb`,
          context: session(team),
        },
        {
          action: "sagemaker:CreatePresignedDomainUrl",
          resource: profileArn(team, member(team)),
          context: session(team),
        },
      ];
      for (const attempt of attempts)
        expect({
          attempt: attempt.action,
          result: await decide(roleArns[sharedRole]!, policies[sharedRole]!, attempt),
        }).toEqual({
          attempt: attempt.action,
          result: "ImplicitlyDenied",
        });
    },
  );
});

describe("a team that turns shared spaces off", () => {
  let config: FederationConfig;

  beforeAll(() => {
    const data = exampleData("contoso");
    data.teams.forecasting.sharedSpaces = false;
    config = loadData(data);
  });

  test("fails a data scientist of that team creating a shared space, while her private spaces still work", async () => {
    const role = config.roles["forecasting/data-scientist"]!;
    const policy = rolePolicy(config, role) as unknown as PolicyJson;
    const shared = await decide(
      role.roleArn,
      policy,
      sharedSpaceRequest("forecasting", "CreateSpace", member("forecasting")),
    );
    const privateSpace = await decide(role.roleArn, policy, {
      ...sharedSpaceRequest("forecasting", "CreateSpace", member("forecasting")),
      context: {
        ...sharedSpaceRequest("forecasting", "CreateSpace", member("forecasting")).context,
        "sagemaker:SpaceSharingType": "Private",
      },
    });
    expect({ shared, privateSpace }).toEqual({ shared: "ImplicitlyDenied", privateSpace: "Allowed" });
  });

  test("GIVEN the other teams WHEN it is off for one THEN theirs stay on", () => {
    expect(Object.values(config.teams).map((team) => [team.key, team.sharedSpaces])).toEqual([
      ["forecasting", false],
      ["fraud", true],
      ["recommendations", true],
    ]);
  });
});

describe("a team with a Studio persona that lacks the shared/ prefix", () => {
  test("GIVEN sharedSpaces left out WHEN loaded THEN the team's shared spaces are off, so nobody gets more", () => {
    // GIVEN a viewer persona that opens Studio but holds no bucket access, in the fraud team
    const data = exampleData("contoso");
    data.personas.viewer = { activities: ["run-studio-applications", "search-visualize-experiments"] };
    data.teams.fraud.members["oscar@contoso.com"] = "viewer";
    // WHEN
    const loaded = loadData(data);
    // THEN
    expect(loaded.teams.fraud!.sharedSpaces).toBe(false);
    expect(loaded.teams.forecasting!.sharedSpaces).toBe(true);
    const inline = JSON.stringify(loaded.roles["fraud/mlops"]!.inlinePolicy);
    expect(inline).not.toContain("AppsInSharedSpaces");
  });
});
