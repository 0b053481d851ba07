import { S3Client } from "@aws-sdk/client-s3";
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
  SageMakerClient,
  type AppType,
  type DescribeDomainResponse,
  type SageMakerClientConfig,
} from "@aws-sdk/client-sagemaker";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { AccountConfig } from "../../../config/types";
import { pollUntil, withRetry, type PollOptions, type Sleep } from "./retry";
import { UserError } from "../../shared/user-error";

/**
 * Credentials for a team's account: the default provider chain in the Identity Center account; in a workload
 * account the chain's identity assumes the account's `roleArn`, the role Terraform applies with there, so one
 * set of credentials serves every team, as it does for Terraform.
 */
export function credentialsFor(account: AccountConfig, sleep: Sleep, session: string) {
  const roleArn = account.roleArn;
  if (roleArn === undefined) return undefined;
  let current: Promise<Credentials> | undefined;
  let expires = 0;
  return (): Promise<Credentials> => {
    // Refreshed five minutes before expiry: waiting for a large app to stop can outlast a session.
    if (current === undefined || expires - Date.now() < 300_000) {
      expires = Number.POSITIVE_INFINITY; // one AssumeRole for concurrent callers
      current = assumeRole(account.region, roleArn, session, sleep).then(
        (credentials) => {
          expires = credentials.expiration!.getTime();
          return credentials;
        },
        (error: unknown) => {
          current = undefined;
          expires = 0;
          throw error;
        },
      );
    }
    return current;
  };
}

type Credentials = Exclude<SageMakerClientConfig["credentials"], undefined | ((...args: never[]) => unknown)> & {
  readonly expiration?: Date;
};

async function assumeRole(region: string, roleArn: string, session: string, sleep: Sleep): Promise<Credentials> {
  const sts = new STSClient({ region });
  const answer = await withRetry(
    () => sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: session })),
    { sleep },
  );
  const c = answer.Credentials;
  if (c?.AccessKeyId === undefined || c.SecretAccessKey === undefined)
    throw new UserError(`STS returned no credentials for ${roleArn}: check that role's trust policy, then run again`);
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    expiration: c.Expiration ?? new Date(Date.now() + 3_600_000),
  };
}

export interface AwsClients {
  readonly sagemaker: SageMakerClient;
  readonly s3: S3Client;
}

/** The clients for the account a team's domain lives in, in that account's region. */
export function clientsFor(account: AccountConfig, sleep: Sleep, session: string): AwsClients {
  const credentials = credentialsFor(account, sleep, session);
  return {
    sagemaker: new SageMakerClient({ region: account.region, credentials }),
    // A backup bucket may be in another region: the client follows S3's redirect instead of failing.
    s3: new S3Client({ region: account.region, credentials, followRegionRedirects: true }),
  };
}

export interface StudioApp {
  readonly appType: AppType;
  readonly appName: string;
  readonly status: string;
  /** Exactly one of the two: the profile (Studio Classic apps) or the space the app runs in. */
  readonly userProfileName?: string;
  readonly spaceName?: string;
}

export interface StudioSpace {
  readonly spaceName: string;
  /** The profile that owns the space, when it has an owner. */
  readonly owner?: string;
  readonly sharing: "Private" | "Shared";
  readonly status: string;
  /** The space's EBS volume size, when SageMaker reports it. */
  readonly ebsGb?: number;
  /** Whether remote IDE connections to the space are on: they authenticate with IAM and outlive a sign-out. */
  readonly remoteAccess: boolean;
}

export interface StudioProfile {
  readonly name: string;
  readonly arn: string;
  readonly homeEfsUid?: string;
  readonly ssoUserName?: string;
  readonly status?: string;
}

/** Named after the service's own error; the SDK gives it as the error's name. */
function isNotFound(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === "ResourceNotFound";
}

/**
 * The SageMaker calls the membership tools make, each retried on throttling and paginated to the end. Waits poll
 * Describe* with an injectable sleep, so tests never wait.
 */
export class Studio {
  constructor(
    private readonly client: SageMakerClient,
    private readonly wait: PollOptions,
  ) {}

  private call<T>(send: () => Promise<T>): Promise<T> {
    return withRetry(send, { sleep: this.wait.sleep });
  }

  private async all<T>(page: (token: string | undefined) => Promise<{ items: T[]; next?: string }>): Promise<T[]> {
    const items: T[] = [];
    let token: string | undefined;
    do {
      const answer = await this.call(() => page(token));
      items.push(...answer.items);
      token = answer.next;
    } while (token !== undefined);
    return items;
  }

  /** The id of the domain with this name, or undefined when the apply has not created it. */
  async domainId(domainName: string): Promise<string | undefined> {
    const domains = await this.all(async (token) => {
      const answer = await this.client.send(new ListDomainsCommand({ NextToken: token }));
      return { items: answer.Domains ?? [], next: answer.NextToken };
    });
    return domains.find((domain) => domain.DomainName === domainName)?.DomainId;
  }

  async homeFileSystem(domainId: string): Promise<string | undefined> {
    const answer = await this.call(() => this.client.send(new DescribeDomainCommand({ DomainId: domainId })));
    return answer.HomeEfsFileSystemId;
  }

  /** DescribeDomain's answer, or undefined when there is no such domain. */
  async domain(domainId: string): Promise<DescribeDomainResponse | undefined> {
    try {
      return await this.call(() => this.client.send(new DescribeDomainCommand({ DomainId: domainId })));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async profile(domainId: string, name: string): Promise<StudioProfile | undefined> {
    try {
      const answer = await this.call(() =>
        this.client.send(new DescribeUserProfileCommand({ DomainId: domainId, UserProfileName: name })),
      );
      return {
        name: answer.UserProfileName ?? name,
        arn: answer.UserProfileArn ?? "",
        homeEfsUid: answer.HomeEfsFileSystemUid,
        ssoUserName: answer.SingleSignOnUserValue,
        status: answer.Status,
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async profileNames(domainId: string): Promise<string[]> {
    const profiles = await this.all(async (token) => {
      const answer = await this.client.send(
        new ListUserProfilesCommand({ DomainIdEquals: domainId, NextToken: token }),
      );
      return { items: answer.UserProfiles ?? [], next: answer.NextToken };
    });
    return profiles.flatMap((profile) => (profile.UserProfileName ? [profile.UserProfileName] : []));
  }

  async tags(arn: string): Promise<Record<string, string>> {
    const tags = await this.all(async (token) => {
      const answer = await this.client.send(new ListTagsCommand({ ResourceArn: arn, NextToken: token }));
      return { items: answer.Tags ?? [], next: answer.NextToken };
    });
    return Object.fromEntries(tags.map((tag) => [tag.Key ?? "", tag.Value ?? ""]));
  }

  /**
   * Apps that still exist (ListApps keeps deleted apps for a while): of a profile, of a space, or, without an owner,
   * of the whole domain.
   */
  async apps(domainId: string, owner?: { readonly userProfileName: string } | { readonly spaceName: string }) {
    const apps = await this.all(async (token) => {
      const answer = await this.client.send(
        new ListAppsCommand({
          DomainIdEquals: domainId,
          // The two filters exclude each other (ListApps).
          ...(owner === undefined
            ? {}
            : "spaceName" in owner
              ? { SpaceNameEquals: owner.spaceName }
              : { UserProfileNameEquals: owner.userProfileName }),
          NextToken: token,
        }),
      );
      return { items: answer.Apps ?? [], next: answer.NextToken };
    });
    return apps
      .filter((app) => app.Status !== "Deleted")
      .map(
        (app): StudioApp => ({
          appType: app.AppType!,
          appName: app.AppName!,
          status: app.Status ?? "unknown",
          ...(app.SpaceName ? { spaceName: app.SpaceName } : { userProfileName: app.UserProfileName }),
        }),
      );
  }

  /** Every space of the domain, with its owner. */
  async spaces(domainId: string): Promise<StudioSpace[]> {
    const spaces = await this.all(async (token) => {
      const answer = await this.client.send(new ListSpacesCommand({ DomainIdEquals: domainId, NextToken: token }));
      return { items: answer.Spaces ?? [], next: answer.NextToken };
    });
    return spaces.map((space) => ({
      spaceName: space.SpaceName!,
      ...(space.OwnershipSettingsSummary?.OwnerUserProfileName
        ? { owner: space.OwnershipSettingsSummary.OwnerUserProfileName }
        : {}),
      sharing: space.SpaceSharingSettingsSummary?.SharingType === "Shared" ? "Shared" : "Private",
      status: space.Status ?? "unknown",
      ebsGb: space.SpaceSettingsSummary?.SpaceStorageSettings?.EbsStorageSettings?.EbsVolumeSizeInGb,
      remoteAccess: space.SpaceSettingsSummary?.RemoteAccess === "ENABLED",
    }));
  }

  /** Spaces whose owner is the profile. ListSpaces has no owner filter; profile names are not case sensitive. */
  async spacesOwnedBy(domainId: string, profileName: string): Promise<StudioSpace[]> {
    return (await this.spaces(domainId)).filter((space) => space.owner?.toLowerCase() === profileName.toLowerCase());
  }

  /** Stops and deletes an app, then waits until SageMaker reports it Deleted. */
  async deleteApp(domainId: string, app: StudioApp): Promise<void> {
    const key = {
      DomainId: domainId,
      AppType: app.appType,
      AppName: app.appName,
      ...(app.spaceName ? { SpaceName: app.spaceName } : { UserProfileName: app.userProfileName }),
    };
    // An app already Deleting needs only the wait.
    const remove = app.status === "Deleting" ? undefined : () => this.client.send(new DeleteAppCommand(key));
    await this.deleteAndWait(`app ${app.appName}`, remove, async () => {
      const answer = await this.client.send(new DescribeAppCommand(key));
      return {
        done: answer.Status === "Deleted",
        failure: answer.Status === "Failed" ? (answer.FailureReason ?? "") : undefined,
      };
    });
  }

  /** Deletes a space (its apps must be deleted first), then waits until it is gone. */
  async deleteSpace(domainId: string, spaceName: string): Promise<void> {
    const key = { DomainId: domainId, SpaceName: spaceName };
    await this.deleteAndWait(
      `space ${spaceName}`,
      () => this.client.send(new DeleteSpaceCommand(key)),
      async () => {
        const answer = await this.client.send(new DescribeSpaceCommand(key));
        return { done: false, failure: answer.Status === "Delete_Failed" ? (answer.FailureReason ?? "") : undefined };
      },
    );
  }

  /**
   * Sends the delete (unless it is under way), then polls until the resource is gone (ResourceNotFound) or done.
   * A ResourceNotFound on the delete itself means someone was faster: nothing left to do but confirm.
   */
  private async deleteAndWait(
    what: string,
    remove: (() => Promise<unknown>) | undefined,
    describe: () => Promise<{ readonly done: boolean; readonly failure?: string }>,
  ): Promise<void> {
    if (remove !== undefined)
      try {
        await this.call(remove);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    await pollUntil(
      async () => {
        try {
          const state = await this.call(describe);
          if ("failure" in state && state.failure !== undefined)
            throw new UserError(
              `${what} failed to delete (${state.failure || "no reason given"}): delete it in the SageMaker console, then run again`,
            );
          return state.done ? true : undefined;
        } catch (error) {
          if (isNotFound(error)) return true;
          throw error;
        }
      },
      this.wait,
      () => new UserError(`${what} is still not deleted: wait, then run the command again to resume`),
    );
  }
}
