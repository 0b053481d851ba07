import { S3Client } from "@aws-sdk/client-s3";
import { SageMakerClient, type SageMakerClientConfig } from "@aws-sdk/client-sagemaker";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AccountConfig } from "../../../config/types";

/**
 * The SDK's standard retry strategy with twice its default attempts: offboarding a whole team sends bursts of
 * List and Describe calls that SageMaker throttles for longer than three attempts cover.
 */
export const RETRY = { maxAttempts: 6, retryMode: "standard" } as const;

export interface AwsClients {
  readonly sagemaker: SageMakerClient;
  readonly s3: S3Client;
}

/** Where the clients send their calls and as whom; tests point them at a local fake of the service. */
export type ClientOverrides = Pick<SageMakerClientConfig, "endpoint" | "credentials">;

/**
 * The clients for the account a team's domain lives in, in that account's region. Credentials come from the SDK's
 * default provider chain; in a workload account that identity assumes the account's `roleArn`, the role Terraform
 * applies with there, so one set of credentials serves every team, as it does for Terraform. The SDK renews the
 * assumed role's credentials before they expire: waiting for a large app to stop can outlast a session.
 *
 * @param session the role session name, which CloudTrail shows: who deleted a space is then plain to an auditor
 */
export function clientsFor(account: AccountConfig, session: string, overrides: ClientOverrides = {}): AwsClients {
  const base = { region: account.region, ...RETRY, ...overrides };
  const credentials =
    account.roleArn === undefined
      ? overrides.credentials
      : fromTemporaryCredentials({
          params: { RoleArn: account.roleArn, RoleSessionName: session },
          masterCredentials: overrides.credentials,
          clientConfig: base,
        });
  return {
    sagemaker: new SageMakerClient({ ...base, credentials }),
    // A backup bucket may be in another region: the client follows S3's redirect instead of failing.
    s3: new S3Client({ ...base, credentials, followRegionRedirects: true }),
  };
}
