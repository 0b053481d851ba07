import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { PR_COMMENT_MARKER } from "../../tools/pr-comment";

const ROOT = join(__dirname, "..", "..");

/** The GitHub Actions keys these workflows use; strict objects catch a misspelled key, as actionlint would. */
const expression = z
  .string()
  .refine((text) => !text.replace(/\$\{\{[^}]*\}\}/g, "").includes("${{"), "unbalanced ${{ }} expression");
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const env = z.record(z.string(), scalar);
const permission = z.enum(["read", "write", "none"]);

const step = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_-]*$/)
      .optional(),
    name: z.string().optional(),
    if: expression.optional(),
    uses: z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@v\d+$/, "pin actions to a major version (owner/repo@vN)")
      .optional(),
    run: expression.optional(),
    with: z.record(z.string(), scalar).optional(),
    env: env.optional(),
    shell: z.string().optional(),
    "continue-on-error": z.union([z.boolean(), expression]).optional(),
    "timeout-minutes": z.number().optional(),
    "working-directory": z.string().optional(),
  })
  .refine((s) => (s.uses === undefined) !== (s.run === undefined), "a step has exactly one of uses and run");

const job = z.strictObject({
  name: z.string().optional(),
  "runs-on": z.string(),
  "timeout-minutes": z.number().int().positive(),
  environment: z.string().optional(),
  permissions: z.record(z.string(), permission).optional(),
  env: env.optional(),
  needs: z.union([z.string(), z.array(z.string())]).optional(),
  if: expression.optional(),
  steps: z.array(step).min(1),
});

const workflow = z.strictObject({
  name: z.string(),
  on: z.record(z.string(), z.unknown()),
  permissions: z.record(z.string(), permission),
  concurrency: z.strictObject({ group: expression, "cancel-in-progress": z.boolean() }),
  env: env.optional(),
  jobs: z.record(z.string(), job),
});

type Workflow = z.infer<typeof workflow>;
type Step = Workflow["jobs"][string]["steps"][number];

function load(name: string): { workflow: Workflow; text: string } {
  const text = readFileSync(join(ROOT, ".github", "workflows", name), "utf8");
  return { workflow: workflow.parse(parse(text)), text };
}

const steps = (w: Workflow): Step[] => Object.values(w.jobs).flatMap((j) => j.steps);
const runs = (w: Workflow): string =>
  steps(w)
    .map((s) => s.run ?? "")
    .join("\n");

describe.each(["pr.yml", "apply.yml"])("workflow %s", (name) => {
  let flow: Workflow;
  let text: string;
  beforeAll(() => {
    // GIVEN the workflow file as GitHub reads it
    ({ workflow: flow, text } = load(name));
  });

  test("has the structure GitHub Actions expects", () => {
    // THEN parsing against the schema above did not throw, and every job has a runner and steps
    expect(Object.keys(flow.jobs).length).toBeGreaterThan(0);
  });

  test("never expands event data inside a shell script (script injection)", () => {
    // THEN values an author controls reach scripts through env, as actionlint recommends
    expect(runs(flow)).not.toMatch(/\$\{\{\s*(github\.event\.|github\.head_ref|github\.base_ref)/);
  });

  test("refers only to steps that exist", () => {
    // THEN
    const ids = new Set(steps(flow).flatMap((s) => (s.id ? [s.id] : [])));
    for (const [, id] of text.matchAll(/steps\.([A-Za-z_][\w-]*)\./g)) expect(ids).toContain(id);
  });

  test("uses only secrets the README documents", () => {
    // GIVEN the README's list of secrets
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.indexOf("## Reviewing access changes");
    expect(section).toBeGreaterThanOrEqual(0);
    const documented = readme.slice(section);
    // THEN
    const secrets = [...text.matchAll(/secrets\.([A-Z0-9_]+)/g)].map(([, secret]) => secret!);
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(documented).toContain(`\`${secret}\``);
  });

  test("installs with npm ci, runs the tests and synthesizes", () => {
    // THEN
    expect(runs(flow)).toMatch(/^npm ci$/m);
    expect(runs(flow)).toMatch(/^npm test$/m);
    expect(runs(flow)).toMatch(/^npx cdktf synth$/m);
  });
});

describe("the pull request workflow", () => {
  let flow: Workflow;
  let text: string;
  beforeAll(() => {
    // GIVEN
    ({ workflow: flow, text } = load("pr.yml"));
  });

  test("runs on pull requests and may write the comment", () => {
    // THEN
    expect(flow.on).toHaveProperty("pull_request");
    expect(flow.permissions["pull-requests"]).toBe("write");
  });

  test("makes the access diff against the base branch and plans", () => {
    // THEN
    expect(runs(flow)).toContain('npm run --silent report -- --base "origin/$BASE_REF"');
    expect(runs(flow)).toMatch(/terraform -chdir="\$stack_dir" plan -input=false/);
  });

  test("updates the one comment it finds by the marker the comment is written with", () => {
    // GIVEN the github-script step
    const script = steps(flow).find((s) => s.uses?.startsWith("actions/github-script@"))?.with?.script;
    // THEN
    expect(script).toEqual(expect.stringContaining(`const marker = "${PR_COMMENT_MARKER}"`));
    expect(script).toEqual(expect.stringContaining("github.rest.issues.updateComment"));
    expect(script).toEqual(expect.stringContaining("github.rest.issues.createComment"));
    expect(text).toContain("tools/write-pr-comment.ts");
  });
});

describe("the apply workflow", () => {
  let flow: Workflow;
  beforeAll(() => {
    // GIVEN
    ({ workflow: flow } = load("apply.yml"));
  });

  test("applies after a push to main, behind an environment, one run at a time", () => {
    // THEN
    expect(flow.on).toEqual(expect.objectContaining({ push: { branches: ["main"] } }));
    expect(flow.jobs.apply!.environment).toBe("production");
    expect(flow.concurrency["cancel-in-progress"]).toBe(false);
    expect(runs(flow)).toContain("apply -input=false -auto-approve");
  });
});

describe("the workflow schema", () => {
  test("fails on a step with both uses and run, and on an unpinned action", () => {
    // GIVEN two broken steps
    const broken = (s: object) => ({
      name: "x",
      on: { push: {} },
      permissions: {},
      concurrency: { group: "x", "cancel-in-progress": false },
      jobs: { a: { "runs-on": "ubuntu-latest", "timeout-minutes": 5, steps: [s] } },
    });
    // THEN
    expect(workflow.safeParse(broken({ uses: "actions/checkout@v4", run: "ls" })).success).toBe(false);
    expect(workflow.safeParse(broken({ uses: "actions/checkout@main" })).success).toBe(false);
    expect(workflow.safeParse(broken({ uses: "actions/checkout@v4" })).success).toBe(true);
  });
});
