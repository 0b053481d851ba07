import { gb } from "./aws-command";
import type { MemberTarget } from "./member-target";
import { UserError } from "../shared/user-error";
import type { Studio, StudioApp, StudioProfile, StudioSpace } from "./aws/studio-client";

/** Everything SageMaker holds for one person's profile: what the apply would delete or leave behind. */
export interface ProfileInventory {
  readonly target: MemberTarget;
  readonly domainId: string;
  readonly profile: StudioProfile;
  readonly homeEfsFileSystemId?: string;
  /**
   * The profile's own apps (Studio Classic), the apps of its private spaces, and those of the shared spaces it owns
   * with remote access on (remote IDE sessions live in them and outlive a sign-out).
   */
  readonly apps: readonly StudioApp[];
  readonly privateSpaces: readonly StudioSpace[];
  /** Shared spaces the profile owns: team data, never deleted by these tools. */
  readonly sharedSpaces: readonly StudioSpace[];
}

/** Finds the team's domain, then the profile; undefined when the profile does not exist (nothing to do). */
export async function profileInventory(studio: Studio, target: MemberTarget): Promise<ProfileInventory | undefined> {
  const { team, account, member } = target;
  const domainId = await studio.domainId(team.domainName);
  if (domainId === undefined)
    throw new UserError(
      `no Studio domain ${team.domainName} in account ${account.key} (${account.accountId}, ${account.region}): run with credentials for that account, or apply the config first if the team is new`,
    );
  const profile = await studio.profile(domainId, member.profileName);
  if (profile === undefined) return undefined;
  const spaces = await studio.spacesOwnedBy(domainId, member.profileName);
  const privateSpaces = spaces.filter((space) => space.sharing === "Private");
  const reachable = spaces.filter((space) => space.sharing === "Private" || space.remoteAccess);
  const apps = [
    ...(await studio.apps(domainId, { userProfileName: member.profileName })),
    ...(await Promise.all(reachable.map((space) => studio.apps(domainId, { spaceName: space.spaceName })))).flat(),
  ];
  return {
    target,
    domainId,
    profile,
    homeEfsFileSystemId: await studio.homeFileSystem(domainId),
    apps,
    privateSpaces,
    sharedSpaces: spaces.filter((space) => space.sharing === "Shared"),
  };
}

/** A space as the inventory lists it: size, state and whether remote IDE sessions reach it. */
export function spaceLine(space: StudioSpace): string {
  const remote = space.remoteAccess ? " (remote access ENABLED: remote IDE sessions end when its apps stop)" : "";
  return `${space.spaceName}: ${gb(space.ebsGb)} EBS, ${space.status}${remote}`;
}

export function appLine(app: StudioApp): string {
  const where = app.spaceName !== undefined ? `in space ${app.spaceName}` : `of the profile (Studio Classic)`;
  return `${app.appType} ${app.appName} ${where}: ${app.status}`;
}

export function describeInventory(inventory: ProfileInventory): string[] {
  const { target, domainId, profile, homeEfsFileSystemId } = inventory;
  const { team, account, member } = target;
  const list = (items: readonly string[]) => (items.length === 0 ? ["  (none)"] : items.map((item) => `  - ${item}`));
  return [
    `${member.userName} in team ${team.key}: profile ${profile.name} in domain ${team.domainName} (${domainId}), account ${account.key} (${account.accountId}, ${account.region})`,
    `Terraform address: ${target.address}`,
    "",
    `Home directory: EFS file system ${homeEfsFileSystemId ?? "(not reported)"}, POSIX uid ${profile.homeEfsUid ?? "(not reported)"}`,
    `Apps (${inventory.apps.length}):`,
    ...list(inventory.apps.map(appLine)),
    `Private spaces (${inventory.privateSpaces.length}), each deleted with its EBS volume:`,
    ...list(inventory.privateSpaces.map(spaceLine)),
    ...(inventory.sharedSpaces.length > 0
      ? [
          `Shared spaces the profile owns (${inventory.sharedSpaces.length}), left alone (team data):`,
          ...list(inventory.sharedSpaces.map(spaceLine)),
        ]
      : []),
    `Workspace files: s3://${team.s3Buckets[0]}/users/${member.profileName}/ (the apply does not touch them)`,
  ];
}
