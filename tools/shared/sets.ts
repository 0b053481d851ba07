/** Set arithmetic for comparing two configs. */

/** Sorted without locale rules, so output does not depend on the machine. */
export function sorted(values: Iterable<string>): string[] {
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export interface SetChange {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

export function setChange(before: Iterable<string>, after: Iterable<string>): SetChange {
  const was = new Set(before);
  const is = new Set(after);
  return { added: sorted([...is].filter((x) => !was.has(x))), removed: sorted([...was].filter((x) => !is.has(x))) };
}

export function isEmptyChange(change: SetChange): boolean {
  return change.added.length === 0 && change.removed.length === 0;
}
