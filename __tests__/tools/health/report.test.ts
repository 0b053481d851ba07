import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import type { Finding } from "../../../tools/health/checks/finding";
import { healthJson, healthText } from "../../../tools/health/report";

const ROOT = join(__dirname, "..", "..", "..");

const findings: Finding[] = [
  { check: "SCIM token", status: "ok", summary: "expires in 183 days (2027-06-01)" },
  {
    check: "Provisioning job",
    status: "action",
    summary: "in quarantine since 2026-11-28T10:00:00Z",
    next: "rotate the token, then restart the job",
  },
  { check: "Members", status: "unknown", summary: "AWS refused identitystore:ListUsers", next: "allow it" },
];

describe("the health report", () => {
  test("GIVEN findings WHEN written as text THEN one line per check, the next step on the action's line, and the totals", () => {
    // THEN
    expect(healthText(findings).split("\n")).toEqual([
      "ok            SCIM token: expires in 183 days (2027-06-01)",
      "ACTION        Provisioning job: in quarantine since 2026-11-28T10:00:00Z; next: rotate the token, then restart the job",
      "CANNOT CHECK  Members: AWS refused identitystore:ListUsers; next: allow it",
      "",
      "health: 1 need action, 1 cannot be checked, 1 ok (exit code 3)",
    ]);
  });

  test("GIVEN findings WHEN written as JSON THEN machines get the exit code and every finding", () => {
    const json = JSON.parse(healthJson(findings, { config: "x.yaml", checkedAt: new Date("2026-11-30T00:00:00Z") }));
    expect(json).toEqual({ config: "x.yaml", checkedAt: "2026-11-30T00:00:00.000Z", exitCode: 3, findings });
  });
});

describe("npm run health", () => {
  const run = (...args: string[]) =>
    spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "tools", "health", "health.ts"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, FEDERATION_CONFIG: "" },
    });

  test("GIVEN --help WHEN run THEN it prints the usage and the exit codes", () => {
    const text = execFileSync(join(ROOT, "node_modules", ".bin", "tsx"), ["tools/health/health.ts", "--help"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(text).toContain("usage: npm run health");
    expect(text).toContain("0 ok, 1 cannot check, 2 warnings, 3 action needed");
  });

  test("fails with exit 1 and a clear message GIVEN a config file that does not exist, never a stack trace", () => {
    const result = run("--config", "examples/nowhere.yaml");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("examples/nowhere.yaml");
    expect(result.stderr).toContain("there is no file at this path");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test("fails with exit 1 and the usage GIVEN an unknown flag", () => {
    const result = run("--verbose");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("usage: npm run health");
  });
});
