/**
 * Serves one request port: reads one message (an HTTP-like request or an access request),
 * answers head + data + end, then closes the port (closing it without `end` tells the page its
 * answer broke off). When the port disconnects first (the page
 * aborted or went away), the engine's work is aborted; a revoked site's request is cut.
 */
import type { Browser } from 'wxt/browser';
import type { Engine } from '../../shared/engine/create-engine';
import { handleHttp, type HttpAnswer } from '../../shared/http/handle-http';
import { invalidRequest, toFreeLLMError, type FreeLLMError } from '../../shared/openai/error';
import { PROGRESS_HEADER, type AttemptProgress } from '../../shared/protocol/attempt-progress';
import { pageToBackgroundSchema, type BackgroundToPage } from '../../shared/protocol/page-port';
import { encodeSseData } from '../../shared/sse/encode-sse';
import type { AccessRequests } from './access-requests';
import type { ActiveRequests } from './active-requests';
import { callerOfSender } from './caller-of-port';
import { invalidRequestFrom } from '../../shared/openai/parse-or-invalid-request';

export interface PagePortHost {
  engine: Engine;
  extensionOrigin: string;
  keepAlive: { hold(): () => void };
  access: AccessRequests;
  active: ActiveRequests;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

function jsonAnswer(status: number, body: unknown): HttpAnswer {
  return {
    status,
    headers: JSON_HEADERS,
    body: (async function* () {
      yield JSON.stringify(body);
    })(),
  };
}

export function servePagePort(port: Browser.runtime.Port, host: PagePortHost): void {
  const controller = new AbortController();
  let connected = true;
  let started = false;
  let streaming = false;
  const send = (message: BackgroundToPage) => {
    if (connected) port.postMessage(message);
  };
  const close = () => {
    if (!connected) return;
    connected = false;
    port.disconnect();
    controller.abort(new DOMException('The request was closed.', 'AbortError'));
  };
  const answerError = (error: FreeLLMError) => {
    send({
      type: 'head',
      status: error.status,
      headers: JSON_HEADERS,
      text: JSON.stringify(error.toBody()),
      end: true,
    });
  };
  const cut = (error: FreeLLMError) => {
    if (streaming) {
      // The error chunk is the answer's last word: the page must not take the close for a breakage.
      send({ type: 'data', text: encodeSseData(error.toBody()) });
      send({ type: 'end' });
    } else answerError(error);
    close();
  };

  port.onDisconnect.addListener(() => {
    connected = false;
    controller.abort(new DOMException('The page aborted the request.', 'AbortError'));
  });

  port.onMessage.addListener((raw: unknown) => {
    const parsed = pageToBackgroundSchema.safeParse(raw);
    if (!parsed.success) {
      answerError(invalidRequestFrom(parsed.error, { what: 'Malformed message from the page' }));
      return close();
    }
    const message = parsed.data;
    if (message.type === 'abort') return close();
    if (started) return;
    started = true;
    const receivedAt = performance.now();
    const release = host.keepAlive.hold();
    let unregister = () => undefined as void;
    void (async () => {
      try {
        const caller = callerOfSender(port.sender, host.extensionOrigin);
        if (caller.kind === 'page') unregister = host.active.add(caller.origin, cut);
        let answer: HttpAnswer;
        if (message.type === 'access') {
          if (caller.kind !== 'page' || caller.tabId === undefined)
            throw invalidRequest('Only web pages ask for access.');
          answer = jsonAnswer(200, await host.access.request({ ...caller, tabId: caller.tabId }));
        } else {
          const progress = message.headers[PROGRESS_HEADER]
            ? (attempt: AttemptProgress) => send({ type: 'progress', ...attempt })
            : undefined;
          answer = await handleHttp(host.engine, message, caller, controller.signal, progress);
        }
        streaming = answer.headers['content-type']?.startsWith('text/event-stream') ?? false;
        // Standard Server-Timing: how long the extension took before answering (upstream included).
        const serverTiming = `freellm;dur=${(performance.now() - receivedAt).toFixed(2)}`;
        const headers = { ...answer.headers, 'server-timing': serverTiming };
        const iterator = answer.body[Symbol.asyncIterator]();
        if (!streaming) {
          let text = '';
          for (let next = await iterator.next(); !next.done; next = await iterator.next()) text += next.value;
          send({ type: 'head', status: answer.status, headers, text, end: true });
        } else {
          // The head leaves with the first token alone; later messages carry what the stream
          // already has, not one message per chunk.
          const first = await iterator.next();
          send({
            type: 'head',
            status: answer.status,
            headers,
            text: first.done ? undefined : first.value,
            end: first.done === true,
          });
          if (!first.done) {
            const batches = readyBatches(iterator);
            for (let next = await batches.next(); !next.done && connected; next = await batches.next())
              send({ type: 'data', text: next.value });
            send({ type: 'end' });
          }
        }
      } catch (thrown) {
        if (connected) answerError(toFreeLLMError(thrown));
      } finally {
        unregister();
        release();
        close();
      }
    })();
  });
}

const DRAINED = Symbol('drained');
/**
 * Settles once the microtask queue has run a while: long enough for chunks a stream already
 * buffered to pass through its generators, with no timer, so nothing waits on the network.
 */
async function afterBufferedChunks(): Promise<typeof DRAINED> {
  for (let hop = 0; hop < MICROTASK_HOPS; hop++) await null;
  return DRAINED;
}
const MICROTASK_HOPS = 100;

/** Joins the texts a stream yields back to back (what one network read brought) into one message. */
async function* readyBatches(iterator: AsyncIterator<string>): AsyncGenerator<string> {
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
