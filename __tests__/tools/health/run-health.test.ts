import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { exampleData, loadData, loadExample, NOW } from "../../helpers";
import type { FederationConfig } from "../../../config/types";
import { healthExitCode, type Finding } from "../../../tools/health/checks/finding";
import { loadConfigForHealth } from "../../../tools/health/load-for-health";
import { runHealth } from "../../../tools/health/run-health";
import { fakeAws, fakeGraph, healthyWorld, JOB_ID, type World } from "./fake-world";

/** Contoso with the SCIM token generated on 2026-06-01: half a year old at NOW. */
function contoso(): FederationConfig {
  const data = exampleData("contoso");
  data.identityProvider.entra.scimTokenIssuedOn = "2026-06-01";
  return loadData(data);
}

async function check(config: FederationConfig, change: (world: World) => void = () => {}) {
  const world = healthyWorld(config);
  change(world);
  const graph = fakeGraph(world);
  const findings = await runHealth({ config, now: NOW, aws: fakeAws(world), graph: graph.graph });
  return { findings, exitCode: healthExitCode(findings), graph };
}

const named = (findings: readonly Finding[], check: string) => findings.filter((f) => f.check.startsWith(check));
const only = (findings: readonly Finding[], check: string): Finding => {
  const found = named(findings, check);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe("npm run health against a healthy federation", () => {
  let findings: Finding[];
  let exitCode: number;
  beforeAll(async () => {
    // GIVEN everything as a successful apply and provisioning leave it WHEN every check runs
    ({ findings, exitCode } = await check(contoso()));
  });

  test("THEN every check is ok and the exit code is 0", () => {
    expect(findings.filter((f) => f.status !== "ok")).toEqual([]);
    expect(exitCode).toBe(0);
  });

  test("THEN each subject of the health check is covered", () => {
    for (const subject of [
      "SCIM token",
      "SAML signing certificate (config)",
      "SAML signing certificate (Entra)",
      "SAML settings",
      "Provisioning job",
      "Provisioning logs",
      "Members in IAM Identity Center",
      "Groups",
      "Studio domains",
    ])
      expect(named(findings, subject).length).toBeGreaterThan(0);
  });

  test("THEN the SCIM token's age and days left are counted from the recorded date", () => {
    // 2026-06-01 to 2026-11-30 is 182 days; a year after it is 2027-06-01, 183 days ahead
    expect(only(findings, "SCIM token").summary).toBe(
      "generated 2026-06-01 (182 days old), expires in 183 days (2027-06-01)",
    );
  });

  test("THEN the SAML line says which settings no AWS API exposes and what is compared instead", () => {
    const saml = only(findings, "SAML settings").summary;
    expect(saml).toMatch(/no AWS API exposes IAM Identity Center's own issuer, ACS and sign-in URLs/);
    expect(saml).toContain("d-93670a1b2c");
  });

  test("THEN all 11 members (admins included), 4 groups and 3 domains are found, read page by page", () => {
    expect(only(findings, "Members").summary).toContain("all 11 members");
    expect(only(findings, "Groups").summary).toContain("all 4 groups");
    expect(only(findings, "Studio domains").summary).toBe("3 of 3 in service");
  });
});

describe("the SCIM token", () => {
  const withToken = (issued: string) => {
    const data = exampleData("contoso");
    data.identityProvider.entra.scimTokenIssuedOn = issued;
    return loadData(data);
  };

  test("GIVEN a token 300 days old WHEN checked THEN a warning with the rotation as next step (exit 2)", async () => {
    const { findings, exitCode } = await check(withToken("2026-02-03"));
    const token = only(findings, "SCIM token");
    expect(token).toMatchObject({ status: "warning", next: expect.stringContaining("docs/runbook.md, section 3") });
    expect(token.summary).toContain("expires in 65 days");
    expect(exitCode).toBe(2);
  });

  test("GIVEN a token 350 days old WHEN checked THEN action is needed (exit 3)", async () => {
    const { findings, exitCode } = await check(withToken("2025-12-15"));
    expect(only(findings, "SCIM token")).toMatchObject({ status: "action" });
    expect(only(findings, "SCIM token").summary).toContain("expires in 15 days");
    expect(exitCode).toBe(3);
  });

  test("fails the check GIVEN a token over a year old: expired, provisioning fails (exit 3)", async () => {
    const { findings, exitCode } = await check(withToken("2025-11-01"));
    expect(only(findings, "SCIM token").summary).toMatch(/expired 29 days ago \(2026-11-01\): provisioning fails/);
    expect(exitCode).toBe(3);
  });

  test("GIVEN no recorded date WHEN checked THEN a warning asks for scimTokenIssuedOn", async () => {
    const { findings } = await check(loadExample("contoso"));
    expect(only(findings, "SCIM token")).toMatchObject({
      status: "warning",
      next: expect.stringContaining("identityProvider.entra.scimTokenIssuedOn"),
    });
  });
});

describe("the SAML signing certificate", () => {
  const withCertificate = (end: string) => {
    const data = exampleData("contoso");
    data.identityProvider.entra.scimTokenIssuedOn = "2026-06-01";
    data.identityProvider.entra.signingCertificateEndDate = end;
    return loadData(data);
  };

  test("GIVEN the active certificate ends in 45 days WHEN checked THEN both lines warn (exit 2)", async () => {
    const { findings, exitCode } = await check(withCertificate("2027-01-14T00:00:00Z"));
    expect(only(findings, "SAML signing certificate (Entra)")).toMatchObject({ status: "warning" });
    expect(only(findings, "SAML signing certificate (Entra)").summary).toContain("in 45 days");
    expect(only(findings, "SAML signing certificate (config)")).toMatchObject({ status: "warning" });
    expect(exitCode).toBe(2);
  });

  test("GIVEN the active certificate ends in 10 days WHEN checked THEN action is needed", async () => {
    const { findings, exitCode } = await check(withCertificate("2026-12-10T00:00:00Z"));
    expect(only(findings, "SAML signing certificate (Entra)")).toMatchObject({
      status: "action",
      next: expect.stringContaining("docs/runbook.md, section 2"),
    });
    expect(exitCode).toBe(3);
  });

  test("fails the check GIVEN Entra's active certificate expired while the config declares a new one", async () => {
    // GIVEN the config rotated to a new certificate, but Entra still signs with the old, expired one
    const { findings, exitCode } = await check(contoso(), (world) => {
      world.servicePrincipals[0]!.preferredTokenSigningKeyThumbprint = "0F0E0D0C";
    });
    const live = only(findings, "SAML signing certificate (Entra)");
    expect(live.status).toBe("action");
    expect(live.summary).toContain("not the active one");
    expect(live.next).toContain("activate_signing_certificate_command");
    expect(exitCode).toBe(3);
  });

  test("fails the check GIVEN the certificate the config declares and Entra signs with expired 10 days ago", async () => {
    // GIVEN a config file the loader alone would refuse (its certificate is in the past), read as health reads it
    const data = exampleData("contoso");
    data.identityProvider.entra.scimTokenIssuedOn = "2026-06-01";
    data.identityProvider.entra.signingCertificateEndDate = "2026-11-20T00:00:00Z";
    const file = join(mkdtempSync(join(tmpdir(), "health-")), "expired.yaml");
    writeFileSync(file, stringify(data));
    // WHEN
    const { findings, exitCode } = await check(loadConfigForHealth(file, NOW));
    // THEN both lines say it expired, with the rotation as next step
    for (const which of ["SAML signing certificate (config)", "SAML signing certificate (Entra)"]) {
      const line = only(findings, which);
      expect(line.status).toBe("action");
      expect(line.summary).toMatch(/^expired 10 days ago \(2026-11-20T00:00:00Z\)/);
      expect(line.next).toContain("docs/runbook.md, section 2");
    }
    expect(exitCode).toBe(3);
  });

  test("GIVEN Graph's beta end date of the active key WHEN checked THEN it is used", async () => {
    const { findings } = await check(contoso(), (world) => {
      world.servicePrincipals[0]!.keyCredentials = [];
      world.servicePrincipals[0]!.preferredTokenSigningKeyEndDateTime = "2026-12-20T00:00:00Z";
    });
    expect(only(findings, "SAML signing certificate (Entra)").summary).toContain("2026-12-20T00:00:00Z");
  });

  test("GIVEN an active thumbprint that matches no key credential WHEN checked THEN cannot check, not a guess", async () => {
    const { findings, exitCode } = await check(contoso(), (world) => {
      world.servicePrincipals[0]!.preferredTokenSigningKeyThumbprint = "FFFF";
    });
    expect(only(findings, "SAML signing certificate (Entra)")).toMatchObject({
      status: "unknown",
      next: expect.stringContaining("SAML certificates"),
    });
    expect(exitCode).toBe(1);
  });

  test("fails the check GIVEN no active signing certificate on the app", async () => {
    const { findings } = await check(contoso(), (world) => {
      world.servicePrincipals[0]!.preferredTokenSigningKeyThumbprint = null;
    });
    expect(only(findings, "SAML signing certificate (Entra)")).toMatchObject({ status: "action" });
    expect(only(findings, "SAML signing certificate (Entra)").summary).toContain("no active signing certificate");
  });
});

describe("the provisioning job and its logs", () => {
  /** The job's line and the exit code, with the job's status as Graph gives it. */
  const withJobStatus = async (status: object) => {
    const { findings, exitCode } = await check(contoso(), (world) => {
      world.jobs[0]!.status = status;
    });
    return { job: only(findings, "Provisioning job"), exitCode };
  };

  test("fails the check GIVEN the job is in quarantine: reason and restart as next step", async () => {
    const { job, exitCode } = await withJobStatus({
      code: "Quarantine",
      quarantine: {
        currentBegan: "2026-11-28T10:00:00Z",
        reason: "IncorrectCredentials",
        error: { code: "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable", message: "401" },
      },
    });
    expect(job.status).toBe("action");
    expect(job.summary).toContain("in quarantine since 2026-11-28T10:00:00Z (IncorrectCredentials");
    expect(job.next).toMatch(/restart the job/);
    expect(exitCode).toBe(3);
  });

  test("fails the check GIVEN the last runs failed with an error", async () => {
    const { job } = await withJobStatus({
      code: "Active",
      countSuccessiveCompleteFailures: 3,
      lastExecution: {
        state: "Failed",
        timeEnded: "2026-11-29T23:20:00Z",
        error: { code: "HttpTimeout", message: "the SCIM endpoint did not answer" },
      },
    });
    expect(job.status).toBe("action");
    expect(job.summary).toBe(
      "the last run failed at 2026-11-29T23:20:00Z (3 in a row): HttpTimeout: the SCIM endpoint did not answer",
    );
  });

  test("fails the check GIVEN the job is paused", async () => {
    const { job } = await withJobStatus({ code: "Paused" });
    expect(job).toMatchObject({ status: "action" });
  });

  test("GIVEN the last run ended with errors on some entries WHEN checked THEN a warning pointing at the logs", async () => {
    const { job, exitCode } = await withJobStatus({
      code: "Active",
      lastExecution: { state: "EntryLevelErrors", timeEnded: "2026-11-29T23:20:00Z" },
    });
    expect(job).toMatchObject({ status: "warning", next: expect.stringContaining("Provisioning logs") });
    expect(exitCode).toBe(2);
  });

  test("fails the check GIVEN the app has no provisioning job", async () => {
    const { findings } = await check(contoso(), (world) => {
      world.jobs = [];
    });
    expect(only(findings, "Provisioning job")).toMatchObject({ status: "action" });
    expect(named(findings, "Provisioning logs")).toEqual([]);
  });

  test("fails the check GIVEN a configured member's and group's last provisioning failed; others' are ignored", async () => {
    const { findings } = await check(contoso(), (world) => {
      world.users["user-stranger"] = "stranger@contoso.com";
      world.provisioning.push(
        {
          activityDateTime: "2026-11-29T20:00:00Z",
          provisioningStatusInfo: {
            status: "failure",
            errorInformation: { errorCode: "AwsSsoScimMissingAttribute", reason: "lastName is required" },
          },
          sourceIdentity: { id: "user-bob", displayName: "Bob", identityType: "User" },
        },
        {
          activityDateTime: "2026-11-29T20:05:00Z",
          provisioningStatusInfo: { status: "failure", errorInformation: { errorCode: "Conflict" } },
          sourceIdentity: { id: "g-1", displayName: "ml-fraud-detection", identityType: "Group" },
        },
        {
          activityDateTime: "2026-11-29T20:00:00Z",
          provisioningStatusInfo: { status: "failure" },
          sourceIdentity: { id: "user-stranger", displayName: "Stranger", identityType: "User" },
        },
        {
          // a user deleted from Entra since: Graph answers 404 for them
          activityDateTime: "2026-11-29T20:00:00Z",
          provisioningStatusInfo: { status: "failure" },
          sourceIdentity: { id: "user-deleted", displayName: "Gone", identityType: "User" },
        },
      );
    });
    const logs = only(findings, "Provisioning logs");
    expect(logs.status).toBe("action");
    expect(logs.summary).toContain(
      "bob@contoso.com at 2026-11-29T20:00:00Z (AwsSsoScimMissingAttribute: lastName is required)",
    );
    expect(logs.summary).toContain("group ml-fraud-detection");
    expect(logs.summary).not.toContain("stranger");
  });

  test("GIVEN a failure that a later success superseded WHEN checked THEN the logs are ok", async () => {
    const { findings } = await check(contoso(), (world) => {
      world.provisioning.push({
        activityDateTime: "2026-11-29T10:00:00Z",
        provisioningStatusInfo: { status: "failure" },
        sourceIdentity: { id: "user-alice", displayName: "Alice", identityType: "User" },
      });
    });
    expect(only(findings, "Provisioning logs").status).toBe("ok");
  });

  test("GIVEN the logs WHEN read THEN only the job's last week is asked for", async () => {
    const { graph } = await check(contoso());
    const asked = graph.calls.find((path) => path.startsWith("/auditLogs/provisioning"));
    expect(asked).toBe(
      `/auditLogs/provisioning?$filter=jobId eq '${JOB_ID}' and activityDateTime gt 2026-11-23T00:00:00Z`,
    );
  });
});

describe("IAM Identity Center's users and groups", () => {
  test("fails the check GIVEN two members SCIM never provisioned: named, with the next step", async () => {
    const { findings, exitCode } = await check(contoso(), (world) => {
      world.storeUsers = world.storeUsers.filter((user) => !["bob@contoso.com", "judy@contoso.com"].includes(user));
    });
    const members = only(findings, "Members");
    expect(members.status).toBe("action");
    expect(members.summary).toMatch(/^2 of 11 members are missing: bob@contoso.com, judy@contoso.com;/);
    expect(members.next).toContain("Provision on demand");
    expect(exitCode).toBe(3);
  });

  test("GIVEN an eligible admin who is not activated WHEN checked THEN not counted missing: out of scope until activated", async () => {
    // GIVEN dan is an eligible (just-in-time) admin, so not in IAM Identity Center until he activates
    const data = exampleData("contoso");
    data.identityProvider.entra.scimTokenIssuedOn = "2026-06-01";
    data.admins.justInTime = { members: ["dan@contoso.com"] };
    const { findings } = await check(loadData(data), (world) => {
      world.storeUsers = world.storeUsers.filter((user) => user !== "dan@contoso.com");
    });
    // THEN the 10 permanent members are all there
    expect(only(findings, "Members")).toMatchObject({
      status: "ok",
      summary: "all 10 members of the config are there",
    });
  });

  test("GIVEN user names that differ only in case WHEN checked THEN the members are found", async () => {
    const { findings } = await check(contoso(), (world) => {
      world.storeUsers = world.storeUsers.map((user) => user.toUpperCase());
    });
    expect(only(findings, "Members").status).toBe("ok");
  });

  test.each<[string, (world: World) => void, string]>([
    [
      "a group IAM Identity Center still knows by its old name",
      // the group with Entra's object id is called something else in IAM Identity Center
      (world) => {
        world.storeGroups.find((group) => group.DisplayName === "ml-forecasting")!.DisplayName = "ml-forecasting-old";
      },
      'IAM Identity Center calls "ml-forecasting" "ml-forecasting-old"',
    ],
    [
      "a group renamed in Entra outside Terraform",
      (world) => {
        world.entraGroups = world.entraGroups.filter((group) => group.displayName !== "ml-fraud-detection");
      },
      'Entra has no group named "ml-fraud-detection"',
    ],
    [
      "a group that never reached IAM Identity Center",
      (world) => {
        world.storeGroups = world.storeGroups.filter((group) => group.DisplayName !== "ml-recommendations");
      },
      '"ml-recommendations" is not in IAM Identity Center',
    ],
  ])("fails the check GIVEN %s", async (_, change, expected) => {
    const { findings, exitCode } = await check(contoso(), change);
    const groups = only(findings, "Groups");
    expect(groups.status).toBe("action");
    expect(groups.summary).toContain(expected);
    expect(exitCode).toBe(3);
  });

  test("fails the check GIVEN no IAM Identity Center instance for these credentials", async () => {
    const { findings } = await check(contoso(), (world) => {
      world.instances = [];
    });
    expect(only(findings, "IAM Identity Center")).toMatchObject({ status: "action" });
  });
});

describe("the SAML settings", () => {
  test("fails the check GIVEN Entra's reply URL differs from the config's ACS URL", async () => {
    const { findings, exitCode } = await check(contoso(), (world) => {
      world.application.web.redirectUris = ["https://eu-west-1.signin.aws.amazon.com/platform/saml/acs/other"];
    });
    const saml = only(findings, "SAML settings");
    expect(saml.status).toBe("action");
    expect(saml.summary).toContain(
      "ACS (reply URL) is https://eu-west-1.signin.aws.amazon.com/platform/saml/acs/other",
    );
    expect(exitCode).toBe(3);
  });

  test("fails the check GIVEN Entra's sign-on URL was emptied", async () => {
    const { findings } = await check(contoso(), (world) => {
      world.servicePrincipals[0]!.loginUrl = null;
    });
    expect(only(findings, "SAML settings").summary).toContain("sign-on URL is empty");
  });

  test("GIVEN the live identity store differs from the issuer's WHEN checked THEN a warning, not a guess", async () => {
    const { findings } = await check(contoso(), (world) => {
      world.instances[0]!.IdentityStoreId = "d-1111111111";
    });
    const saml = only(findings, "SAML settings");
    expect(saml.status).toBe("warning");
    expect(saml.summary).toContain("identity store d-93670a1b2c and IAM Identity Center's is d-1111111111");
  });
});

describe("the Studio domains", () => {
  test.each([
    ["Failed", "action", "VPC subnet-0a1b2c3d4e5f60719 has no route to the SageMaker API"],
    ["Delete_Failed", "action", undefined],
    ["Deleting", "action", undefined],
    ["Updating", "warning", undefined],
  ])("GIVEN the forecasting domain %s WHEN checked THEN %s", async (status, expected, reason) => {
    const config = contoso();
    const { findings } = await check(config, (world) => {
      const domain = world.domains["111122223333"]!.find((d) => d.DomainName === config.teams.forecasting!.domainName)!;
      domain.Status = status;
      domain.FailureReason = reason;
    });
    const line = only(findings, `Studio domain ${config.teams.forecasting!.domainName}`);
    expect(line.status).toBe(expected);
    if (reason) expect(line.summary).toContain(reason);
    expect(only(findings, "Studio domains").summary).toBe("2 of 3 in service");
  });

  test("fails the check GIVEN a team's domain is gone", async () => {
    const config = contoso();
    const { findings } = await check(config, (world) => {
      world.domains["111122223333"] = world.domains["111122223333"]!.filter(
        (d) => d.DomainName !== config.teams.fraud!.domainName,
      );
    });
    expect(only(findings, `Studio domain ${config.teams.fraud!.domainName}`).summary).toContain(
      "team fraud has no domain",
    );
  });

  test("GIVEN teams in workload accounts and an external identity provider WHEN checked THEN each account is read and Graph never", async () => {
    // GIVEN the multi-account example (external IdP), without a Graph client
    const config = loadExample("contoso-multi-account");
    const world = healthyWorld(config);
    const findings = await runHealth({ config, now: NOW, aws: fakeAws(world) });
    // THEN
    expect(findings.filter((f) => f.status !== "ok" && f.status !== "skipped")).toEqual([]);
    expect(only(findings, "Studio domains").summary).toBe(
      `${Object.keys(config.teams).length} of ${Object.keys(config.teams).length} in service`,
    );
    expect(named(findings, "SAML")).toEqual([]);
  });
});

describe("the bootstrap phase", () => {
  test("GIVEN no IAM Identity Center values yet WHEN checked THEN the Entra app and certificate are checked, AWS is skipped", async () => {
    // GIVEN the bootstrap example: the Entra app exists, IAM Identity Center is not set up
    const config = loadExample("contoso-bootstrap");
    const world = healthyWorld(config);
    world.awsRefuses.push("ListInstances", "ListUsers", "ListGroups", "ListDomains");
    // WHEN
    const findings = await runHealth({ config, now: NOW, aws: fakeAws(world), graph: fakeGraph(world).graph });
    // THEN nothing asked of AWS was refused, because nothing was asked
    expect(findings.map((f) => [f.check, f.status])).toEqual([
      ["SCIM token", "skipped"],
      ["SAML signing certificate (config)", "ok"],
      ["SAML signing certificate (Entra)", "ok"],
      ["IAM Identity Center", "skipped"],
    ]);
  });
});

describe("throttling and partial permissions", () => {
  test("GIVEN Graph throttles the job list twice WHEN checked THEN it waits Retry-After and the job is ok", async () => {
    const { findings, graph } = await check(contoso(), (world) => {
      world.graphThrottles.push({ path: /synchronization\/jobs/, times: 2 });
    });
    expect(only(findings, "Provisioning job").status).toBe("ok");
    expect(graph.waits).toEqual([1000, 1000]);
  });

  test("GIVEN Graph throttles the job list on every attempt WHEN checked THEN cannot check (exit 1), after bounded waits", async () => {
    const { findings, exitCode, graph } = await check(contoso(), (world) => {
      world.graphThrottles.push({ path: /synchronization\/jobs/, times: Infinity });
    });
    expect(only(findings, "Provisioning job")).toMatchObject({ status: "unknown" });
    expect(only(findings, "Provisioning job").summary).toContain("still throttles");
    expect(graph.waits.length).toBe(4);
    expect(exitCode).toBe(1);
  });

  test("GIVEN Graph refuses the provisioning logs (403) WHEN checked THEN that check names AuditLog.Read.All and Directory.Read.All, and the rest run", async () => {
    const { findings, exitCode } = await check(contoso(), (world) => {
      world.graphRefuses.push(/^\/auditLogs\//);
    });
    const logs = only(findings, "Provisioning logs");
    expect(logs.status).toBe("unknown");
    expect(logs.next).toContain("AuditLog.Read.All and Directory.Read.All");
    expect(only(findings, "Provisioning job").status).toBe("ok");
    expect(only(findings, "Members").status).toBe("ok");
    expect(exitCode).toBe(1);
  });

  test("GIVEN Graph refuses groups WHEN checked THEN the group names are compared with the config's, and GroupMember.Read.All is named", async () => {
    const { findings } = await check(contoso(), (world) => {
      world.graphRefuses.push(/^\/groups/);
    });
    expect(only(findings, "Groups in Entra")).toMatchObject({
      status: "unknown",
      next: expect.stringContaining("GroupMember.Read.All"),
    });
    const groups = findings.filter((f) => f.check === "Groups");
    expect(groups).toEqual([
      expect.objectContaining({ status: "ok", summary: expect.stringContaining("under the config's names") }),
    ]);
  });

  test("GIVEN Graph refuses the app lookup WHEN checked THEN the Entra checks cannot check and the AWS checks still run", async () => {
    const { findings, exitCode } = await check(contoso(), (world) => {
      world.graphRefuses.push(/^\/servicePrincipals/);
    });
    expect(only(findings, "Entra enterprise app")).toMatchObject({
      status: "unknown",
      next: expect.stringContaining("Application.Read.All"),
    });
    expect(only(findings, "Studio domains").status).toBe("ok");
    expect(exitCode).toBe(1);
  });

  test("GIVEN AWS denies identitystore:ListUsers WHEN checked THEN the members check names it, the rest run (exit 1)", async () => {
    const { findings, exitCode } = await check(contoso(), (world) => {
      world.awsRefuses.push("ListUsers");
    });
    const members = only(findings, "Members");
    expect(members.status).toBe("unknown");
    expect(members.next).toBe("allow identitystore:ListUsers to the health identity, then run again");
    expect(only(findings, "Groups").status).toBe("ok");
    expect(exitCode).toBe(1);
  });

  test("GIVEN AWS denies sagemaker:ListDomains WHEN checked THEN the account's domains cannot be checked", async () => {
    const { findings } = await check(contoso(), (world) => {
      world.awsRefuses.push("ListDomains");
    });
    expect(only(findings, "Studio domains in account 111122223333")).toMatchObject({
      status: "unknown",
      next: expect.stringContaining("sagemaker:ListDomains"),
    });
  });

  test("GIVEN AWS denies sso:ListInstances WHEN checked THEN identity checks cannot check, and the action elsewhere still decides (exit 3)", async () => {
    const { findings, exitCode } = await check(contoso(), (world) => {
      world.awsRefuses.push("ListInstances");
      world.jobs = [];
    });
    expect(only(findings, "IAM Identity Center")).toMatchObject({
      status: "unknown",
      next: expect.stringContaining("sso:ListInstances"),
    });
    expect(exitCode).toBe(3);
  });
});
