import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "../../../config/errors";
import { decideStep } from "../../../tools/setup/cdktf-step";
import type { Check } from "../../../tools/setup/doctor-checks";
import { loadExample } from "../../helpers";

const ROOT = join(__dirname, "..", "..", "..");
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

  test("GIVEN a good config WHEN synth THEN the app runs for that config, whatever the doctor says of plans", () => {
    expect(decideStep("synth", [], FILE, config, [missingToken])).toEqual({
      app: true,
      env: { FEDERATION_CONFIG: FILE, CHECKPOINT_DISABLE: "1" },
    });
  });

  test("fails synth with options, naming the cdktf command that takes them", () => {
    expect(decideStep("synth", ["--output", "x"], FILE, config, [])).toEqual({
      stop: expect.stringContaining("use npx cdktf synth --output x"),
    });
  });

  test("GIVEN plan WHEN nothing blocks it THEN cdktf diff runs with the given options", () => {
    expect(decideStep("plan", ["--skip-synth"], FILE, config, [expiringCertificate])).toEqual({
      cdktf: ["diff", "--skip-synth"],
      env: { FEDERATION_CONFIG: FILE, CHECKPOINT_DISABLE: "1" },
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
    const run = spawnSync(process.execPath, ["--import", "tsx", "tools/setup/cdktf.ts", "synth"], {
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

describe("npm run synth with a good config", () => {
  test("prints the summary alone: no progress display, no error line", () => {
    const out = mkdtempSync(join(tmpdir(), "federation-synth-"));
    const run = spawnSync(process.execPath, ["--import", "tsx", "tools/setup/cdktf.ts", "synth"], {
      cwd: ROOT,
      env: { ...process.env, FEDERATION_CONFIG: FILE, CDKTF_OUTDIR: out },
      encoding: "utf8",
    });
    rmSync(out, { recursive: true, force: true });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^contoso-ml \(examples\/contoso\.yaml\): 3 teams/);
    expect(lines).toHaveLength(3);
  });
});

describe("plain npx cdktf in this project", () => {
  // npm's environment is what the project controls; the user's shell sets nothing.
  const cleanEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(NODE_OPTIONS|CHECKPOINT_DISABLE|npm_.*)$/i.test(name)),
  );

  test("GIVEN no setting in the shell WHEN npx starts a program THEN HashiCorp's update check is off", () => {
    const run = spawnSync("npx", ["--no-install", "node", "-p", "process.env.CHECKPOINT_DISABLE"], {
      cwd: ROOT,
      env: cleanEnv,
      encoding: "utf8",
    });
    expect(run.stdout.trim()).toBe("1");
  });

  test("fails synth on a bad config with every problem printed exactly once, outside cdktf's error wrapper", () => {
    const dir = mkdtempSync(join(tmpdir(), "federation-cli-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(file, "name: Bad_Name\n");
    const run = spawnSync("npx", ["--no-install", "cdktf", "synth", "--output", join(dir, "out")], {
      cwd: ROOT,
      env: { ...cleanEnv, FEDERATION_CONFIG: file },
      encoding: "utf8",
    });
    rmSync(dir, { recursive: true, force: true });
    expect(run.status).not.toBe(0);
    const output = run.stdout + run.stderr;
    expect(output.split("name must match").length - 1).toBe(1);
    expect(output.split("teams (line 1): is required").length - 1).toBe(1);
    expect(output).not.toMatch(/\n\s+at |cdktf encountered|Command output on|getaddrinfo/);
  });
});
