/**
 * A fake `fetch` for unit tests: answers with real `Response` objects from a handler and records
 * every call (URL, headers, parsed JSON body), as the adapter tests beside each family do.
 */
import type { FetchLike } from '../providers/types';

export interface RecordedCall {
  url: string;
  headers: Headers;
  body: Record<string, unknown>;
  signal?: AbortSignal | null;
}

export type FakeHandler = (call: RecordedCall, index: number) => Response | Promise<Response>;

export function createFakeFetch(handler: FakeHandler): FetchLike & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fake = async (input: string, init?: RequestInit) => {
    const call: RecordedCall = {
      url: input,
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {},
      signal: init?.signal,
    };
    calls.push(call);
    return handler(call, calls.length - 1);
  };
  return Object.assign(fake, { calls });
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** An SSE body from a `.chunks.txt` fixture: one JSON payload per line, each sent as `data:`. */
export function sseResponse(lines: string[], { done = true }: { done?: boolean } = {}): Response {
  const text = lines.map((line) => `data: ${line}\n\n`).join('') + (done ? 'data: [DONE]\n\n' : '');
  return new Response(text, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

/** Splits bytes at awkward places, as a network does. */
export function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks)
        controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** A stream's chunks less the usage-only one (empty `choices`) native adapters end with. */
export function withChoices<T extends { choices: unknown[] }>(chunks: T[]): T[] {
  return chunks.filter((chunk) => chunk.choices.length > 0);
}
