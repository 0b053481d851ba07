/** Node's argument parser reports bad flags with ERR_PARSE_ARGS_* codes: the user's input, not a crash. */
export function isUsageError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}
