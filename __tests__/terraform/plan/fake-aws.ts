// A fake of the few AWS APIs the stack's data sources read during a plan, on 127.0.0.1 only, so that
// `terraform plan` runs with the real AWS provider and no credentials. Every resource is taken from the state
// (`-refresh=false`), so only data sources and the provider's own start-up reach this server.
//
// Protocols: IAM Identity Center (sso-admin) and Identity Store speak AWS JSON 1.1 (POST /, X-Amz-Target
// "<prefix>.<Operation>"); STS and IAM speak the query protocol (form body, XML answer). Any other call is answered
// with an error and recorded in `unexpected`, so a new API call in the stack fails the tier instead of hanging.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { DescribeDomainResponse, Tag } from "@aws-sdk/client-sagemaker";
import type { FederationConfig } from "../../../config/types";

/** An identity store group as DescribeGroup answers it, with the user names of its members. */
export interface FakeGroup {
  readonly GroupId: string;
  readonly DisplayName: string;
  readonly Description: string;
  readonly members: readonly string[];
}

/** An identity store user as DescribeUser answers it. */
export interface FakeUser {
  readonly UserId: string;
  readonly UserName: string;
  readonly DisplayName: string;
  readonly Name: { readonly GivenName: string; readonly FamilyName: string };
  readonly Emails: readonly { readonly Value: string; readonly Type: string; readonly Primary: boolean }[];
}

/** A Studio domain that exists in AWS (adopt-domain.ts): what DescribeDomain and ListTags answer for it. */
export interface FakeDomain {
  readonly id: string;
  readonly arn: string | undefined;
  readonly describe: DescribeDomainResponse;
  readonly tags: readonly Tag[];
}

/** What the fake AWS API holds. */
export interface Fixture {
  readonly groups: readonly FakeGroup[];
  readonly users: readonly FakeUser[];
  /** @default - no Studio domain exists */
  readonly domains?: readonly FakeDomain[];
}

/** A request body of AWS JSON 1.1, as far as the faked operations read it. */
interface Input {
  readonly IdentityStoreId?: string;
  readonly NextToken?: string;
  readonly MaxResults?: number;
  readonly Filters?: readonly { readonly AttributePath: string; readonly AttributeValue: string }[];
  readonly AlternateIdentifier?: {
    readonly UniqueAttribute?: { readonly AttributePath: string; readonly AttributeValue: string };
  };
  readonly GroupId?: string;
  readonly UserId?: string;
  readonly DomainId?: string;
  readonly ResourceArn?: string;
}

type Operation = (input: Input) => object;

/** A stable id of the identity store form `<10 hex>-<uuid>` (the provider validates group ids against it). */
export function identityStoreId(kind: string, key: string): string {
  const h = crypto.createHash("sha256").update(`${kind}:${key}`).digest("hex");
  return `${h.slice(0, 10)}-${h.slice(10, 18)}-${h.slice(18, 22)}-${h.slice(22, 26)}-${h.slice(26, 30)}-${h.slice(30, 42)}`;
}

/**
 * What the identity store holds, from a loaded config: each group's id comes from its config key, not its
 * display name, because a SCIM rename changes the display name of the same group.
 */
export function fixtureFromConfig(config: FederationConfig): Fixture {
  const groups = Object.entries(config.groups).map(([key, group]) => ({
    GroupId: identityStoreId("group", key),
    DisplayName: group.displayName,
    Description: group.description,
    members: [...group.members],
  }));
  const userNames = [...new Set(groups.flatMap((group) => group.members))].sort();
  const users = userNames.map((userName) => ({
    UserId: identityStoreId("user", userName),
    UserName: userName,
    DisplayName: localPart(userName),
    Name: { GivenName: localPart(userName), FamilyName: "Fake" },
    Emails: [{ Value: userName, Type: "work", Primary: true }],
  }));
  return { groups, users };
}

const localPart = (userName: string) => userName.split("@")[0] ?? userName;

const INSTANCE = {
  InstanceArn: "arn:aws:sso:::instance/ssoins-72230a2b1c3d4e5f",
  IdentityStoreId: "d-9067a1b2c3",
  Name: "fake",
  Status: "ACTIVE",
};

class ApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

function notFound(what: string): ApiError {
  return new ApiError("ResourceNotFoundException", `${what} not found`);
}

function page<T>(items: readonly T[], input: Input, key: string): Record<string, T[] | string> {
  const start = Number(input.NextToken ?? 0);
  const size = input.MaxResults ?? 100;
  const out: Record<string, T[] | string> = { [key]: items.slice(start, start + size) };
  if (start + size < items.length) out.NextToken = String(start + size);
  return out;
}

function storeOf(input: Input): void {
  if (input.IdentityStoreId !== INSTANCE.IdentityStoreId) throw notFound(`identity store ${input.IdentityStoreId}`);
}

/** ListGroups/ListUsers filters: only equality on one attribute exists in the API. */
function filtered<T extends object>(items: readonly T[], filters: Input["Filters"]): readonly T[] {
  return (filters ?? []).reduce(
    (rest, filter) => rest.filter((item) => attribute(item, filter.AttributePath) === filter.AttributeValue),
    items,
  );
}

/** A top-level attribute of an identity store object, by the name the API's filters and lookups use. */
function attribute(item: object, name: string): unknown {
  return (item as Record<string, unknown>)[name];
}

function uniqueLookup<T extends object>(
  items: readonly T[],
  input: Input,
  allowed: readonly string[],
  idKey: keyof T & string,
): object {
  storeOf(input);
  const unique = input.AlternateIdentifier?.UniqueAttribute;
  if (!unique) throw new ApiError("ValidationException", "only UniqueAttribute alternate identifiers are faked");
  if (!allowed.includes(unique.AttributePath))
    throw new ApiError("ValidationException", `unsupported attribute path ${unique.AttributePath}`);
  const found = items.find((item) => attribute(item, unique.AttributePath) === unique.AttributeValue);
  if (!found) throw notFound(`${unique.AttributePath} ${JSON.stringify(unique.AttributeValue)}`);
  return { [idKey]: found[idKey], IdentityStoreId: INSTANCE.IdentityStoreId };
}

function byId<T extends object>(items: readonly T[], input: Input, idKey: keyof T & keyof Input): T {
  storeOf(input);
  const found = items.find((item) => item[idKey] === input[idKey]);
  if (!found) throw notFound(`${idKey} ${input[idKey]}`);
  return found;
}

function operations(fixture: Fixture): Record<string, Operation> {
  // The members are the fixture's, not part of DescribeGroup's answer.
  const group = ({ GroupId, DisplayName, Description }: FakeGroup) => ({
    GroupId,
    DisplayName,
    Description,
    IdentityStoreId: INSTANCE.IdentityStoreId,
  });
  const user = (u: FakeUser) => ({ ...u, IdentityStoreId: INSTANCE.IdentityStoreId });
  const groups = fixture.groups.map(group);
  const users = fixture.users.map(user);
  const domains = fixture.domains ?? [];
  return {
    "SWBExternalService.ListInstances": (input) => page([INSTANCE], input, "Instances"),
    "AWSIdentityStore.GetGroupId": (input) => uniqueLookup(groups, input, ["DisplayName"], "GroupId"),
    "AWSIdentityStore.DescribeGroup": (input) => byId(groups, input, "GroupId"),
    "AWSIdentityStore.ListGroups": (input) => {
      storeOf(input);
      return page(filtered(groups, input.Filters), input, "Groups");
    },
    "AWSIdentityStore.GetUserId": (input) => uniqueLookup(users, input, ["UserName"], "UserId"),
    "AWSIdentityStore.DescribeUser": (input) => byId(users, input, "UserId"),
    "AWSIdentityStore.ListUsers": (input) => {
      storeOf(input);
      return page(filtered(users, input.Filters), input, "Users");
    },
    // An existing Studio domain that an import block takes over (adopt-domain.ts).
    "SageMaker.DescribeDomain": (input) => {
      const found = domains.find((domain) => domain.id === input.DomainId);
      if (!found) throw new ApiError("ResourceNotFound", `Domain ${input.DomainId} does not exist`);
      return found.describe;
    },
    "SageMaker.ListTags": (input) => {
      const found = domains.find((domain) => domain.arn === input.ResourceArn);
      if (!found) throw new ApiError("ResourceNotFound", `Resource ${input.ResourceArn} does not exist`);
      return { Tags: found.tags };
    },
  };
}

/** The access key names the account (see provider overrides): `FAKE<12 digits>`. */
function accountOf(req: http.IncomingMessage): string | undefined {
  const key = /Credential=([^/,\s]+)\//.exec(req.headers.authorization ?? "")?.[1] ?? "";
  return /^FAKE(\d{12})$/.exec(key)?.[1];
}

/**
 * The query-protocol calls the provider makes at start-up to learn its account (IAM GetUser first, then STS
 * GetCallerIdentity), answered with the account its access key names so `allowed_account_ids` is checked.
 */
function queryCall(req: http.IncomingMessage, body: string, res: http.ServerResponse, calls: string[]): boolean {
  const action = new URLSearchParams(body).get("Action") ?? "";
  const account = accountOf(req);
  const arn = `arn:aws:iam::${account}:user/plan-tier`;
  const answers: Record<string, string> = {
    GetCallerIdentity: `<Arn>${arn}</Arn><UserId>AIDAPLANTIER${account}</UserId><Account>${account}</Account>`,
    GetUser:
      `<User><Path>/</Path><UserName>plan-tier</UserName><UserId>AIDAPLANTIER${account}</UserId>` +
      `<Arn>${arn}</Arn><CreateDate>2026-01-05T09:00:00Z</CreateDate></User>`,
  };
  const namespace =
    action === "GetUser" ? "https://iam.amazonaws.com/doc/2010-05-08/" : "https://sts.amazonaws.com/doc/2011-06-15/";
  if (!answers[action] || !account) return false;
  calls.push(`${action === "GetUser" ? "iam" : "sts"}:${action}`);
  res.writeHead(200, { "content-type": "text/xml" });
  res.end(
    `<${action}Response xmlns="${namespace}"><${action}Result>${answers[action]}</${action}Result>` +
      `<ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata>` +
      `</${action}Response>`,
  );
  return true;
}

/** A value in AWS JSON 1.1: timestamps are epoch seconds. */
function apiJson(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(apiJson);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, apiJson(v)]));
}

/** A running fake AWS API. */
export interface FakeAws {
  /** Where the provider's endpoints point: `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Every faked call answered, as `<X-Amz-Target>` or `<service>:<Action>`. */
  readonly calls: readonly string[];
  /** Every call the fake does not know, which fails the tier. */
  readonly unexpected: readonly string[];
  /** What the identity store (and SageMaker) holds from now on: a variant's groups, users and domains. */
  setFixture(next: Fixture): void;
  /** Stops listening and drops open connections; resolves once the server is closed. */
  close(): Promise<void>;
}

/**
 * Starts the fake on an ephemeral loopback port, inside the calling process: it lives exactly as long as the run
 * that uses it, until close() however long a slow machine takes, and goes with the process if the run dies. It
 * never keeps the process alive on its own (a run that fails without closing it still exits).
 */
export async function startFakeAws({ fixture }: { readonly fixture: Fixture }): Promise<FakeAws> {
  let ops = operations(fixture);
  const calls: string[] = [];
  const unexpected: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = req.headers["x-amz-target"];
      const target = Array.isArray(header) ? header[0] : header;
      if (!target) {
        if (queryCall(req, body, res, calls)) return;
        unexpected.push(`${req.method} ${req.url} ${body.slice(0, 200)}`);
        res.writeHead(400, { "content-type": "text/xml" });
        res.end(
          `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code>` +
            `<Message>not faked by the plan tier</Message></Error></ErrorResponse>`,
        );
        return;
      }
      calls.push(target);
      const reply = (status: number, payload: unknown, type?: string) => {
        const headers: Record<string, string> = {
          "content-type": "application/x-amz-json-1.1",
          "x-amzn-requestid": crypto.randomUUID(),
        };
        if (type) headers["x-amzn-errortype"] = type;
        res.writeHead(status, headers);
        res.end(JSON.stringify(payload));
      };
      const op = ops[target];
      if (!op) {
        unexpected.push(target);
        return reply(
          400,
          { __type: "UnknownOperationException", message: `${target} is not faked` },
          "UnknownOperationException",
        );
      }
      try {
        reply(200, apiJson(op(body ? (JSON.parse(body) as Input) : {})));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        reply(error.status, { __type: error.type, message: error.message }, error.type);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    unexpected,
    setFixture(next) {
      ops = operations(next);
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
