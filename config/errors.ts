/** One problem in a config file: where it is, which rule it breaks, and how to fix it. */
export interface ConfigProblem {
  /** Path in the config, e.g. `teams.forecasting.members["bob@contoso.com"]`. */
  readonly path: string;
  /** The rule that was broken, with the offending value. */
  readonly rule: string;
  /** What to change. */
  readonly fix: string;
  /** 1-based line in the YAML file, when known. */
  readonly line?: number;
}

/** A problem whose path is still a list of keys; the loader formats it and finds its line. */
export type RawProblem = Omit<ConfigProblem, "path" | "line"> & { readonly path: readonly PropertyKey[] };

/** Every problem found in a config, reported together. The only error the loader throws. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    super(
      `${source}: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n` +
        problems.map((problem) => `  - ${formatProblem(problem)}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

export function formatProblem(problem: ConfigProblem): string {
  const where = problem.line === undefined ? problem.path : `${problem.path} (line ${problem.line})`;
  return `${where}: ${problem.rule}; ${problem.fix}`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Renders a path as a reader types it: dots for plain keys, brackets for indexes and keys like e-mail addresses. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (IDENTIFIER.test(String(segment))) text += text === "" ? String(segment) : `.${String(segment)}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text === "" ? "(root)" : text;
}

/** A value as JSON for a message; YAML aliases can make data circular, which JSON cannot show. */
export function quote(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Array.isArray(value) ? "a list that contains itself" : "a mapping that contains itself";
  }
}
