/** Waiting and retrying for the AWS tools; every delay goes through an injectable `sleep` so tests never wait. */

export type Sleep = (milliseconds: number) => Promise<void>;

export const realSleep: Sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

export interface RetryOptions {
  readonly sleep: Sleep;
  /** @default 6 */
  readonly attempts?: number;
  /** @default 500 */
  readonly baseDelayMs?: number;
  /** @default 20000 */
  readonly maxDelayMs?: number;
  /** Between 0 and 1; spreads retries of parallel callers apart. @default Math.random */
  readonly random?: () => number;
}

/** Error names AWS services use for rate limiting (SageMaker answers ThrottlingException). */
const THROTTLING = new Set([
  "ThrottlingException",
  "Throttling",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "SlowDown",
  "ProvisionedThroughputExceededException",
]);

export function isThrottling(error: unknown): boolean {
  const e = error as { name?: unknown; $retryable?: { throttling?: boolean } } | null;
  return THROTTLING.has(String(e?.name)) || e?.$retryable?.throttling === true;
}

/** Raised when the service still throttles after every attempt: the caller reports it with the fix. */
export class StillThrottledError extends Error {
  constructor(
    readonly attempts: number,
    readonly lastError: unknown,
  ) {
    super(`still throttled after ${attempts} attempts`);
    this.name = "StillThrottledError";
  }
}

/**
 * Runs `call`, retrying only throttling with exponential backoff and jitter. The SDK retries too, but a whole
 * team's offboarding sends bursts of List/Describe calls that outlast its three attempts.
 */
export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  const attempts = options.attempts ?? 6;
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 20_000;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isThrottling(error)) throw error;
      if (attempt >= attempts) throw new StillThrottledError(attempts, error);
      const ceiling = Math.min(max, base * 2 ** (attempt - 1));
      await options.sleep(Math.round(ceiling / 2 + (ceiling / 2) * random()));
    }
  }
}

export interface PollOptions {
  readonly sleep: Sleep;
  /** @default 10000 */
  readonly intervalMs?: number;
  /** @default 1800000 (30 minutes: a large app can take minutes to stop) */
  readonly timeoutMs?: number;
}

/**
 * Calls `check` until it returns a value, sleeping between calls; throws `onTimeout()` when the time is up.
 * Time is counted in slept milliseconds, so a test's fake sleep drives the clock too.
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
