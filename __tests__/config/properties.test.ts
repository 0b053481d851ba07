import os from "node:os";
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { ConfigError } from "../../config/errors";
import type { Malformed } from "../arbitraries/building-blocks";
import { isAtOrUnder } from "../arbitraries/config-paths";
import { corruptedConfig, garbageDocument } from "../arbitraries/corrupted-config";
import { targetedMalformed } from "../arbitraries/targeted-malformed";
import { validConfig } from "../arbitraries/valid-config";
import { loadData, loadText, synthText } from "../helpers";

/**
 * Tier 4 (docs/architecture.md, section 5): random and malformed configs never crash the loader, and every rejection is a
 * ConfigError whose problems each name a path, a rule and a fix. CI runs every property 1,000 times.
 */
const CI = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false";
const RUNS = CI ? 1_000 : 150;
/** Replay a failure: FC_SEED and FC_PATH from the report. */
const replay =
  process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH };
const options = { numRuns: RUNS, ...replay };
const TIMEOUT = 120_000;

/** The ConfigError the loader throws for this text, or undefined when it loads. Any other error fails the test. */
function rejectionOf(text: string): ConfigError | undefined {
  try {
    loadText(text);
    return undefined;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw new Error(`the loader threw ${String(error)} instead of a ConfigError`, { cause: error });
  }
}

/**
 * One clear problem each: a path, a rule and a fix, none empty, in the reader's words (not the schema library's), and
 * every path named, in order, in the message the user sees. Checked in one pass (a rejection can list thousands of problems) and reported all at once.
 */
function expectWellFormed(error: ConfigError, broken: Malformed): void {
  const filled = (text: unknown) => typeof text === "string" && text.trim() !== "";
  const unclear = error.problems.filter(
    (problem) =>
      !filled(problem.path) ||
      !filled(problem.rule) ||
      !filled(problem.fix) ||
      (problem.line !== undefined && !(Number.isInteger(problem.line) && problem.line >= 1)),
  );
  // The schema library's own words mean nothing to a reader of the YAML file.
  const libraryWords = error.problems.filter((problem) =>
    /\brecord\b|\ba array\b|\bexpected\b|invalid input/i.test(`${problem.rule} ${problem.fix}`),
  );
  let cursor = 0;
  const unnamed = error.problems.filter((problem) => {
    const at = error.message.indexOf(problem.path, cursor);
    if (at >= 0) cursor = at + problem.path.length;
    return at < 0;
  });
  expect({ what: broken.what, count: error.problems.length > 0, unclear, unnamed, libraryWords }).toEqual({
    what: broken.what,
    count: true,
    unclear: [],
    unnamed: [],
    libraryWords: [],
  });
}

describe("valid configs", () => {
  // Testing.app() makes an output directory per synth; keep the thousand of them out of the shared /tmp.
  let scratch: string;
  let tmpdirSpy: jest.SpyInstance;
  beforeAll(() => {
    scratch = mkdtempSync(join(os.tmpdir(), "federation-properties-"));
    tmpdirSpy = jest.spyOn(os, "tmpdir").mockReturnValue(scratch);
  });
  afterAll(() => {
    tmpdirSpy.mockRestore();
    rmSync(scratch, { recursive: true, force: true });
  });

  test("synthesizes the same JSON with short stack traces as with full ones", () => {
    // GIVEN a few generated configs
    for (const { data } of fc.sample(validConfig(), 3)) {
      const config = loadData(data);
      // WHEN synthesized both ways THEN the JSON is the same
      expect(withShortStackTraces(() => synthText(config))).toBe(synthText(config));
    }
  });

  test(
    "loads and synthesizes any config that follows the contract, with every group, domain and profile it asks for",
    () => {
      fc.assert(
        // GIVEN a config that follows every rule: both identity providers, both phases, unicode group names,
        // persona overrides and custom personas, explicit and derived profile names, every backend
        fc.property(validConfig(), ({ data, expected }) => {
          // WHEN
          const config = loadData(data);
          const stack = JSON.parse(withShortStackTraces(() => synthText(config)));

          // THEN neither threw; the phase, then what each phase declares, keyed by config keys
          expect(config.phase).toBe(expected.phase);
          const groupKeys = Object.keys(expected.groups).sort();
          if (expected.identityProvider === "entra") {
            const groups = onlyForEach(stack.resource, "azuread_group");
            expect(Object.keys(groups).sort()).toEqual(groupKeys);
            for (const key of groupKeys) expect(groups[key].displayName).toBe(expected.groups[key]);
          } else expect(stack.resource.azuread_group).toBeUndefined();

          if (expected.phase === "bootstrap") {
            expect(stack.resource.aws_sagemaker_domain).toBeUndefined();
            return;
          }
          // Every group is looked up in the identity store by its display name, keyed by its config key.
          expect(stack.locals.identity_center_group_names).toEqual(groupKeys.map((key) => expected.groups[key]));
          expect(stack.locals.identity_center_group_ids).toContain(
            `in ${JSON.stringify(sortedRecord(expected.groups))} :`,
          );
          const domains = forEachOfAll(stack.resource, "aws_sagemaker_domain");
          expect(Object.keys(domains).sort()).toEqual(groupKeys.filter((key) => key !== "admins"));
          const profiles = forEachOfAll(stack.resource, "aws_sagemaker_user_profile");
          expect(
            Object.fromEntries(
              Object.entries<any>(profiles).map(([key, value]) => [
                key,
                { profileName: value.profileName, role: value.role },
              ]),
            ),
          ).toEqual(expected.profiles);
        }),
        options,
      );
    },
    TIMEOUT,
  );
});

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, record[key]!]),
  );
}

describe("malformed configs", () => {
  test(
    "fails with a ConfigError that names the broken place when one rule is broken",
    () => {
      fc.assert(
        // GIVEN a valid config with a wrong type, a bad name, a missing field, an unknown key or a collision
        fc.property(targetedMalformed(), (broken) => {
          // WHEN
          const error = rejectionOf(broken.text);

          // THEN a ConfigError of clear problems, one of them at the broken place (or under it)
          if (error === undefined) throw new Error(`loaded although ${broken.what}`);
          expectWellFormed(error, broken);
          const reported = error.problems.map((problem) => problem.path);
          const expected = broken.expectedPaths!;
          if (!reported.some((path) => expected.some((place) => isAtOrUnder(path, place))))
            throw new Error(`${broken.what}: no problem at ${expected.join(" or ")}; got ${reported.join(", ")}`);
        }),
        options,
      );
    },
    TIMEOUT,
  );

  test(
    "throws nothing but a ConfigError of clear problems, whatever the damage to a valid config",
    () => {
      fc.assert(
        // GIVEN a valid config with values of any type anywhere, unicode, huge values, YAML anchors, aliases and
        // tags, or edited text (some of which still load)
        fc.property(corruptedConfig(), (broken) => {
          // WHEN
          const error = rejectionOf(broken.text);

          // THEN it loaded, or every problem has a path, a rule and a fix
          if (error !== undefined) expectWellFormed(error, broken);
        }),
        options,
      );
    },
    TIMEOUT,
  );

  test(
    "fails with a ConfigError of clear problems on a document that is no config at all",
    () => {
      fc.assert(
        // GIVEN random JSON values, random values of any type, random text or YAML token soup
        fc.property(garbageDocument(), (broken) => {
          // WHEN
          const error = rejectionOf(broken.text);

          // THEN
          if (error === undefined) throw new Error(`loaded ${broken.what}`);
          expectWellFormed(error, broken);
        }),
        options,
      );
    },
    TIMEOUT,
  );
});

/** The `for_each` map of the one block of a type. */
function onlyForEach(blocks: Record<string, Record<string, any>> | undefined, type: string): Record<string, any> {
  const found = Object.values(blocks?.[type] ?? {});
  if (found.length !== 1) throw new Error(`expected one ${type} block, found ${found.length}`);
  return found[0]!.for_each ?? {};
}

/** The `for_each` entries of every block of a type (one block per account that hosts domains), which never share a key. */
function forEachOfAll(blocks: Record<string, Record<string, any>> | undefined, type: string): Record<string, any> {
  const entries = Object.values(blocks?.[type] ?? {}).flatMap((block) => Object.entries(block.for_each ?? {}));
  const merged = Object.fromEntries(entries);
  expect(Object.keys(merged).length).toBe(entries.length);
  return merged;
}

/**
 * cdktf records the creation stack of every token it makes (shown only when a token fails to resolve), and all of
 * it: below the stack's own frames sit jest's and fast-check's, each mapped through jest's source maps. That is
 * two thirds of a small synth. The nearest 12 frames, unmapped, make 1,000 synths fit the test budget, and the
 * synthesized JSON does not change (the first test checks it).
 */
function withShortStackTraces<T>(run: () => T): T {
  const limit = Object.getOwnPropertyDescriptor(Error, "stackTraceLimit");
  const prepare = Error.prepareStackTrace;
  // cdktf raises the limit to the maximum before each capture; an accessor keeps it at 12.
  Object.defineProperty(Error, "stackTraceLimit", { configurable: true, get: () => 12, set: () => undefined });
  Error.prepareStackTrace = (error, frames) =>
    [String(error), ...frames.map((frame) => `    at ${String(frame)}`)].join("\n");
  try {
    return run();
  } finally {
    if (limit !== undefined) Object.defineProperty(Error, "stackTraceLimit", limit);
    Error.prepareStackTrace = prepare;
  }
}
