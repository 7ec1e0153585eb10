/**
 * @module The engine: one entry point that takes an OpenAI chat request and returns an answer,
 * plus the management calls the UIs need. Everything host-specific comes in as a parameter, so
 * the same engine runs in the service worker, in a page and in Node.
 */
import { createOriginGrants, type OriginGrants } from '../grants/origin-grants';
import { createKeyRing, type KeyRing } from '../keys/key-ring';
import { chatCompletionRequestSchema, type ChatCompletionChunk, type ChatCompletionRequest } from '../openai/chat';
import { FreeLLMError, invalidRequest, toFreeLLMError } from '../openai/error';
import { createProviderDirectory, type ProviderDirectory } from '../providers/provider-directory';
import type { FetchLike } from '../providers/types';
import { REQUEST_LOG_CAP, type Attempt, type RequestLogEntry } from '../request-log/request-log-entry';
import { listCandidates, type Candidate } from '../router/candidates';
import { AttemptsFailed, runAttempts } from '../router/run-attempts';
import type { FreeLLMDatabase } from '../store/database';
import { createVault } from '../vault/vault';
import type { Caller, EngineAnswer } from './engine-answer';

export interface EngineHost {
  fetch: FetchLike;
  now: () => number;
  db: FreeLLMDatabase;
  crypto: Crypto;
}

export interface Engine {
  chat(body: unknown, caller: Caller, signal?: AbortSignal): Promise<EngineAnswer>;
  /** OpenAI `GET /models`: `auto` plus `provider/model` for every provider the user has a key for. */
  models(caller: Caller): Promise<EngineAnswer>;
  keys: Omit<KeyRing, 'reveal'>;
  providers: ProviderDirectory;
  origins: OriginGrants;
  requestLog(limit?: number): Promise<RequestLogEntry[]>;
}

export function createEngine(host: EngineHost): Engine {
  const { db, now } = host;
  const newId = () => host.crypto.randomUUID();
  const keyRing = createKeyRing(db, createVault(db, host.crypto), now, newId);
  const providers = createProviderDirectory(db, newId);
  const origins = createOriginGrants(db, now);

  async function log(entry: RequestLogEntry): Promise<void> {
    await db.requestLog.add(entry);
    const excess = (await db.requestLog.count()) - REQUEST_LOG_CAP;
    if (excess > 0) await db.requestLog.orderBy('at').limit(excess).delete();
  }

  async function authorize(caller: Caller): Promise<void> {
    if (caller.kind === 'extension' || (await origins.isAllowed(caller.origin))) return;
    throw new FreeLLMError({
      status: 403,
      type: 'permission_error',
      code: 'origin_not_allowed',
      message: `${caller.origin} is not allowed to use FreeLLM. Allow it in the FreeLLM options page (Sites).`,
    });
  }

  function parseRequest(body: unknown): ChatCompletionRequest {
    const parsed = chatCompletionRequestSchema.safeParse(body);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const param = issue?.path.join('.') || null;
    throw invalidRequest(`Invalid chat completion request${param ? ` at ${param}` : ''}: ${issue?.message}`, param);
  }

  async function chooseCandidates(request: ChatCompletionRequest): Promise<Candidate[]> {
    const candidates = await listCandidates(request.model, await keyRing.list(), providers);
    if (candidates.length > 0) return candidates;
    throw new FreeLLMError({
      status: 503,
      type: 'server_error',
      code: 'no_keys',
      message: `No enabled key can serve model "${request.model}". Add a provider key in the FreeLLM options page.`,
    });
  }

  function callFor(candidate: Candidate, apiKey: string, signal?: AbortSignal) {
    return { fetch: host.fetch, baseURL: candidate.provider.baseURL, apiKey, model: candidate.model, providerId: candidate.provider.id, signal, now };
  }

  async function chat(body: unknown, caller: Caller, signal?: AbortSignal): Promise<EngineAnswer> {
    const requestId = `req_${newId().replaceAll('-', '')}`;
    const started = now();
    const origin = caller.kind === 'page' ? caller.origin : 'extension';
    let request: ChatCompletionRequest | undefined;
    const finish = (status: number, served: Candidate | undefined, attempts: Attempt[]) =>
      log({
        requestId, at: started, origin, model: request?.model ?? 'unknown', stream: request?.stream === true, status,
        provider: served?.provider.id ?? null, servedModel: served?.model ?? null, latencyMs: now() - started, attempts,
      });
    const headersFor = (served: Candidate, attempts: Attempt[]) => ({
      'x-request-id': requestId,
      'x-freellm-provider': served.provider.id,
      'x-freellm-model': served.model,
      'x-freellm-attempts': String(attempts.length),
      'x-freellm-cache': 'miss',
    });
    try {
      await authorize(caller);
      request = parseRequest(body);
      const candidates = await chooseCandidates(request);
      const streamRequest = request.stream === true;
      const parsedRequest = request;
      if (!streamRequest) {
        const result = await runAttempts(candidates, async (candidate) =>
          candidate.provider.adapter.complete(parsedRequest, callFor(candidate, await keyRing.reveal(candidate.key.id), signal)), now, signal);
        await finish(200, result.served, result.attempts);
        return { kind: 'json', status: 200, headers: headersFor(result.served, result.attempts), body: result.value };
      }
      const result = await runAttempts(candidates, async (candidate) => {
        const chunks = await candidate.provider.adapter.stream(parsedRequest, callFor(candidate, await keyRing.reveal(candidate.key.id), signal));
        const iterator = chunks[Symbol.asyncIterator]();
        return { iterator, first: await iterator.next() };
      }, now, signal);
      const relay = relayStream(result.value.iterator, result.value.first, (status) => finish(status, result.served, result.attempts));
      return { kind: 'stream', status: 200, headers: headersFor(result.served, result.attempts), chunks: relay };
    } catch (thrown) {
      const error = thrown instanceof AttemptsFailed ? thrown.error : toFreeLLMError(thrown);
      const attempts = thrown instanceof AttemptsFailed ? thrown.attempts : [];
      await finish(error.status, undefined, attempts);
      const headers: Record<string, string> = { 'x-request-id': requestId, 'x-freellm-attempts': String(attempts.length) };
      if (error.retryAfterMs !== undefined) headers['retry-after'] = String(Math.ceil(error.retryAfterMs / 1000));
      return { kind: 'json', status: error.status, headers, body: error.toBody() };
    }
  }

  async function models(caller: Caller): Promise<EngineAnswer> {
    try {
      await authorize(caller);
    } catch (thrown) {
      const error = toFreeLLMError(thrown);
      return { kind: 'json', status: error.status, headers: {}, body: error.toBody() };
    }
    const created = Math.floor(now() / 1000);
    const providerIds = [...new Set((await keyRing.list()).filter((key) => key.enabled).map((key) => key.providerId))];
    const served = (await Promise.all(providerIds.map((id) => providers.resolve(id)))).filter((provider) => provider !== undefined);
    const data = [
      { id: 'auto', object: 'model', created, owned_by: 'freellm' },
      ...served.map((provider) => ({ id: `${provider.id}/${provider.defaultModel}`, object: 'model', created, owned_by: provider.id })),
    ];
    return { kind: 'json', status: 200, headers: {}, body: { object: 'list', data } };
  }

  return {
    chat,
    models,
    keys: { add: keyRing.add, list: keyRing.list, remove: keyRing.remove, setEnabled: keyRing.setEnabled },
    providers,
    origins,
    requestLog: (limit = 100) => db.requestLog.orderBy('at').reverse().limit(limit).toArray(),
  };
}

/** After the first chunk the stream is committed: a later failure becomes one error chunk. */
async function* relayStream(
  iterator: AsyncIterator<ChatCompletionChunk>,
  first: IteratorResult<ChatCompletionChunk>,
  done: (status: number) => Promise<void>,
): AsyncGenerator<ChatCompletionChunk | ReturnType<FreeLLMError['toBody']>> {
  let status = 200;
  try {
    let next = first;
    while (!next.done) {
      yield next.value;
      next = await iterator.next();
    }
  } catch (thrown) {
    const error = toFreeLLMError(thrown);
    status = error.status;
    yield error.toBody();
  } finally {
    await iterator.return?.();
    await done(status);
  }
}
