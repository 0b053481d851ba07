/** Edits (insert, delete, replace one character) that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate a mistyped value most likely meant: the nearest one (ignoring case), when it is near enough to be a
 * typing slip rather than another word (at most a third of the value's characters differ).
 */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  // Long values (pasted text) are never a typing slip, and would cost a distance per candidate.
  if (value.length > 64) return undefined;
  const limit = Math.max(1, Math.floor(value.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}
