import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { exampleText, loadExample } from "../../../helpers";
import { personPage } from "../../../../tools/review/access-report/person-page";

const ROOT = join(__dirname, "..", "..", "..", "..");
const SOURCE = "examples/contoso.yaml";

function report(out: string, ...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "tools/review/report.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, CDKTF_OUTDIR: out, FEDERATION_CONFIG: "" },
    encoding: "utf8",
  });
}

/** The example as written, read here to state what the page must say. */
const yaml = parse(exampleText("contoso")) as {
  admins: { group: string; members: string[] };
  teams: Record<string, { members?: Record<string, unknown>; s3Buckets: string[] }>;
};
const teamsOf = (user: string) =>
  Object.entries(yaml.teams)
    .filter(([, team]) => Object.hasOwn(team.members ?? {}, user))
    .map(([key]) => key)
    .sort();

describe("npm run report -- --person", () => {
  const config = loadExample("contoso");

  test("GIVEN a member of two teams WHEN their page is written THEN it names both domains, their buckets, the naming rules and the admins to ask", () => {
    // GIVEN
    const person = "alice@contoso.com";
    const teams = teamsOf(person);
    expect(teams.length).toBe(2);
    // WHEN
    const page = personPage(config, person, { source: SOURCE });
    // THEN
    expect(page.startsWith(`# What ${person} can do\n`)).toBe(true);
    for (const team of teams) {
      expect(page).toContain(`## Team \`${team}\``);
      expect(page).toContain(`\`sagemaker-team=${team}\``);
      for (const bucket of yaml.teams[team]!.s3Buckets) expect(page).toContain(`\`${bucket}\``);
    }
    expect(page).toContain("must be named `<team>-...`");
    expect(page).toMatch(/Idle shutdown and storage: idle apps stop after \d+ min/);
    expect(page).toContain("Remote access from a local IDE:");
    for (const admin of yaml.admins.members) expect(page).toContain(admin);
    expect(page).not.toContain("## Admin\n");
  });

  test("GIVEN a member written in another casing WHEN their page is written THEN it is the same person's page", () => {
    expect(personPage(config, "ALICE@contoso.com", { source: SOURCE })).toBe(
      personPage(config, "alice@contoso.com", { source: SOURCE }),
    );
  });

  test("GIVEN an admin WHEN their page is written THEN it says they get the admin permission set and every domain", () => {
    // GIVEN an admin who is in no team
    const admin = yaml.admins.members.find((member) => teamsOf(member).length === 0)!;
    expect(admin).toBeDefined();
    // WHEN
    const page = personPage(config, admin, { source: SOURCE });
    // THEN
    expect(page).toContain("## Admin\n");
    expect(page).toContain(`\`${yaml.admins.group}\``);
    expect(page).toContain("AmazonSageMakerFullAccess");
    expect(page).toContain("No team lists them as a member");
    expect(page).not.toContain("## Team");
  });

  describe("the command", () => {
    let out: string;
    beforeAll(() => {
      out = mkdtempSync(join(tmpdir(), "federation-person-"));
    });
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    test("GIVEN a member WHEN the command runs THEN it prints their page and writes cdktf.out/person-<upn>.md", () => {
      const run = report(out, "--config", SOURCE, "--person", "alice@contoso.com");
      expect(run.status).toBe(0);
      expect(run.stdout.startsWith("# What alice@contoso.com can do\n")).toBe(true);
      expect(readFileSync(join(out, "person-alice@contoso.com.md"), "utf8")).toBe(run.stdout);
    });

    test("fails with one line naming the config and the fix, exit 1 and no stack trace, for an unknown person", () => {
      // GIVEN a user name the example lists nowhere
      expect(exampleText("contoso")).not.toContain("nobody-here@");
      const run = report(out, "--config", SOURCE, "--person", "nobody-here@contoso.com");
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      const lines = run.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("nobody-here@contoso.com is not in examples/contoso.yaml");
      expect(lines[0]).toContain("add them there");
      expect(run.stderr).not.toMatch(/\bat \S+ \(/);
    });
  });
});
