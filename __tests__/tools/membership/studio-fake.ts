import {
  DeleteAppCommand,
  DeleteSpaceCommand,
  DescribeAppCommand,
  DescribeDomainCommand,
  DescribeSpaceCommand,
  DescribeUserProfileCommand,
  ListAppsCommand,
  ListDomainsCommand,
  ListSpacesCommand,
  ListTagsCommand,
  ListUserProfilesCommand,
  ResourceInUse,
  ResourceNotFound,
  SageMakerClient,
  type AppType,
} from "@aws-sdk/client-sagemaker";
import type { AwsStub } from "aws-sdk-client-mock";
import type { CommandIo } from "../../../tools/membership/aws-command";

/**
 * A small in-memory SageMaker behind aws-sdk-client-mock that keeps the service's rules the tools depend on:
 * a space cannot be deleted while it has apps that are not Deleted, deletions go through Deleting, ListApps
 * keeps Deleted apps, and lists are paginated (two items a page).
 */
export interface FakeApp {
  appType: AppType;
  appName: string;
  status: "InService" | "Pending" | "Deleting" | "Deleted" | "Failed";
  userProfileName?: string;
  spaceName?: string;
}

export interface FakeSpace {
  spaceName: string;
  owner: string;
  sharing: "Private" | "Shared";
  ebsGb: number;
  status: "InService" | "Deleting";
  remoteAccess?: boolean;
}

export interface FakeProfile {
  name: string;
  userName: string;
  uid: string;
  tags?: Record<string, string>;
}

export interface FakeDomain {
  id: string;
  name: string;
  efsId: string;
  region?: string;
  accountId?: string;
  profiles: FakeProfile[];
  apps: FakeApp[];
  spaces: FakeSpace[];
  /** The rest of DescribeDomain's answer. */
  describe?: object;
}

/** The example's forecasting domain with nothing in it: each test adds the profiles, apps and spaces it needs. */
export function emptyForecastingDomain(): FakeDomain {
  return {
    id: "d-forecast01",
    name: "contoso-ml-forecasting",
    efsId: "fs-0123456789abcdef0",
    profiles: [],
    apps: [],
    spaces: [],
  };
}

type SageMakerStub = AwsStub<any, any, any>;

function notFound(what: string) {
  return new ResourceNotFound({ message: `${what} does not exist`, $metadata: { httpStatusCode: 400 } });
}

function page<T>(items: T[], token: string | undefined) {
  const start = token === undefined ? 0 : Number(token);
  return { items: items.slice(start, start + 2), next: start + 2 < items.length ? String(start + 2) : undefined };
}

/** How many Describe calls a deletion stays in Deleting before it completes. */
const DELETING_POLLS = 1;

export function fakeStudio(mock: SageMakerStub, domains: FakeDomain[]): void {
  const domain = (id: string) => {
    const found = domains.find((d) => d.id === id);
    if (found === undefined) throw notFound(`domain ${id}`);
    return found;
  };
  const arnOf = (d: FakeDomain, profile: string) =>
    `arn:aws:sagemaker:${d.region ?? "eu-west-1"}:${d.accountId ?? "111122223333"}:user-profile/${d.id}/${profile}`;
  const polls = new Map<object, number>();
  const findApp = (input: any) => {
    const app = domain(input.DomainId).apps.find(
      (a) =>
        a.appName === input.AppName &&
        a.appType === input.AppType &&
        a.spaceName === input.SpaceName &&
        a.userProfileName === input.UserProfileName,
    );
    if (app === undefined) throw notFound(`app ${input.AppName}`);
    return app;
  };

  mock.on(ListDomainsCommand).callsFake((input: any) => {
    const { items, next } = page(domains, input.NextToken);
    return { Domains: items.map((d) => ({ DomainId: d.id, DomainName: d.name })), NextToken: next };
  });
  mock.on(DescribeDomainCommand).callsFake((input: any) => ({
    ...domain(input.DomainId).describe,
    HomeEfsFileSystemId: domain(input.DomainId).efsId,
  }));
  mock.on(ListUserProfilesCommand).callsFake((input: any) => {
    const { items, next } = page(domain(input.DomainIdEquals).profiles, input.NextToken);
    return { UserProfiles: items.map((p) => ({ UserProfileName: p.name })), NextToken: next };
  });
  mock.on(DescribeUserProfileCommand).callsFake((input: any) => {
    const d = domain(input.DomainId);
    const profile = d.profiles.find((p) => p.name.toLowerCase() === input.UserProfileName.toLowerCase());
    if (profile === undefined) throw notFound(`user profile ${input.UserProfileName}`);
    return {
      UserProfileName: profile.name,
      UserProfileArn: arnOf(d, profile.name),
      HomeEfsFileSystemUid: profile.uid,
      SingleSignOnUserValue: profile.userName,
      Status: "InService",
    };
  });
  mock.on(ListTagsCommand).callsFake((input: any) => {
    const profile = domains
      .flatMap((d) => d.profiles.map((p) => ({ arn: arnOf(d, p.name), p })))
      .find((x) => x.arn === input.ResourceArn);
    return { Tags: Object.entries(profile?.p.tags ?? {}).map(([Key, Value]) => ({ Key, Value })) };
  });
  mock.on(ListAppsCommand).callsFake((input: any) => {
    if (input.SpaceNameEquals !== undefined && input.UserProfileNameEquals !== undefined)
      throw new Error("ListApps takes SpaceNameEquals or UserProfileNameEquals, not both");
    const apps = domain(input.DomainIdEquals).apps.filter(
      (a) =>
        (input.SpaceNameEquals === undefined || a.spaceName === input.SpaceNameEquals) &&
        (input.UserProfileNameEquals === undefined || a.userProfileName === input.UserProfileNameEquals),
    );
    const { items, next } = page(apps, input.NextToken);
    return {
      Apps: items.map((a) => ({
        DomainId: input.DomainIdEquals,
        AppType: a.appType,
        AppName: a.appName,
        Status: a.status,
        UserProfileName: a.userProfileName,
        SpaceName: a.spaceName,
      })),
      NextToken: next,
    };
  });
  mock.on(ListSpacesCommand).callsFake((input: any) => {
    const { items, next } = page(domain(input.DomainIdEquals).spaces, input.NextToken);
    return {
      Spaces: items.map((s) => ({
        SpaceName: s.spaceName,
        Status: s.status,
        OwnershipSettingsSummary: { OwnerUserProfileName: s.owner },
        SpaceSharingSettingsSummary: { SharingType: s.sharing },
        SpaceSettingsSummary: {
          SpaceStorageSettings: { EbsStorageSettings: { EbsVolumeSizeInGb: s.ebsGb } },
          RemoteAccess: s.remoteAccess ? "ENABLED" : "DISABLED",
        },
      })),
      NextToken: next,
    };
  });
  mock.on(DeleteAppCommand).callsFake((input: any) => {
    const app = findApp(input);
    if (app.status === "Deleted") throw notFound(`app ${app.appName}`);
    app.status = "Deleting";
    polls.set(app, DELETING_POLLS);
    return {};
  });
  mock.on(DescribeAppCommand).callsFake((input: any) => {
    const app = findApp(input);
    const left = polls.get(app) ?? 0;
    if (app.status === "Deleting" && left === 0) app.status = "Deleted";
    else polls.set(app, left - 1);
    return { AppName: app.appName, Status: app.status };
  });
  mock.on(DeleteSpaceCommand).callsFake((input: any) => {
    const d = domain(input.DomainId);
    const space = d.spaces.find((s) => s.spaceName === input.SpaceName);
    if (space === undefined) throw notFound(`space ${input.SpaceName}`);
    if (d.apps.some((a) => a.spaceName === space.spaceName && a.status !== "Deleted"))
      throw new ResourceInUse({ message: "space has apps", $metadata: { httpStatusCode: 400 } });
    space.status = "Deleting";
    polls.set(space, DELETING_POLLS);
    return {};
  });
  mock.on(DescribeSpaceCommand).callsFake((input: any) => {
    const d = domain(input.DomainId);
    const space = d.spaces.find((s) => s.spaceName === input.SpaceName);
    if (space === undefined) throw notFound(`space ${input.SpaceName}`);
    const left = polls.get(space) ?? 0;
    if (space.status === "Deleting" && left === 0) {
      d.spaces.splice(d.spaces.indexOf(space), 1);
      throw notFound(`space ${input.SpaceName}`);
    }
    polls.set(space, left - 1);
    return { SpaceName: space.spaceName, Status: space.status };
  });
}

/** The commands sent to the SageMaker mock, in order, as `Name input-summary`. */
export function sentCommands(mock: SageMakerStub): string[] {
  return mock.calls().map((call) => {
    const command = call.args[0] as { constructor: { name: string }; input: Record<string, unknown> };
    const name = command.constructor.name.replace(/Command$/, "");
    const subject = command.input.AppName ?? command.input.SpaceName ?? "";
    return subject === "" ? name : `${name} ${String(subject)}`;
  });
}

export interface RecordingIo {
  readonly io: CommandIo;
  readonly out: () => string;
  readonly err: () => string;
  readonly sleeps: number[];
}

/** Output captured, waits recorded and skipped: no test really sleeps. */
export function recordingIo(env: NodeJS.ProcessEnv = {}): RecordingIo {
  const out: string[] = [];
  const err: string[] = [];
  const sleeps: number[] = [];
  return {
    io: {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      env: { FEDERATION_CONFIG: "", ...env },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      pollIntervalMs: 1000,
      pollTimeoutMs: 10_000,
    },
    out: () => out.join("\n"),
    err: () => err.join("\n"),
    sleeps,
  };
}

export { SageMakerClient };
