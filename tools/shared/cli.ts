import { parseArgs, type ParseArgsConfig } from "node:util";
import { isParseArgsError, UsageError } from "./usage-error";
import { errorLine } from "./user-error";

/** Where a command writes; tests pass recorders instead of the process's streams. */
export interface CommandOutput {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

export function processOutput(): CommandOutput {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
  };
}

const HELP = { type: "boolean", short: "h", default: false } as const;

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface CommandLineSpec<O extends Options> {
  readonly usage: string;
  readonly options: O;
  /**
   * The number of positional arguments the command takes, and what each one is (for the error on a wrong count).
   * @default none: a positional argument is a usage error
   */
  readonly positionals?: { readonly count: number; readonly what: string };
}

/**
 * Parses a command's arguments, with `--help`/`-h` added: undefined after printing the usage for `--help`.
 * An unknown flag, a flag without its value or a wrong number of positionals throws a UsageError.
 */
export function parseCommandLine<const O extends Options>(
  args: string[],
  spec: CommandLineSpec<O>,
  output: Pick<CommandOutput, "out">,
) {
  const config = {
    args,
    options: { ...spec.options, help: HELP },
    strict: true,
    allowPositionals: spec.positionals !== undefined,
  } as const;
  let parsed: ReturnType<typeof parseArgs<typeof config>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    throw isParseArgsError(error) ? new UsageError(error.message) : error;
  }
  if ((parsed.values as { help?: boolean }).help) {
    output.out(spec.usage);
    return undefined;
  }
  const expected = spec.positionals;
  if (expected !== undefined && parsed.positionals.length !== expected.count)
    throw new UsageError(`give exactly ${expected.what} (got ${parsed.positionals.length})`);
  return parsed;
}

/** Turns a failure the command knows into its line, or undefined to leave it to the common ones. */
export type ExplainError = (error: unknown) => string | undefined;

/**
 * Runs a command's body: every failure becomes lines on stderr and exit code 1, never a stack trace (but with
 * DEBUG=1, for a bug).
 */
export async function runCommand(
  usage: string,
  output: CommandOutput,
  body: () => number | Promise<number>,
  explain?: ExplainError,
): Promise<number> {
  try {
    return await body();
  } catch (error) {
    output.err(explain?.(error) ?? errorLine(error, usage, output.env));
    return 1;
  }
}

/** The entry point of a command file run by `npm run <command>`: the process's streams and exit code. */
export function runMain<Io extends CommandOutput>(command: (args: string[], io: Io) => Promise<number>, io: Io): void {
  void command(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
