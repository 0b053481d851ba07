import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCertificateEndDate, initConfigText, placeholderBucket } from "../../../tools/setup/init-config";
import { loadText, synthJson } from "../../helpers";

const ROOT = join(__dirname, "..", "..", "..");
const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

function init(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "tools/setup/init.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    input: "",
  });
}

describe("npm run init: the config it writes", () => {
  const text = initConfigText({
    name: "acme-ml",
    tenantId: TENANT,
    region: "eu-west-1",
    accountId: "123456789012",
    teams: { vision: "ml-vision", nlp: "ml-nlp" },
    adminsGroup: "acme-ml-admins",
    certificateEndDate: "2028-06-30T00:00:00Z",
    schemaPath: "federation.schema.json",
  });

  test("GIVEN the answers WHEN the text is loaded THEN it is a bootstrap-phase Entra config with those teams", () => {
    const config = loadText(text);
    expect(config.phase).toBe("bootstrap");
    expect(config.identityProvider).toMatchObject({ type: "entra", tenantId: TENANT });
    expect(Object.fromEntries(Object.values(config.teams).map((team) => [team.key, team.group]))).toEqual({
      nlp: "ml-nlp",
      vision: "ml-vision",
    });
    expect(config.admins.group).toBe("acme-ml-admins");
  });

  test("GIVEN the text WHEN synthesized THEN the groups and the app are declared and nothing of AWS", () => {
    const stack = synthJson(loadText(text));
    expect(Object.keys(stack.resource.azuread_group!.team.for_each).sort()).toEqual(["admins", "nlp", "vision"]);
    expect(stack.provider.aws).toBeUndefined();
  });

  test("GIVEN the text WHEN read by an editor THEN its first line points at the JSON Schema", () => {
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=federation.schema.json");
  });

  test("GIVEN long keys WHEN a placeholder bucket is made THEN it is a valid bucket name", () => {
    const bucket = placeholderBucket("a".repeat(31), `${"b".repeat(29)}-c`);
    expect(bucket.length).toBeLessThanOrEqual(63);
    expect(bucket).toMatch(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/);
  });

  test("GIVEN a date WHEN the certificate end is defaulted THEN it is two years later at midnight UTC", () => {
    expect(defaultCertificateEndDate(new Date("2026-12-01T15:04:05Z"))).toBe("2028-12-01T00:00:00Z");
  });
});

describe("npm run init: the command", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "federation-init-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const flags = (out: string) => [
    "--name",
    "acme-ml",
    "--tenant",
    TENANT,
    "--region",
    "eu-west-1",
    "--account",
    "123456789012",
    "--team",
    "vision=ml-vision",
    "--out",
    out,
  ];

  test("GIVEN every flag WHEN run THEN it writes a config that loads, and says what to run next", () => {
    const out = join(dir, "platform.yaml");
    const run = init(...flags(out));
    expect(run.status).toBe(0);
    expect(loadText(readFileSync(out, "utf8")).phase).toBe("bootstrap");
    expect(run.stdout).toContain(`FEDERATION_CONFIG=${out} npx cdktf synth`);
  });

  test("fails without a terminal when flags are missing, naming them, and writes nothing", () => {
    const out = join(dir, "platform.yaml");
    const run = init("--name", "acme-ml", "--out", out);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      "npm run init: missing --tenant, --region, --account, --team: give them as flags (no terminal to ask on)",
    );
    expect(existsSync(out)).toBe(false);
  });

  test("fails on a bad value with the config path and the fix, writes nothing, and shows no stack trace", () => {
    const out = join(dir, "platform.yaml");
    const run = init(...flags(out).map((value) => (value === TENANT ? "not-a-guid" : value)));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("identityProvider.entra.tenantId (line");
    expect(run.stderr).toContain("tenant id must be a GUID");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  test("fails rather than replace an existing file without --force", () => {
    const out = join(dir, "platform.yaml");
    writeFileSync(out, "mine\n");
    const run = init(...flags(out));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("exists: choose another --out, or add --force to replace it");
    expect(readFileSync(out, "utf8")).toBe("mine\n");
    expect(init(...flags(out), "--force").status).toBe(0);
  });

  test("fails on a team written without its group", () => {
    const run = init(...flags(join(dir, "p.yaml")).map((value) => (value === "vision=ml-vision" ? "vision" : value)));
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe("npm run init: --team vision: write it as <key>=<Entra group name>");
  });
});
