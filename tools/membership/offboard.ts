import { awsFor, commandConfig, ONE_USER_NAME, processIo, runAwsCommand, type CommandIo } from "./aws-command";
import { parseCommandLine, runMain } from "../shared/cli";
import { backUp, checkBackupDestination, parseS3Uri, s3Uri } from "./backup";
import { memberTarget } from "./member-target";
import { appLine, describeInventory, profileInventory } from "./profile-inventory";

export const OFFBOARD_USAGE = `usage: npm run offboard -- <user name> [--team <key>] [--backup s3://<bucket>/<prefix>] [--apply]
                           [--config <file>] [--base <git ref or file>]

  Lists the person's Studio apps and private spaces with their storage (a dry run: nothing changes).
  --team <key>     the team whose profile to offboard (required when the person is in several teams)
  --backup <uri>   copy the person's workspace files (s3://<workspace>/users/<profile>/) and an inventory there
  --apply          delete the apps, wait until they are Deleted, then delete the private spaces and wait;
                   afterwards the Terraform apply deletes the profile cleanly
  --base <ref>     read the person from the config at that git ref (the deployed one, e.g. origin/main),
                   for someone your branch already removed
  --config <file>  the config (default: $FEDERATION_CONFIG, else examples/contoso.yaml)`;

/** Before a leaver's or mover's apply: save what can be saved, then remove what blocks DeleteUserProfile. */
export async function offboard(args: string[], io: CommandIo): Promise<number> {
  return runAwsCommand(OFFBOARD_USAGE, io, async () => {
    const line = parseCommandLine(
      args,
      {
        usage: OFFBOARD_USAGE,
        options: {
          team: { type: "string" },
          backup: { type: "string" },
          apply: { type: "boolean", default: false },
          config: { type: "string" },
          base: { type: "string" },
        },
        positionals: ONE_USER_NAME,
      },
      io,
    );
    if (line === undefined) return 0;
    const { values, positionals } = line;
    // Checked before any AWS call: a typo must not be found after the apps are gone.
    const backupTo = values.backup === undefined ? undefined : parseS3Uri(values.backup);
    const { config, source } = commandConfig(values, io.env);
    const target = memberTarget(config, positionals[0]!, values.team, source);

    const { studio, s3 } = awsFor(io, target.account, "offboard");
    const inventory = await profileInventory(studio, target);
    if (inventory === undefined) {
      io.out(
        `${target.member.userName} has no profile ${target.member.profileName} in ${target.team.domainName}: nothing to offboard (already deleted, or never created).`,
      );
      return 0;
    }
    io.out(describeInventory(inventory).join("\n"));

    if (backupTo !== undefined) {
      checkBackupDestination(backupTo, inventory);
      const result = await backUp(s3, inventory, backupTo);
      io.out(
        [
          "",
          `Backup in ${result.destination}:`,
          `  - copied ${result.copied} workspace file(s) from s3://${target.team.s3Buckets[0]}/users/${target.member.profileName}/ to ${result.destination}workspace/`,
          ...result.tooLarge.map(
            (key) => `  - NOT copied (over 5 GB, copy it with aws s3 cp): s3://${target.team.s3Buckets[0]}/${key}`,
          ),
          `  - wrote the inventory and how to save the rest to ${result.inventoryUri}`,
          "  - NOT copied: the home directory (EFS) and the private spaces (EBS): no AWS API reads their files.",
          `    Ask the person to run, in a Studio terminal of each space: aws s3 sync /home/sagemaker-user ${s3Uri(backupTo)}${target.team.key}/${target.member.profileName}/spaces/<space>/`,
          "    (their execution role must be allowed to write there), or copy the home directory from an instance in the domain's VPC that mounts the EFS file system.",
        ].join("\n"),
      );
    }

    if (!values.apply) {
      io.out(
        `\nDry run: nothing was deleted. ${inventory.apps.length} app(s) and ${inventory.privateSpaces.length} private space(s) would be deleted with --apply.`,
      );
      return 0;
    }
    // SageMaker refuses to delete a space while it has apps, and a profile while it has apps or spaces.
    io.out("");
    for (const app of inventory.apps) {
      io.out(`Deleting ${appLine(app)} ...`);
      await studio.deleteApp(inventory.domainId, app);
      io.out(`  deleted`);
    }
    for (const space of inventory.privateSpaces) {
      io.out(`Deleting private space ${space.spaceName} and its EBS volume ...`);
      await studio.deleteSpace(inventory.domainId, space.spaceName);
      io.out(`  deleted`);
    }
    io.out(
      [
        "",
        `Done: ${inventory.apps.length} app(s) and ${inventory.privateSpaces.length} private space(s) deleted.`,
        ...(inventory.sharedSpaces.length > 0
          ? [
              `The profile still owns ${inventory.sharedSpaces.length} shared space(s); if the apply stops with ResourceInUse, delete their apps and them with aws sagemaker delete-app / delete-space (docs/membership-changes.md).`,
            ]
          : []),
        `Now apply the change that removes ${target.member.userName}: Terraform deletes ${target.address}.`,
      ].join("\n"),
    );
    return 0;
  });
}

if (require.main === module) runMain(offboard, processIo());
