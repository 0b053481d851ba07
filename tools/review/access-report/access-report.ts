import { profileKey } from "../../../config/names";
import { rolePolicy } from "../../../config/role-policy";
import type { FederationConfig, TeamConfig } from "../../../config/types";
import { accessDiagram } from "./access-diagram";
import { code, codeList, plural, table } from "../../shared/markdown";
import { sorted } from "../../shared/sets";
import { guardText, justInTimeText, limitsText, mfaText } from "./settings-text";
import { bucketsAllowedBy } from "./role-buckets";

export interface AccessReportOptions {
  /** Where the config came from, as the reader should see it. */
  readonly source: string;
}

/** Who can reach which Studio domain, as whom, with what: the validated config as a reviewer reads it. */
export function accessReport(config: FederationConfig, options: AccessReportOptions): string {
  return (
    [
      ...overview(config, options.source),
      "",
      ...accessDiagram(config),
      "",
      ...admins(config),
      "",
      ...outsiders(config),
      ...Object.values(config.teams).flatMap((team) => ["", ...teamSection(config, team)]),
      "",
      ...personas(config),
    ].join("\n") + "\n"
  );
}

function overview(config: FederationConfig, source: string): string[] {
  const idp = config.identityProvider;
  const people = new Set(Object.values(config.profiles).map((profile) => profile.userName));
  return [
    `# Access report: ${config.name}`,
    "",
    `- Config: ${code(source)}`,
    idp.type === "entra"
      ? `- Identity provider: Entra ID tenant ${code(idp.tenantId)}; this config manages the groups, their members and SCIM provisioning`
      : "- Identity provider: external; group membership is managed there, this config decides which groups get a domain and which users get a profile",
    config.phase === "full"
      ? "- Phase: full"
      : "- Phase: bootstrap; only the Entra side exists, the domains, profiles and roles below are created by the phase 2 apply",
    `- IAM Identity Center account ${code(config.aws.accountId)}, region ${code(config.aws.region)}`,
    ...(idp.type === "entra" ? [`- MFA to sign in to AWS (Conditional Access): ${mfaText(config)}`] : []),
    `- ${plural(Object.keys(config.teams).length, "team")}, ${plural(Object.keys(config.profiles).length, "user profile")} for ${people.size === 1 ? "1 person" : `${people.size} people`}, ${plural(config.admins.members.length, "admin")}`,
  ];
}

function admins(config: FederationConfig): string[] {
  const { admins } = config;
  const accounts = Object.values(config.accounts)
    .filter((account) => account.teams.length > 0)
    .map((account) => code(account.accountId));
  return [
    "## Admins",
    "",
    `Group ${code(admins.group)} gets permission set ${code(admins.permissionSetName)} (AmazonSageMakerFullAccess, sessions up to ${admins.sessionDuration}) on ${accounts.length === 1 ? "account" : "accounts"} ${accounts.join(", ")}: the SageMaker console and every domain. No other group of this config gets a permission set: members reach SageMaker only through their domain's tile in the access portal.`,
    "",
    ...(admins.justInTime === undefined
      ? []
      : [`Just in time (Privileged Identity Management): ${justInTimeText(admins.justInTime)}.`, ""]),
    ...(admins.members.length === 0
      ? ["No members."]
      : admins.members.map(
          (member) =>
            `- ${member}${admins.justInTime?.eligible.includes(member) ? " (eligible: activates when needed)" : ""}`,
        )),
  ];
}

/** Who else could reach Studio, the execution roles or IAM Identity Center, and what keeps them out. */
function outsiders(config: FederationConfig): string[] {
  return ["## Outside the federation", "", ...guardText(config)];
}

function teamSection(config: FederationConfig, team: TeamConfig): string[] {
  const [workspace, ...data] = team.s3Buckets as [string, ...string[]];
  const roleOf = (persona: string) => config.roles[`${team.key}/${persona}`]!;
  const members = Object.values(team.members);
  return [
    `## Team ${code(team.key)}`,
    "",
    `- IdP group: ${code(team.group)}`,
    `- Studio domain: ${code(team.domainName)} in account ${code(config.accounts[team.account]!.accountId)}`,
    `- Default persona: ${code(team.defaultPersona)}`,
    `- Workspace bucket: ${code(workspace)} (${code("shared/")} for the team, ${code("users/<profile>/")} private to each member)`,
    `- Data buckets: ${codeList(data)}`,
    `- Compute role: ${code(config.roles[team.computeRoleKey]!.roleName)} (jobs, pipelines and endpoints run as it)`,
    `- Domain defaults and shared spaces: ${limitsText(team.limits)}`,
    "",
    ...(members.length === 0
      ? ["No members: the group gets the domain, nobody has a profile yet."]
      : table(
          ["Member", "Persona", "Profile", "Execution role", "Buckets", "Idle shutdown and storage"],
          members.map((member) => {
            const role = roleOf(member.persona);
            return [
              member.userName,
              code(member.persona),
              code(member.profileName),
              code(role.roleName),
              codeList(bucketsAllowedBy(rolePolicy(config, role))),
              limitsText(config.profiles[profileKey(team.key, member.userName)]!.limits),
            ];
          }),
        )),
  ];
}

function personas(config: FederationConfig): string[] {
  const used = new Map<string, Map<string, number>>();
  for (const team of Object.values(config.teams))
    for (const member of Object.values(team.members)) {
      const teams = used.get(member.persona) ?? new Map<string, number>();
      teams.set(team.key, (teams.get(team.key) ?? 0) + 1);
      used.set(member.persona, teams);
    }
  const lines = ["## Personas"];
  for (const key of sorted(used.keys())) {
    const persona = config.personas[key]!;
    const teams = used.get(key)!;
    lines.push(
      "",
      `### ${code(key)}`,
      "",
      persona.description,
      "",
      `- ML activities: ${codeList(persona.activities)}`,
      `- Instance types: ${codeList(persona.instanceTypes)}`,
      `- Limits (before a team's override): ${limitsText(persona.limits)}; nobody can change their own`,
      ...(persona.activities.includes("run-studio-applications")
        ? [
            `- Remote IDE access: ${persona.remoteAccess ? "may turn it on for their own spaces and connect to them (sessions authenticate with IAM and outlive a sign-out; offboard and restart-apps end them)" : "off (turning it on is denied)"}`,
          ]
        : []),
      `- Members: ${sorted(teams.keys())
        .map((team) => `${team} (${teams.get(team)})`)
        .join(", ")}`,
    );
  }
  if (used.size === 0) lines.push("", "No member has a persona yet.");
  return lines;
}
