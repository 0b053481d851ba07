import { ACTIVITY_KEYS } from "../../policies/activities";
import { BUILTIN_PERSONAS } from "../../policies/builtin-personas";
import { ATTACHED_POLICIES_QUOTA, MANAGED_POLICY_QUOTA, policySize } from "../../policies/document";
import { personaManagedPolicies, teamInlinePolicy } from "../../policies/persona-policy";

const ACCOUNT = {
  partition: "aws",
  region: "eu-west-1",
  accountId: "111122223333",
  network: {
    subnetIds: ["subnet-0a1b2c3d4e5f60719", "subnet-0a1b2c3d4e5f60720"],
    securityGroupIds: ["sg-0a1b2c3d4e5f60721"],
  },
  kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9",
};
const TEAM = {
  ...ACCOUNT,
  buckets: ["contoso-forecasting-workspace", "contoso-forecasting-data"],
  computeRoleArn: "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ml/contoso-ml-forecasting-compute",
  sharedSpaces: true,
  fileSystemIds: [],
};
// Every activity at once, with every SageMaker instance family allowed: the largest persona a config can make.
const EVERYTHING = {
  activities: ACTIVITY_KEYS,
  instanceTypes: [
    "t2",
    "t3",
    "m4",
    "m5",
    "m5d",
    "m6i",
    "m6id",
    "m7i",
    "c4",
    "c5",
    "c5d",
    "c5n",
    "c6i",
    "c6id",
    "c7i",
    "r5",
    "r5d",
    "r6i",
    "r6id",
    "r7i",
    "g4dn",
    "g5",
    "g6",
    "g6e",
    "p2",
    "p3",
    "p3dn",
    "p4d",
    "p4de",
    "p5",
    "p5e",
    "p5en",
    "trn1",
    "trn1n",
    "inf1",
    "inf2",
  ].map((family) => `ml.${family}.*`),
};

describe("persona policies", () => {
  test.each([...Object.entries(BUILTIN_PERSONAS), ["every activity", EVERYTHING] as const])(
    "splits %s into managed policies IAM accepts and a role can hold",
    (_name, persona) => {
      const documents = personaManagedPolicies(persona, ACCOUNT);
      for (const document of documents) expect(policySize(document)).toBeLessThanOrEqual(MANAGED_POLICY_QUOTA);
      expect(documents.length).toBeLessThanOrEqual(ATTACHED_POLICIES_QUOTA);
    },
  );

  test("keeps every statement, in order, across the split", () => {
    const documents = personaManagedPolicies(EVERYTHING, ACCOUNT);
    const sids = documents.flatMap((document) => document.Statement.map((statement) => statement.Sid));
    expect(documents.length).toBeGreaterThan(1);
    expect(sids).toContain("DenyInstanceTypesOutsidePersona");
    expect(sids).toContain("TagOwnTeamCreations");
    // The guardrails come last: every grant before them is what they were derived from.
    const effects = documents.flatMap((document) => document.Statement.map((statement) => statement.Effect));
    expect(effects.slice(effects.indexOf("Deny")).every((effect) => effect === "Deny")).toBe(true);
    expect(sids.slice(-2)).toEqual(["DenyOutputsWithoutTeamKey", "DenyRemoteAccess"]);
    expect(new Set(sids).size).toBe(sids.length);
  });

  test("GIVEN a persona that opts in to remote access WHEN its policies are made THEN it may connect to its own spaces instead of being denied", () => {
    const optedIn = personaManagedPolicies({ ...BUILTIN_PERSONAS["data-scientist"]!, remoteAccess: true }, ACCOUNT);
    const sids = optedIn.flatMap((document) => document.Statement.map((statement) => statement.Sid));
    expect(sids).toContain("RemoteSessionsToOwnSpaces");
    expect(sids).not.toContain("DenyRemoteAccess");
  });

  test("names no team in the managed policies, and only the team's own in the inline one", () => {
    const shared = JSON.stringify(personaManagedPolicies(BUILTIN_PERSONAS["data-scientist"]!, ACCOUNT));
    expect(shared).not.toContain("contoso-forecasting");
    const inline = JSON.stringify(teamInlinePolicy(BUILTIN_PERSONAS["data-scientist"]!, TEAM));
    expect(inline).toContain("contoso-forecasting-workspace");
    expect(inline).toContain("iam:PassRole");
  });

  test("gives a persona without bucket or compute activities no inline policy", () => {
    expect(
      teamInlinePolicy({ activities: ["search-visualize-experiments"], instanceTypes: ["ml.t3.medium"] }, TEAM),
    ).toBeUndefined();
  });
});
