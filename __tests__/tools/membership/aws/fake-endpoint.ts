import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What the fake answers one call: an HTTP status and the JSON body SageMaker would send. */
export interface FakeAnswer {
  readonly status: number;
  readonly body: object;
}

export interface FakeEndpoint {
  readonly url: string;
  /** The operations called, in order (`ListDomains`, ...), retries included. */
  readonly calls: string[];
  close(): Promise<void>;
}

/**
 * A local HTTP server speaking SageMaker's JSON protocol, so that calls go through the SDK's whole stack (retries,
 * error parsing) and not around it as aws-sdk-client-mock's do. `answer` gets the operation and how many times it
 * was called before.
 */
export async function fakeEndpoint(answer: (operation: string, earlier: number) => FakeAnswer): Promise<FakeEndpoint> {
  const calls: string[] = [];
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const operation = String(request.headers["x-amz-target"] ?? "").replace(/^SageMaker\./, "");
      const earlier = calls.filter((call) => call === operation).length;
      calls.push(operation);
      const { status, body } = answer(operation, earlier);
      response.writeHead(status, { "content-type": "application/x-amz-json-1.1" });
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** SageMaker's error answer: the code in `__type`, as the service sends it. */
export function refusal(code: string, message: string, status = 400): FakeAnswer {
  return { status, body: { __type: code, message } };
}

/** Credentials that sign requests to the fake; it checks no signature. */
export const FAKE_CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "fake-secret" };
