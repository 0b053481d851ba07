import { ConfigError } from "../../config/errors";
import { StillThrottledError } from "../membership/aws/retry";
import { isUsageError } from "./usage-error";

/** A problem the user can fix: printed as one line, `<what is wrong>: <the fix>`, with a non-zero exit. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}

interface AwsErrorShape {
  readonly name?: string;
  readonly message?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/**
 * One line for any error a command can meet: the user's input, the config, credentials, permissions, throttling.
 * Anything else is a bug: one line too, and the stack trace only on request (DEBUG=1).
 */
export function oneLine(error: unknown, usage: string, env: NodeJS.ProcessEnv = process.env): string {
  if (error instanceof UserError) return error.message;
  // A config problem list is already one line per problem, each with its fix.
  if (error instanceof ConfigError) return error.message;
  if (isUsageError(error)) return `${error.message}\n${usage}`;
  if (error instanceof StillThrottledError)
    return `AWS still throttles after ${error.attempts} attempts: wait a few minutes and run the command again (it resumes where it stopped)`;
  const aws = error as AwsErrorShape | null;
  const name = aws?.name ?? "Error";
  const message = flat(aws?.message ?? String(error));
  if (name === "CredentialsProviderError" || /Could not load credentials/i.test(message))
    return "no AWS credentials found: set AWS_PROFILE (after `aws sso login`) or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY for the Identity Center account, then run again";
  if (/^(ExpiredToken|ExpiredTokenException|TokenRefreshRequired)$/.test(name) || /token.*expired/i.test(message))
    return "the AWS credentials have expired: refresh them (`aws sso login`) and run again";
  if (/AccessDenied|UnauthorizedOperation|NotAuthorized/.test(name))
    return `access denied by AWS (${message}): run with credentials allowed to use SageMaker (and sts:AssumeRole on the account's roleArn), such as the ones Terraform applies with`;
  if (name === "UnrecognizedClientException" || name === "InvalidClientTokenId")
    return "AWS does not recognise these credentials: check AWS_PROFILE or the access key, then run again";
  if (aws?.$metadata !== undefined) return `AWS answered ${name}: ${message}`;
  const trace = env.DEBUG ? `\n${(error as Error)?.stack ?? ""}` : "";
  return `unexpected error (${name}): ${message}; run again with DEBUG=1 for details and report it${trace}`;
}

function flat(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}
