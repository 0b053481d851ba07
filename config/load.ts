import type { core } from "zod";
import { checkDerived, crossCheck } from "./cross-check";
import { derive } from "./derive";
import { missingPlanRoles } from "./plan-roles";
import { salvage, unaffectedBy } from "./salvage";
import { ConfigError, formatPath, type ConfigProblem, type RawProblem } from "./errors";
import { problemsOfIssues } from "./issue-problems";
import { federationSchema } from "./schema";
import { templateSequences } from "./template-sequences";
import type { FederationConfig } from "./types";
import { emptyText, readConfigText } from "./config-file";
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
  return parseConfig(readConfigText(file), file, options);
}

/** Validates and derives config text; `source` names it in errors. */
export function parseConfig(text: string, source: string, options: LoadOptions = {}): FederationConfig {
  const empty = emptyText(text);
  if (empty !== undefined) throw new ConfigError(source, [empty]);
  const yaml = parseYaml(text);
  if (yaml.problems.length > 0) throw new ConfigError(source, yaml.problems);
  if (yaml.data === null || yaml.data === undefined)
    throw new ConfigError(source, [
      {
        path: "(file)",
        rule: "the config file has no settings (only comments)",
        fix: "start from examples/contoso.yaml",
      },
    ]);
  if (typeof yaml.data !== "object" || Array.isArray(yaml.data))
    throw new ConfigError(source, [
      { path: "(root)", rule: "the config must be a YAML mapping", fix: "start from examples/contoso.yaml" },
    ]);

  const parsed = federationSchema.safeParse(yaml.data, { reportInput: true });
  const schema = federationSchema as unknown as core.$ZodType;
  const problems = [
    ...templateSequences(yaml.data).map((problem) => located(problem, yaml)),
    ...(parsed.success ? [] : problemsOfIssues(parsed.error.issues, schema, yaml.data)).map((problem) =>
      located(problem, yaml),
    ),
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
