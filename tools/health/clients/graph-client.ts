import { GraphFailedError, GraphRefusedError, GraphThrottledError } from "../checks/cannot-check";

/** The part of the WHATWG fetch the client uses, so tests can pass a fake. */
export type FetchLike = (
  url: string,
  init: { readonly method: "GET"; readonly headers: Record<string, string> },
) => Promise<{
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}>;

export interface GraphClientOptions {
  /** A bearer token for https://graph.microsoft.com (asked for on every call: the source caches and refreshes). */
  readonly token: () => Promise<string>;
  /** @default globalThis.fetch */
  readonly fetch?: FetchLike;
  /** @default a real timer */
  readonly sleep?: (milliseconds: number) => Promise<void>;
  /** Calls per request when Graph answers 429. @default 5 */
  readonly attempts?: number;
  /** The longest Retry-After honoured, in seconds; a longer one is waited for this long. @default 60 */
  readonly maxRetryAfterSeconds?: number;
  /** @default "https://graph.microsoft.com/v1.0" */
  readonly baseUrl?: string;
}

interface Page<T> {
  readonly value?: T[];
  readonly "@odata.nextLink"?: string;
}

/** Read-only Microsoft Graph calls with Graph's throttling contract: 429 and Retry-After, a bounded number of times. */
export class GraphClient {
  private readonly fetch: FetchLike;
  private readonly sleep: (milliseconds: number) => Promise<void>;
  private readonly attempts: number;
  private readonly maxRetryAfterSeconds: number;
  private readonly baseUrl: string;

  constructor(private readonly options: GraphClientOptions) {
    this.fetch = options.fetch ?? (globalThis.fetch as unknown as FetchLike);
    this.sleep = options.sleep ?? ((milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)));
    this.attempts = options.attempts ?? 5;
    this.maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? 60;
    this.baseUrl = options.baseUrl ?? "https://graph.microsoft.com/v1.0";
  }

  /** One object; `permission` is the least application permission the call needs, named when Graph refuses. */
  async get<T>(path: string, permission: string): Promise<T> {
    return (await this.call(`${this.baseUrl}${path}`, path, permission)) as T;
  }

  /** Every item of a collection, following @odata.nextLink, up to `limit` items. */
  async list<T>(path: string, permission: string, limit = 1000): Promise<T[]> {
    const items: T[] = [];
    let url: string | undefined = `${this.baseUrl}${path}`;
    while (url !== undefined && items.length < limit) {
      const page: Page<T> = (await this.call(url, path, permission)) as Page<T>;
      items.push(...(page.value ?? []));
      url = page["@odata.nextLink"];
    }
    return items.slice(0, limit);
  }

  private async call(url: string, path: string, permission: string): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.options.token();
      const response = await this.fetch(url, {
        method: "GET",
        headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
      });
      if (response.status >= 200 && response.status < 300) return response.json();
      if (response.status === 429 || response.status === 503) {
        if (attempt >= this.attempts) throw new GraphThrottledError(path, attempt);
        await this.sleep(this.retryAfterMs(response.headers.get("Retry-After"), attempt));
        continue;
      }
      const detail = await graphErrorDetail(response);
      if (response.status === 401 || response.status === 403)
        throw new GraphRefusedError(path, permission, response.status, detail);
      throw new GraphFailedError(path, response.status, detail);
    }
  }

  /** Graph's Retry-After when it sends one (seconds), capped; otherwise exponential from one second. */
  private retryAfterMs(header: string | null, attempt: number): number {
    const seconds = header !== null && /^\d+$/.test(header.trim()) ? Number(header) : 2 ** (attempt - 1);
    return Math.min(seconds, this.maxRetryAfterSeconds) * 1000;
  }
}

async function graphErrorDetail(response: { text(): Promise<string> }): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
    return [error?.code, error?.message].filter(Boolean).join(": ");
  } catch {
    return text.slice(0, 200);
  }
}

/** A string literal for an OData $filter: single quotes doubled, the whole URL-encoded by the caller. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
