import { IdentitystoreClient } from "@aws-sdk/client-identitystore";
import { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { SSOAdminClient } from "@aws-sdk/client-sso-admin";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AccountConfig } from "../../../config/types";

/** The AWS clients the checks use: in tests, the same classes under aws-sdk-client-mock. */
export interface AwsClients {
  readonly ssoAdmin: (region: string) => SSOAdminClient;
  readonly identityStore: (region: string) => IdentitystoreClient;
  readonly sagemaker: (account: AccountConfig) => SageMakerClient;
}

/** The role the checks read a team's account with: the read-only plan role where there is one. */
export function readRoleArn(account: AccountConfig): string | undefined {
  return account.planRoleArn ?? account.roleArn;
}

/**
 * The SDK's defaults throughout: its credential chain (a profile, SSO, environment, web identity such as GitHub's
 * OIDC), its standard retry mode, and its own AssumeRole provider for the teams' accounts.
 */
export function defaultAwsClients(): AwsClients {
  return {
    ssoAdmin: (region) => new SSOAdminClient({ region }),
    identityStore: (region) => new IdentitystoreClient({ region }),
    sagemaker: (account) => {
      const roleArn = readRoleArn(account);
      return new SageMakerClient({
        region: account.region,
        credentials:
          roleArn === undefined
            ? undefined
            : fromTemporaryCredentials({
                params: { RoleArn: roleArn, RoleSessionName: "federation-health" },
                clientConfig: { region: account.region },
              }),
      });
    },
  };
}
