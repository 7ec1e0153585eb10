/**
 * Serves one request port for its whole life: reads one message (an HTTP-like request or an access
 * request), has it answered (`answer-page-request.ts`) and written back (`page-answer-writer.ts`),
 * then closes the port (closing it without `end` tells the page its answer broke off). While the
 * answer is pending the worker is kept alive and the request is counted as its site's, so revoking
 * the site cuts it. When the port disconnects first (the page aborted or went away), the engine's
 * work is aborted.
 */
import type { Browser } from 'wxt/browser';
import { toFreeLLMError, type FreeLLMError } from '../../shared/openai/error';
import { pageToBackgroundSchema, type BackgroundToPage } from '../../shared/protocol/page-port';
import type { ActiveRequests } from './active-requests';
import { answerPageRequest, type PageRequest, type PageRequestHost } from './answer-page-request';
import { callerOfSender } from './caller-of-port';
import { invalidRequestFrom } from '../../shared/openai/parse-or-invalid-request';
import { createPageAnswerWriter } from './page-answer-writer';

export interface PagePortHost extends PageRequestHost {
  extensionOrigin: string;
  keepAlive: { hold(): () => void };
  active: ActiveRequests;
}

export function servePagePort(port: Browser.runtime.Port, host: PagePortHost): void {
  // Aborted when the port closes from either end: the engine's work stops and nothing more is sent.
  const closed = new AbortController();
  const send = (message: BackgroundToPage) => {
    if (!closed.signal.aborted) port.postMessage(message);
  };
  const writer = createPageAnswerWriter(send, closed.signal);
  const close = () => {
    if (closed.signal.aborted) return;
    closed.abort(new DOMException('The request was closed.', 'AbortError'));
    port.disconnect();
  };
  const cut = (error: FreeLLMError) => {
    writer.fail(error);
    close();
  };
  let started = false;

  port.onDisconnect.addListener(() =>
    closed.abort(new DOMException('The page aborted the request.', 'AbortError')),
  );

  port.onMessage.addListener((raw: unknown) => {
    const parsed = pageToBackgroundSchema.safeParse(raw);
    if (!parsed.success)
      return cut(invalidRequestFrom(parsed.error, { what: 'Malformed message from the page' }));
    const message = parsed.data;
    if (message.type === 'abort') return close();
    if (started) return;
    started = true;
    void answer(message);
  });

  async function answer(request: PageRequest): Promise<void> {
    const release = host.keepAlive.hold();
    let unregister = () => undefined as void;
    try {
      const caller = callerOfSender(port.sender, host.extensionOrigin);
      if (caller.kind === 'page') unregister = host.active.add(caller.origin, cut);
      await writer.write(await answerPageRequest(host, request, caller, closed.signal, writer.progress));
    } catch (thrown) {
      writer.fail(toFreeLLMError(thrown));
    } finally {
      unregister();
      release();
      close();
    }
  }
}
