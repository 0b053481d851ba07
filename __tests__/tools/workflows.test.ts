import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { PR_COMMENT_MARKER } from "../../tools/review/pr-comment/pr-comment";
import { loadExample, synthJson } from "../helpers";

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
  outputs: z.record(z.string(), expression).optional(),
  strategy: z
    .strictObject({
      "fail-fast": z.boolean().optional(),
      matrix: z.record(z.string(), z.array(scalar)),
    })
    .optional(),
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

type Job = Workflow["jobs"][string];

/**
 * Whether a step runs code of the repository: a package script, a Node or shell program, anything checked out.
 * Terraform running the synthesized JSON is the one exception, and the jobs that do it check that JSON first.
 */
function runsRepositoryCode(step: Step): boolean {
  if (step.uses !== undefined) return step.uses.startsWith("./") || step.uses.startsWith("actions/checkout@");
  // A command word where a shell expects one: a line's start, or after ;, &&, ||, | or $(.
  return /(^|[;&|]|\$\()\s*(npm|npx|node|tsx|yarn|pnpm|make|python3?|bash|sh|source|\.)\s|(^|[;&|]|\$\()\s*\.{0,2}\/?[\w.-]+\/[\w./-]*\.(sh|js|mjs|ts|py)\b/m.test(
    step.run!,
  );
}

/** Whether a job can see a secret or a cloud identity (an environment's secrets, OIDC, a secret in its env). */
function holdsCredentials(flow: Workflow, job: Job): boolean {
  const text = JSON.stringify({ env: job.env, steps: job.steps });
  return (
    job.environment !== undefined ||
    job.permissions?.["id-token"] === "write" ||
    /secrets\./.test(text) ||
    /secrets\./.test(JSON.stringify(flow.env ?? {}))
  );
}

/** The secrets of the `health` environment: the read-only health identity's ids, nothing that writes. */
const HEALTH_SECRETS = ["AWS_HEALTH_ROLE_ARN", "ARM_HEALTH_APP_ID", "ARM_TENANT_ID"];

/**
 * The one exception to the trust split: a health check must run the repository's code with a cloud identity, since
 * the code is what reads Microsoft Graph and AWS. It is allowed only where that code is the default branch's (a
 * workflow run on a schedule or by hand, never on a pull request or a push), the identity is the read-only one of
 * the `health` environment (only its secrets, no write token of any kind) and no package's install script runs.
 */
function readOnlyHealthCheck(flow: Workflow, job: Job): boolean {
  const triggers = Object.keys(flow.on);
  const text = JSON.stringify({ env: job.env, steps: job.steps });
  const secrets = [...text.matchAll(/secrets\.([A-Z0-9_]+)/g)].map(([, secret]) => secret!);
  const installs = job.steps
    .flatMap((step) => (step.run ?? "").split("\n"))
    .filter((line) => /\bnpm (ci|install|i)\b/.test(line));
  return (
    triggers.length > 0 &&
    triggers.every((trigger) => trigger === "schedule" || trigger === "workflow_dispatch") &&
    job.environment === "health" &&
    JSON.stringify(job.permissions) === JSON.stringify({ contents: "read", "id-token": "write" }) &&
    secrets.every((secret) => HEALTH_SECRETS.includes(secret)) &&
    installs.every((line) => /^\s*npm ci --ignore-scripts\s*$/.test(line))
  );
}

describe.each(["pr.yml", "apply.yml", "health.yml"])("workflow %s", (name) => {
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
    const section = readme.indexOf("### Secrets");
    expect(section).toBeGreaterThanOrEqual(0);
    const documented = readme.slice(section);
    // THEN
    const secrets = [...text.matchAll(/secrets\.([A-Z0-9_]+)/g)].map(([, secret]) => secret!);
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(documented).toContain(`\`${secret}\``);
  });

  test("gives the whole workflow a read-only token, and no job a secret or identity it does not declare", () => {
    // THEN
    expect(flow.permissions).toEqual({ contents: "read" });
    expect(JSON.stringify(flow.env ?? {})).not.toMatch(/secrets\./);
    for (const job of Object.values(flow.jobs)) expect(job.permissions).toBeDefined();
  });

  test("never lets a step that runs the repository's code see a secret or a cloud identity", () => {
    // THEN every job that runs the repository's code has no environment, no OIDC, no secret and no write token,
    // but for the scheduled read-only health check (see readOnlyHealthCheck)
    const offenders = Object.entries(flow.jobs).flatMap(([key, job]) => {
      const code = job.steps.filter(runsRepositoryCode);
      if (code.length === 0 || readOnlyHealthCheck(flow, job)) return [];
      const writes = Object.entries(job.permissions ?? {}).filter(([, level]) => level === "write");
      return holdsCredentials(flow, job) || writes.length > 0
        ? [`${key}: ${code.map((step) => step.name ?? step.uses ?? step.run).join(", ")}`]
        : [];
    });
    expect(offenders).toEqual([]);
    if (name === "health.yml") return;
    // ... and the repository's own checks run in such a job
    expect(runs(flow)).toMatch(/^npm ci$/m);
    expect(runs(flow)).toMatch(/^npm test$/m);
    expect(runs(flow)).toMatch(/^npx cdktf synth$/m);
  });
});

describe("the trust check of the workflows", () => {
  test("fails a job that installs packages with a secret in its environment, or with an OIDC identity", () => {
    // GIVEN a job with npm ci and a secret, one with npm test and OIDC, and one with Terraform only
    const job = (over: object, run: string): Job =>
      ({
        "runs-on": "ubuntu-latest",
        "timeout-minutes": 5,
        permissions: { contents: "read" },
        ...over,
        steps: [{ run }],
      }) as Job;
    const flow = { env: {} } as unknown as Workflow;
    // THEN
    expect(runsRepositoryCode({ run: "npm ci" })).toBe(true);
    expect(runsRepositoryCode({ run: "cd x && ./scripts/plan.sh" })).toBe(true);
    expect(runsRepositoryCode({ uses: "actions/checkout@v4" })).toBe(true);
    expect(runsRepositoryCode({ run: 'terraform -chdir="$d" plan' })).toBe(false);
    expect(holdsCredentials(flow, job({ env: { T: "${{ secrets.T }}" } }, "npm ci"))).toBe(true);
    expect(holdsCredentials(flow, job({ permissions: { "id-token": "write" } }, "npm test"))).toBe(true);
    expect(holdsCredentials(flow, job({ environment: "plan" }, "terraform plan"))).toBe(true);
    expect(holdsCredentials(flow, job({}, "npm test"))).toBe(false);
  });
});

describe("the pull request workflow", () => {
  let flow: Workflow;
  let text: string;
  beforeAll(() => {
    // GIVEN
    ({ workflow: flow, text } = load("pr.yml"));
  });

  test("runs on pull requests, and only the job that posts the comment may write to the pull request", () => {
    // THEN
    expect(flow.on).toHaveProperty("pull_request");
    const writers = Object.entries(flow.jobs).filter(([, job]) => job.permissions?.["pull-requests"] === "write");
    expect(writers.map(([key]) => key)).toEqual(["comment"]);
    expect(writers[0]![1].steps.filter(runsRepositoryCode)).toEqual([]);
  });

  test("plans with the read-only plan environment only, never for a fork, with no SCIM token and no write role", () => {
    // GIVEN the jobs that hold credentials
    const credentialed = Object.entries(flow.jobs).filter(([, job]) => holdsCredentials(flow, job));
    // THEN exactly the plan job, in the plan environment, and not for a fork's pull request
    expect(credentialed.map(([key]) => key)).toEqual(["plan"]);
    const plan = flow.jobs.plan!;
    expect(plan.environment).toBe("plan");
    expect(plan.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
    expect(text).not.toMatch(
      /SCIM_TOKEN|TF_VAR_scim_token|AWS_APPLY_ROLE_ARN|ARM_CLIENT_SECRET|secrets\.ARM_CLIENT_ID\b/,
    );
    // ... on a stack synthesized for a plan only (read-only roles in every account)
    const synth = flow.jobs.checks!.steps.find((step) => step.run === "npx cdktf synth");
    expect(synth?.env).toEqual({ FEDERATION_PLAN_ONLY: "true" });
  });

  const hasJq = spawnSync("jq", ["--version"]).status === 0;
  (hasJq ? test : test.skip)(
    "checks the synthesized JSON before the plan identity is used: the stacks' own pass, a tampered one fails (needs jq)",
    () => {
      // GIVEN the jq program of the check step, and the multi-account and external examples synthesized for a plan
      const run = flow.jobs.plan!.steps.find((step) => step.name === "Check the synthesized stack")!.run!;
      const program = /jq -r '([\s\S]*?)' "\$stack"/.exec(run)![1]!;
      const problems = (stack: object) =>
        spawnSync("jq", ["-r", program], { input: JSON.stringify(stack), encoding: "utf8" }).stdout.trim();
      const stacks = ["contoso-multi-account", "contoso-external"].map((name) =>
        synthJson(loadExample(name), { planOnly: true }),
      );
      // THEN
      for (const stack of stacks) expect(problems(stack)).toBe("");
      const [stack] = stacks as [any];
      const tampered = [
        { ...stack, data: { ...stack.data, external: { x: { program: ["sh"] } } } },
        { ...stack, module: { x: { source: "git::https://example.com/x" } } },
        { ...stack, terraform: { ...stack.terraform, backend: { s3: { endpoints: { s3: "https://example.com" } } } } },
        { ...stack, terraform: { ...stack.terraform, required_providers: { null: { source: "hashicorp/null" } } } },
        { ...stack, provider: { aws: [{ ...stack.provider.aws[0], endpoints: [{ sts: "https://example.com" }] }] } },
      ];
      for (const bad of tampered) expect(problems(bad)).not.toBe("");
    },
  );

  test("lints, type-checks and tests the pull request on Node 20 and 22, each leg to the end", () => {
    // GIVEN the checks job
    const checks = flow.jobs.checks!;
    const commands = checks.steps.map((step) => step.run);
    // THEN a matrix over both Node versions, which setup-node installs
    expect(checks.strategy?.matrix).toEqual({ node: [20, 22] });
    expect(checks.strategy?.["fail-fast"]).toBe(false);
    const setup = checks.steps.find((step) => step.uses?.startsWith("actions/setup-node@"));
    expect(setup?.with?.["node-version"]).toBe("${{ matrix.node }}");
    // ... and every leg runs the three checks a change must pass, unconditionally
    for (const command of ["npm run lint", "npm run typecheck", "npm test"]) {
      const step = checks.steps.find((candidate) => candidate.run === command);
      expect(step).toBeDefined();
      expect(step?.if).toBeUndefined();
    }
    expect(commands.indexOf("npm run lint")).toBeLessThan(commands.indexOf("npm test"));
    // ... while one leg alone hands the synthesized stack to the plan job (an artifact name is unique in a run)
    const uploads = checks.steps.filter((step) => step.uses?.startsWith("actions/upload-artifact@"));
    expect(uploads.map((step) => step.if)).toEqual(["matrix.node == 20"]);
  });

  test("makes the access diff against the base branch and plans without taking the state lock", () => {
    // THEN
    expect(runs(flow)).toContain('npm run --silent report -- --base "origin/$BASE_REF"');
    expect(runs(flow)).toMatch(/terraform -chdir="\$stack_dir" plan -input=false -no-color -lock=false/);
  });

  test("updates the one comment it finds by the marker the comment is written with", () => {
    // GIVEN the github-script step
    const script = steps(flow).find((s) => s.uses?.startsWith("actions/github-script@"))?.with?.script;
    // THEN
    expect(script).toEqual(expect.stringContaining(`const marker = "${PR_COMMENT_MARKER}"`));
    expect(script).toEqual(expect.stringContaining("github.rest.issues.updateComment"));
    expect(script).toEqual(expect.stringContaining("github.rest.issues.createComment"));
    expect(text).toContain("tools/review/write-pr-comment.ts");
  });
});

describe("the apply workflow", () => {
  let flow: Workflow;
  beforeAll(() => {
    // GIVEN
    ({ workflow: flow } = load("apply.yml"));
  });

  const terraformCommands = (job: Job) =>
    job.steps.flatMap((step) => [...(step.run ?? "").matchAll(/terraform -chdir="\$stack_dir" (\w+)([^\n]*)/g)]);

  test("applies after a push to main that changes more than documentation, one run at a time", () => {
    // THEN
    const push = (flow.on as { push: { branches: string[]; "paths-ignore": string[] } }).push;
    expect(push.branches).toEqual(["main"]);
    expect(push["paths-ignore"]).toEqual(expect.arrayContaining(["**.md", "docs/**"]));
    expect(flow.concurrency["cancel-in-progress"]).toBe(false);
  });

  test("applies nothing but the saved plan, after the production environment's approval of that plan", () => {
    // GIVEN every terraform command of every job
    const applies = Object.entries(flow.jobs).flatMap(([key, job]) =>
      terraformCommands(job)
        .filter(([, command]) => command === "apply")
        .map(([, , args]) => ({ key, args: args!.trim() })),
    );
    // THEN one apply, of the plan file the plan job saved, never with -auto-approve or cdktf deploy
    expect(applies).toHaveLength(1);
    const { key, args } = applies[0]!;
    const planFile = args.split(/\s+/).pop()!;
    expect(args).not.toContain("-auto-approve");
    expect(args).not.toContain("-replace");
    const plan = flow.jobs.plan!;
    const saved = terraformCommands(plan).find(([, command, rest]) => command === "plan" && rest!.includes("-out="));
    expect(saved?.[2]).toContain(`-out=${planFile}`);
    expect(JSON.stringify(flow)).not.toMatch(/cdktf deploy|npm run deploy/);
    // ... in the production environment, which the plan job does not use, so the approval comes after the plan
    const apply = flow.jobs[key]!;
    expect(apply.environment).toBe("production");
    expect(apply.needs).toEqual("plan");
    expect(plan.environment).not.toBe("production");
    // ... and the plan reaches the reviewers in the run's summary
    expect(JSON.stringify(plan.steps)).toContain("GITHUB_STEP_SUMMARY");
  });

  test("checks after the apply that a new plan has nothing left to change, and fails loudly when it has", () => {
    // GIVEN the apply job's steps after the apply
    const apply = flow.jobs.apply!;
    const at = apply.steps.findIndex((step) => /terraform -chdir="\$stack_dir" apply /.test(step.run ?? ""));
    const after = apply.steps
      .slice(at + 1)
      .map((step) => step.run ?? "")
      .join("\n");
    // THEN
    expect(after).toMatch(/terraform -chdir="\$stack_dir" plan [^\n]*-detailed-exitcode/);
    expect(after).toMatch(/::error::/);
    expect(after).toMatch(/exit 1/);
  });

  test("keeps the saved plan encrypted outside the job that made it", () => {
    // THEN the plan file (which holds variable values) is uploaded only as the encrypted archive
    const plan = flow.jobs.plan!;
    const uploads = plan.steps.filter((step) => step.uses?.startsWith("actions/upload-artifact@"));
    expect(uploads.map((step) => step.with?.path)).toEqual(["plan.tar.enc"]);
    expect(JSON.stringify(plan.steps)).toMatch(/openssl enc -aes-256-cbc/);
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

describe("the health workflow", () => {
  let flow: Workflow;
  beforeAll(() => {
    // GIVEN
    ({ workflow: flow } = load("health.yml"));
  });

  test("runs daily and by hand, never on pull requests or pushes, so its code is always the default branch's", () => {
    // THEN
    expect(Object.keys(flow.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    const [schedule] = (flow.on as { schedule: { cron: string }[] }).schedule;
    expect(schedule!.cron).toMatch(/^\d+ \d+ \* \* \*$/);
  });

  test("checks with the read-only health identity only: npm run health, its report kept, its exit code passed on", () => {
    // GIVEN the jobs that hold credentials
    const credentialed = Object.entries(flow.jobs).filter(([, job]) => holdsCredentials(flow, job));
    // THEN exactly the check job, which the trust rule lets run code only as the read-only exception
    expect(credentialed.map(([key]) => key)).toEqual(["check"]);
    const check = flow.jobs.check!;
    expect(readOnlyHealthCheck(flow, check)).toBe(true);
    expect(JSON.stringify(flow)).not.toMatch(
      /SCIM_TOKEN|TF_VAR_scim_token|AWS_APPLY_ROLE_ARN|AWS_PLAN_ROLE_ARN|_API_TOKEN/,
    );
    const run = check.steps.find((step) => step.id === "health")!.run!;
    expect(run).toContain("npm run --silent health -- --json > health.json");
    expect(run).toContain('echo "exit-code=$status" >> "$GITHUB_OUTPUT"');
    expect(check.outputs?.["exit-code"]).toBe("${{ steps.health.outputs.exit-code }}");
  });

  test("writes to issues only in a job that runs no repository code and holds no identity, and only on action", () => {
    // GIVEN the jobs with a write permission
    const writers = Object.entries(flow.jobs).filter(
      ([, job]) => Object.values(job.permissions ?? {}).includes("write") && !holdsCredentials(flow, job),
    );
    // THEN the issue job alone, with issues: write and nothing else
    expect(writers.map(([key]) => key)).toEqual(["issue"]);
    const issue = flow.jobs.issue!;
    expect(issue.permissions).toEqual({ issues: "write" });
    expect(issue.steps.filter(runsRepositoryCode)).toEqual([]);
    expect(issue.if).toContain("needs.check.outputs.exit-code == '3'");
    expect(flow.jobs.check!.permissions).not.toHaveProperty("issues");
  });

  test("updates the one issue it finds by its fixed title rather than opening another", () => {
    // GIVEN the github-script step
    const script = flow.jobs.issue!.steps.find((s) => s.uses?.startsWith("actions/github-script@"))!.with!
      .script as string;
    // THEN
    expect(script).toContain('const title = "Federation health: action needed"');
    expect(script).toMatch(/open\.find\(\(issue\) => !issue\.pull_request && issue\.title === title\)/);
    expect(script).toContain("github.rest.issues.update(");
    expect(script).toContain("github.rest.issues.create(");
    expect(script).toContain('state: "open"');
  });

  test("fails the run when a check cannot run or action is needed, and only warns on warnings", () => {
    // GIVEN the last step of the check job
    const steps = flow.jobs.check!.steps;
    const last = steps[steps.length - 1]!.run!;
    // THEN
    expect(last).toMatch(/2\) echo "::warning::/);
    expect(last).toMatch(/3\) echo "::error::[^\n]*exit 1/);
    expect(last).toMatch(/\*\) echo "::error::[^\n]*exit 1/);
  });
});

describe("the read-only exception of the trust check", () => {
  const base = (): { flow: Workflow; job: Job } => {
    const flow = load("health.yml").workflow;
    return { flow, job: flow.jobs.check! };
  };

  test("fails a job that would run code with the health identity on a pull request or a push", () => {
    const { flow, job } = base();
    expect(readOnlyHealthCheck(flow, job)).toBe(true);
    expect(readOnlyHealthCheck({ ...flow, on: { ...flow.on, pull_request: {} } }, job)).toBe(false);
    expect(readOnlyHealthCheck({ ...flow, on: { push: {} } }, job)).toBe(false);
  });

  test("fails a job with a write permission, another environment, another secret, or install scripts", () => {
    const { flow, job } = base();
    expect(readOnlyHealthCheck(flow, { ...job, permissions: { ...job.permissions, issues: "write" } })).toBe(false);
    expect(readOnlyHealthCheck(flow, { ...job, environment: "production" })).toBe(false);
    expect(readOnlyHealthCheck(flow, { ...job, env: { ...job.env, T: "${{ secrets.SCIM_TOKEN }}" } })).toBe(false);
    const steps = job.steps.map((step) => (step.run === "npm ci --ignore-scripts" ? { ...step, run: "npm ci" } : step));
    expect(readOnlyHealthCheck(flow, { ...job, steps })).toBe(false);
  });
});
