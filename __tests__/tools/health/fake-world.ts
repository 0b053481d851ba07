import { IdentitystoreClient, ListGroupsCommand, ListUsersCommand } from "@aws-sdk/client-identitystore";
import { DescribeDomainCommand, ListDomainsCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { ListInstancesCommand, SSOAdminClient } from "@aws-sdk/client-sso-admin";
import { mockClient } from "aws-sdk-client-mock";
import type { FederationConfig } from "../../../config/types";
import type { AwsClients } from "../../../tools/health/clients/aws-clients";
import { GraphClient, type FetchLike } from "../../../tools/health/clients/graph-client";

/**
 * One tenant and one AWS organization as the health checks read them: Microsoft Graph behind a fake fetch, AWS
 * behind aws-sdk-client-mock. A test starts from {@link healthyWorld} and breaks the one thing it is about.
 */
export interface World {
  servicePrincipals: Record<string, any>[];
  application: { identifierUris: string[]; web: { redirectUris: string[] } };
  jobs: Record<string, any>[];
  provisioning: Record<string, any>[];
  /** Entra users by object id: their user names. */
  users: Record<string, string>;
  entraGroups: { id: string; displayName: string }[];
  /** Graph answers these paths (after /v1.0) with 403. */
  graphRefuses: RegExp[];
  /** Graph answers these paths 429 (with Retry-After: 1) this many times first; Infinity: always. */
  graphThrottles: { path: RegExp; times: number }[];
  instances: { InstanceArn: string; IdentityStoreId: string }[];
  storeUsers: string[];
  storeGroups: { DisplayName: string; ExternalIds?: { Issuer: string; Id: string }[] }[];
  /** Domains by account id. */
  domains: Record<string, { DomainId: string; DomainName: string; Status: string; FailureReason?: string }[]>;
  /** AWS answers these operations (such as "ListUsers") with AccessDeniedException. */
  awsRefuses: string[];
}

export const TEMPLATE_ID = "21ed01d2-ec13-4e9e-86c1-cd546719ebc4";
export const ACTIVE_THUMBPRINT = "A1B2C3D4E5F60718293A4B5C6D7E8F9012345678";

/** A key credential's identifier as Graph gives it: the thumbprint's bytes in base64. */
export function thumbprintId(thumbprint: string): string {
  return Buffer.from(thumbprint, "hex").toString("base64");
}

export const JOB_ID = "aWSSingleSignon.72f988bf86f141af91ab2d7cd011db47.0b0c0d0e";

/** Everything as a successful apply and a day of provisioning leave it. */
export function healthyWorld(config: FederationConfig): World {
  const center = config.aws.identityCenter;
  const groups = Object.values(config.groups).map((group, index) => ({
    id: `0000000${index}-1111-4222-8333-444455556666`,
    displayName: group.displayName,
  }));
  const members = [...new Set(Object.values(config.groups).flatMap((group) => group.members))];
  return {
    servicePrincipals: [
      {
        id: "sp-object-id",
        appId: "app-client-id",
        displayName: `${config.name}: AWS IAM Identity Center`,
        applicationTemplateId: TEMPLATE_ID,
        loginUrl: center?.signInUrl,
        preferredTokenSigningKeyThumbprint: ACTIVE_THUMBPRINT,
        keyCredentials: [
          // an older certificate, no longer the active one
          { customKeyIdentifier: thumbprintId("0f0e0d0c"), endDateTime: "2026-01-01T00:00:00Z", usage: "Sign" },
          ...(["Sign", "Verify"] as const).map((usage) => ({
            customKeyIdentifier: thumbprintId(ACTIVE_THUMBPRINT),
            endDateTime:
              config.identityProvider.type === "entra" ? config.identityProvider.signingCertificateEndDate : undefined,
            usage,
          })),
        ],
      },
    ],
    application: {
      identifierUris: center ? [center.issuerUrl] : [],
      web: { redirectUris: center ? [center.acsUrl] : [] },
    },
    jobs: [
      {
        id: JOB_ID,
        templateId: "aWSSingleSignon",
        schedule: { state: "Active", interval: "PT40M" },
        status: {
          code: "Active",
          countSuccessiveCompleteFailures: 0,
          lastExecution: { state: "Succeeded", timeEnded: "2026-11-29T23:20:00Z" },
          lastSuccessfulExecution: { state: "Succeeded", timeEnded: "2026-11-29T23:20:00Z" },
          quarantine: null,
        },
      },
    ],
    provisioning: [
      {
        activityDateTime: "2026-11-29T23:19:00Z",
        provisioningAction: "update",
        provisioningStatusInfo: { status: "success" },
        sourceIdentity: { id: "user-alice", displayName: "Alice", identityType: "User" },
      },
    ],
    users: Object.fromEntries(members.map((member) => [`user-${member.split("@")[0]}`, member])),
    entraGroups: groups,
    graphRefuses: [],
    graphThrottles: [],
    instances: [
      { InstanceArn: "arn:aws:sso:::instance/ssoins-6804a1b2c3d4e5f6", IdentityStoreId: storeIdOf(center?.issuerUrl) },
    ],
    storeUsers: members,
    storeGroups: groups.map((group) => ({
      DisplayName: group.displayName,
      ExternalIds: [{ Issuer: "https://scim.aws.com/1234", Id: group.id }],
    })),
    domains: domainsOf(config),
    awsRefuses: [],
  };
}

function storeIdOf(issuer: string | undefined): string {
  return /\/(d-[0-9a-f]{10})$/.exec(issuer ?? "")?.[1] ?? "d-0000000000";
}

function domainsOf(config: FederationConfig): World["domains"] {
  const domains: World["domains"] = {};
  for (const account of Object.values(config.accounts))
    domains[account.accountId] = account.teams.map((key, index) => ({
      DomainId: `d-${account.accountId.slice(0, 4)}team${index}`,
      DomainName: config.teams[key]!.domainName,
      Status: "InService",
    }));
  return domains;
}

/** Microsoft Graph over the world; `calls` records each path asked for, `waits` each sleep. */
export function fakeGraph(world: World) {
  const calls: string[] = [];
  const waits: number[] = [];
  const answered = new Map<RegExp, number>();
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
    status,
    headers: { get: (name: string) => headers[name] ?? null },
    json: async () => body,
    text: async () => JSON.stringify(body),
  });
  const fetch: FetchLike = async (url) => {
    const path = decodeURIComponent(url.replace("https://graph.microsoft.com/v1.0", ""));
    calls.push(path);
    const throttle = world.graphThrottles.find((rule) => rule.path.test(path));
    if (throttle !== undefined) {
      const seen = answered.get(throttle.path) ?? 0;
      answered.set(throttle.path, seen + 1);
      if (seen < throttle.times)
        return json(429, { error: { code: "TooManyRequests", message: "slow down" } }, { "Retry-After": "1" });
    }
    if (world.graphRefuses.some((rule) => rule.test(path)))
      return json(403, { error: { code: "Authorization_RequestDenied", message: "Insufficient privileges" } });
    const quoted = (name: string) => new RegExp(`${name} eq '((?:[^']|'')*)'`).exec(path)?.[1]?.replace(/''/g, "'");
    if (path.startsWith("/servicePrincipals?"))
      return json(200, { value: world.servicePrincipals.filter((sp) => sp.displayName === quoted("displayName")) });
    if (/^\/servicePrincipals\/[^/]+\/synchronization\/jobs/.test(path)) return json(200, { value: world.jobs });
    if (path.startsWith("/applications(appId=")) return json(200, world.application);
    if (path.startsWith("/auditLogs/provisioning?"))
      return json(200, { value: quoted("jobId") === JOB_ID ? world.provisioning : [] });
    if (path.startsWith("/users/")) {
      const id = /^\/users\/([^?]+)/.exec(path)![1]!;
      return world.users[id] === undefined
        ? json(404, { error: { code: "Request_ResourceNotFound" } })
        : json(200, { userPrincipalName: world.users[id] });
    }
    if (path.startsWith("/groups?")) {
      const byName = quoted("displayName");
      const byId = quoted("id");
      return json(200, {
        value: world.entraGroups.filter((g) => (byName !== undefined ? g.displayName === byName : g.id === byId)),
      });
    }
    return json(404, { error: { code: "NotFound", message: `no route for ${path}` } });
  };
  const graph = new GraphClient({
    token: async () => "token",
    fetch,
    sleep: async (milliseconds) => {
      waits.push(milliseconds);
    },
  });
  return { graph, calls, waits };
}

/** AWS clients over the world: one client per service and account, each under its own mock. */
export function fakeAws(world: World): AwsClients {
  const denied = (operation: string) => {
    if (!world.awsRefuses.includes(operation)) return undefined;
    return Object.assign(new Error(`User is not authorized to perform ${operation}`), {
      name: "AccessDeniedException",
      $metadata: { httpStatusCode: 400 },
    });
  };
  const credentials = { accessKeyId: "test", secretAccessKey: "test" };
  const ssoAdmin = new SSOAdminClient({ region: "eu-west-1", credentials });
  mockClient(ssoAdmin)
    .on(ListInstancesCommand)
    .callsFake(() => {
      const refused = denied("ListInstances");
      if (refused) throw refused;
      return { Instances: world.instances };
    });
  const identityStore = new IdentitystoreClient({ region: "eu-west-1", credentials });
  const store = mockClient(identityStore);
  store.on(ListUsersCommand).callsFake((input: any) => {
    const refused = denied("ListUsers");
    if (refused) throw refused;
    const { items, next } = page(world.storeUsers, input.NextToken);
    return { Users: items.map((UserName, index) => ({ UserName, UserId: `u-${index}` })), NextToken: next };
  });
  store.on(ListGroupsCommand).callsFake((input: any) => {
    const refused = denied("ListGroups");
    if (refused) throw refused;
    const { items, next } = page(world.storeGroups, input.NextToken);
    return { Groups: items.map((group, index) => ({ ...group, GroupId: `g-${index}` })), NextToken: next };
  });
  const sagemakers = new Map<string, SageMakerClient>();
  return {
    ssoAdmin: () => ssoAdmin,
    identityStore: () => identityStore,
    sagemaker: (account) => {
      if (!sagemakers.has(account.accountId)) {
        const client = new SageMakerClient({ region: account.region, credentials });
        const domains = () => world.domains[account.accountId] ?? [];
        const mock = mockClient(client);
        mock.on(ListDomainsCommand).callsFake((input: any) => {
          const refused = denied("ListDomains");
          if (refused) throw refused;
          const { items, next } = page(domains(), input.NextToken);
          return {
            Domains: items.map(({ DomainId, DomainName, Status }) => ({ DomainId, DomainName, Status })),
            NextToken: next,
          };
        });
        mock.on(DescribeDomainCommand).callsFake((input: any) => domains().find((d) => d.DomainId === input.DomainId));
        sagemakers.set(account.accountId, client);
      }
      return sagemakers.get(account.accountId)!;
    },
  };
}

/** Two items a page, so every list is read through its paginator. */
function page<T>(items: readonly T[], token: string | undefined) {
  const start = token === undefined ? 0 : Number(token);
  return { items: items.slice(start, start + 2), next: start + 2 < items.length ? String(start + 2) : undefined };
}
