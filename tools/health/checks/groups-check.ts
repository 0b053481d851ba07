import type { FederationConfig, GroupConfig } from "../../../config/types";
import { settleValue } from "./settle-value";
import type { Finding } from "./finding";
import { odataString, type GraphClient } from "../clients/graph-client";
import type { IdentityStoreGroup } from "../clients/identity-center";

export const GROUP_READ = "GroupMember.Read.All";
const CHECK = "Groups";
const RUNBOOK = "docs/runbook.md, section 14";

/** An Entra group as the checks see it; undefined when Entra has no such group. */
export interface EntraGroup {
  readonly id: string;
  readonly displayName: string;
}

/** Each config group in Entra: by object id when the config names an existing group, by display name otherwise. */
export async function entraGroups(
  graph: GraphClient,
  config: FederationConfig,
): Promise<Map<string, EntraGroup | undefined>> {
  const found = new Map<string, EntraGroup | undefined>();
  for (const [key, group] of Object.entries(config.groups)) found.set(key, await entraGroup(graph, group));
  return found;
}

async function entraGroup(graph: GraphClient, group: GroupConfig): Promise<EntraGroup | undefined> {
  if (group.existingObjectId !== undefined) {
    const [one] = await graph.list<EntraGroup>(
      `/groups?$filter=${encodeURIComponent(`id eq ${odataString(group.existingObjectId)}`)}&$select=id,displayName`,
      GROUP_READ,
    );
    return one;
  }
  const filter = encodeURIComponent(`displayName eq ${odataString(group.displayName)}`);
  const [one] = await graph.list<EntraGroup>(`/groups?$filter=${filter}&$select=id,displayName`, GROUP_READ);
  return one;
}

/**
 * Whether each config group reached IAM Identity Center under Entra's name. IAM Identity Center keeps the Entra
 * object id where the attribute mapping sends it as externalId: a group found by that id under another name was
 * renamed; without it the group is found by name only. Without Entra (an external identity provider, or Graph
 * refused) the config's names are compared.
 */
export async function groupsFindings(
  config: FederationConfig,
  storeGroups: readonly IdentityStoreGroup[],
  entra: (() => Promise<Map<string, EntraGroup | undefined>>) | undefined,
): Promise<Finding[]> {
  const fromEntra = entra === undefined ? undefined : await settleValue("Groups in Entra", entra);
  const byName = new Map(storeGroups.map((group) => [group.displayName, group]));
  const problems: string[] = [];
  const fixes = new Set<string>();
  for (const [key, group] of Object.entries(config.groups).sort(([a], [b]) => a.localeCompare(b))) {
    const live = fromEntra?.value?.get(key);
    if (fromEntra?.value !== undefined && live === undefined) {
      problems.push(`Entra has no group ${group.existingObjectId ?? `named "${group.displayName}"`}`);
      fixes.add("npm run plan shows what Terraform would restore in Entra");
      continue;
    }
    if (live !== undefined && live.displayName !== group.displayName) {
      problems.push(`Entra calls group ${live.id} "${live.displayName}", the config "${group.displayName}"`);
      fixes.add("write the Entra name in the config");
    }
    const name = live?.displayName ?? group.displayName;
    const byId = live === undefined ? undefined : storeGroups.find((g) => g.externalIds.includes(live.id));
    const stored = byId ?? byName.get(name);
    if (stored === undefined) {
      problems.push(`"${name}" is not in IAM Identity Center`);
      fixes.add(provisionFix(config));
    } else if (stored.displayName !== name) {
      problems.push(`IAM Identity Center calls "${name}" "${stored.displayName}"`);
      fixes.add(provisionFix(config));
    }
  }
  const findings: Finding[] = fromEntra?.finding === undefined ? [] : [fromEntra.finding];
  const count = Object.keys(config.groups).length;
  if (problems.length === 0) {
    const how = fromEntra?.value !== undefined ? "under their Entra names" : "under the config's names";
    return [
      ...findings,
      { check: CHECK, status: "ok", summary: `all ${count} groups are in IAM Identity Center ${how}` },
    ];
  }
  return [
    ...findings,
    {
      check: CHECK,
      status: "action",
      summary: `${problems.join("; ")}: Terraform finds IAM Identity Center groups by name, so plans fail and the group's access stops`,
      next: `${[...fixes].join("; ")} (${RUNBOOK})`,
    },
  ];
}

function provisionFix(config: FederationConfig): string {
  return config.identityProvider.type === "entra"
    ? "provision the group on demand in Entra > the app > Provisioning > Provision on demand, or wait for the next cycle"
    : "provision the group from your identity provider under the config's name";
}
