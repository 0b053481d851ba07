/** Waiting for SageMaker to finish a deletion; every wait goes through an injectable `sleep` so tests never wait. */

export type Sleep = (milliseconds: number) => Promise<void>;

export const realSleep: Sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

export interface PollOptions {
  readonly sleep: Sleep;
  /** @default 10000 */
  readonly intervalMs?: number;
  /** @default 1800000 (30 minutes: a large app can take minutes to stop) */
  readonly timeoutMs?: number;
}

/**
 * Calls `check` until it returns a value, sleeping between calls; throws `onTimeout()` when the time is up.
 * Time is counted in slept milliseconds, so a test's fake sleep drives the clock too. SageMaker has no waiter for
 * apps and spaces, hence this loop.
 */
export async function pollUntil<T>(
  check: () => Promise<T | undefined>,
  options: PollOptions,
  onTimeout: () => Error,
): Promise<T> {
  const interval = options.intervalMs ?? 10_000;
  const timeout = options.timeoutMs ?? 1_800_000;
  for (let waited = 0; ; waited += interval) {
    const result = await check();
    if (result !== undefined) return result;
    if (waited + interval > timeout) throw onTimeout();
    await options.sleep(interval);
  }
}
