import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "../../config/errors";
import { decideStep } from "../../tools/cdktf-step";
import type { Check } from "../../tools/doctor-checks";
import { loadExample } from "../helpers";

const ROOT = join(__dirname, "..", "..");
const FILE = "examples/contoso.yaml";
const missingToken: Check = {
  status: "warn",
  blocksPlan: true,
  title: "TF_VAR_scim_token is not set: plan and apply stop at the missing scim_token variable",
  next: "export TF_VAR_scim_token=<token>",
};
const expiringCertificate: Check = { status: "warn", title: "signing certificate expires in 30 days" };

describe("npm run synth | plan | deploy: what runs", () => {
  const config = loadExample("contoso");

  test("GIVEN a good config WHEN synth THEN cdktf synth runs for that config, offline of HashiCorp's update check", () => {
    expect(decideStep("synth", [], FILE, config, [missingToken])).toEqual({
      run: ["synth"],
      env: { FEDERATION_CONFIG: FILE, CHECKPOINT_DISABLE: "1" },
    });
  });

  test("GIVEN plan WHEN nothing blocks it THEN cdktf diff runs with the given options", () => {
    expect(decideStep("plan", ["--skip-synth"], FILE, config, [expiringCertificate])).toMatchObject({
      run: ["diff", "--skip-synth"],
    });
  });

  test("fails a plan or deploy before cdktf when the doctor knows it would fail, saying what to do", () => {
    for (const step of ["plan", "deploy"] as const) {
      const decision = decideStep(step, [], FILE, config, [missingToken, expiringCertificate]);
      expect(decision).toEqual({ stop: expect.stringContaining("next: export TF_VAR_scim_token=<token>") });
      expect("stop" in decision && decision.stop).not.toContain("expires");
    }
  });

  test("fails on a bad config with the loader's message alone", () => {
    const error = new ConfigError("bad.yaml", [{ path: "name", line: 1, rule: "name must match", fix: "rename it" }]);
    expect(decideStep("deploy", [], "bad.yaml", error, [])).toEqual({ stop: error.message });
  });
});

describe("npm run synth with a bad config", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "federation-synth-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("fails with every problem printed exactly once, no stack trace, and cdktf never started", () => {
    const file = join(dir, "bad.yaml");
    writeFileSync(file, "name: Bad_Name\n");
    const run = spawnSync(process.execPath, ["--import", "tsx", "tools/cdktf.ts", "synth"], {
      cwd: ROOT,
      env: { ...process.env, FEDERATION_CONFIG: file },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    const output = run.stdout + run.stderr;
    expect(output.split("name must match").length - 1).toBe(1);
    expect(output).toContain("teams (line 1): is required");
    expect(output).not.toMatch(/\n\s+at |Synthesizing|cdktf encountered/);
  });
});
