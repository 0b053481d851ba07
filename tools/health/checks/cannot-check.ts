import type { Finding } from "./finding";

/** Microsoft Graph refused a call (401 or 403): the health identity lacks `permission`. */
export class GraphRefusedError extends Error {
  constructor(
    readonly path: string,
    readonly permission: string,
    readonly httpStatus: number,
    detail: string,
  ) {
    super(`Microsoft Graph refused GET ${path} (${httpStatus}${detail ? `: ${detail}` : ""})`);
    this.name = "GraphRefusedError";
  }
}

/** Microsoft Graph still answered 429 after every attempt the client allows. */
export class GraphThrottledError extends Error {
  constructor(
    readonly path: string,
    readonly attempts: number,
  ) {
    super(`Microsoft Graph still throttles GET ${path} after ${attempts} attempts`);
    this.name = "GraphThrottledError";
  }
}

/** Any other answer than success from Microsoft Graph. */
export class GraphFailedError extends Error {
  constructor(
    readonly path: string,
    readonly httpStatus: number,
    detail: string,
  ) {
    super(`Microsoft Graph answered ${httpStatus} to GET ${path}${detail ? `: ${detail}` : ""}`);
    this.name = "GraphFailedError";
  }
}

/** No token for Microsoft Graph could be had: nobody is signed in. */
export class GraphSignInError extends Error {
  constructor(detail: string) {
    super(`no Microsoft Graph token (${detail})`);
    this.name = "GraphSignInError";
  }
}

/** An AWS call the health identity was refused, with the IAM action it needs. */
export class AwsRefusedError extends Error {
  constructor(
    readonly action: string,
    detail: string,
  ) {
    super(`AWS refused ${action} (${detail})`);
    this.name = "AwsRefusedError";
  }
}

interface AwsErrorShape {
  readonly name?: string;
  readonly message?: string;
}

const AWS_REFUSALS = /AccessDenied|UnauthorizedOperation|NotAuthorized|UnrecognizedClient|InvalidClientTokenId/;
const AWS_NO_CREDENTIALS = /CredentialsProviderError|Could not load credentials/i;
const AWS_THROTTLING = /Throttling|TooManyRequests|RequestLimitExceeded/;

/** Runs an AWS call and names `action` when it is refused, so the finding can say which permission is missing. */
export async function awsCall<T>(action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const { name = "", message = "" } = (error ?? {}) as AwsErrorShape;
    if (AWS_REFUSALS.test(name)) throw new AwsRefusedError(action, `${name}: ${message}`.trim());
    throw error;
  }
}

/**
 * Turns whatever stopped a check into a "cannot check" finding with the fix, never a crash: the other checks go on,
 * and the exit code says 1 at worst for it.
 */
export function cannotCheck(check: string, error: unknown): Finding {
  const unknown = (summary: string, next: string): Finding => ({ check, status: "unknown", summary, next });
  if (error instanceof GraphRefusedError)
    return unknown(
      error.message,
      `grant the health identity the Microsoft Graph application permission ${error.permission} (admin consent), then run again`,
    );
  if (error instanceof GraphThrottledError)
    return unknown(error.message, "wait a few minutes and run again; the next scheduled run retries by itself");
  if (error instanceof GraphSignInError)
    return unknown(
      error.message,
      "sign in to Entra ID (az login --tenant <tenant id>, or AZURE_TENANT_ID, AZURE_CLIENT_ID and a federated token or client secret for the health identity), then run again",
    );
  if (error instanceof GraphFailedError)
    return unknown(error.message, "run again later; if it persists, check the Microsoft Graph service health");
  if (error instanceof AwsRefusedError)
    return unknown(error.message, `allow ${error.action} to the health identity, then run again`);
  const { name = "Error", message = String(error) } = (error ?? {}) as AwsErrorShape;
  if (AWS_NO_CREDENTIALS.test(name) || AWS_NO_CREDENTIALS.test(message))
    return unknown(
      "no AWS credentials found",
      "set AWS_PROFILE (after aws sso login) or the health role's credentials for the IAM Identity Center account, then run again",
    );
  if (AWS_THROTTLING.test(name))
    return unknown(`AWS still throttles after the SDK's retries (${name})`, "wait a few minutes and run again");
  if (/^(ExpiredToken|ExpiredTokenException)$/.test(name))
    return unknown("the AWS credentials have expired", "refresh them (aws sso login) and run again");
  return unknown(
    `${name}: ${message.replace(/\s*\n\s*/g, " ")}`,
    "run again; if it persists, report it with this line",
  );
}

/** Runs one check; whatever it throws becomes a "cannot check" finding for it. */
export async function settle(check: string, run: () => Promise<Finding[]>): Promise<Finding[]> {
  try {
    return await run();
  } catch (error) {
    return [cannotCheck(check, error)];
  }
}
