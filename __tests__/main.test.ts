import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exampleText } from "./helpers";

const ROOT = join(__dirname, "..");

function synth(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "main.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("cdktf synth of the Contoso example (the app command)", () => {
  const SENTINEL = "scim-token-sentinel-5f2c9e";
  let out: string;
  let run: ReturnType<typeof synth>;
  beforeAll(() => {
    // GIVEN the SCIM token in the environment, as operators pass it
    out = mkdtempSync(join(tmpdir(), "federation-synth-"));
    // WHEN
    run = synth({ FEDERATION_CONFIG: "examples/contoso.yaml", CDKTF_OUTDIR: out, TF_VAR_scim_token: SENTINEL });
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test("writes the stack's Terraform JSON and prints a summary", () => {
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "stacks", "contoso-ml", "cdk.tf.json"), "utf8")).resource).toBeDefined();
    expect(run.stdout).toContain("contoso-ml (examples/contoso.yaml): 3 teams, 10 user profiles for 9 people");
    expect(run.stdout).toContain(join("stacks", "contoso-ml", "cdk.tf.json"));
  });

  test("never writes or prints the SCIM token", () => {
    const files = filesUnder(out);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(readFileSync(file, "utf8")).not.toContain(SENTINEL);
    expect(run.stdout + run.stderr).not.toContain(SENTINEL);
  });
});

describe("cdktf synth on a machine without Terraform", () => {
  test("GIVEN only node on the PATH WHEN the app synthesizes the full Entra example THEN it succeeds", () => {
    const bin = mkdtempSync(join(tmpdir(), "federation-path-"));
    symlinkSync(process.execPath, join(bin, "node"));
    const run = synth({ FEDERATION_CONFIG: "examples/contoso.yaml", CDKTF_OUTDIR: join(bin, "out"), PATH: bin });
    rmSync(bin, { recursive: true, force: true });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});

describe("bad input on the command line", () => {
  test("fails with every problem and no stack trace", () => {
    // GIVEN a config with an unknown persona and a typo
    const dir = mkdtempSync(join(tmpdir(), "federation-bad-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(
      file,
      exampleText("contoso")
        .replace("bob@contoso.com: mlops", "bob@contoso.com: ml-ops")
        .replace("sessionDuration", "sesionDuration"),
    );
    // WHEN
    const run = synth({ FEDERATION_CONFIG: file, CDKTF_OUTDIR: join(dir, "out") });
    rmSync(dir, { recursive: true, force: true });
    // THEN
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("admins.sesionDuration (line ");
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  test("fails on a missing file with the variable to set", () => {
    const run = synth({ FEDERATION_CONFIG: "examples/missing.yaml" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("(file): there is no file at this path; set FEDERATION_CONFIG");
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
