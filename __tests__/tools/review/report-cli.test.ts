import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..", "..");

function report(out: string, ...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "tools/review/report.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, CDKTF_OUTDIR: out, FEDERATION_CONFIG: "" },
    encoding: "utf8",
  });
}

describe("npm run report", () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), "federation-report-"));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test("prints the access report and writes it to cdktf.out/access-report.md", () => {
    // WHEN
    const run = report(out, "--config", "examples/contoso.yaml");
    // THEN
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith("# Access report: contoso-ml\n")).toBe(true);
    expect(readFileSync(join(out, "access-report.md"), "utf8")).toBe(run.stdout);
  });

  test("exits 3 with --detailed-exitcode when data is at stake, and writes access-diff.md", () => {
    // GIVEN two configs with different names, so every domain would be replaced
    // WHEN
    const run = report(
      out,
      "--config",
      "examples/contoso.yaml",
      "--base",
      "examples/contoso-external.yaml",
      "--detailed-exitcode",
    );
    // THEN
    expect(run.status).toBe(3);
    expect(run.stdout).toContain("> [!CAUTION]");
    expect(readFileSync(join(out, "access-diff.md"), "utf8")).toBe(run.stdout);
  });

  test("exits 2 with --detailed-exitcode when access changes but nothing is deleted", () => {
    // GIVEN the example with one more admin
    const head = join(out, "more-admins.yaml");
    writeFileSync(
      head,
      readFileSync(join(ROOT, "examples/contoso.yaml"), "utf8").replace(
        "members: [carol@contoso.com, dan@contoso.com]",
        "members: [carol@contoso.com, dan@contoso.com, zoe@contoso.com]",
      ),
    );
    // WHEN
    const run = report(out, "--config", head, "--base", "examples/contoso.yaml", "--detailed-exitcode");
    // THEN
    expect(run.stdout).toContain("- added: zoe@contoso.com\n");
    expect(run.status).toBe(2);
  });

  test("fails on a broken config with the problem list and no stack trace", () => {
    // GIVEN a file that is not a config
    // WHEN
    const run = report(out, "--config", "package.json");
    // THEN
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^package\.json: \d+ problems?\n/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  test("fails on an unknown flag with the usage and no stack trace", () => {
    // WHEN
    const run = report(out, "--bsae", "main");
    // THEN
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("usage: npm run report");
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
