import {
  DeleteAppCommand,
  DeleteSpaceCommand,
  DescribeAppCommand,
  DescribeDomainCommand,
  DescribeSpaceCommand,
  DescribeUserProfileCommand,
  paginateListApps,
  paginateListDomains,
  paginateListSpaces,
  paginateListTags,
  paginateListUserProfiles,
  type AppType,
  type DescribeDomainResponse,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { UserError } from "../../shared/user-error";
import { pollUntil, type PollOptions } from "./poll";

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

/** Every item of every page a paginator yields. */
async function all<P, T>(pages: AsyncIterable<P>, items: (page: P) => T[] | undefined): Promise<T[]> {
  const found: T[] = [];
  for await (const page of pages) found.push(...(items(page) ?? []));
  return found;
}

/**
 * The SageMaker calls the membership tools make, lists read to their last page; the client retries throttling.
 * Waits poll Describe* with an injectable sleep, so tests never wait.
 */
export class Studio {
  private readonly pages: { readonly client: SageMakerClient };

  constructor(
    private readonly client: SageMakerClient,
    private readonly wait: PollOptions,
  ) {
    this.pages = { client };
  }

  /** The id of the domain with this name, or undefined when the apply has not created it. */
  async domainId(domainName: string): Promise<string | undefined> {
    const domains = await all(paginateListDomains(this.pages, {}), (page) => page.Domains);
    return domains.find((domain) => domain.DomainName === domainName)?.DomainId;
  }

  async homeFileSystem(domainId: string): Promise<string | undefined> {
    const answer = await this.client.send(new DescribeDomainCommand({ DomainId: domainId }));
    return answer.HomeEfsFileSystemId;
  }

  /** DescribeDomain's answer, or undefined when there is no such domain. */
  async domain(domainId: string): Promise<DescribeDomainResponse | undefined> {
    try {
      return await this.client.send(new DescribeDomainCommand({ DomainId: domainId }));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async profile(domainId: string, name: string): Promise<StudioProfile | undefined> {
    try {
      const answer = await this.client.send(
        new DescribeUserProfileCommand({ DomainId: domainId, UserProfileName: name }),
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
    const profiles = await all(
      paginateListUserProfiles(this.pages, { DomainIdEquals: domainId }),
      (page) => page.UserProfiles,
    );
    return profiles.flatMap((profile) => (profile.UserProfileName ? [profile.UserProfileName] : []));
  }

  async tags(arn: string): Promise<Record<string, string>> {
    const tags = await all(paginateListTags(this.pages, { ResourceArn: arn }), (page) => page.Tags);
    return Object.fromEntries(tags.map((tag) => [tag.Key ?? "", tag.Value ?? ""]));
  }

  /**
   * Apps that still exist (ListApps keeps deleted apps for a while): of a profile, of a space, or, without an owner,
   * of the whole domain.
   */
  async apps(domainId: string, owner?: { readonly userProfileName: string } | { readonly spaceName: string }) {
    const apps = await all(
      paginateListApps(this.pages, {
        DomainIdEquals: domainId,
        // The two filters exclude each other (ListApps).
        ...(owner === undefined
          ? {}
          : "spaceName" in owner
            ? { SpaceNameEquals: owner.spaceName }
            : { UserProfileNameEquals: owner.userProfileName }),
      }),
      (page) => page.Apps,
    );
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
    const spaces = await all(paginateListSpaces(this.pages, { DomainIdEquals: domainId }), (page) => page.Spaces);
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
        await remove();
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    await pollUntil(
      async () => {
        try {
          const state = await describe();
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
