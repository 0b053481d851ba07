import type { FederationInput } from "../../schema";
import { IDENTITY_CENTER_ACCOUNT } from "../../types";

/** The keys of the accounts that host Studio domains: `identity-center` for aws.accountId, else aws.accounts keys. */
export function hostingAccounts(input: FederationInput): ReadonlySet<string> {
  return new Set(Object.values(input.teams).map((team) => team.account ?? IDENTITY_CENTER_ACCOUNT));
}

/** Whether the config declares the AWS side (IAM Identity Center is configured, or groups come from elsewhere). */
export function declaresAwsSide(input: FederationInput): boolean {
  return input.identityProvider.type === "external" || input.aws.identityCenter !== undefined;
}
