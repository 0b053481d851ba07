import { pollUntil, StillThrottledError, withRetry } from "../../../../tools/membership/aws/retry";
import { oneLine, UserError } from "../../../../tools/shared/user-error";

const throttled = () => Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" });

describe("withRetry", () => {
  test("retries throttling with doubling waits, then returns the answer", async () => {
    // GIVEN a call throttled three times, and jitter pinned to its top
    let calls = 0;
    const sleeps: number[] = [];
    // WHEN
    const answer = await withRetry(
      async () => {
        if (++calls <= 3) throw throttled();
        return "ok";
      },
      { sleep: async (ms) => void sleeps.push(ms), baseDelayMs: 100, random: () => 1 },
    );
    // THEN
    expect(answer).toBe("ok");
    expect(sleeps).toEqual([100, 200, 400]);
  });

  test("fails with StillThrottledError after the last attempt", async () => {
    // GIVEN a service that always throttles
    let calls = 0;
    // WHEN
    const outcome = withRetry(
      async () => {
        calls++;
        throw throttled();
      },
      { sleep: async () => {}, attempts: 3 },
    );
    // THEN
    await expect(outcome).rejects.toBeInstanceOf(StillThrottledError);
    expect(calls).toBe(3);
  });

  test("fails at once on an error that is not throttling", async () => {
    // GIVEN
    let calls = 0;
    // WHEN
    const outcome = withRetry(
      async () => {
        calls++;
        throw Object.assign(new Error("no"), { name: "ValidationException" });
      },
      { sleep: async () => {} },
    );
    // THEN
    await expect(outcome).rejects.toThrow("no");
    expect(calls).toBe(1);
  });
});

describe("pollUntil", () => {
  test("fails with the timeout error once the slept time reaches the timeout", async () => {
    // GIVEN a check that never completes
    const sleeps: number[] = [];
    // WHEN
    const outcome = pollUntil(
      async () => undefined,
      { sleep: async (ms) => void sleeps.push(ms), intervalMs: 1000, timeoutMs: 3000 },
      () => new UserError("still not deleted: run again"),
    );
    // THEN
    await expect(outcome).rejects.toThrow("still not deleted: run again");
    expect(sleeps).toEqual([1000, 1000, 1000]);
  });
});

describe("oneLine", () => {
  test("gives a bug one line, and its stack trace only with DEBUG", () => {
    // GIVEN an error no command expects
    const bug = new TypeError("x is undefined");
    // WHEN
    const plain = oneLine(bug, "usage", {});
    const debug = oneLine(bug, "usage", { DEBUG: "1" });
    // THEN
    expect(plain).toBe(
      "unexpected error (TypeError): x is undefined; run again with DEBUG=1 for details and report it",
    );
    expect(plain).not.toContain("\n");
    expect(debug).toContain("    at ");
  });
});
