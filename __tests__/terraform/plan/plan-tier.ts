// Plan tier: day-2 plans with the real AWS provider against a generated state (see README.md here).
//
//   node --import tsx plan-tier.ts <work dir> <examples/x.yaml>...
//
// Per example, in <work dir>/<example>: synthesize the example (A) and its variants, `terraform init` once,
// generate A's state, then `terraform plan -refresh=false` of A and of every variant against that state, with
// the data sources answered by a fake AWS API on 127.0.0.1. Examples run in parallel; each plan prints
// `== plan tier: <example>: <variant>` and a one-line result. Exits 1 if any check fails.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfigFile } from "../../../config/load";
import type { FederationConfig } from "../../../config/types";
import { awsProviders, type Plan, type ProviderSchemas, type Stack, type State } from "../terraform-json";
import { adoptVariant, checkConsoleImported, checkConsoleRefused, consoleAdoption } from "./adopt-domain";
import {
  changesOfPlan,
  changesOfStream,
  check,
  checkRefused,
  checkWarnings,
  planErrors,
  summary,
  type CheckResult,
  type CheckWarning,
  type InstanceChange,
} from "./assertions";
import { simulateEntra } from "./entra-sim";
import { fixtureFromConfig, startFakeAws } from "./fake-aws";
import { readBack } from "./read-back";
import { addReadyBlocks, emptyState } from "./state";
import { variantsOf, type Intent, type Variant } from "./variants";

const root = path.resolve(__dirname, "../../..");

// Nothing from the caller's AWS setup may reach the provider: only the fake credentials of the override.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("AWS_")));
// An empty file of their own: the provider's SDK v1 session now and then failed to load /dev/null.
const emptyAwsConfig = path.join(os.tmpdir(), `plan-tier-aws-config-${process.pid}`);
fs.writeFileSync(emptyAwsConfig, "");
process.on("exit", () => fs.rmSync(emptyAwsConfig, { force: true }));
Object.assign(env, {
  AWS_CONFIG_FILE: emptyAwsConfig,
  AWS_SHARED_CREDENTIALS_FILE: emptyAwsConfig,
  AWS_EC2_METADATA_DISABLED: "true",
  TF_IN_AUTOMATION: "1",
  // No network: the version check would wait for its timeout in every one of the tier's Terraform runs.
  CHECKPOINT_DISABLE: "1",
});

/**
 * The commands running now. Each runs as long as it needs (no timeout: a loaded machine is slow, not stuck); if
 * the tier is interrupted they are stopped with it rather than left running against a removed work directory.
 */
const running = new Set<ChildProcess>();
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.once(signal, () => {
    for (const child of running) child.kill("SIGTERM");
    console.error(`plan tier: stopped by ${signal}`);
    process.exit(1);
  });

interface RunOptions {
  /** @default - the repository root */
  readonly cwd?: string;
  /** Added to the tier's environment. @default - none */
  readonly env?: Readonly<Record<string, string>>;
  /** Resolve on a non-zero exit too, for plans that must fail. @default false */
  readonly allowFailure?: boolean;
}

interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? root, env: { ...env, ...options.env } });
    running.add(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => {
      running.delete(child);
      reject(error);
    });
    child.on("close", (code) => {
      running.delete(child);
      if (process.env.PLAN_TIER_TIMING)
        console.error(`${((Date.now() - t0) / 1000).toFixed(1)}s ${args.slice(0, 2).join(" ")} ${options.cwd ?? ""}`);
      const result = { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
      if (code !== 0 && !options.allowFailure)
        reject(new Error(`${command} ${args.join(" ")} exited ${code}\n${result.stderr || result.stdout}`));
      else resolve(result);
    });
  });
}

async function synth(configFile: string, outDir: string): Promise<Stack> {
  await run("node", ["--import", "tsx", "main.ts"], {
    env: { FEDERATION_CONFIG: configFile, CDKTF_OUTDIR: outDir },
  });
  const stacks = fs.readdirSync(path.join(outDir, "stacks"));
  if (stacks.length !== 1) throw new Error(`expected one stack in ${outDir}, found ${stacks.join(", ")}`);
  return JSON.parse(fs.readFileSync(path.join(outDir, "stacks", `${stacks[0]}`, "cdk.tf.json"), "utf8")) as Stack;
}

/**
 * The stack as this tier plans it. The AWS provider version is relaxed as for the rest of the Terraform tier.
 * `assume_role` is dropped: the fake has no STS AssumeRole, and each provider configuration is instead given
 * an access key that names its account. `allowed_account_ids` stays: the fake STS GetCallerIdentity answers
 * with that account, so the provider's own check that each configuration reaches the right account still runs.
 */
function forPlanning(stack: Stack): Stack {
  const copy = structuredClone(stack);
  copy.terraform.required_providers.aws = { source: "hashicorp/aws", version: ">= 5.0" };
  delete copy.terraform.backend;
  for (const provider of awsProviders(copy)) delete provider.assume_role;
  return copy;
}

/** Provider settings that point every configuration of the AWS provider at the fake (an override file). */
function fakeProviderOverride(stack: Stack, url: string): object {
  const endpoint = { identitystore: url, ssoadmin: url, sts: url, iam: url, sagemaker: url, organizations: url };
  return {
    provider: {
      aws: awsProviders(stack).map((p) => ({
        ...(p.alias ? { alias: p.alias } : {}),
        access_key: `FAKE${p.allowed_account_ids?.[0] ?? "123456789012"}`,
        secret_key: "plan-tier-fake-secret",
        skip_credentials_validation: true,
        skip_metadata_api_check: true,
        skip_region_validation: true,
        endpoints: [endpoint],
      })),
    },
  };
}

/** A plan against `stateFile`: saved and shown as JSON with `out`, else the `-json` event stream. */
function plan(dir: string, stateFile: string): Promise<RunResult>;
function plan(dir: string, stateFile: string, out: string): Promise<Plan>;
async function plan(dir: string, stateFile: string, out?: string): Promise<RunResult | Plan> {
  fs.copyFileSync(stateFile, path.join(dir, "terraform.tfstate"));
  const args = ["plan", "-refresh=false", "-input=false", "-lock=false", "-no-color"];
  if (!out) return run("terraform", [...args, "-json"], { cwd: dir, allowFailure: true });
  await run("terraform", [...args, `-out=${out}`], { cwd: dir });
  return JSON.parse((await run("terraform", ["show", "-json", out], { cwd: dir })).stdout) as Plan;
}

/** A plan that must succeed, or why it failed. */
type Changes =
  | { readonly error: string }
  | {
      readonly error?: undefined;
      readonly changes: InstanceChange[];
      readonly warnings: CheckWarning[];
      /** @default - not saved */
      readonly plan?: Plan;
    };

/**
 * The changes and check warnings of a plan that must succeed, or the reason it failed. `saved`: from a saved plan,
 * which names each update's attributes and each replacement's cause (one `terraform show` more).
 */
async function changes(dir: string, stateFile: string, saved: string | undefined): Promise<Changes> {
  const result = await plan(dir, stateFile);
  if (result.code !== 0) {
    const errors = planErrors(result.stdout).map((d) => `${d.summary}: ${d.detail}`);
    return { error: `plan failed: ${errors.join("; ") || result.stderr}` };
  }
  const warnings = checkWarnings(result.stdout);
  if (!saved) return { changes: changesOfStream(result.stdout), warnings };
  const json = await plan(dir, stateFile, saved);
  return { changes: changesOfPlan(json), warnings, plan: json };
}

/** What the check warnings of a variant must be: about exactly `team` when it `warns`, else none. */
function warningProblems(warnings: readonly CheckWarning[], intent: Intent): string[] {
  const aboutTeam = warnings.filter(
    (w) => w.detail.includes(`: ${intent.team} (`) || w.detail.includes(`; ${intent.team} (`),
  );
  if (intent.warns && aboutTeam.length === 0) return [`no check warning names team ${intent.team}`];
  const others = warnings.filter((w) => !intent.warns || !aboutTeam.includes(w));
  return others.map((w) => `unexpected warning: ${w.detail}`);
}

/** The Terraform and provider versions a working directory runs (after init), as one line. */
async function versions(dir: string): Promise<string> {
  const v = JSON.parse((await run("terraform", ["version", "-json"], { cwd: dir })).stdout) as {
    terraform_version: string;
    provider_selections?: Record<string, string>;
  };
  const providers = Object.entries(v.provider_selections ?? {}).map(([source, version]) => `${source} ${version}`);
  return `Terraform ${v.terraform_version}; ${providers.join(", ")}`;
}

/** What a team's shared spaces get from its domain, as the config says. */
function sharedSpaceDefaults(config: FederationConfig | undefined, team: string | undefined): string {
  const { limits, gitRepositories } = config?.teams[`${team}`] ?? {};
  return JSON.stringify({ limits, repositories: [...(gitRepositories ?? [])].sort() });
}

/** Addresses of the state's instances owned by `team` (keyed by it or `<team>/...`), of the resources `pick` takes. */
function instancesOf(state: State, team: string): string[] {
  return state.resources.flatMap((r) =>
    r.instances
      .filter((i) => i.index_key === team || String(i.index_key).startsWith(`${team}/`))
      .map((i) => `${r.type}.${r.name}[${JSON.stringify(i.index_key)}]`),
  );
}

function writeState(file: string, state: State): string {
  fs.writeFileSync(file, JSON.stringify(state, null, 2));
  return file;
}

/** A copy of state file `from` at `to` without `addresses` (`terraform state rm`, as the runbook does). */
async function stateWithout(dir: string, from: string, to: string, addresses: readonly string[]): Promise<string> {
  fs.copyFileSync(from, path.join(dir, "terraform.tfstate"));
  await run("terraform", ["state", "rm", "-lock=false", ...addresses], { cwd: dir });
  fs.copyFileSync(path.join(dir, "terraform.tfstate"), to);
  return to;
}

/**
 * The second apply: A again, planned against the state as read back after A's apply (read-back.ts), must change
 * nothing. In Entra mode the certificate's end date is written with an offset, the same instant as A's: the
 * config's normalization is what keeps the provider from replacing the certificate.
 */
function secondApply(text: string, entra: boolean): Variant {
  const yaml = entra
    ? text.replace(/(signingCertificateEndDate:\s*")([^"]+)(")/, (_, open: string, date: string, close: string) => {
        const shifted = new Date(new Date(date).getTime() + 2 * 3600 * 1000).toISOString().slice(0, 19);
        return `${open}${shifted}+02:00${close}`;
      })
    : text;
  return { name: "second-apply", intent: {}, yaml };
}

/**
 * Provider schemas, read once per kind of example: the AWS provider's alone, or with terraform_data's for the
 * Entra simulation (Terraform lists the built-in provider only where the configuration uses it).
 */
const schemas = new Map<boolean, Promise<ProviderSchemas>>();

async function example(workRoot: string, configFile: string): Promise<{ name: string; failed: boolean }> {
  const name = path.basename(configFile, ".yaml");
  const work = path.join(workRoot, name);
  const dir = path.join(work, "tf");
  fs.mkdirSync(dir, { recursive: true });
  const text = fs.readFileSync(configFile, "utf8");
  // Entra mode: planned through the simulation (entra-sim.ts), for what adding a team or a member does.
  const entra = /^\s*type:\s*entra\b/m.test(text);
  let failed = false;
  const report = (variant: string, ok: boolean, text: string) => {
    const line = `== plan tier: ${name}${entra ? " (Entra simulation)" : ""}: ${variant}\n${ok ? "ok" : "FAIL"}: ${text}`;
    console.log(line);
    if (!ok) failed = true;
  };

  const configA = loadConfigFile(configFile);
  const configs: Record<string, FederationConfig> = { A: configA };
  const variants = [
    ...variantsOf(text, configA).filter((v) =>
      entra ? v.entraOnly || ["plus-team", "plus-member", "renamed-group"].includes(v.name) : !v.entraOnly,
    ),
    secondApply(text, entra),
  ];
  const stacks: Record<string, Stack> = {};
  await Promise.all(
    [{ name: "A", file: path.resolve(configFile) }, ...variants].map(async (v) => {
      let file = "file" in v ? v.file : undefined;
      if (!file && "yaml" in v) {
        file = path.join(work, `${v.name}.yaml`);
        fs.writeFileSync(file, v.yaml);
        configs[v.name] = loadConfigFile(file);
      }
      if (!file) throw new Error(`variant ${v.name} has neither a file nor YAML`);
      const synthesized = await synth(file, path.join(work, `out-${v.name}`));
      stacks[v.name] = forPlanning(entra ? simulateEntra(synthesized) : synthesized);
    }),
  );
  // A team setting that changes what the domain keeps from its creation (its shared spaces' limits or
  // repositories) must make the plan's check name the team; any other must not warn at all.
  for (const v of variants)
    if (v.kind === "team-setting")
      v.intent.warns =
        sharedSpaceDefaults(configA, v.intent.team) !== sharedSpaceDefaults(configs[v.name], v.intent.team);
  /** What was loaded and synthesized for a variant before any plan. */
  const stackOf = (variant: string) => stacks[variant] ?? missing("stack", variant);
  const configOf = (variant: string) => configs[variant] ?? missing("config", variant);

  const fake = await startFakeAws({ fixture: fixtureFromConfig(configA) });
  try {
    const useStack = (variant: string) => {
      fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(stackOf(variant), null, 2));
      fs.writeFileSync(
        path.join(dir, "fake_aws_override.tf.json"),
        JSON.stringify(fakeProviderOverride(stackOf(variant), fake.url), null, 2),
      );
      fake.setFixture(fixtureFromConfig(configOf(variant)));
    };
    useStack("A");
    await run("terraform", ["init", "-input=false", "-no-color"], { cwd: dir });
    report("versions", true, await versions(dir));
    if (!schemas.has(entra))
      schemas.set(
        entra,
        run("terraform", ["providers", "schema", "-json"], { cwd: dir }).then(
          (r) => JSON.parse(r.stdout) as ProviderSchemas,
        ),
      );
    const schema = await (schemas.get(entra) ?? missing("provider schemas", name));
    const stackA = stackOf("A");

    // A's state, in rounds (state.ts). The round that finds nothing left to create is the plan of A against
    // its complete state.
    const stateA = path.join(work, "A.tfstate");
    const state = emptyState();
    fs.writeFileSync(stateA, JSON.stringify(state));
    let planA: Plan | undefined;
    for (let round = 1; !planA; round++) {
      const p = await plan(dir, stateA, path.join(work, `round-${round}.plan`));
      const creates = p.resource_changes.filter((rc) => rc.mode === "managed" && rc.change.actions.join() === "create");
      if (round > 1 && creates.length === 0) planA = p;
      else if (addReadyBlocks(state, p, schema, stackA).length === 0 || round > 10)
        throw new Error(`state generation stuck with ${creates.length} instance(s) to create`);
      fs.writeFileSync(stateA, JSON.stringify(state, null, 2));
    }
    const instances = state.resources.reduce((n, r) => n + r.instances.length, 0);
    const resultA = check("A", changesOfPlan(planA), {}, configs);
    report("A (unchanged config vs its generated state)", resultA.ok, `${instances} instances; ${resultA.text}`);

    for (const v of variants) {
      useStack(v.name);
      if (v.name === "minus-team") {
        // Taken out of the config without retiring it: nothing is destroyed by surprise (retire-team retires it).
        const refused = await plan(dir, stateA);
        const result = checkRefused(refused, v.intent.team);
        report(`${v.name} (${v.intent.team})`, result.ok, result.text);
        continue;
      }
      // The second apply plans against the state as the providers read it back after the first.
      const against =
        v.name === "second-apply" ? writeState(path.join(work, "read-back.tfstate"), readBack(state)) : stateA;
      // A saved plan names what is imported or forgotten, and from where.
      const saved = entra || v.kind === "retire" ? path.join(work, `${v.name}.plan`) : undefined;
      const p = await changes(dir, against, saved);
      let result: CheckResult;
      if (p.error !== undefined) result = { ok: false, text: p.error };
      else {
        result = check(v.kind ?? (entra && v.name !== "second-apply" ? "entra" : v.name), p.changes, v.intent, configs);
        const warned = warningProblems(p.warnings, v.intent);
        if (warned.length > 0) result = { ok: false, text: [result.text, ...warned].join("; ") };
        else if (p.warnings.length)
          result = { ...result, text: `${result.text}; the check warns: ${p.warnings.map((w) => w.detail).join(" ")}` };
      }
      report(`${v.name} (${summary(v)})`, result.ok, result.text);
      if (v.name === "jit-switch")
        if (p.error === undefined && p.plan) await switchBack(v, p.plan);
        else report("jit-switch-back", false, "not planned: the switch itself did not plan");
    }
    /**
     * jit-switch-back: A again (no justInTime), against A's state plus the memberships the switch imported, as its
     * apply would leave them: the group manages its members as a whole again and the memberships are forgotten.
     */
    async function switchBack(v: Variant, switchPlan: Plan): Promise<void> {
      const switched = structuredClone(state);
      const imported = switchPlan.resource_changes
        .filter((rc) => rc.change.importing)
        .map((rc) => ({ ...rc, change: { ...rc.change, actions: ["create"] } }));
      addReadyBlocks(switched, { ...switchPlan, resource_changes: imported }, schema, stackOf(v.name));
      useStack("A");
      const back = await changes(
        dir,
        writeState(path.join(work, "switched.tfstate"), switched),
        path.join(work, "jit-switch-back.plan"),
      );
      const result =
        back.error !== undefined
          ? { ok: false, text: back.error }
          : check("jit-switch-back", back.changes, v.intent, configs);
      report(
        `jit-switch-back (A against the switched state: ${imported.length} imported membership(s))`,
        result.ok,
        result.text,
      );
    }
    if (!entra) {
      // adopt-console-domain (adopt-domain.ts): the first team's domain was made in the console, and nothing of
      // the team is in the state yet.
      const team = Object.keys(configA.teams)[0] ?? missing("team", "A");
      const domainInstance = state.resources
        .find((r) => r.type === "aws_sagemaker_domain" && r.instances.some((i) => i.index_key === team))
        ?.instances.find((i) => i.index_key === team);
      const domainId = domainInstance?.attributes.id;
      if (typeof domainId !== "string") throw new Error(`no domain id of team ${team} in A's state`);
      const v = adoptVariant(text, team, domainId);
      const file = path.join(work, `${v.name}.yaml`);
      fs.writeFileSync(file, v.yaml);
      configs[v.name] = loadConfigFile(file);
      stacks[v.name] = forPlanning(await synth(file, path.join(work, `out-${v.name}`)));
      const adoptState = await stateWithout(dir, stateA, path.join(work, "adopt.tfstate"), instancesOf(state, team));
      useStack(v.name);
      for (const matched of [false, true]) {
        const { domain, comparison } = consoleAdoption(configOf(v.name), team, domainId, matched);
        fake.setFixture({ ...fixtureFromConfig(configOf(v.name)), domains: [domain] });
        const title = `${v.name} (team ${team} imports ${domainId}, made in the console${matched ? ", then made to match as npm run adopt says" : ""})`;
        let result: CheckResult;
        if (!matched) result = checkConsoleRefused(await plan(dir, adoptState), comparison, team);
        else {
          const streamed = await plan(dir, adoptState);
          result = await plan(dir, adoptState, path.join(work, "adopt.plan")).then(
            (saved) => checkConsoleImported(saved, checkWarnings(streamed.stdout), comparison, team, domainId),
            (error: Error) => ({ ok: false, text: error.message }),
          );
        }
        report(title, result.ok, result.text);
      }
    }
    if (fake.unexpected.length > 0) report("fake AWS API", false, `calls not faked: ${fake.unexpected.join("; ")}`);
    else report("fake AWS API", true, `${fake.calls.length} calls: ${[...new Set(fake.calls)].sort().join(", ")}`);
  } finally {
    await fake.close();
  }
  return { name, failed };
}

/** Something the tier made before it is used; its absence is a bug of the tier. */
function missing(what: string, of: string): never {
  throw new Error(`plan tier: no ${what} for ${of}`);
}

async function main(): Promise<number> {
  const [workRoot, ...examples] = process.argv.slice(2);
  if (!workRoot || examples.length === 0) {
    console.error("usage: node --import tsx plan-tier.ts <work dir> <examples/x.yaml>...");
    return 2;
  }
  const started = Date.now();
  const results = await Promise.allSettled(examples.map((file) => example(workRoot, file)));
  let failed = false;
  results.forEach((result, i) => {
    if (result.status === "rejected") {
      failed = true;
      const reason: unknown = result.reason;
      console.error(
        `== plan tier: ${path.basename(`${examples[i]}`, ".yaml")}: error\n${reason instanceof Error ? reason.stack : String(reason)}`,
      );
    } else if (result.value.failed) failed = true;
  });
  console.log(`plan tier: ${failed ? "FAILED" : "passed"} in ${Math.round((Date.now() - started) / 1000)}s`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
