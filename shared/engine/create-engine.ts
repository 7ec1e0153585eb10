/**
 * @module The engine: one entry point that takes an OpenAI chat request and returns an answer,
 * plus the management calls the UIs need. Everything host-specific comes in as a parameter, so
 * the same engine runs in the service worker, in a page and in Node.
 */
import { createOriginGrants, type OriginGrants } from '../grants/origin-grants';
import { createKeyRing, type KeyRing } from '../keys/key-ring';
import { chatCompletionRequestSchema, type ChatCompletionRequest } from '../openai/chat';
import { invalidRequest, toFreeLLMError } from '../openai/error';
import { createProviderDirectory, type ProviderDirectory } from '../providers/provider-directory';
import type { FetchLike } from '../providers/types';
import { REQUEST_LOG_CAP, type Attempt, type RequestLogEntry } from '../request-log/request-log-entry';
import type { Candidate } from '../router/candidates';
import { createChatRouter, type ChatRouterDeps } from '../router/chat-router';
import { failureAnswer } from '../router/failure-answer';
import type { RoutingSettings } from '../router/routing-settings';
import type { KeyNotice } from '../usage/key-notices';
import type { HealthEntry } from '../usage/usage-ledger';
import type { FreeLLMDatabase } from '../store/database';
import { createVault } from '../vault/vault';
import type { Caller, EngineAnswer } from './engine-answer';

export interface EngineHost {
  fetch: FetchLike;
  now: () => number;
  db: FreeLLMDatabase;
  crypto: Crypto;
  /** Free-tier limits; the catalog's unless given (tests, the benchmark). */
  limits?: ChatRouterDeps['limits'];
  /** Model capabilities, context windows, tiers; the catalog's unless given. */
  models?: ChatRouterDeps['models'];
  /** Timers for attempt timeouts, the deadline and the stream stall watchdog; global ones by default. */
  timers?: ChatRouterDeps['timers'];
  /** Wraps each routing decision (the benchmark times it). */
  measure?: ChatRouterDeps['measure'];
}

/** Per-request options a transport read from the HTTP request (the `x-freellm-strategy` header). */
export interface ChatOptions {
  strategy?: string;
}

export interface Engine {
  chat(body: unknown, caller: Caller, signal?: AbortSignal, options?: ChatOptions): Promise<EngineAnswer>;
  /** OpenAI `GET /models`: `auto` plus `provider/model` for every provider the user has a key for. */
  models(caller: Caller): Promise<EngineAnswer>;
  keys: Omit<KeyRing, 'reveal'>;
  providers: ProviderDirectory;
  origins: OriginGrants;
  requestLog(limit?: number): Promise<RequestLogEntry[]>;
  routing: {
    settings(): Promise<RoutingSettings>;
    /** Strategy, aliases and groups, affinity, pacing, time limits; parsed strictly. */
    saveSettings(input: unknown): Promise<RoutingSettings>;
  };
  /** Passive health and usage per (provider, key, model), and why keys were disabled. */
  health(): Promise<{ models: HealthEntry[]; notices: KeyNotice[] }>;
}

export function createEngine(host: EngineHost): Engine {
  const { db, now } = host;
  const newId = () => host.crypto.randomUUID();
  const keyRing = createKeyRing(db, createVault(db, host.crypto), now, newId);
  const providers = createProviderDirectory(db, newId);
  const origins = createOriginGrants(db, now);
  const { limits, models: modelSource, timers, measure } = host;
  const router = createChatRouter({ db, fetch: host.fetch, now, keys: keyRing, providers, limits, models: modelSource, timers, measure });

  async function log(entry: RequestLogEntry): Promise<void> {
    await db.requestLog.add(entry);
    const excess = (await db.requestLog.count()) - REQUEST_LOG_CAP;
    if (excess > 0) await db.requestLog.orderBy('at').limit(excess).delete();
  }

  /** Pages must be allowed; a chat request also counts against the origin's own limits. */
  async function authorize(caller: Caller, countRequest: boolean): Promise<void> {
    if (caller.kind === 'extension') return;
    await (countRequest ? origins.admit(caller) : origins.check(caller));
  }

  function parseRequest(body: unknown): ChatCompletionRequest {
    const parsed = chatCompletionRequestSchema.safeParse(body);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const param = issue?.path.join('.') || null;
    throw invalidRequest(`Invalid chat completion request${param ? ` at ${param}` : ''}: ${issue?.message}`, param);
  }

  async function chat(body: unknown, caller: Caller, signal?: AbortSignal, options?: ChatOptions): Promise<EngineAnswer> {
    const requestId = `req_${newId().replaceAll('-', '')}`;
    const started = now();
    const origin = caller.kind === 'page' ? caller.origin : 'extension';
    let request: ChatCompletionRequest | undefined;
    const finish = async (status: number, served: Candidate | undefined, attempts: Attempt[]) => {
      await log({
        requestId, at: started, origin, model: request?.model ?? 'unknown', stream: request?.stream === true, status,
        provider: served?.provider.id ?? null, servedModel: served?.model ?? null, latencyMs: now() - started, attempts,
      });
      await router.ledger.flush();
    };
    const headersFor = (served: Candidate, attempts: Attempt[]) => ({
      'x-request-id': requestId,
      'x-freellm-provider': served.provider.id,
      'x-freellm-model': served.model,
      'x-freellm-attempts': String(attempts.length),
      'x-freellm-cache': 'miss',
    });
    try {
      await authorize(caller, true);
      request = parseRequest(body);
      const route = await router.prepare(request, options?.strategy);
      if (request.stream !== true) {
        const result = await router.complete(route, signal);
        await finish(200, result.served, result.attempts);
        return { kind: 'json', status: 200, headers: headersFor(result.served, result.attempts), body: result.value };
      }
      const result = await router.stream(route, (status) => finish(status, result.served, result.attempts), signal);
      return { kind: 'stream', status: 200, headers: headersFor(result.served, result.attempts), chunks: result.chunks };
    } catch (thrown) {
      const answer = failureAnswer(thrown, requestId);
      await finish(answer.status, undefined, answer.attempts);
      return { kind: 'json', status: answer.status, headers: answer.headers, body: answer.body };
    }
  }

  async function models(caller: Caller): Promise<EngineAnswer> {
    try {
      await authorize(caller, false);
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
    keys: {
      add: keyRing.add,
      /** Each key with `disabledReason` when the router disabled it (invalid, out of credits). */
      async list() {
        const notices = new Map((await router.notices.list()).map((notice) => [notice.keyId, notice.reason]));
        return (await keyRing.list()).map((key) => (notices.has(key.id) ? { ...key, disabledReason: notices.get(key.id) } : key));
      },
      remove: keyRing.remove,
      async setEnabled(id, enabled) {
        await keyRing.setEnabled(id, enabled);
        if (enabled) await router.keyEnabled(id);
      },
    },
    providers,
    origins,
    requestLog: (limit = 100) => db.requestLog.orderBy('at').reverse().limit(limit).toArray(),
    routing: { settings: router.settings, saveSettings: router.saveSettings },
    async health() {
      await router.ledger.load();
      return { models: router.ledger.report(), notices: await router.notices.list() };
    },
  };
}
