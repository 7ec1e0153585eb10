/**
 * @module When an answer's first byte arrives. Its head is not enough: a provider may send its
 * head at once and then nothing, so the first byte of the body is what lifts the first-byte limit.
 */
import type { FetchLike } from '../providers/types';

/** A fetch whose answers call `answering` once their body's first byte (or its end) arrives. */
export function tellingFirstByte(fetch: FetchLike, answering: () => void): FetchLike {
  return async (url, init) => {
    const response = await fetch(url, init);
    if (!response.body) {
      answering();
      return response;
    }
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          answering();
          controller.enqueue(chunk);
        },
        flush: answering,
      }),
    );
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
