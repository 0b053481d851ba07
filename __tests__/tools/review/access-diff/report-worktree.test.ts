import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadExample } from "../../../helpers";

const ROOT = join(__dirname, "..", "..", "..", "..");
const PROJECT = [
  "main.ts",
  "cdktf.json",
  "package.json",
  "tsconfig.json",
  "config",
  "constructs",
  "policies",
  "stacks",
  "tools",
  "examples",
];
const CONFIG = "examples/contoso-external.yaml";
const ROLES = join("constructs", "aws", "execution-roles.ts");

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", ...args], {
    cwd,
    encoding: "utf8",
  });
}

/**
 * The end-to-end path of `report --base <git ref>`: a repository holding a copy of this project, committed as the
 * base, whose working copy (the head) changes the code or the config.
 */
describe("npm run report --base <git ref>, with the base synthesized by its own code", () => {
  let repo: string;
  let out: string;

  function report(...args: string[]) {
    return spawnSync(process.execPath, ["--import", "tsx", "tools/review/report.ts", ...args], {
      cwd: repo,
      env: { ...process.env, CDKTF_OUTDIR: out, FEDERATION_CONFIG: "" },
      encoding: "utf8",
    });
  }

  beforeAll(() => {
    // GIVEN the project committed as it is (the base), a branch whose code cannot synthesize, and a head whose code
    // adds s3:* to the team policy of every execution role
    repo = mkdtempSync(join(tmpdir(), "federation-worktree-"));
    out = join(repo, "cdktf.out");
    for (const path of PROJECT) cpSync(join(ROOT, path), join(repo, path), { recursive: true });
    symlinkSync(realpathSync(join(ROOT, "node_modules")), join(repo, "node_modules"), "dir");
    writeFileSync(join(repo, ".gitignore"), "node_modules\ncdktf.out\n");
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "base");
    git(repo, "checkout", "-q", "-b", "broken");
    writeFileSync(join(repo, "main.ts"), 'console.error("the base code is broken");\nprocess.exit(7);\n');
    git(repo, "commit", "-q", "-am", "broken");
    git(repo, "checkout", "-q", "-");
    const code = readFileSync(join(repo, ROLES), "utf8");
    const patched = code.replace(
      "toTerraformJson(role.inlinePolicy)",
      'toTerraformJson({ ...role.inlinePolicy, Statement: [...role.inlinePolicy.Statement, { Sid: "AllOfS3", Effect: "Allow", Action: ["s3:*"], Resource: "*" }] })',
    );
    expect(patched).not.toBe(code);
    writeFileSync(join(repo, ROLES), patched);
  }, 60_000);
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  test("shows the roles the head's code grants s3:*, exits 2, and leaves no worktree behind", () => {
    // WHEN
    const run = report("--config", CONFIG, "--base", "HEAD", "--detailed-exitcode");
    // THEN every role with a team policy gains it, read from the two sides' own synthesized JSON
    const config = loadExample("contoso-external");
    const roles = Object.values(config.roles).filter((role) => role.inlinePolicy !== undefined);
    expect(roles.length).toBeGreaterThan(0);
    for (const role of roles)
      expect(run.stdout).toContain(`\n- \`${role.persona}\` role of team \`${role.team}\`: gains \`s3:*\` on \`*\`\n`);
    expect(run.stdout).not.toContain("could not be synthesized with its own code");
    expect(run.status).toBe(2);
    expect(readFileSync(join(out, "access-diff.md"), "utf8")).toBe(run.stdout);
    expect(git(repo, "worktree", "list", "--porcelain").match(/^worktree /gm)).toHaveLength(1);
  }, 60_000);

  test("treats a config the base revision does not have as new, not as an error", () => {
    // GIVEN the head adds a config file
    cpSync(join(repo, CONFIG), join(repo, "examples", "new.yaml"));
    // WHEN
    const run = report("--config", "examples/new.yaml", "--base", "HEAD", "--detailed-exitcode");
    // THEN
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("> **A new config: the base has no `HEAD:examples/new.yaml`.**");
    expect(run.status).toBe(2);
  }, 60_000);

  test("falls back to the head's code, and says so, when the base's own code cannot synthesize", () => {
    // WHEN
    const run = report("--config", CONFIG, "--base", "broken", "--detailed-exitcode");
    // THEN the s3:* the head's code adds is then on both sides: the note tells the reviewer what is not seen
    expect(run.stdout).toContain("**The base could not be synthesized with its own code** (the base code is broken).");
    expect(run.stdout).not.toContain("gains `s3:*`");
    expect(git(repo, "worktree", "list", "--porcelain").match(/^worktree /gm)).toHaveLength(1);
  }, 60_000);
});
