import { ConfigError } from "../../../config/errors";
import type { FederationConfig } from "../../../config/types";
import {
  doctorChecks,
  doctorExitCode,
  licenceChecks,
  nextStep,
  tokenVariable,
  versionAtLeast,
  type DoctorFacts,
} from "../../../tools/setup/doctor-checks";
import { exampleData, loadData, loadExample, NOW } from "../../helpers";

function facts(config: FederationConfig | ConfigError, overrides: Partial<DoctorFacts> = {}): DoctorFacts {
  return {
    nodeVersion: "20.20.2",
    terraform: { binary: "terraform", version: "1.11.4" },
    env: {},
    configFile: "platform.yaml",
    config,
    dependenciesInstalled: true,
    now: NOW,
    ...overrides,
  };
}

function find(checks: ReturnType<typeof doctorChecks>, text: string) {
  const check = checks.find((candidate) => candidate.title.includes(text));
  if (check === undefined) throw new Error(`no check mentions "${text}": ${checks.map((c) => c.title).join(" | ")}`);
  return check;
}

describe("doctor on the console guard", () => {
  test("GIVEN IAM Identity Center in the management account with the guard on WHEN checked THEN it warns of the one thing no SCP binds, with the fix", () => {
    const check = find(doctorChecks(facts(loadExample("contoso-multi-account"))), "management account");
    expect(check.status).toBe("warn");
    expect(check.next).toContain("delegated administrator");
  });

  test("GIVEN IAM Identity Center in a member account WHEN checked THEN it says who may still write it and how to rotate the SCIM token", () => {
    const check = find(doctorChecks(facts(loadExample("contoso-external"))), "Identity Center guard");
    expect(check.status).toBe("info");
    expect(check.next).toContain("rotate the SCIM token");
  });

  test("GIVEN the guard off WHEN checked THEN it says who can reach Studio, without failing", () => {
    const checks = doctorChecks(facts(loadExample("contoso")));
    expect(find(checks, "console guard off").status).toBe("info");
  });
});

describe("doctor", () => {
  test("fails only on a bad config, and says how to fix it", () => {
    // GIVEN a config with one problem
    const error = new ConfigError("platform.yaml", [{ path: "name", rule: "name must match", fix: "rename it" }]);
    // WHEN
    const checks = doctorChecks(facts(error));
    // THEN
    expect(find(checks, "platform.yaml: 1 problem").status).toBe("fail");
    expect(doctorExitCode(checks)).toBe(1);
    expect(nextStep(checks, error)).toContain("fix the problems listed for platform.yaml");
  });

  test("warns, without failing, when the SCIM token is missing in the full Entra phase", () => {
    // GIVEN the Contoso example (Entra, full phase) and no TF_VAR_scim_token
    const config = loadExample("contoso");
    // WHEN
    const checks = doctorChecks(facts(config));
    // THEN
    expect(find(checks, "TF_VAR_scim_token is not set").status).toBe("warn");
    expect(doctorExitCode(checks)).toBe(0);
    expect(nextStep(checks, config)).toContain("export TF_VAR_scim_token=");
  });

  test("does not ask for the SCIM token for a plan-only synthesis", () => {
    // GIVEN the Contoso example, no TF_VAR_scim_token, and FEDERATION_PLAN_ONLY
    const checks = doctorChecks(facts(loadExample("contoso"), { env: { FEDERATION_PLAN_ONLY: "true" } }));
    // THEN
    expect(find(checks, "SCIM token: not needed for a plan-only synthesis").status).toBe("info");
    expect(checks.some((check) => check.blocksPlan === true)).toBe(false);
  });

  test("never prints the SCIM token's value", () => {
    // GIVEN the token in the environment
    const checks = doctorChecks(facts(loadExample("contoso"), { env: { TF_VAR_scim_token: "secret-4c1d" } }));
    // THEN
    expect(find(checks, "TF_VAR_scim_token is set").status).toBe("ok");
    expect(JSON.stringify(checks)).not.toContain("secret-4c1d");
  });

  test("does not ask for the SCIM token or AWS credentials in the bootstrap phase", () => {
    // GIVEN the Contoso example before the IAM Identity Center values are known
    const data = exampleData("contoso");
    delete data.aws.identityCenter;
    const config = loadData(data);
    // WHEN
    const checks = doctorChecks(facts(config));
    // THEN
    expect(find(checks, "SCIM token: not needed in the bootstrap phase").status).toBe("info");
    expect(find(checks, "AWS credentials: not needed yet").status).toBe("info");
    expect(nextStep(checks, config)).toContain("npm run deploy (phase 1)");
  });

  test("points Terraform Cloud users at the workspace variable and the host's token", () => {
    // GIVEN a cloud backend on a Terraform Enterprise host
    const data = exampleData("contoso");
    data.backend = {
      type: "cloud",
      organization: "contoso",
      workspace: "ml-platform",
      hostname: "tfe.contoso-corp.com",
    };
    // WHEN
    const checks = doctorChecks(facts(loadData(data)));
    // THEN
    expect(find(checks, "TF_TOKEN_tfe_contoso__corp_com is not set").status).toBe("warn");
    expect(find(checks, "TF_VAR_scim_token is not set here").next).toContain("workspace ml-platform");
  });

  test("warns that the S3 backend's lock file needs Terraform 1.10", () => {
    // GIVEN an S3 backend and Terraform 1.9
    const data = exampleData("contoso-external");
    data.backend = { type: "s3", bucket: "contoso-tfstate", key: "ml/terraform.tfstate", region: "eu-west-1" };
    // WHEN
    const checks = doctorChecks(facts(loadData(data), { terraform: { binary: "terraform", version: "1.9.8" } }));
    // THEN
    expect(find(checks, "terraform 1.9.8 is older than 1.10.0").title).toContain("lock file");
  });

  test("warns when terraform is not on PATH and when the signing certificate is about to expire", () => {
    // GIVEN no terraform, and a certificate that ends in 30 days
    const data = exampleData("contoso");
    data.identityProvider.entra.signingCertificateEndDate = "2026-12-30T00:00:00Z";
    // WHEN
    const checks = doctorChecks(facts(loadData(data), { terraform: { binary: "terraform" } }));
    // THEN
    expect(find(checks, "terraform is not on PATH").status).toBe("warn");
    expect(find(checks, "expires in 30 days").next).toContain("rotate");
  });

  test("compares versions numerically", () => {
    // THEN
    expect(versionAtLeast("1.10.0", "1.7.0")).toBe(true);
    expect(versionAtLeast("v20.9.0", "20.9.0")).toBe(true);
    expect(versionAtLeast("1.9.8", "1.10.0")).toBe(false);
    expect(versionAtLeast("18.19.0", "20.9.0")).toBe(false);
    expect(tokenVariable("app.terraform.io")).toBe("TF_TOKEN_app_terraform_io");
  });
});

describe("doctor's licence reminders", () => {
  test("GIVEN just-in-time admins and MFA THEN it names P2 and P1 and what Terraform's identity needs", () => {
    // GIVEN the adoption example (justInTime and report-only MFA)
    const checks = licenceChecks(loadExample("fabrikam-adoption"));
    // THEN
    expect(checks.map((check) => check.status)).toEqual(["info", "info"]);
    expect(checks[0]!.title).toContain("need Entra ID P2");
    expect(checks[0]!.title).toContain("1 eligible");
    expect(checks[1]!.title).toBe("MFA for AWS sign-in is report-only and needs Entra ID P1 (Conditional Access)");
    expect(checks[1]!.next).toContain("Policy.ReadWrite.ConditionalAccess");
  });

  test("GIVEN neither feature THEN no reminder", () => {
    expect(licenceChecks(loadExample("contoso"))).toEqual([]);
  });
});
