import { GraphRefusedError, GraphThrottledError } from "../../../tools/health/checks/cannot-check";
import { GraphClient, odataString, type FetchLike } from "../../../tools/health/clients/graph-client";

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** A fetch that gives the answers in order and records each URL and Authorization header. */
function scripted(answers: Answer[]) {
  const seen: { url: string; authorization: string }[] = [];
  const fetch: FetchLike = async (url, init) => {
    seen.push({ url, authorization: init.headers.Authorization! });
    const answer = answers.shift() ?? { status: 500, body: {} };
    return {
      status: answer.status,
      headers: { get: (name: string) => answer.headers?.[name] ?? null },
      json: async () => answer.body,
      text: async () => JSON.stringify(answer.body ?? {}),
    };
  };
  const waits: number[] = [];
  const client = (attempts?: number) =>
    new GraphClient({
      token: async () => "t0ken",
      fetch,
      attempts,
      sleep: async (milliseconds) => {
        waits.push(milliseconds);
      },
    });
  return { seen, waits, client };
}

describe("the Microsoft Graph client", () => {
  test("GIVEN a 429 with Retry-After: 3, then success WHEN read THEN it waits 3 s once and returns the answer", async () => {
    const { client, waits, seen } = scripted([
      { status: 429, headers: { "Retry-After": "3" } },
      { status: 200, body: { id: "x" } },
    ]);
    await expect(client().get("/servicePrincipals/x", "Application.Read.All")).resolves.toEqual({ id: "x" });
    expect(waits).toEqual([3000]);
    expect(seen.map((call) => call.url)).toEqual([
      "https://graph.microsoft.com/v1.0/servicePrincipals/x",
      "https://graph.microsoft.com/v1.0/servicePrincipals/x",
    ]);
    expect(seen[0]!.authorization).toBe("Bearer t0ken");
  });

  test("fails with GraphThrottledError GIVEN 429 on every attempt: bounded attempts, capped waits", async () => {
    const { client, waits } = scripted(
      Array.from({ length: 10 }, () => ({ status: 429, headers: { "Retry-After": "600" } })),
    );
    await expect(client(3).get("/auditLogs/provisioning", "AuditLog.Read.All")).rejects.toBeInstanceOf(
      GraphThrottledError,
    );
    // two waits between three attempts, each capped at a minute
    expect(waits).toEqual([60_000, 60_000]);
  });

  test("GIVEN a 429 without Retry-After WHEN read THEN it backs off 1 s, then 2 s", async () => {
    const { client, waits } = scripted([{ status: 429 }, { status: 429 }, { status: 200, body: {} }]);
    await client().get("/x", "P");
    expect(waits).toEqual([1000, 2000]);
  });

  test("fails with GraphRefusedError naming the permission GIVEN a 403", async () => {
    const { client } = scripted([
      { status: 403, body: { error: { code: "Authorization_RequestDenied", message: "Insufficient privileges" } } },
    ]);
    const refusal = await client()
      .get("/servicePrincipals/x/synchronization/jobs", "Synchronization.Read.All")
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(GraphRefusedError);
    expect(refusal).toMatchObject({ permission: "Synchronization.Read.All", httpStatus: 403 });
    expect((refusal as Error).message).toContain("Authorization_RequestDenied: Insufficient privileges");
  });

  test("GIVEN a collection of two pages WHEN listed THEN it follows @odata.nextLink and stops at the limit", async () => {
    const next = "https://graph.microsoft.com/v1.0/groups?$skiptoken=abc";
    const { client, seen } = scripted([
      { status: 200, body: { value: [1, 2], "@odata.nextLink": next } },
      { status: 200, body: { value: [3, 4], "@odata.nextLink": `${next}2` } },
    ]);
    await expect(client().list("/groups", "GroupMember.Read.All", 3)).resolves.toEqual([1, 2, 3]);
    expect(seen.map((call) => call.url)).toEqual(["https://graph.microsoft.com/v1.0/groups", next]);
  });

  test("GIVEN a name with a quote WHEN made an OData string THEN the quote is doubled", () => {
    expect(odataString("O'Brien's team")).toBe("'O''Brien''s team'");
  });
});
