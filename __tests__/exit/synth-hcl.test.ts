import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SYNTH_HCL_USAGE, synthHcl } from "../../tools/exit/synth-hcl";
import type { CommandOutput } from "../../tools/shared/cli";

const SCHEMA = {
  provider_schemas: {
    "registry.terraform.io/hashicorp/demo": {
      provider: { block: { attributes: { region: {} } } },
      resource_schemas: { demo_thing: { block: { attributes: { name: {} } } } },
    },
  },
};

describe("npm run synth:hcl, GIVEN a cdk.tf.json and a schema file (no synthesis, no Terraform)", () => {
  let dir: string;
  let out: string[];
  let err: string[];
  // No PATH: no Terraform to format with, so the converter's own layout is written.
  const io = (): CommandOutput => ({ out: (line) => out.push(line), err: (line) => err.push(line), env: { PATH: "" } });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "synth-hcl-test-"));
    out = [];
    err = [];
    writeFileSync(join(dir, "schema.json"), JSON.stringify(SCHEMA));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (config: object) => writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify(config));
  const run = () =>
    synthHcl(
      ["--json", join(dir, "cdk.tf.json"), "--schema", join(dir, "schema.json"), "--out", join(dir, "out")],
      io(),
    );

  test("WHEN it runs THEN main.tf is written in the folder given, and the command says where", async () => {
    write({ resource: { demo_thing: { a: { name: "${var.n}" } } } });
    await expect(run()).resolves.toBe(0);
    expect(readFileSync(join(dir, "out", "main.tf"), "utf8")).toBe('resource "demo_thing" "a" {\n  name = var.n\n}\n');
    expect(out).toEqual([`Terraform native syntax: ${join(dir, "out", "main.tf")} (from ${join(dir, "cdk.tf.json")})`]);
  });

  test("WHEN the JSON holds what the converter does not know THEN it exits 1 naming the JSON path, writing nothing", async () => {
    write({ resource: { demo_thing: { a: { colour: "red" } } } });
    await expect(run()).resolves.toBe(1);
    expect(err).toEqual([
      "cannot convert $.resource.demo_thing.a.colour: colour is neither an attribute nor a block type in the schema",
    ]);
    expect(() => readFileSync(join(dir, "out", "main.tf"))).toThrow();
  });

  test("WHEN the JSON file is missing THEN it says so with the fix", async () => {
    await expect(run()).resolves.toBe(1);
    expect(err[0]).toMatch(/cdk\.tf\.json does not exist: run npm run synth, or pass another --json/);
  });

  test("WHEN --json comes without --out, or --out is the JSON's folder THEN it refuses: Terraform would read both", async () => {
    write({});
    await expect(
      synthHcl(["--json", join(dir, "cdk.tf.json"), "--schema", join(dir, "schema.json")], io()),
    ).resolves.toBe(1);
    expect(err[0]).toMatch(/^--json needs --out <folder>/);
    await expect(
      synthHcl(["--json", join(dir, "cdk.tf.json"), "--schema", join(dir, "schema.json"), "--out", dir], io()),
    ).resolves.toBe(1);
    expect(err[1]).toMatch(/holds the JSON: Terraform would read both files; pass another --out/);
  });

  test("WHEN asked for --help THEN it prints every flag; an unknown flag is an error with the usage", async () => {
    await expect(synthHcl(["--help"], io())).resolves.toBe(0);
    for (const flag of ["--json", "--out", "--schema"]) expect(out.join("\n")).toContain(flag);
    await expect(synthHcl(["--jsn", "x"], io())).resolves.toBe(1);
    expect(err.join("\n")).toContain(SYNTH_HCL_USAGE);
  });
});
