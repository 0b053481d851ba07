import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { ConfigError } from "../../../config/errors";
import { exampleData, loadExample, NOW } from "../../helpers";
import { cannotCheck } from "../../../tools/health/checks/cannot-check";
import {
  daysUntil,
  deadlineStatus,
  healthExitCode,
  relativeDays,
  type Finding,
} from "../../../tools/health/checks/finding";
import { loadConfigForHealth } from "../../../tools/health/load-for-health";
import { scimTokenFinding } from "../../../tools/health/checks/scim-token-check";

const finding = (status: Finding["status"]): Finding => ({ check: "x", status, summary: "y" });

describe("the exit code", () => {
  test.each([
    [[], 0],
    [["ok", "skipped"], 0],
    [["ok", "unknown"], 1],
    [["unknown", "warning"], 2],
    [["warning", "action", "unknown"], 3],
  ] as const)("GIVEN findings %j WHEN summed up THEN exit %i", (statuses, code) => {
    expect(healthExitCode(statuses.map(finding))).toBe(code);
  });
});

describe("dates", () => {
  test("GIVEN a deadline WHEN counted THEN whole days, negative once past, and the thresholds inclusive", () => {
    expect(daysUntil(new Date("2026-12-30T00:00:00Z"), NOW)).toBe(30);
    expect(daysUntil(new Date("2026-11-29T12:00:00Z"), NOW)).toBe(-1);
    expect(deadlineStatus(30, 60, 30)).toBe("action");
    expect(deadlineStatus(31, 60, 30)).toBe("warning");
    expect(deadlineStatus(61, 60, 30)).toBe("ok");
    expect([relativeDays(1), relativeDays(-2), relativeDays(0)]).toEqual(["in 1 day", "2 days ago", "today"]);
  });
});

describe("the SCIM token without cloud access", () => {
  test("GIVEN an external identity provider WHEN checked THEN skipped", () => {
    expect(scimTokenFinding(loadExample("contoso-external"), NOW)).toEqual([
      expect.objectContaining({ status: "skipped" }),
    ]);
  });

  test("GIVEN the bootstrap phase WHEN checked THEN skipped", () => {
    expect(scimTokenFinding(loadExample("contoso-bootstrap"), NOW)).toEqual([
      expect.objectContaining({ status: "skipped" }),
    ]);
  });
});

describe("cannot check", () => {
  test("GIVEN no AWS credentials WHEN reported THEN one plain line with the fix, no stack trace", () => {
    const error = Object.assign(new Error("Could not load credentials from any providers"), {
      name: "CredentialsProviderError",
    });
    const line = cannotCheck("Members", error);
    expect(line).toMatchObject({ status: "unknown", summary: "no AWS credentials found" });
    expect(line.next).toContain("AWS_PROFILE");
  });

  test("GIVEN AWS still throttling after the SDK's retries WHEN reported THEN cannot check, wait and run again", () => {
    const error = Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" });
    expect(cannotCheck("Studio domains", error)).toMatchObject({
      status: "unknown",
      summary: "AWS still throttles after the SDK's retries (ThrottlingException)",
      next: "wait a few minutes and run again",
    });
  });

  test("GIVEN an unexpected error WHEN reported THEN its name and message on one line", () => {
    const line = cannotCheck("Groups", new TypeError("x is\n  undefined"));
    expect(line.summary).toBe("TypeError: x is undefined");
  });
});

describe("loading the config for a health check", () => {
  const write = (data: object) => {
    const file = join(mkdtempSync(join(tmpdir(), "health-")), "config.yaml");
    writeFileSync(file, stringify(data));
    return file;
  };

  test("GIVEN a config whose signing certificate expired WHEN loaded THEN it loads, so the expiry can be reported", () => {
    const data = exampleData("contoso");
    data.identityProvider.entra.signingCertificateEndDate = "2026-11-01T00:00:00Z";
    const config = loadConfigForHealth(write(data), NOW);
    expect(config.identityProvider).toMatchObject({ signingCertificateEndDate: "2026-11-01T00:00:00Z" });
  });

  test("fails with the loader's ConfigError GIVEN any other problem besides the expired certificate", () => {
    const data = exampleData("contoso");
    data.identityProvider.entra.signingCertificateEndDate = "2026-11-01T00:00:00Z";
    data.teams.forecasting.defaultPersona = "wizard";
    expect(() => loadConfigForHealth(write(data), NOW)).toThrow(ConfigError);
  });
});
