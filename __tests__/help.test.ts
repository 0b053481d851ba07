import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..");

describe("./help", () => {
  let text: string;
  beforeAll(() => {
    // GIVEN the repository WHEN ./help runs as a program (not bash's builtin of the same name)
    text = execFileSync(join(ROOT, "help"), { encoding: "utf8" });
  });

  test("THEN it prints the help text", () => {
    expect(text).toContain("SageMaker Studio federation");
    expect(text).toContain("npx cdktf synth");
  });

  test("THEN it names every npm script a user runs", () => {
    const scripts = Object.keys(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts as object);
    // format is run by lint's fix hint, get is cdktf's own hook, synth is npx cdktf synth, test is npm test.
    const internal = new Set(["format", "get", "synth", "test"]);
    const missing = scripts.filter((script) => !internal.has(script) && !text.includes(`npm run ${script}`));
    expect(missing).toEqual([]);
  });
});
