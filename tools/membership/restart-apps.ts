import { awsFor, commandConfig, ONE_USER_NAME, processIo, runAwsCommand, type CommandIo } from "./aws-command";
import { parseCommandLine, runMain } from "../shared/cli";
import { memberTarget } from "./member-target";
import { appLine, profileInventory } from "./profile-inventory";

export const RESTART_APPS_USAGE = `usage: npm run restart-apps -- <user name> [--team <key>] [--apply] [--config <file>]

  Lists the person's running Studio apps: those of the profile (Studio Classic) and of their private spaces.
  --apply          stop (delete) them and wait until each is Deleted; spaces and their storage stay, and the apps
                   the person starts again run with the profile's current execution role
  --team <key>     the team whose profile (required when the person is in several teams)
  --config <file>  the config (default: $FEDERATION_CONFIG, else examples/contoso.yaml)`;

/** States in which an app holds credentials of the role it started with. */
const RUNNING = new Set(["InService", "Pending"]);

/**
 * After a persona change, apps that were already running keep the old execution role's credentials until they
 * restart: stopping them makes a downgrade effective now instead of whenever the person restarts them.
 */
export async function restartApps(args: string[], io: CommandIo): Promise<number> {
  return runAwsCommand(RESTART_APPS_USAGE, io, async () => {
    const line = parseCommandLine(
      args,
      {
        usage: RESTART_APPS_USAGE,
        options: {
          team: { type: "string" },
          apply: { type: "boolean", default: false },
          config: { type: "string" },
        },
        positionals: ONE_USER_NAME,
      },
      io,
    );
    if (line === undefined) return 0;
    const { values, positionals } = line;
    const { config, source } = commandConfig(values, io.env);
    const target = memberTarget(config, positionals[0]!, values.team, source);
    const { studio } = awsFor(io, target.account, "restart-apps");
    const inventory = await profileInventory(studio, target);
    if (inventory === undefined) {
      io.out(
        `${target.member.userName} has no profile ${target.member.profileName} in ${target.team.domainName} yet: nothing to restart.`,
      );
      return 0;
    }
    const running = inventory.apps.filter((app) => RUNNING.has(app.status));
    const role = config.roles[`${target.team.key}/${target.member.persona}`]?.roleName ?? "(unknown)";
    io.out(
      [
        `${target.member.userName} in team ${target.team.key}: profile ${inventory.profile.name}, persona ${target.member.persona} (role ${role} once applied)`,
        `Running apps (${running.length}):`,
        ...(running.length === 0 ? ["  (none)"] : running.map((app) => `  - ${appLine(app)}`)),
        // Apps in shared spaces run as the space's role, not the person's, so a persona change does not reach them.
        ...(inventory.sharedSpaces.length > 0
          ? [
              "Apps in shared spaces run with the space's role and are left alone, but for those of the person's own shared spaces with remote access on (listed above).",
            ]
          : []),
        // Remote IDE sessions authenticate with IAM and survive a sign-out; they live in the space's app.
        ...[...inventory.privateSpaces, ...inventory.sharedSpaces]
          .filter((space) => space.remoteAccess)
          .map(
            (space) =>
              `Space ${space.spaceName} has remote access ENABLED: its remote IDE sessions end when its apps stop${config.personas[target.member.persona]?.remoteAccess ? "" : `, and persona ${target.member.persona} may no longer turn it on or connect`}.`,
          ),
      ].join("\n"),
    );
    if (running.length === 0) return 0;
    if (!values.apply) {
      io.out(
        `\nDry run: nothing was stopped. Add --apply to stop ${running.length} app(s); unsaved notebook state in them is lost, files are kept.`,
      );
      return 0;
    }
    for (const app of running) {
      io.out(`Stopping ${appLine(app)} ...`);
      await studio.deleteApp(inventory.domainId, app);
      io.out("  stopped");
    }
    io.out(
      `\nDone: ${running.length} app(s) stopped. ${target.member.userName} starts them again from Studio, with the new role.`,
    );
    return 0;
  });
}

if (require.main === module) runMain(restartApps, processIo());
