/**
 * Serves one request port: reads one request, answers head + data + end, then closes the port.
 * When the port disconnects first (the page aborted or went away), the engine's work is aborted.
 */
import type { Browser } from 'wxt/browser';
import type { Engine } from '../../shared/engine/create-engine';
import { handleHttp } from '../../shared/http/handle-http';
import { invalidRequest, toFreeLLMError } from '../../shared/openai/error';
import { pageToBackgroundSchema, type BackgroundToPage } from '../../shared/protocol/page-port';
import { callerOfSender } from './caller-of-port';

export function servePagePort(port: Browser.runtime.Port, engine: Engine, extensionOrigin: string, pending: { hold(): () => void }): void {
  const controller = new AbortController();
  let connected = true;
  let started = false;
  const send = (message: BackgroundToPage) => {
    if (connected) port.postMessage(message);
  };
  const abort = () => controller.abort(new DOMException('The page aborted the request.', 'AbortError'));
  const close = () => {
    if (!connected) return;
    connected = false;
    port.disconnect();
    abort();
  };
  const answerError = (thrown: unknown) => {
    const error = toFreeLLMError(thrown);
    send({ type: 'head', status: error.status, headers: { 'content-type': 'application/json' } });
    send({ type: 'data', text: JSON.stringify(error.toBody()) });
    send({ type: 'end' });
  };

  port.onDisconnect.addListener(() => {
    connected = false;
    abort();
  });

  port.onMessage.addListener((raw: unknown) => {
    const parsed = pageToBackgroundSchema.safeParse(raw);
    if (!parsed.success) {
      answerError(invalidRequest(`Malformed message from the page: ${parsed.error.issues[0]?.message}`));
      return close();
    }
    const message = parsed.data;
    if (message.type === 'abort') return close();
    if (started) return;
    started = true;
    const release = pending.hold();
    void (async () => {
      try {
        const caller = callerOfSender(port.sender, extensionOrigin);
        const answer = await handleHttp(engine, message, caller, controller.signal);
        send({ type: 'head', status: answer.status, headers: answer.headers });
        for await (const text of answer.body) {
          if (!connected) break;
          send({ type: 'data', text });
        }
        send({ type: 'end' });
      } catch (thrown) {
        answerError(thrown);
      } finally {
        release();
        close();
      }
    })();
  });
}
