/**
 * @module Serves the HTTP exchanges the local endpoint's host forwards: each request is gathered
 * from its pieces, answered by the engine's HTTP routes as the `local` caller (the same routes
 * pages get, after the token and Origin checks) and written back split to fit native messaging.
 * A client that goes away, or the port closing, aborts the engine's work.
 */
import type { Engine } from '../../../shared/engine/create-engine';
import { handleHttp } from '../../../shared/http/handle-http';
import { splitNativeMessage } from '../../../shared/local-endpoint/split-native-message';
import { errorWithCode, toFreeLLMError } from '../../../shared/openai/error';
import type { BackgroundToHost, HostToBackground } from '../../../shared/protocol/local-endpoint-messages';
import { portRequestSchema } from '../../../shared/protocol/page-port';
import { createPageAnswerWriter } from '../page-answer-writer';

/** As for a page's request (page-port.ts). */
const MAX_BODY_CHARS = 16 * 1024 * 1024;

type RequestHead = Extract<HostToBackground, { type: 'request' }>;

interface OpenExchange {
  head: RequestHead;
  body: string[];
  bodyChars: number;
  closed: AbortController;
}

export interface NativeExchanges {
  receive(message: HostToBackground): void;
  /** The port closed: every exchange in flight stops. */
  closeAll(): void;
}

export function serveNativeExchanges(
  engine: Engine,
  post: (message: BackgroundToHost) => void,
): NativeExchanges {
  const open = new Map<number, OpenExchange>();

  async function answer(id: number, exchange: OpenExchange): Promise<void> {
    const { signal } = exchange.closed;
    const writer = createPageAnswerWriter((message) => {
      if (signal.aborted || message.type === 'progress' || message.type === 'disconnected') return;
      for (const piece of splitNativeMessage(message)) post({ ...piece, id });
    }, signal);
    try {
      if (exchange.bodyChars > MAX_BODY_CHARS)
        throw errorWithCode('invalid_request', 'The request body is over 16 MiB.');
      const request = portRequestSchema.safeParse({
        type: 'request',
        method: exchange.head.method,
        path: exchange.head.path,
        headers: exchange.head.headers,
        body:
          exchange.head.method === 'GET' || exchange.head.method === 'HEAD'
            ? undefined
            : exchange.body.join(''),
      });
      if (!request.success) throw errorWithCode('invalid_request', 'The request could not be read.');
      await writer.write(await handleHttp(engine, request.data, { kind: 'local' }, signal));
    } catch (thrown) {
      writer.fail(toFreeLLMError(thrown));
    } finally {
      open.delete(id);
    }
  }

  return {
    receive(message) {
      if (message.type === 'request') {
        open.set(message.id, { head: message, body: [], bodyChars: 0, closed: new AbortController() });
        return;
      }
      if (message.type !== 'body' && message.type !== 'request-end' && message.type !== 'abort') return;
      const exchange = open.get(message.id);
      if (!exchange) return;
      if (message.type === 'body') {
        exchange.bodyChars += message.text.length;
        if (exchange.bodyChars <= MAX_BODY_CHARS) exchange.body.push(message.text);
      } else if (message.type === 'request-end') {
        void answer(message.id, exchange);
      } else {
        exchange.closed.abort(new DOMException('The client went away.', 'AbortError'));
        open.delete(message.id);
      }
    },
    closeAll() {
      for (const exchange of open.values())
        exchange.closed.abort(new DOMException('The local endpoint disconnected.', 'AbortError'));
      open.clear();
    },
  };
}
