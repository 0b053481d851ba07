/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same configs on every machine, so
 * benchmark runs can be compared. Not for anything security-related.
 */
export type Random = () => number;

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, size). */
export function pickIndex(random: Random, size: number): number {
  return Math.floor(random() * size);
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[pickIndex(random, items.length)];
  if (item === undefined) throw new Error("pick needs a non-empty list");
  return item;
}
