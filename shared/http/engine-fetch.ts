/**
 * @module A `fetch` answered by an engine in the same process, returning real `Response`s: the
 * playground's standalone mode (no extension) and tests use it exactly as pages use the shim.
 */
import type { Caller } from '../engine/engine-answer';
import type { Engine } from '../engine/create-engine';
import { handleHttp } from './handle-http';
import { onAttemptOf } from '../protocol/attempt-progress';

export function createEngineFetch(engine: Engine, caller: Caller): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const answer = await handleHttp(
      engine,
      {
        method: request.method as 'GET',
        path: url.pathname + url.search,
        headers: Object.fromEntries(request.headers),
        body: request.method === 'GET' ? undefined : await request.text(),
      },
      caller,
      request.signal,
      onAttemptOf(init),
    );
    const encoder = new TextEncoder();
    const iterator = answer.body[Symbol.asyncIterator]();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await iterator.return?.();
      },
    });
    return new Response(body, { status: answer.status, headers: answer.headers });
  };
}
