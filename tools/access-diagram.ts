import { ADMIN_GROUP_KEY, type FederationConfig } from "../config/types";
import { plural } from "./markdown";
import { sorted } from "./sets";

/** Keys allow hyphens, which Mermaid could read as an arrow: ids use underscores (keys never contain them). */
function nodeId(kind: string, key: string): string {
  return `${kind}_${key.replace(/-/g, "_")}`;
}

/** Quoted Mermaid label; `#` starts an entity and `"` ends the label, so both become entities. */
function label(text: string): string {
  return `"${text.replace(/#/g, "#35;").replace(/"/g, "#quot;")}"`;
}

/** Mermaid flowchart GitHub renders: IdP groups -> Studio domains -> personas, and admins -> console. */
export function accessDiagram(config: FederationConfig): string[] {
  const teams = Object.values(config.teams);
  const groupsTitle = config.identityProvider.type === "entra" ? "Entra ID groups" : "IdP groups (managed elsewhere)";
  const domainsTitle = config.phase === "full" ? "SageMaker Studio domains" : "SageMaker Studio domains (phase 2)";
  const personas = sorted(new Set(teams.flatMap((team) => Object.values(team.members).map((m) => m.persona))));

  const lines = ["```mermaid", "flowchart LR", `  subgraph idp[${label(groupsTitle)}]`];
  for (const team of teams)
    lines.push(
      `    ${nodeId("group", team.key)}[${label(`${team.group}<br/>${plural(memberCount(team), "member")}`)}]`,
    );
  lines.push(
    `    ${nodeId("group", ADMIN_GROUP_KEY)}[${label(`${config.admins.group}<br/>${plural(config.admins.members.length, "admin")}`)}]`,
    "  end",
    `  subgraph studio[${label(domainsTitle)}]`,
  );
  for (const team of teams) lines.push(`    ${nodeId("domain", team.key)}[${label(team.domainName)}]`);
  lines.push("  end", `  subgraph personas[${label("Personas (execution roles)")}]`);
  for (const persona of personas) lines.push(`    ${nodeId("persona", persona)}[${label(persona)}]`);
  lines.push("  end", `  console[${label(`SageMaker console<br/>permission set ${config.admins.permissionSetName}`)}]`);

  for (const team of teams) {
    lines.push(`  ${nodeId("group", team.key)} --> ${nodeId("domain", team.key)}`);
    const counts = new Map<string, number>();
    for (const member of Object.values(team.members)) counts.set(member.persona, (counts.get(member.persona) ?? 0) + 1);
    for (const persona of sorted(counts.keys()))
      lines.push(
        `  ${nodeId("domain", team.key)} -->|${plural(counts.get(persona)!, "member")}| ${nodeId("persona", persona)}`,
      );
  }
  lines.push(`  ${nodeId("group", ADMIN_GROUP_KEY)} --> console`, "```");
  return lines;
}

function memberCount(team: FederationConfig["teams"][string]): number {
  return Object.keys(team.members).length;
}
