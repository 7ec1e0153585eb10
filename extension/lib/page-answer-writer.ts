/**
 * @module Writes one answer onto a page's request port as head + data + end. A JSON answer is one
 * message: the head carries the whole body. A stream's head leaves with its first token alone;
 * later messages carry what the stream already has (`join-buffered-chunks.ts`). A failure is
 * written as far as the answer got: an error head before any head, and after a stream's head an
 * error chunk and a proper end, so the page does not take the close for a breakage.
 */
import type { HttpAnswer } from '../../shared/http/handle-http';
import type { FreeLLMError } from '../../shared/openai/error';
import type { AttemptProgress } from '../../shared/protocol/attempt-progress';
import type { BackgroundToPage } from '../../shared/protocol/page-port';
import { encodeSseData } from '../../shared/sse/encode-sse';
import { joinBufferedChunks } from './join-buffered-chunks';

const JSON_HEADERS = { 'content-type': 'application/json' };

export interface PageAnswerWriter {
  /** Before the head: which provider is being asked, for a request that asked to hear it. */
  progress(attempt: AttemptProgress): void;
  /** Resolves once the whole answer is written, or once `closed` stops a stream midway. */
  write(answer: HttpAnswer): Promise<void>;
  fail(error: FreeLLMError): void;
}

/** `send` drops what comes after the port closed; `closed` also stops reading a stream nobody will get. */
export function createPageAnswerWriter(
  send: (message: BackgroundToPage) => void,
  closed: AbortSignal,
): PageAnswerWriter {
  let streamHeadSent = false;
  return {
    progress: (attempt) => send({ type: 'progress', ...attempt }),
    async write({ status, headers, body }) {
      const iterator = body[Symbol.asyncIterator]();
      if (!headers['content-type']?.startsWith('text/event-stream')) {
        let text = '';
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) text += next.value;
        send({ type: 'head', status, headers, text, end: true });
        return;
      }
      const first = await iterator.next();
      send({
        type: 'head',
        status,
        headers,
        text: first.done ? undefined : first.value,
        end: first.done === true,
      });
      if (first.done) return;
      streamHeadSent = true;
      const batches = joinBufferedChunks(iterator);
      for (let next = await batches.next(); !next.done && !closed.aborted; next = await batches.next())
        send({ type: 'data', text: next.value });
      send({ type: 'end' });
    },
    fail(error) {
      if (streamHeadSent) {
        send({ type: 'data', text: encodeSseData(error.toBody()) });
        send({ type: 'end' });
      } else {
        send({
          type: 'head',
          status: error.status,
          headers: JSON_HEADERS,
          text: JSON.stringify(error.toBody()),
          end: true,
        });
      }
    },
  };
}
