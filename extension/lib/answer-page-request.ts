/**
 * @module What a page's request port is answered, whatever carries it: an HTTP request goes to the
 * engine's HTTP routes (`shared/http/handle-http.ts`), and `freellm.requestAccess()` is one more
 * route beside them, answered with an AccessResult as a JSON body.
 */
import type { Caller } from '../../shared/engine/engine-answer';
import type { Engine } from '../../shared/engine/create-engine';
import { handleHttp, type HttpAnswer } from '../../shared/http/handle-http';
import { invalidRequest } from '../../shared/openai/error';
import { PROGRESS_HEADER, type AttemptProgress } from '../../shared/protocol/attempt-progress';
import type { PortRequest } from '../../shared/protocol/page-port';
import type { AccessRequests } from './access-requests';

export interface PageRequestHost {
  engine: Engine;
  access: AccessRequests;
}

export type PageRequest = PortRequest | { type: 'access' };

export async function answerPageRequest(
  host: PageRequestHost,
  request: PageRequest,
  caller: Caller,
  signal: AbortSignal,
  onAttempt: (progress: AttemptProgress) => void,
): Promise<HttpAnswer> {
  const receivedAt = performance.now();
  const answer =
    request.type === 'access'
      ? await answerAccess(host.access, caller)
      : await handleHttp(
          host.engine,
          request,
          caller,
          signal,
          request.headers[PROGRESS_HEADER] ? onAttempt : undefined,
        );
  // Standard Server-Timing: how long the extension took before answering (upstream included).
  const serverTiming = `freellm;dur=${(performance.now() - receivedAt).toFixed(2)}`;
  return { ...answer, headers: { ...answer.headers, 'server-timing': serverTiming } };
}

async function answerAccess(access: AccessRequests, caller: Caller): Promise<HttpAnswer> {
  if (caller.kind !== 'page' || caller.tabId === undefined)
    throw invalidRequest('Only web pages ask for access.');
  const result = await access.request({ ...caller, tabId: caller.tabId });
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: (async function* () {
      yield JSON.stringify(result);
    })(),
  };
}
