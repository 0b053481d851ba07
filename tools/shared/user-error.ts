import { ConfigError } from "../../config/errors";
import { UsageError } from "./usage-error";

/** A problem the user can fix: printed as one line, `<what is wrong>: <the fix>`, with a non-zero exit. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}

/**
 * The lines for a failure no command explains itself: the user's input, the config, or a bug. A bug gets one line
 * too, and its stack trace only on request (DEBUG=1).
 */
export function errorLine(error: unknown, usage: string, env: NodeJS.ProcessEnv = process.env): string {
  if (error instanceof UserError) return error.message;
  // A config problem list is already one line per problem, each with its fix.
  if (error instanceof ConfigError) return error.message;
  if (error instanceof UsageError) return `${error.message}\n\n${usage}`;
  const name = (error as { name?: string } | null)?.name ?? "Error";
  const message = flat((error as { message?: string } | null)?.message ?? String(error));
  const trace = env.DEBUG ? `\n${(error as Error)?.stack ?? ""}` : "";
  return `unexpected error (${name}): ${message}; run again with DEBUG=1 for details and report it${trace}`;
}

/** An error message on one line: the SDK's and Node's messages may span several. */
export function flat(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}
