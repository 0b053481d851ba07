import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "../../../config/errors";
import { parseConfig } from "../../../config/load";
import { parseBaseConfig, readBaseConfig, readBaseConfigIfAny } from "../../../tools/shared/base-config";
import { exampleText } from "../../helpers";

function git(cwd: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", ...args], {
    cwd,
    stdio: "ignore",
  });
}

describe("reading the base config", () => {
  let repo: string;
  beforeAll(() => {
    // GIVEN a repository whose committed config differs from the working copy
    repo = mkdtempSync(join(tmpdir(), "federation-base-"));
    mkdirSync(join(repo, "platform"));
    git(repo, "init", "-q");
    writeFileSync(join(repo, "platform", "config.yaml"), "committed: true\n");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "base");
    writeFileSync(join(repo, "platform", "config.yaml"), "committed: false\n");
    writeFileSync(join(repo, "old.yaml"), "old: true\n");
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  test("reads the same config file at a git revision", () => {
    // WHEN
    const base = readBaseConfig("HEAD", "platform/config.yaml", repo);
    // THEN
    expect(base).toEqual({ text: "committed: true\n", source: "HEAD:platform/config.yaml" });
  });

  test("resolves the config path from a subfolder, as git does for ./ paths", () => {
    // WHEN run from inside platform/
    const base = readBaseConfig("HEAD", "config.yaml", join(repo, "platform"));
    // THEN
    expect(base.text).toBe("committed: true\n");
  });

  test("takes an explicit <ref>:<path> as it is", () => {
    // WHEN
    const base = readBaseConfig("HEAD:platform/config.yaml", "elsewhere.yaml", repo);
    // THEN
    expect(base).toEqual({ text: "committed: true\n", source: "HEAD:platform/config.yaml" });
  });

  test("prefers a file when the argument names one", () => {
    // WHEN
    const base = readBaseConfig("old.yaml", "platform/config.yaml", repo);
    // THEN
    expect(base).toEqual({ text: "old: true\n", source: "old.yaml" });
  });

  test("answers no text for a revision that exists without the file: the change adds the config", () => {
    // WHEN
    const base = readBaseConfigIfAny("HEAD", "platform/new.yaml", repo);
    // THEN
    expect(base).toEqual({ text: undefined, source: "HEAD:platform/new.yaml" });
  });

  test("fails with a ConfigError when a command that needs the base finds no file at the revision", () => {
    // WHEN
    const read = () => readBaseConfig("HEAD", "platform/new.yaml", repo);
    // THEN
    expect(read).toThrow(ConfigError);
    expect(read).toThrow("the file does not exist at that revision");
  });

  test("fails with a ConfigError naming the revision and the fix when the ref does not exist", () => {
    // WHEN
    let error: unknown;
    try {
      readBaseConfig("origin/no-such-branch", "platform/config.yaml", repo);
    } catch (thrown) {
      error = thrown;
    }
    // THEN
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(
      "--base origin/no-such-branch is neither a file nor a readable git revision",
    );
    expect((error as ConfigError).message).toContain("git fetch origin main");
  });
});

describe("parsing the base config", () => {
  // GIVEN the deployed config, whose signing certificate has expired since it was merged
  const expired = exampleText("contoso").replace('"2029-06-30T00:00:00Z"', '"2021-03-01T00:00:00Z"');

  test("fails when checked against today, as a head config would be", () => {
    // THEN the control: the head rules do reject it
    expect(() => parseConfig(expired, "base.yaml")).toThrow(ConfigError);
  });

  test("accepts it as a base, so the pull request that rotates the certificate gets its diff", () => {
    // WHEN
    const config = parseBaseConfig({ text: expired, source: "main:contoso.yaml" });
    // THEN
    expect(config.name).toBe("contoso-ml");
  });
});
