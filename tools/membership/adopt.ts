import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FederationConfig, TeamConfig } from "../../config/types";
import { importedDomainReport } from "./adopt-domain";
import { awsFor, commandConfig, processIo, runAwsCommand, type CommandIo } from "./aws-command";
import { parseCommandLine, runMain } from "../shared/cli";
import { requireDeployed, targetOf } from "./member-target";
import type { Studio } from "./aws/studio-client";
import { UserError } from "../shared/user-error";

export const ADOPT_USAGE = `usage: npm run adopt [-- [--team <key>] [--config <file>]]

  For a team that imports a domain (teams.<key>.import.domainId), first compares the domain with what the stack
  would set and stops, exit code 1, on a difference that would replace it, saying how to make it match. Then finds
  the user profiles Studio created on its own for members of the config (a member who opened Studio before
  the apply created their profile), and writes cdktf.out/stacks/<name>/adopt-imports.tf.json: Terraform import
  blocks that take them over, so the next plan imports them instead of failing on the duplicate. A profile whose
  name differs from the config's is not imported: the command prints the profileName entry to add first.
  For a team whose domain is imported (teams.<key>.import), it also lists the spaces and apps made before the
  import, who can reach each one once the stack manages the domain, and how to retire them.
  --team <key>     only this team
  --config <file>  the config (default: $FEDERATION_CONFIG, else examples/contoso.yaml)`;

export const IMPORTS_FILE = "adopt-imports.tf.json";

/** The tag the stack puts on every profile it creates: a profile without it was created by Studio (or by hand). */
const MANAGED_TAG = "sagemaker-team";

export interface ImportBlock {
  readonly to: string;
  readonly id: string;
}

interface Findings {
  readonly imports: ImportBlock[];
  /** YAML lines for the config, one per member whose existing profile has another name. */
  readonly renames: string[];
  readonly notes: string[];
}

export async function adopt(args: string[], io: CommandIo): Promise<number> {
  return runAwsCommand(ADOPT_USAGE, io, async () => {
    const line = parseCommandLine(
      args,
      { usage: ADOPT_USAGE, options: { team: { type: "string" }, config: { type: "string" } } },
      io,
    );
    if (line === undefined) return 0;
    const { values } = line;
    const { config, source } = commandConfig(values, io.env);
    requireDeployed(config, source);
    const teams = chosenTeams(config, values.team, source);
    // The import blocks work only next to the synthesized stack, which Terraform reads from the same folder.
    const stackDir = join(io.env.CDKTF_OUTDIR || "cdktf.out", "stacks", config.name);
    if (!existsSync(join(stackDir, "cdk.tf.json")))
      throw new UserError(`${stackDir}/cdk.tf.json is missing: run \`npx cdktf synth\` first, then npm run adopt`);

    const findings: Findings = { imports: [], renames: [], notes: [] };
    let refused = false;
    for (const team of teams) {
      const { studio } = awsFor(io, config.accounts[team.account]!, "adopt");
      if (team.importDomainId !== undefined) {
        const report = await importedDomainReport(studio, config, team);
        io.out([...report.lines, ...(await predating(studio, team.importDomainId, team))].join("\n"));
        refused ||= report.refuses;
      }
      if (!refused) await adoptInTeam(studio, config, team, findings);
    }
    if (refused) {
      io.out("Nothing written: make the domain match first (above), then run npm run adopt again.");
      return 1;
    }

    const file = join(stackDir, IMPORTS_FILE);
    io.out(findings.notes.join("\n"));
    if (findings.imports.length === 0) {
      // A file left from an earlier run would import profiles that may since have been deleted.
      if (existsSync(file)) rmSync(file);
      io.out("No profile to import.");
    } else {
      writeFileSync(file, JSON.stringify({ import: findings.imports }, null, 2) + "\n");
      io.out(
        [
          `Wrote ${file} (${findings.imports.length} import${findings.imports.length === 1 ? "" : "s"}). Terraform (1.5 or later) reads it with cdk.tf.json; run Terraform itself, since \`cdktf deploy\` synthesizes again:`,
          `  terraform -chdir=${stackDir} init`,
          `  terraform -chdir=${stackDir} plan    # the profiles are imported; at most their execution role changes in place`,
          `  terraform -chdir=${stackDir} apply`,
          `Then delete ${file}.`,
        ].join("\n"),
      );
    }
    if (findings.renames.length > 0)
      io.out(
        [
          "",
          "These members already have a profile under another name. Keep it (and its home directory): add the",
          "profileName to the config, run `npx cdktf synth`, then `npm run adopt` again to import it:",
          ...findings.renames,
        ].join("\n"),
      );
    return 0;
  });
}

function chosenTeams(config: FederationConfig, team: string | undefined, source: string): TeamConfig[] {
  if (team === undefined) return Object.values(config.teams);
  const chosen = config.teams[team];
  if (chosen === undefined)
    throw new UserError(`there is no team ${team} in ${source}: use one of ${Object.keys(config.teams).join(", ")}`);
  return [chosen];
}

/** Profiles in the team's domain whose IAM Identity Center user is a member and that the stack did not create. */
async function adoptInTeam(studio: Studio, config: FederationConfig, team: TeamConfig, findings: Findings) {
  const domainId = await studio.domainId(team.domainName);
  if (domainId === undefined) {
    findings.notes.push(`${team.key}: domain ${team.domainName} does not exist yet, nothing to adopt`);
    return;
  }
  // User names are matched without case: IAM Identity Center user names are not case sensitive.
  const members = new Map(Object.values(team.members).map((member) => [member.userName.toLowerCase(), member]));
  let adopted = 0;
  for (const name of await studio.profileNames(domainId)) {
    const profile = await studio.profile(domainId, name);
    const member = profile?.ssoUserName === undefined ? undefined : members.get(profile.ssoUserName.toLowerCase());
    if (profile === undefined || member === undefined) continue;
    const tags = await studio.tags(profile.arn);
    if (tags[MANAGED_TAG] !== undefined) continue;
    adopted++;
    const target = targetOf(config, team, member);
    if (profile.name === member.profileName) findings.imports.push({ to: target.address, id: profile.arn });
    else
      findings.renames.push(
        `  under teams.${team.key}.members:  ${member.userName}: { persona: ${member.persona}, profileName: ${profile.name} }`,
      );
  }
  findings.notes.push(`${team.key}: ${adopted} profile(s) created outside Terraform for members of the team`);
}

/** States in which an app still holds the credentials of the role it started with. */
const RUNNING = new Set(["InService", "Pending"]);

/**
 * Spaces and apps of an imported domain: they carry no team tag, but the stack's grants bind spaces and apps by
 * their domain and owner, not by tag, so they stay reachable. Who reaches each one, and how to retire it.
 */
async function predating(studio: Studio, domainId: string, team: TeamConfig): Promise<string[]> {
  const spaces = await studio.spaces(domainId);
  const apps = (await studio.apps(domainId)).filter((app) => RUNNING.has(app.status));
  if (spaces.length + apps.length === 0)
    return [`${team.key}: the imported domain ${domainId} has no spaces or running apps`];
  const members = new Set(Object.values(team.members).map((member) => member.profileName.toLowerCase()));
  const reach = (space: (typeof spaces)[number]) => {
    if (space.sharing === "Shared")
      return team.sharedSpaces
        ? "every member whose persona opens Studio may start apps in it; new apps run as the team's shared-space role"
        : "shared spaces are off for the team: members see it but cannot start apps in it";
    if (space.owner !== undefined && members.has(space.owner.toLowerCase()))
      return `only its owner ${space.owner}, a member, reaches it`;
    return `its owner ${space.owner ?? "(none)"} is not a member of the config: nobody the stack manages reaches it; delete it, or add the person`;
  };
  const remote = (space: (typeof spaces)[number]) => (space.remoteAccess ? "; remote access ENABLED" : "");
  const where = (app: (typeof apps)[number]) =>
    app.spaceName !== undefined ? `--space-name ${app.spaceName}` : `--user-profile-name ${app.userProfileName}`;
  return [
    `${team.key}: the imported domain ${domainId} holds ${spaces.length} space(s) and ${apps.length} running app(s) made before the import (docs/adoption.md):`,
    ...spaces.map(
      (space) => `  - ${space.sharing.toLowerCase()} space ${space.spaceName}: ${reach(space)}${remote(space)}`,
    ),
    ...apps.map(
      (app) =>
        `  - running app ${app.appType} ${app.appName} ${app.spaceName !== undefined ? `in space ${app.spaceName}` : `of profile ${app.userProfileName}`} keeps the role it started with until it stops: aws sagemaker delete-app --domain-id ${domainId} ${where(app)} --app-type ${app.appType} --app-name ${app.appName}`,
    ),
  ];
}

if (require.main === module) runMain(adopt, processIo());
