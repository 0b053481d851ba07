import type { Grant, Principal } from "./principal-grants";
import { setChange, sorted, type SetChange } from "../../shared/sets";

/** What one principal can do after the change that it could not before, and the reverse. */
export interface GrantChange {
  /** The head's principal, or the base's when it is deleted. */
  readonly principal: Principal;
  readonly status: "new" | "deleted" | "changed";
  readonly gained: readonly Grant[];
  readonly lost: readonly Grant[];
  /** `session duration: PT4H → PT8H`. */
  readonly settings: readonly string[];
  /** Raw statements, in canonical JSON. */
  readonly statements: SetChange;
}

export function grantChanges(
  base: ReadonlyMap<string, Principal>,
  head: ReadonlyMap<string, Principal>,
): GrantChange[] {
  const ids = sorted(new Set([...base.keys(), ...head.keys()]));
  return ids
    .flatMap((id): GrantChange[] => {
      const was = base.get(id);
      const is = head.get(id);
      const before = new Map((was?.grants ?? []).map((grant) => [grant.key, grant]));
      const after = new Map((is?.grants ?? []).map((grant) => [grant.key, grant]));
      const gained = [...after.values()].filter((grant) => !before.has(grant.key));
      const lost = [...before.values()].filter((grant) => !after.has(grant.key));
      const settings = settingChanges(was?.settings ?? {}, is?.settings ?? {});
      const statements = setChange(was?.statements ?? [], is?.statements ?? []);
      const status = was === undefined ? "new" : is === undefined ? "deleted" : "changed";
      if (status === "changed" && gained.length + lost.length + settings.length === 0) return [];
      return [{ principal: (is ?? was)!, status, gained, lost, settings, statements }];
    })
    .sort((a, b) => order(a) - order(b));
}

const KINDS: readonly Principal["kind"][] = ["execution role", "permission set", "service control policy"];

/** Execution roles first (what people do), then admins, then the guards; otherwise in id order. */
function order(change: GrantChange): number {
  return KINDS.indexOf(change.principal.kind);
}

function settingChanges(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): string[] {
  return sorted(new Set([...Object.keys(before), ...Object.keys(after)])).flatMap((name) =>
    before[name] === after[name] ? [] : [`${name}: ${before[name] ?? "(none)"} → ${after[name] ?? "(none)"}`],
  );
}

/** The actions a principal is allowed, without resources: what a person gains or loses by changing roles. */
export function allowedActions(principal: Principal | undefined): string[] {
  return sorted(
    new Set((principal?.grants ?? []).filter((grant) => grant.effect === "Allow").map((grant) => grant.action)),
  );
}
