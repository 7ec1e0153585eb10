/**
 * `window.freellm`: the fetch shim plus a small client with the official `openai` client's
 * shapes, so a page needs no library at all. Everything travels through the bridge.
 */
import { accessResultSchema } from '../../../shared/protocol/page-port';
import { quotaReportSchema } from '../../../shared/quota/quota-report';
import { decodeSse } from '../../../shared/sse/decode-sse';
import type { BridgeConnection } from './bridge-connection';
import { FREELLM_BASE_URL } from '../../../shared/http/base-url';
import { createFetchShim } from './create-fetch-shim';
import type { FreeLLMChatCompletionChunk, FreeLLMChatRequest, FreeLLMError, FreeLLMPageApi } from './freellm';
import { exchangeOverChannel } from './port-exchange';

function errorFrom(status: number, headers: Headers, body: string): FreeLLMError {
  let detail: { message?: string; type?: string; code?: string | null; param?: string | null } = {};
  try {
    detail = (JSON.parse(body) as { error?: typeof detail }).error ?? {};
  } catch {
    detail = { message: body.slice(0, 200) };
  }
  const error = new Error(detail.message ?? `FreeLLM answered HTTP ${status}`) as FreeLLMError;
  error.name = 'FreeLLMError';
  return Object.assign(error, {
    status,
    type: detail.type ?? 'api_error',
    code: detail.code ?? null,
    param: detail.param ?? null,
    headers: Object.fromEntries(headers),
  });
}

async function ensureOk(response: Response): Promise<Response> {
  if (response.ok) return response;
  throw errorFrom(response.status, response.headers, await response.text());
}

async function* chunksOf(response: Response): AsyncGenerator<FreeLLMChatCompletionChunk> {
  if (!response.body) return;
  for await (const event of decodeSse(response.body)) {
    if (event.data === '[DONE]') return;
    const chunk = JSON.parse(event.data) as FreeLLMChatCompletionChunk & { error?: unknown };
    if (chunk.error) throw errorFrom(502, response.headers, event.data);
    yield chunk;
  }
}

export function createPageApi(bridge: BridgeConnection, pageFetch: typeof fetch): FreeLLMPageApi {
  const shim = createFetchShim(bridge.openRequest, pageFetch);

  async function create(params: FreeLLMChatRequest, options: { signal?: AbortSignal } = {}) {
    const response = await ensureOk(
      await shim(`${FREELLM_BASE_URL}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
        signal: options.signal,
      }),
    );
    return params.stream ? chunksOf(response) : response.json();
  }

  return Object.freeze({
    version: __FREELLM_VERSION__,
    baseURL: FREELLM_BASE_URL,
    fetch: shim,
    ready: bridge.ready,
    async requestAccess() {
      const response = await ensureOk(await exchangeOverChannel(bridge.openRequest, { type: 'access' }));
      return accessResultSchema.parse(await response.json());
    },
    chat: Object.freeze({
      completions: Object.freeze({ create: create as FreeLLMPageApi['chat']['completions']['create'] }),
    }),
    models: Object.freeze({
      list: async () => (await ensureOk(await shim(`${FREELLM_BASE_URL}/models`))).json(),
    }),
    quota: async () =>
      quotaReportSchema.parse(await (await ensureOk(await shim(`${FREELLM_BASE_URL}/quota`))).json()),
  });
}
