import { flat } from "../../shared/user-error";
import { profileExists } from "./aws-profile";

interface AwsErrorShape {
  readonly name?: string;
  readonly code?: string;
  readonly message?: string;
  readonly $fault?: "client" | "server";
  readonly $metadata?: { readonly httpStatusCode?: number; readonly attempts?: number };
  readonly $retryable?: { readonly throttling?: boolean };
}

/** Error codes AWS services use for rate limiting (SageMaker answers ThrottlingException). */
const THROTTLING = new Set([
  "ThrottlingException",
  "Throttling",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "SlowDown",
  "ProvisionedThroughputExceededException",
]);

/** Node's codes for a connection that never reached AWS, and the SDK's for a call that timed out on the way. */
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "EPIPE",
  "TimeoutError",
]);

const EXPIRED_LINE = "the AWS credentials have expired: refresh them (`aws sso login`) and run again";

const EXPIRED = new Set(["ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired"]);

/**
 * One line with its fix for what can go wrong between this machine and AWS: no credentials, a profile that does
 * not exist, no network, or a call AWS refused (with the service's error code). Undefined for any other error.
 */
export function explainAwsError(error: unknown, env: NodeJS.ProcessEnv): string | undefined {
  const aws = (error ?? {}) as AwsErrorShape;
  const name = aws.name ?? "Error";
  const message = flat(aws.message ?? "");
  if (name === "CredentialsProviderError") return /expired/i.test(message) ? EXPIRED_LINE : credentialsLine(env);
  if (UNREACHABLE.has(aws.code ?? "") || UNREACHABLE.has(name))
    return `cannot reach AWS (${message}${attempts(aws)}): check this machine's network connection, VPN or firewall, then run again`;
  // Past the two above, an error with the SDK's metadata is an answer from the service.
  if (aws.$fault === undefined && aws.$metadata === undefined) return undefined;
  if (EXPIRED.has(name)) return EXPIRED_LINE;
  if (name === "UnrecognizedClientException" || name === "InvalidClientTokenId")
    return "AWS does not recognise these credentials: check AWS_PROFILE or the access key, then run again";
  if (aws.$fault === "server" && !THROTTLING.has(name))
    return `AWS failed with ${name} (${message}) after ${aws.$metadata?.attempts ?? "several"} attempts: run the command again later (it resumes where it stopped)`;
  if (THROTTLING.has(name) || aws.$retryable?.throttling === true)
    return `AWS still throttles after ${aws.$metadata?.attempts ?? "several"} attempts (${name}): wait a few minutes and run the command again (it resumes where it stopped)`;
  if (/AccessDenied|UnauthorizedOperation|NotAuthorized/.test(name))
    return `AWS refused with ${name} (${message}): run with credentials allowed to use SageMaker (and sts:AssumeRole on the account's roleArn), such as the ones Terraform applies with`;
  return `AWS refused with ${name} (${message}): correct what it names, then run again`;
}

function credentialsLine(env: NodeJS.ProcessEnv): string {
  const profile = env.AWS_PROFILE;
  if (profile !== undefined && profile !== "" && !profileExists(profile, env))
    return `AWS profile ${profile} (AWS_PROFILE) is in neither ~/.aws/config nor ~/.aws/credentials: correct AWS_PROFILE, or create the profile (\`aws configure sso --profile ${profile}\`), then run again`;
  return "no AWS credentials found: set AWS_PROFILE (after `aws sso login`) or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY for the Identity Center account, then run again";
}

function attempts(error: AwsErrorShape): string {
  const count = error.$metadata?.attempts;
  return count === undefined || count < 2 ? "" : `, after ${count} attempts`;
}
