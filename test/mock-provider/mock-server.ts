/**
 * What every mock provider shares: reading a JSON request, recording the call (and whether the
 * client went away mid-answer), streaming an answer word by word, and living on 127.0.0.1.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What every mock records of a call; each mock adds the headers its provider reads the key from. */
export interface BaseMockCall {
  path: string;
  body: Record<string, unknown>;
  /** The client went away before the answer was complete. */
  aborted: boolean;
  completed: boolean;
}

export interface MockProvider<Call> {
  baseURL: string;
  /** Chat calls: what a user's requests cost. */
  calls: Call[];
  /**
   * Reads (GET: model lists, OpenRouter's key allowance), which the engine makes in the
   * background on its own schedule: kept apart so they never shift what `calls` counts.
   */
  reads: Call[];
  /** Empties `calls`; `reads` stay (see above). */
  reset(): void;
  close(): Promise<void>;
}

/**
 * The vector every mock gives a text: its length, the sum of its character codes, and 0.5, so a
 * test can tell which text a vector belongs to (exact in float32).
 */
export function mockEmbedding(text: string): number[] {
  let sum = 0;
  for (const char of text) sum += char.codePointAt(0) ?? 0;
  return [text.length, sum, 0.5];
}

/** How long a "slowly" answer waits before each word, so a test can abort mid-stream. */
const SLOW_WORD_MS = 150;

/** The request body as a JSON object; an empty body is `{}`. */
export async function readJsonRequest(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return JSON.parse(text || '{}') as Record<string, unknown>;
}

/** Where a request is recorded: reads apart from chat calls (see `MockProvider.reads`). */
export const callsFor = <Call>(request: IncomingMessage, calls: Call[], reads: Call[]) =>
  request.method === 'GET' ? reads : calls;

/** Records a call as not yet completed, and marks it aborted if the client leaves before the end. */
export function recordCall<Call extends BaseMockCall>(
  calls: Call[],
  fields: Omit<Call, 'aborted' | 'completed'>,
  response: ServerResponse,
): Call {
  const call = { ...fields, aborted: false, completed: false } as Call;
  calls.push(call);
  response.on('close', () => {
    if (!response.writableFinished) call.aborted = true;
  });
  return call;
}

/** The pause before each word of a "slowly" answer. */
export function slowWordPause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, SLOW_WORD_MS));
}

/** Writes one stream event per word (slowly: 150 ms before each); false once the client has gone. */
export async function writeWords(
  response: ServerResponse,
  words: string[],
  slowly: boolean,
  eventOf: (word: string, index: number) => string,
): Promise<boolean> {
  for (const [index, word] of words.entries()) {
    if (response.destroyed) return false;
    if (slowly) await slowWordPause();
    response.write(eventOf(word, index));
  }
  return true;
}

/**
 * Listens on 127.0.0.1 (on `port`, else a free one); `basePath` is the API root, e.g. `/v1`.
 * Another loopback address (`host`, e.g. 127.0.0.2) is a host the extension holds no permission for.
 */
export async function serveMock<Call>(
  server: Server,
  calls: Call[],
  basePath: string,
  port = 0,
  host = '127.0.0.1',
  reads: Call[] = [],
): Promise<MockProvider<Call>> {
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    baseURL: `http://${host}:${address.port}${basePath}`,
    calls,
    reads,
    // Reads stay: the engine makes them on its own schedule, not within one test's steps.
    reset: () => calls.splice(0),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
