import type { GrantChange } from "./grant-changes";
import { code, codeList } from "../../shared/markdown";
import type { Grant } from "./principal-grants";
import { sorted } from "../../shared/sets";

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
  // A new or deleted principal's every statement would drown the ones that changed.
  const blocks = changes.filter(
    (change) => change.status === "changed" && change.statements.added.length + change.statements.removed.length > 0,
  );
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

/** A wildcard action granted by the change, to a new principal or an existing one: the first thing a reviewer must see. */
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
  if (change.status === "new") return [`new: ${count(actions(change.gained), "action")}`, ...change.settings];
  if (change.status === "deleted")
    return [`deleted, with every grant it had (${count(actions(change.lost), "action")})`];
  const isGuard = change.principal.kind === "service control policy";
  const gained = folded(change.gained);
  const lost = folded(change.lost);
  const lostByWhat = new Map(lost.map((line) => [line.what, line]));
  const gainedByWhat = new Map(gained.map((line) => [line.what, line]));
  const reworded = gained.filter((line) => lostByWhat.has(line.what));
  return [
    ...gained.filter((line) => !lostByWhat.has(line.what)).map((line) => sentence(line, "gained", isGuard)),
    ...lost.filter((line) => !gainedByWhat.has(line.what)).map((line) => sentence(line, "lost", isGuard)),
    ...reworded.map((line) => conditionChange(lostByWhat.get(line.what)!, line, isGuard)),
    ...change.settings,
  ];
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

const VERBS: Readonly<Record<Grant["effect"], { gained: string; lost: string; both: string }>> = {
  Allow: { gained: "gains", lost: "loses", both: "is allowed" },
  Deny: { gained: "is now denied", lost: "is no longer denied", both: "is denied" },
  Trust: { gained: "may now be assumed by", lost: "may no longer be assumed by", both: "may be assumed by" },
  Managed: { gained: "gains managed policy", lost: "loses managed policy", both: "has managed policy" },
};

const GUARD_VERBS = { gained: "now denies", lost: "no longer denies", both: "denies" };

/** Grants with the same effect and condition whose actions apply to the same resources: one line. */
interface Line {
  readonly effect: Grant["effect"];
  readonly condition: string;
  /** The effect, actions and resources in words, without the condition. */
  readonly what: string;
}

function folded(grants: readonly Grant[]): Line[] {
  const groups = new Map<string, Grant[]>();
  for (const grant of grants) {
    const key = `${grant.effect}|${grant.condition}`;
    groups.set(key, [...(groups.get(key) ?? []), grant]);
  }
  return sorted(groups.keys()).flatMap((key): Line[] => {
    const group = groups.get(key)!;
    const { effect, condition } = group[0]!;
    if (effect === "Managed") return group.map((grant) => ({ effect, condition, what: code(grant.action) }));
    const resourcesOf = new Map<string, string[]>();
    for (const grant of group)
      resourcesOf.set(grant.action, [...(resourcesOf.get(grant.action) ?? []), grant.resource]);
    const actionsOn = new Map<string, string[]>();
    for (const [action, resources] of resourcesOf) {
      const resourceKey = JSON.stringify(sorted(resources));
      actionsOn.set(resourceKey, [...(actionsOn.get(resourceKey) ?? []), action]);
    }
    return sorted(actionsOn.keys()).map((resourceKey) => {
      const resources = codeList(JSON.parse(resourceKey) as string[]);
      const actions = codeList(sorted(actionsOn.get(resourceKey)!));
      return {
        effect,
        condition,
        what: effect === "Trust" ? `${resources} (${actions})` : `${actions} on ${resources}`,
      };
    });
  });
}

function verb(line: Line, way: "gained" | "lost" | "both", isGuard: boolean): string {
  return line.effect === "Deny" && isGuard ? GUARD_VERBS[way] : VERBS[line.effect][way];
}

function sentence(line: Line, way: "gained" | "lost", isGuard: boolean): string {
  return `${verb(line, way, isGuard)} ${line.what}${line.condition === "" ? "" : ` when ${code(line.condition)}`}`;
}

/** The same grant under another condition: one line that shows the condition before and after. */
function conditionChange(before: Line, after: Line, isGuard: boolean): string {
  const when = (condition: string) => (condition === "" ? "always" : code(condition));
  return `${verb(after, "both", isGuard)} ${after.what} under another condition: when ${when(before.condition)} → when ${when(after.condition)}`;
}
