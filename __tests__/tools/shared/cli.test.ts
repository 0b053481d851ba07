import { ConfigError } from "../../../config/errors";
import { parseCommandLine, runCommand, type CommandOutput } from "../../../tools/shared/cli";
import { UsageError } from "../../../tools/shared/usage-error";
import { UserError } from "../../../tools/shared/user-error";

const USAGE = "usage: npm run thing -- <user name> [--team <key>]";

function recording(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const output: CommandOutput = { out: (line) => out.push(line), err: (line) => err.push(line), env };
  return { output, out, err };
}

const CONFIG_ERROR = new ConfigError("platform.yaml", []);

const spec = {
  usage: USAGE,
  options: { team: { type: "string" }, apply: { type: "boolean", default: false } },
  positionals: { count: 1, what: "one user name" },
} as const;

describe("parseCommandLine", () => {
  test("GIVEN flags and a user name THEN it returns both, with the defaults", () => {
    // WHEN
    const line = parseCommandLine(["bob@contoso.com", "--team", "fraud"], spec, recording().output);
    // THEN
    expect(line?.values).toEqual({ team: "fraud", apply: false, help: false });
    expect(line?.positionals).toEqual(["bob@contoso.com"]);
  });

  test.each([["--help"], ["-h"]])("GIVEN %s THEN it prints the usage and returns nothing to run", (flag) => {
    // GIVEN
    const { output, out } = recording();
    // WHEN
    const line = parseCommandLine([flag], spec, output);
    // THEN
    expect(line).toBeUndefined();
    expect(out).toEqual([USAGE]);
  });

  test.each([
    ["an unknown flag", ["bob@contoso.com", "--tem", "fraud"], "Unknown option '--tem'"],
    ["a flag without its value", ["bob@contoso.com", "--team"], "Option '--team <value>' argument missing"],
    ["no user name", ["--team", "fraud"], "give exactly one user name (got 0)"],
    ["two user names", ["bob@contoso.com", "alice@contoso.com"], "give exactly one user name (got 2)"],
  ])("fails on %s with a UsageError", (_, args, message) => {
    // WHEN
    const parse = () => parseCommandLine(args, spec, recording().output);
    // THEN
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(message);
  });

  test("fails on a positional argument for a command that takes none", () => {
    // WHEN
    const parse = () => parseCommandLine(["extra"], { usage: USAGE, options: {} }, recording().output);
    // THEN
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow("Unexpected argument 'extra'");
  });
});

describe("runCommand", () => {
  test("returns the body's exit code and prints nothing of its own", async () => {
    // GIVEN
    const { output, err } = recording();
    // WHEN
    const code = await runCommand(USAGE, output, () => 2);
    // THEN
    expect(code).toBe(2);
    expect(err).toEqual([]);
  });

  test.each([
    [
      "a usage error, with the usage",
      new UsageError("give exactly one user name (got 0)"),
      `give exactly one user name (got 0)\n\n${USAGE}`,
    ],
    [
      "a user error, as it is",
      new UserError("there is no team x: use one of a, b"),
      "there is no team x: use one of a, b",
    ],
    ["a config error, as the loader wrote it", CONFIG_ERROR, CONFIG_ERROR.message],
    [
      "a bug, on one line without its stack",
      new TypeError("x is\nundefined"),
      "unexpected error (TypeError): x is undefined; run again with DEBUG=1 for details and report it",
    ],
  ])("fails on %s, exit code 1", async (_, error, expected) => {
    // GIVEN
    const { output, err } = recording();
    // WHEN
    const code = await runCommand(USAGE, output, () => {
      throw error;
    });
    // THEN
    expect(code).toBe(1);
    expect(err).toEqual([expected]);
  });

  test("GIVEN DEBUG THEN a bug's line is followed by its stack", async () => {
    // GIVEN
    const { output, err } = recording({ DEBUG: "1" });
    // WHEN
    await runCommand(USAGE, output, () => {
      throw new TypeError("x is undefined");
    });
    // THEN
    expect(err[0]).toMatch(/^unexpected error \(TypeError\): x is undefined; .*\n {4}at /s);
  });

  test("GIVEN the command explains an error THEN its line is printed instead", async () => {
    // GIVEN
    const { output, err } = recording();
    // WHEN
    await runCommand(
      USAGE,
      output,
      async () => {
        throw new RangeError("disk full");
      },
      (error) => (error instanceof RangeError ? `cannot write: ${error.message}` : undefined),
    );
    // THEN
    expect(err).toEqual(["cannot write: disk full"]);
  });
});
