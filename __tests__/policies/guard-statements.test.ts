import { loadExample } from "../helpers";
import { ADMINISTRATOR_ACCESS } from "./fixtures/aws-managed-policies";
import { decide, guardedExample, outsiders, readers, type GuardedExample, type Principal } from "./outsiders";
import { request, type Request } from "./simulator";
import { ADMIN_PERMISSION_SET_ARN, type PolicyJson } from "./synthesized-policies";

/**
 * One named case per statement of the two service control policies, so that no statement is guarded by the
 * snapshot alone: each case is a request the statement must refuse, decided under the guards as synthesized
 * (denied) and under the same guards without that one statement (allowed), which proves the case reaches it.
 * The generated outsider suite covers the breadth; these name the statements.
 */

const ACCOUNT = "111122223333";
const sagemaker = (path: string) => `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:${path}`;
const DOMAIN = sagemaker("domain/d-forecast0001");
const PROFILE = sagemaker("user-profile/d-forecast0001/alice");
const EXECUTION_ROLE = `arn:aws:iam::${ACCOUNT}:role/sagemaker-studio/contoso-ext/contoso-ext-forecasting-compute`;
const PLAN_ROLE = `arn:aws:iam::${ACCOUNT}:role/platform-terraform-plan`;
const DEPLOYER: Principal = {
  name: "the deployer",
  arn: `arn:aws:iam::${ACCOUNT}:role/platform-terraform`,
  identity: ADMINISTRATOR_ACCESS,
};

interface StatementCase {
  /** The statement that must refuse the request. */
  readonly sid: string;
  readonly who: (example: GuardedExample) => Principal;
  readonly request: Request;
}

const iamAdministrator = (example: GuardedExample) =>
  outsiders(ACCOUNT).find((principal) => principal.name === "an IAM administrator") ??
  fail(`${example.config.name}: no IAM administrator among the outsiders`);
const powerUser = () => outsiders(ACCOUNT).find((principal) => principal.name.includes("PowerUserAccess"))!;
const planRole = (example: GuardedExample) => readers(example.config, ACCOUNT).find((r) => r.arn === PLAN_ROLE)!;

function fail(message: string): never {
  throw new Error(message);
}

// prettier-ignore
const CASES: StatementCase[] = [
  // Console guard: nobody outside the federation touches SageMaker; readers read.
  { sid: "OnlyTheFederationUsesSageMaker", who: powerUser, request: request("sagemaker:DeleteDomain", DOMAIN) },
  { sid: "OnlyTheFederationUsesSageMaker", who: powerUser, request: request("sagemaker:CreateUserProfile", PROFILE) },
  { sid: "OnlyTheFederationUsesSageMaker", who: iamAdministrator, request: request("sagemaker:DeleteDomain", DOMAIN) },
  { sid: "ReadersOnlyRead", who: planRole, request: request("sagemaker:DeleteDomain", DOMAIN) },
  { sid: "ReadersOnlyRead", who: planRole, request: request("sagemaker:CreateUserProfile", PROFILE) },
  // Console guard: execution roles are passed and changed only by the roles designed to.
  { sid: "OnlyDesignedRolesPassExecutionRoles", who: iamAdministrator, request: request("iam:PassRole", EXECUTION_ROLE, { "iam:PassedToService": "sagemaker.amazonaws.com" }) },
  { sid: "OnlyDeployerChangesExecutionRoles", who: iamAdministrator, request: request("iam:PutRolePolicy", EXECUTION_ROLE) },
  { sid: "OnlyDeployerChangesExecutionRoles", who: iamAdministrator, request: request("iam:CreatePolicy", `arn:aws:iam::${ACCOUNT}:policy/sagemaker-studio/contoso-ext/more`) },
  { sid: "OnlyDeployerChangesExemptRoles", who: iamAdministrator, request: request("iam:UpdateAssumeRolePolicy", PLAN_ROLE) },
  { sid: "NobodyChangesIdentityCenterTrust", who: iamAdministrator, request: request("iam:UpdateSAMLProvider", `arn:aws:iam::${ACCOUNT}:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE`) },
  // Identity Center guard: who a person is, the admin permission set and the domains' applications.
  { sid: "OnlyDeployerWritesIdentities", who: iamAdministrator, request: request("identitystore:CreateGroupMembership", `arn:aws:identitystore::${ACCOUNT}:identitystore/d-1234567890`) },
  { sid: "OnlyDeployerChangesAdminPermissionSet", who: iamAdministrator, request: request("sso:PutInlinePolicyToPermissionSet", ADMIN_PERMISSION_SET_ARN) },
  { sid: "OnlyDeployerChangesStudioApplications", who: iamAdministrator, request: request("sso:CreateApplicationAssignment", `arn:aws:sso::${ACCOUNT}:application/ssoins-0123456789abcdef/apl-0123456789abcdef`) },
];

/** The guards with one statement left out, wherever it is. */
function without(example: GuardedExample, sid: string): PolicyJson[] {
  return example.scps.map(({ document }) => ({
    ...document,
    Statement: document.Statement.filter((statement) => statement.Sid !== sid),
  }));
}

describe("each statement of the guards of contoso-external, by name", () => {
  let example: GuardedExample;
  beforeAll(() => {
    // GIVEN the console guard and the Identity Center guard as synthesized for contoso-external
    example = guardedExample(loadExample("contoso-external"));
  });

  test("GIVEN the guards WHEN their statements are listed THEN every one is named by a case below", () => {
    const sids = example.scps.flatMap(({ document }) => document.Statement.map((statement) => statement.Sid));
    expect([...new Set(sids)].sort()).toEqual([...new Set(CASES.map((c) => c.sid))].sort());
  });

  test.each(CASES.map((c) => [c.sid, c.request.action, c.request.resource.split(":").slice(5).join(":"), c] as const))(
    "%s denies %s on %s",
    async (sid, _action, _resource, { who, request: attempt }) => {
      // GIVEN the principal
      const principal = who(example);
      // WHEN it makes the request under the guards, and under the guards without the statement
      const guarded = await decide(example, { who: principal, request: attempt });
      const unguarded = await decide(example, { who: principal, request: attempt }, without(example, sid));
      // THEN the statement is what refuses it
      expect(guarded).not.toBe("Allowed");
      expect(unguarded).toBe("Allowed");
    },
  );

  test("GIVEN the deployer WHEN it deletes a domain or creates a profile THEN the guards let it", async () => {
    for (const attempt of [request("sagemaker:DeleteDomain", DOMAIN), request("sagemaker:CreateUserProfile", PROFILE)])
      expect(await decide(example, { who: DEPLOYER, request: attempt })).toBe("Allowed");
  });

  test("GIVEN the plan role WHEN it describes a domain THEN the guards let it read", async () => {
    expect(
      await decide(example, { who: planRole(example), request: request("sagemaker:DescribeDomain", DOMAIN) }),
    ).toBe("Allowed");
  });
});
