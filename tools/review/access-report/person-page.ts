import { rolePolicy } from "../../../config/role-policy";
import type { FederationConfig, ProfileConfig } from "../../../config/types";
import type { ActivityKey } from "../../../policies/activities";
import { studioPortal } from "../../../policies/studio-portal";
import { code, codeList } from "../../shared/markdown";
import { bucketsAllowedBy } from "./role-buckets";
import { justInTimeText, limitsText } from "./settings-text";
import { UserError } from "../../shared/user-error";

/** What each ML activity lets a person do, in their words. */
const ACTIVITY_TEXT: Readonly<Record<ActivityKey, string>> = {
  "run-studio-applications": "open Studio and run JupyterLab and Code Editor in spaces of their own",
  "manage-ml-jobs": "run training, processing, tuning and batch transform jobs",
  "manage-models": "create models and register model versions",
  "approve-models": "approve or reject model versions",
  "manage-experiments": "create and change experiments, trials and lineage",
  "search-visualize-experiments": "search and view experiments and lineage",
  "s3-bucket-access": "read and write the team's buckets",
  "manage-endpoints": "deploy models to endpoints and update them",
  "manage-pipelines": "create, run and stop pipelines",
  "manage-model-monitoring": "schedule model monitoring",
  "access-required-aws-services": "what jobs need to run: logs, metrics, images",
  "run-pipeline-steps": "what pipeline steps do: jobs, models and model versions",
  "use-shared-spaces": "work in the team's shared spaces",
};

export interface PersonPageOptions {
  /** Where the config came from, as the reader should see it. */
  readonly source: string;
}

/**
 * One page a person can read: their domains and profiles, what their persona lets them do, where, within which
 * limits and naming rules, and whom to ask for more. Throws a {@link UserError} when the config does not know them.
 */
export function personPage(config: FederationConfig, userName: string, options: PersonPageOptions): string {
  const wanted = userName.toLowerCase();
  const profiles = Object.values(config.profiles).filter((profile) => profile.userName.toLowerCase() === wanted);
  const admin = config.admins.members.find((member) => member.toLowerCase() === wanted);
  if (profiles.length === 0 && admin === undefined)
    throw new UserError(
      `${userName} is not in ${options.source}: neither a member of a team (teams.<team>.members) nor an admin (admins.members); add them there, or check the spelling of the user name`,
    );
  const name = profiles[0]?.userName ?? admin!;
  return (
    [
      `# What ${name} can do`,
      "",
      `From ${code(options.source)} (${config.name}). Sign in through the AWS access portal${config.aws.identityCenter === undefined ? "" : ` (${config.aws.identityCenter.portalUrl})`}: each domain below is a tile there.${config.phase === "bootstrap" ? " The config is still in its bootstrap phase: the domains and profiles exist after its second apply." : ""}`,
      ...(admin === undefined ? [] : ["", ...adminSection(config, admin)]),
      ...profiles.flatMap((profile) => ["", ...profileSection(config, profile)]),
      ...(profiles.length === 0
        ? ["", "No team lists them as a member: they have no Studio profile of their own."]
        : []),
      "",
      ...rulesSection(profiles),
      "",
      ...askSection(config, options.source),
    ].join("\n") + "\n"
  );
}

function adminSection(config: FederationConfig, admin: string): string[] {
  const { admins } = config;
  const eligible = admins.justInTime?.eligible.includes(admin) ?? false;
  return [
    "## Admin",
    "",
    `Member of the admin group ${code(admins.group)}${eligible ? ", eligible: the membership is activated when needed" : ""}. Permission set ${code(admins.permissionSetName)} (AmazonSageMakerFullAccess, sessions up to ${admins.sessionDuration}): the SageMaker console and every team's domain.`,
    ...(eligible ? ["", `Activation: ${justInTimeText(admins.justInTime)}.`] : []),
  ];
}

function profileSection(config: FederationConfig, profile: ProfileConfig): string[] {
  const team = config.teams[profile.team]!;
  const role = config.roles[profile.roleKey]!;
  const persona = config.personas[role.persona]!;
  const portal = studioPortal(persona);
  const [workspace] = team.s3Buckets as [string, ...string[]];
  const runsStudio = persona.activities.includes("run-studio-applications");
  return [
    `## Team ${code(team.key)}`,
    "",
    `- Domain: ${code(team.domainName)} in account ${code(config.accounts[team.account]!.accountId)}, region ${code(config.accounts[team.account]!.region)}`,
    `- Profile: ${code(profile.profileName)}`,
    `- Persona: ${code(persona.key)}, ${persona.description}`,
    `- May: ${persona.activities.map((activity) => ACTIVITY_TEXT[activity]).join("; ")}`,
    `- Instance types: ${codeList(persona.instanceTypes)}${runsStudio && portal.defaultInstanceType !== undefined ? `; spaces start on ${code(portal.defaultInstanceType)}, and Studio hides the types it may not start` : ""}`,
    `- Buckets: ${codeList(bucketsAllowedBy(rolePolicy(config, role)))}; in ${code(workspace)}, ${code("shared/")} is the team's, ${code(`users/${profile.profileName}/`)} private to them, and jobs write under ${code("jobs/")}`,
    ...(runsStudio
      ? [
          `- Idle shutdown and storage: ${limitsText(profile.limits)}; only an admin changes them`,
          `- Remote access from a local IDE: ${persona.remoteAccess ? "may turn it on for their own spaces" : "off (turning it on is denied)"}`,
          `- Shared spaces: ${team.sharedSpaces ? "may create them and work in the team's; they run as the team's shared-space role, never with more than their own persona" : "off for this team"}`,
        ]
      : []),
  ];
}

function rulesSection(profiles: readonly ProfileConfig[]): string[] {
  const teams = [...new Set(profiles.map((profile) => profile.team))].sort();
  if (teams.length === 0) return [];
  const example = teams[0]!;
  return [
    "## Naming rules",
    "",
    `Everything they create from a team's domain must carry the tag ${code("sagemaker-team=<team>")} (${teams.map((team) => code(`sagemaker-team=${team}`)).join(" or ")}), and jobs, endpoints, endpoint configs, monitoring schedules, pipelines, models and model package groups must be named ${code("<team>-...")} (such as ${code(`${example}-churn-training`)}). A create without the tag or the name is denied. In the SageMaker Python SDK: ${code(`tags=[{"Key": "sagemaker-team", "Value": "${example}"}]`)} and ${code(`base_job_name="${example}-..."`)}.`,
  ];
}

function askSection(config: FederationConfig, source: string): string[] {
  const idp = config.identityProvider;
  const owners = idp.type === "entra" ? idp.owners : [];
  return [
    "## Whom to ask for more",
    "",
    `Another persona, instance type, bucket, team or limit is a change to ${code(source)}, reviewed in a pull request. Ask the admins: ${config.admins.members.length === 0 ? "none listed" : config.admins.members.join(", ")} (group ${code(config.admins.group)}).`,
    ...(owners.length > 0 ? ["", `Owners of the Entra app and groups (object ids): ${codeList(owners)}.`] : []),
  ];
}
