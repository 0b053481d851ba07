import { ADMIN_GROUP_KEY, type FederationConfig } from "../../../config/types";
import { plural } from "../../shared/markdown";
import { sorted } from "../../shared/sets";

/** Keys allow hyphens, which Mermaid could read as an arrow: ids use underscores (keys never contain them). */
function nodeId(kind: string, key: string): string {
  return `${kind}_${key.replace(/-/g, "_")}`;
}

/** Quoted Mermaid label; `#` starts an entity and `"` ends the label, so both become entities. */
function label(text: string): string {
  return `"${text.replace(/#/g, "#35;").replace(/"/g, "#quot;")}"`;
}

/**
 * Mermaid flowchart GitHub renders, readable at any number of teams: one edge from the identity provider to each
 * team, one node per team (its group, its domain, and how many members have each persona), and the admins.
 */
export function accessDiagram(config: FederationConfig): string[] {
  const teams = Object.values(config.teams);
  const idp = config.identityProvider.type === "entra" ? "Entra ID" : "IdP (managed elsewhere)";
  const domain = config.phase === "full" ? "domain" : "domain (phase 2)";
  const lines = ["```mermaid", "flowchart LR", `  idp([${label(idp)}])`];
  for (const team of teams) {
    const counts = new Map<string, number>();
    for (const member of Object.values(team.members)) counts.set(member.persona, (counts.get(member.persona) ?? 0) + 1);
    const personas = sorted(counts.keys()).map((persona) => `${counts.get(persona)} ${persona}`);
    const text = [
      `team ${team.key}`,
      `group ${team.group}`,
      `${domain} ${team.domainName}`,
      personas.length === 0 ? "no members" : personas.join(", "),
    ];
    lines.push(`  idp --> ${nodeId("team", team.key)}[${label(text.join("<br/>"))}]`);
  }
  const admins = `${config.admins.group}<br/>${plural(config.admins.members.length, "admin")}`;
  lines.push(
    `  idp --> ${nodeId("group", ADMIN_GROUP_KEY)}[${label(admins)}]`,
    `  ${nodeId("group", ADMIN_GROUP_KEY)} --> console[${label(`SageMaker console<br/>permission set ${config.admins.permissionSetName}`)}]`,
    "```",
  );
  return lines;
}
