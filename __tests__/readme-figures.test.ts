import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const readme = () => readFileSync(join(ROOT, "README.md"), "utf8");

/**
 * Counts and run times typed into the README went stale with every added test. Jest prints them, and CI shows them
 * per Node version; the README says where to look and claims only what stays true as tests are added.
 */
describe("the README's figures", () => {
  test("fails on a jest summary line or a test run time typed into the README", () => {
    // GIVEN the README; WHEN its lines are read THEN none is a jest summary with numbers, or a timed `npm test`
    const typed = readme()
      .split("\n")
      .filter(
        (line) =>
          /^\s*(Test Suites|Tests|Snapshots):\s+\d/.test(line) || /npm test[^\n]*\b\d+(\.\d+)?\s?s\b/.test(line),
      );
    expect(typed).toEqual([]);
  });

  test("GIVEN the claim 'one snapshot per example' WHEN the snapshots are counted THEN there is one per example config", () => {
    // GIVEN the README's claim
    expect(readme()).toContain("one snapshot per example");
    // WHEN
    const examples = readdirSync(join(ROOT, "examples")).filter((file) => file.endsWith(".yaml"));
    const snapshots = readFileSync(join(__dirname, "stack", "__snapshots__", "snapshots.test.ts.snap"), "utf8").match(
      /^exports\[`synthesizes [\w-]+ as recorded 1`\]/gm,
    );
    // THEN
    expect(snapshots).toHaveLength(examples.length);
  });
});
