import { pollUntil } from "../../../../tools/membership/aws/poll";
import { UserError } from "../../../../tools/shared/user-error";

describe("pollUntil", () => {
  test("returns the first value the check gives, sleeping between checks", async () => {
    // GIVEN a check that completes on its third call
    let calls = 0;
    const sleeps: number[] = [];
    // WHEN
    const result = await pollUntil(
      async () => (++calls === 3 ? "gone" : undefined),
      { sleep: async (ms) => void sleeps.push(ms), intervalMs: 1000, timeoutMs: 10_000 },
      () => new UserError("timeout"),
    );
    // THEN
    expect(result).toBe("gone");
    expect(sleeps).toEqual([1000, 1000]);
  });

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
