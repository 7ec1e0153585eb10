/**
 * @module Batching for a streamed answer: each message to the page is a hop through two
 * processes, so the texts a stream yields back to back (what one network read brought) travel as
 * one message, not one message per chunk.
 */

const DRAINED = Symbol('drained');
const MICROTASK_HOPS = 100;

/**
 * Settles once the microtask queue has run a while: long enough for chunks a stream already
 * buffered to pass through its generators, with no timer, so nothing waits on the network.
 */
async function afterBufferedChunks(): Promise<typeof DRAINED> {
  for (let hop = 0; hop < MICROTASK_HOPS; hop++) await null;
  return DRAINED;
}

/** Joins the texts a stream yields back to back into one; a text that is not ready yet starts the next. */
export async function* joinBufferedChunks(iterator: AsyncIterator<string>): AsyncGenerator<string> {
  let next = await iterator.next();
  while (!next.done) {
    let batch = next.value;
    for (;;) {
      const pending = iterator.next();
      const ready = await Promise.race([pending, afterBufferedChunks()]);
      if (ready === DRAINED) {
        yield batch;
        next = await pending;
        break;
      }
      if (ready.done) {
        yield batch;
        return;
      }
      batch += ready.value;
    }
  }
}
