import { readFileSync } from "node:fs";
import type { core } from "zod";
import { checkDerived, crossCheck } from "./cross-check";
import { derive } from "./derive";
import { missingPlanRoles } from "./plan-roles";
import { salvage, unaffectedBy } from "./salvage";
import { ConfigError, formatPath, quote, type ConfigProblem, type RawProblem } from "./errors";
import { federationSchema } from "./schema";
import { templateSequences } from "./template-sequences";
import type { FederationConfig } from "./types";
import { parseYaml, type YamlSource } from "./yaml-document";

export interface LoadOptions {
  /**
   * The moment date rules (certificate end date) are checked against.
   * @default - the current time
   */
  readonly now?: Date;
  /**
   * Synthesize for a plan only: every role Terraform assumes must have its read-only `planRoleArn`.
   * @default false
   */
  readonly planOnly?: boolean;
}

/** The config file every command reads: an explicit choice, else FEDERATION_CONFIG, else the default example. */
export function configFileOf(env: NodeJS.ProcessEnv, flag?: string): string {
  return flag ?? (env.FEDERATION_CONFIG || "examples/contoso.yaml");
}

/** Whether to synthesize for a plan only, with the read-only plan roles (FEDERATION_PLAN_ONLY=true). */
export function planOnlyOf(env: NodeJS.ProcessEnv): boolean {
  return env.FEDERATION_PLAN_ONLY === "true";
}

/** Reads, validates and derives a config file. Throws {@link ConfigError} listing every problem. */
export function loadConfigFile(file: string, options: LoadOptions = {}): FederationConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new ConfigError(file, [
      {
        path: "(file)",
        rule: `cannot read the config file (${reason})`,
        fix: "set FEDERATION_CONFIG to an existing YAML file",
      },
    ]);
  }
  return parseConfig(text, file, options);
}

/** Validates and derives config text; `source` names it in errors. */
export function parseConfig(text: string, source: string, options: LoadOptions = {}): FederationConfig {
  const yaml = parseYaml(text);
  if (yaml.problems.length > 0) throw new ConfigError(source, yaml.problems);
  if (typeof yaml.data !== "object" || yaml.data === null || Array.isArray(yaml.data))
    throw new ConfigError(source, [
      { path: "(root)", rule: "the config must be a YAML mapping", fix: "start from examples/contoso.yaml" },
    ]);

  const parsed = federationSchema.safeParse(yaml.data, { reportInput: true });
  const problems = [
    ...templateSequences(yaml.data).map((problem) => located(problem, yaml)),
    ...(parsed.success ? [] : parsed.error.issues.flatMap((issue) => fromIssue(issue, yaml))),
    ...[
      ...crossCheckWhatParsed(parsed, yaml.data, options.now ?? new Date()),
      ...(options.planOnly === true && parsed.success ? missingPlanRoles(parsed.data) : []),
    ]
      .map((problem) => located(problem, yaml))
      // A user listed twice is reported once, as such; not again as a profile name or casing clash.
      .filter((problem) => !yaml.duplicates.some((duplicate) => duplicate.path === problem.path)),
  ];
  if (yaml.duplicates.length + problems.length > 0)
    throw new ConfigError(source, inFileOrder([...yaml.duplicates, ...problems]));
  const config = derive(parsed.data!);
  const oversized = checkDerived(config);
  if (oversized.length > 0)
    throw new ConfigError(
      source,
      oversized.map((problem) => located(problem, yaml)),
    );
  return config;
}

/** Cross-checks a config that failed the schema too, on what is left once the rejected parts are cut out. */
function crossCheckWhatParsed(
  parsed: ReturnType<typeof federationSchema.safeParse>,
  data: unknown,
  now: Date,
): RawProblem[] {
  if (parsed.success) return crossCheck(parsed.data, now);
  const rest = salvage(federationSchema, data, parsed.error.issues);
  return rest === undefined ? [] : crossCheck(rest.input, now).filter(unaffectedBy(rest.cuts));
}

/** Stable: problems on one line keep the order of the checks that found them. */
function inFileOrder(problems: ConfigProblem[]): ConfigProblem[] {
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function located(problem: RawProblem, yaml: YamlSource): ConfigProblem {
  return { ...problem, path: formatPath(problem.path), line: yaml.lineOf(problem.path) };
}

/** Messages written with `problem(rule, fix)` in the schema carry both halves; zod's own get a rule and fix here. */
function fromIssue(issue: core.$ZodIssue, yaml: YamlSource): ConfigProblem[] {
  const path = issue.path as PropertyKey[];
  if (issue.code === "unrecognized_keys")
    // __proto__ is reported with its line by parseYaml, in every mapping.
    return issue.keys
      .filter((key) => key !== "__proto__")
      .map((key) =>
        located({ path: [...path, key], rule: `unknown key "${key}"`, fix: "remove it or correct its spelling" }, yaml),
      );
  if (issue.code === "invalid_key" || issue.code === "invalid_element") {
    const inner = issue.issues[0];
    const { rule, fix } = ruleAndFix(inner?.message ?? issue.message, inner ?? issue);
    return [located({ path, rule, fix }, yaml)];
  }
  return [located({ path, ...ruleAndFix(issue.message, issue) }, yaml)];
}

function ruleAndFix(message: string, issue: core.$ZodIssue | core.$ZodRawIssue): { rule: string; fix: string } {
  if (message.startsWith("{")) return JSON.parse(message) as { rule: string; fix: string };
  if (issue.code === "invalid_type") {
    if (issue.input === undefined) return { rule: "is required", fix: `add it (${issue.expected})` };
    return { rule: `expected ${issue.expected}, got ${describe(issue.input)}`, fix: `write a ${issue.expected} here` };
  }
  if (issue.code === "invalid_value")
    return {
      rule: `${quote(issue.input)} is not allowed`,
      fix: `use one of: ${issue.values.map((value) => String(value)).join(", ")}`,
    };
  return { rule: message, fix: "see docs/config.md" };
}

function describe(value: unknown): string {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)}`;
}
