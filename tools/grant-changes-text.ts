import type { GrantChange } from "./grant-changes";
import { code, codeList } from "./markdown";
import type { Grant } from "./principal-grants";
import { sorted } from "./sets";

/**
 * The effective permissions section: one line per principal whose grants change, in plain words ("gains `s3:*`
 * on `arn:aws:s3:::*`"), then the raw statements that differ, folded.
 */
export function grantChangeLines(changes: readonly GrantChange[]): string[] {
  return changes.flatMap((change) => {
    const lines = describe(change);
    const label = change.principal.label;
    return lines.length === 1 ? [`- ${label}: ${lines[0]}`] : [`- ${label}:`, ...lines.map((line) => `  - ${line}`)];
  });
}

/** Raw statements that differ, per principal, in a `<details>` block a reviewer opens when the words are not enough. */
export function rawStatementDetails(changes: readonly GrantChange[]): string[] {
  const blocks = changes.filter((change) => change.statements.added.length + change.statements.removed.length > 0);
  if (blocks.length === 0) return [];
  return [
    "",
    "<details><summary>Raw statements that differ</summary>",
    ...blocks.flatMap((change) => [
      "",
      `${change.principal.label}:`,
      "",
      "```diff",
      ...change.statements.removed.map((statement) => `- ${statement}`),
      ...change.statements.added.map((statement) => `+ ${statement}`),
      "```",
    ]),
    "",
    "</details>",
  ];
}

/** A wildcard action granted by the change: the first thing a reviewer of a policy change must see. */
export function wildcardGrants(changes: readonly GrantChange[]): string[] {
  return changes.flatMap((change) => {
    const wild = sorted(
      new Set(
        change.gained.filter((grant) => grant.effect === "Allow" && grant.action.includes("*")).map((g) => g.action),
      ),
    );
    return wild.length === 0 ? [] : [`${change.principal.label}: ${codeList(wild)}`];
  });
}

function describe(change: GrantChange): string[] {
  const actions = (grants: readonly Grant[]) =>
    new Set(grants.filter((g) => g.effect !== "Trust").map((g) => g.action)).size;
  if (change.status === "new")
    return [`new: ${count(actions(change.gained), "action")} (see the raw statements)`, ...change.settings];
  if (change.status === "deleted")
    return [`deleted, with every grant it had (${count(actions(change.lost), "action")})`];
  const isGuard = change.principal.kind === "service control policy";
  return [...phrases(change.gained, "gained", isGuard), ...phrases(change.lost, "lost", isGuard), ...change.settings];
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

const VERBS: Readonly<Record<Grant["effect"], { gained: string; lost: string }>> = {
  Allow: { gained: "gains", lost: "loses" },
  Deny: { gained: "is now denied", lost: "is no longer denied" },
  Trust: { gained: "may now be assumed by", lost: "may no longer be assumed by" },
  Managed: { gained: "gains managed policy", lost: "loses managed policy" },
};

const GUARD_VERBS = { gained: "now denies", lost: "no longer denies" };

/**
 * Grants folded into few lines: those with the same effect and condition together, and the actions that apply to
 * the same resources in one line.
 */
function phrases(grants: readonly Grant[], way: "gained" | "lost", isGuard: boolean): string[] {
  const groups = new Map<string, Grant[]>();
  for (const grant of grants) {
    const key = `${grant.effect}|${grant.condition}`;
    groups.set(key, [...(groups.get(key) ?? []), grant]);
  }
  return sorted(groups.keys()).flatMap((key) => {
    const group = groups.get(key)!;
    const { effect, condition } = group[0]!;
    const when = condition === "" ? "" : ` when ${code(condition)}`;
    if (effect === "Managed") return group.map((grant) => `${VERBS.Managed[way]} ${code(grant.action)}`);
    const byResource = new Map<string, string[]>();
    for (const grant of group) byResource.set(grant.action, [...(byResource.get(grant.action) ?? []), grant.resource]);
    const byResources = new Map<string, string[]>();
    for (const [action, resources] of byResource) {
      const resourceKey = JSON.stringify(sorted(resources));
      byResources.set(resourceKey, [...(byResources.get(resourceKey) ?? []), action]);
    }
    return sorted(byResources.keys()).map((resourceKey) => {
      const resources = JSON.parse(resourceKey) as string[];
      const actions = codeList(sorted(byResources.get(resourceKey)!));
      if (effect === "Trust") return `${VERBS.Trust[way]} ${codeList(resources)} (${actions})${when}`;
      const verb = effect === "Deny" && isGuard ? GUARD_VERBS[way] : VERBS[effect][way];
      return `${verb} ${actions} on ${codeList(resources)}${when}`;
    });
  });
}
