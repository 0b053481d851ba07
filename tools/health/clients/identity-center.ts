import { paginateListGroups, paginateListUsers } from "@aws-sdk/client-identitystore";
import { paginateListInstances } from "@aws-sdk/client-sso-admin";
import type { AwsClients } from "./aws-clients";
import { awsCall } from "../checks/cannot-check";

export interface IdentityCenterInstance {
  readonly instanceArn: string;
  readonly identityStoreId: string;
}

/** The IAM Identity Center instance in the region, if any. */
export async function identityCenterInstance(
  clients: AwsClients,
  region: string,
): Promise<IdentityCenterInstance | undefined> {
  return awsCall("sso:ListInstances", async () => {
    for await (const page of paginateListInstances({ client: clients.ssoAdmin(region) }, {})) {
      const found = (page.Instances ?? []).find((instance) => instance.IdentityStoreId && instance.InstanceArn);
      if (found) return { instanceArn: found.InstanceArn!, identityStoreId: found.IdentityStoreId! };
    }
    return undefined;
  });
}

/** Every user name in the identity store, lower-cased: SCIM user names match without regard to case. */
export async function identityStoreUserNames(
  clients: AwsClients,
  region: string,
  storeId: string,
): Promise<Set<string>> {
  return awsCall("identitystore:ListUsers", async () => {
    const names = new Set<string>();
    for await (const page of paginateListUsers({ client: clients.identityStore(region) }, { IdentityStoreId: storeId }))
      for (const user of page.Users ?? []) if (user.UserName) names.add(user.UserName.toLowerCase());
    return names;
  });
}

export interface IdentityStoreGroup {
  readonly displayName: string;
  /** The ids the identity provider gave it (Entra: the group's object id, where the mapping sends it). */
  readonly externalIds: readonly string[];
}

export async function identityStoreGroups(
  clients: AwsClients,
  region: string,
  storeId: string,
): Promise<IdentityStoreGroup[]> {
  return awsCall("identitystore:ListGroups", async () => {
    const groups: IdentityStoreGroup[] = [];
    for await (const page of paginateListGroups(
      { client: clients.identityStore(region) },
      { IdentityStoreId: storeId },
    ))
      for (const group of page.Groups ?? [])
        groups.push({
          displayName: group.DisplayName ?? "",
          externalIds: (group.ExternalIds ?? []).flatMap((external) => (external.Id ? [external.Id] : [])),
        });
    return groups;
  });
}
