/**
 * @module The engine: one entry point that takes an OpenAI chat request and returns an answer,
 * plus the management calls the UIs need. Everything host-specific comes in as a parameter, so
 * the same engine runs in the service worker, in a page and in Node.
 */
import { createOriginGrants, type OriginGrants } from '../grants/origin-grants';
import { createEnvImport, type EnvImport } from '../keys/env-import';
import { createKeyRing, type KeyManager } from '../keys/key-ring';
import { checkKeys, type KeyCheck } from './check-keys';
import type { KeySummary } from '../keys/stored-key';
import {
  createResponseCache,
  replayAsChunks,
  type CacheSettings,
  type CacheStats,
  type ResponseCache,
} from '../cache';
import { cacheSettingsSchema, keptCacheSettings } from '../cache/kept-cache-settings';
import {
  chatCompletionRequestSchema,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionRequest,
} from '../openai/chat';
import { invalidRequest, toFreeLLMError } from '../openai/error';
import { createProviderDirectory, type ProviderDirectory } from '../providers/provider-directory';
import type { FetchLike } from '../providers/types';
import { REQUEST_LOG_CAP, type Attempt, type RequestLogEntry } from '../request-log/request-log-entry';
import { createRequestLogWriter } from '../request-log/request-log-writer';
import { queryRequestLog, type RequestLogPage, type RequestLogQuery } from '../request-log/query-request-log';
import { createChatRouter, type ChatRouterDeps } from '../router/chat-router';
import { failureAnswer } from '../router/failure-answer';
import { releaseIfOffline } from './release-if-offline';
import type { RoutingSettings } from '../router/routing-settings';
import type { AttemptProgress } from '../router/run-attempts';
import type { KeyDisabledBecause, KeyNotice } from '../usage/key-notice';
import { withUserLimits, type UserLimits } from '../usage/usage-limits';
import { createUserLimitsStore } from '../usage/user-limits-store';
import { limitSourceOf, modelSourceOf } from '../router/catalog-sources';
import { createCurrentCatalog } from '../catalog/current-catalog';
import {
  createCatalogUpdates,
  type CatalogStatus,
  type CatalogUpdateSource,
} from '../catalog/updates/catalog-updates';
import type { HealthEntry } from '../usage/usage-ledger';
import type { FreeLLMDatabase } from '../store/database';
import { createSettingsTransfer, type SettingsTransfer } from '../settings/settings-transfer';
import { createVault, type Vault, type VaultSession } from '../vault/vault';
import { errorAsLastChunk } from './error-as-last-chunk';
import { createModelLister } from './list-models';
import {
  callerOrigin,
  routingHeaders,
  type Caller,
  type EngineAnswer,
  type JsonAnswer,
} from './engine-answer';
import { createEmbedder } from './embed-texts';
import { createModelAvailability } from '../router/model-availability';
import { readModelStatus, type ModelStatus } from './model-status';
import { createWriteBehind } from '../store/write-behind';
import { createChatHistory, type ChatHistory } from '../chats/chat-history';
import { createQuotaReader, type KeyQuota } from '../quota/read-quota';
import { createUsageHistory, type UsageHistoryReport } from '../usage/usage-history';
import type { QuotaReport } from '../quota/quota-report';
import { parseOrInvalidRequest } from '../openai/parse-or-invalid-request';
import { createLocalEndpoint, type LocalEndpoint } from '../local-endpoint/local-endpoint';
import { createOnDeviceModel, type OnDeviceModel } from '../providers/on-device/on-device-model';
import { providerNamesOf } from '../providers/provider-names';
import { lastErrorByName } from '../usage/last-error-by-name';
import type { PromptApi } from '../providers/on-device/prompt-api';

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
  /** Keeps an unlocked vault unlocked across worker restarts (the extension's session storage). */
  vaultSession?: VaultSession;
  /** Told when the vault locks or unlocks (the extension tells its open pages). */
  onVaultLockChange?: () => void;
  /** Wraps each routing decision (the benchmark times it). */
  measure?: ChatRouterDeps['measure'];
  /** Where signed catalog updates come from (fixed at build time); absent: the built-in catalog only. */
  catalogUpdates?: CatalogUpdateSource;
  /**
   * Routing reads, in the background, stale live model lists and the allowances providers state
   * (`true` unless turned off: tests that count every upstream call). Lists read for
   * `GET /models` are followed either way.
   */
  backgroundReads?: boolean;
  /** The browser's built-in model (Chrome's `LanguageModel`); absent where there is none. */
  promptApi?: PromptApi;
  /** The user's time zone (IANA name): the usage history's hours and days are theirs. UTC unless given. */
  timeZone?: string;
}

/** What a transport read from the HTTP request besides the body. */
export interface ChatOptions {
  /** The `x-freellm-strategy` header. */
  strategy?: string;
  /** The request's headers (`Cache-Control` is read). */
  headers?: Record<string, string>;
  /** Told as each provider is asked (the chat shows whom it waits on); not for a cached or joined answer. */
  onAttempt?(progress: AttemptProgress): void;
}

/** A key as the UIs see it: no secret, and why the router disabled it, if it did. */
export type KeyListing = KeySummary & { disabledBecause?: KeyDisabledBecause };

export interface Engine {
  chat(body: unknown, caller: Caller, signal?: AbortSignal, options?: ChatOptions): Promise<EngineAnswer>;
  /** OpenAI `POST /embeddings`: one embedding model per request, batched, cached, accounted and logged as chat is. */
  embeddings(body: unknown, caller: Caller, signal?: AbortSignal, options?: ChatOptions): Promise<JsonAnswer>;
  /** OpenAI `GET /models`: virtual models, aliases, and `provider/model` for every provider the user has a key for. */
  models(caller: Caller): Promise<EngineAnswer>;
  /** The ids `GET /models` lists for the extension itself: what an alias may point at. */
  reachableModels(): Promise<string[]>;
  keys: Omit<KeyManager, 'reveal' | 'list' | 'matchStored' | 'forget'> & {
    list(): Promise<KeyListing[]>;
    /** Whether each key works, in words; the provider's model list where it has one (no quota used). */
    check(ids: string[]): Promise<KeyCheck[]>;
  };
  vault: Omit<Vault, 'seal' | 'open' | 'assertUnlocked'>;
  /** Bulk import of pasted `.env` text: a preview first, then all or nothing. */
  envImport: EnvImport;
  /** The settings file: export (keys encrypted unless asked otherwise) and all-or-nothing import. */
  settings: SettingsTransfer;
  providers: ProviderDirectory;
  origins: OriginGrants;
  /** Settings, token and door of the endpoint tools outside the browser call (local-api/). */
  localEndpoint: LocalEndpoint;
  requestLog(limit?: number): Promise<RequestLogEntry[]>;
  /** One page of the log, filtered, with the sites and providers it names (the options page). */
  queryRequestLog(query: RequestLogQuery): Promise<RequestLogPage>;
  routing: {
    settings(): Promise<RoutingSettings>;
    /** Strategy, aliases and groups, affinity, pacing, time limits; parsed strictly. */
    saveSettings(input: unknown): Promise<RoutingSettings>;
  };
  /**
   * The pool's headroom per provider and model and when it runs out at the recent pace: for a page
   * (`GET /quota`, after the same checks as `/models`) with its own limits, or for the extension.
   */
  quota(caller: Caller): Promise<QuotaReport>;
  /**
   * Requests, tokens, failures and latency per key by hour (7 days) and day (30 days), and when
   * each key's day runs out at its recent pace: the dashboard's charts.
   */
  usageHistory(): Promise<UsageHistoryReport & { keys: KeyQuota[] }>;
  /** Passive health and usage per (provider, key, model), and why keys were disabled. */
  health(): Promise<{ models: HealthEntry[]; notices: KeyNotice[] }>;
  cache: Pick<ResponseCache, 'clear'> & {
    stats(): Promise<CacheStats>;
    configure(settings: CacheSettings): Promise<void>;
  };
  /** The user's rate-limit overrides (they beat the catalog and what was learned). */
  limits: { get(): Promise<UserLimits>; save(input: unknown): Promise<UserLimits> };
  /** FreeLLM's own chats (popup, standalone playground), sealed by the vault. */
  chats: ChatHistory;
  /** The catalog in use (built-in or a signed update) and its updates. */
  catalog: {
    status(): Promise<CatalogStatus>;
    setUpdatesEnabled(enabled: boolean): Promise<CatalogStatus>;
    /** Fetches an update when the last attempt is a day old (the host calls it when it starts). */
    refreshIfDue(): Promise<void>;
  };
  /** Catalog defaults that providers no longer serve (and what `auto` uses instead), and retired models. */
  modelStatus(): Promise<ModelStatus>;
  /** The browser's built-in model: whether it can run, and its download (only on the user's request). */
  onDevice: Pick<OnDeviceModel, 'status' | 'download'>;
  /** Resolves once the bookkeeping behind earlier answers is written (before a restart, in tests). */
  settled(): Promise<void>;
}

/** Stands in for the key of a local server, which needs none; never sent anywhere. */
const LOCAL_SERVER_PLACEHOLDER = 'local-server-needs-no-key';

async function* replayChunks(
  completion: ChatCompletion,
  includeUsage: boolean,
): AsyncGenerator<ChatCompletionChunk> {
  yield* replayAsChunks(completion, { includeUsage });
}

export function createEngine(host: EngineHost): Engine {
  const { db, now } = host;
  const newId = () => host.crypto.randomUUID();
  const vault = createVault(db, host.crypto, {
    now,
    timers: host.timers,
    session: host.vaultSession,
    onLockChange: host.onVaultLockChange,
    onDataKeyChange: dataKeyChanged,
  });
  const keyRing = createKeyRing(db, vault, now, newId);
  const catalog = createCurrentCatalog();
  const catalogUpdates = createCatalogUpdates({
    db,
    fetch: host.fetch,
    now,
    crypto: host.crypto,
    catalog,
    source: host.catalogUpdates,
  });
  const onDevice = createOnDeviceModel(host.promptApi);
  const providers = createProviderDirectory(db, newId, onDevice.adapter, catalog);
  // Bookkeeping (usage, site counts, the request log, cached answers, affinity) is written after the answer leaves.
  const writeBehind = createWriteBehind();
  const origins = createOriginGrants(db, now, writeBehind);
  const localEndpoint = createLocalEndpoint({ db, vault, crypto: host.crypto, now, writeBehind });
  const settingsTransfer = createSettingsTransfer({ db, vault, keyRing, crypto: host.crypto, now, newId });
  const { timers, measure } = host;
  const userLimits = createUserLimitsStore(db);
  const limits = withUserLimits(host.limits ?? limitSourceOf(catalog), userLimits.current);
  const availability = createModelAvailability({ db, now, writeBehind });
  const history = createUsageHistory({ now, timeZone: host.timeZone, db, writeBehind });
  const refreshModelLists =
    host.backgroundReads === false
      ? undefined
      : (providerIds: Iterable<string>) => modelLister.refresh(providerIds);
  const router = createChatRouter({
    db,
    fetch: host.fetch,
    now,
    keys: keyRing,
    providers,
    limits,
    models: host.models ?? modelSourceOf(catalog),
    timers,
    measure,
    writeBehind,
    availability,
    refreshModelLists,
    readStatedAllowances: host.backgroundReads !== false,
    history,
  });
  const cache = createResponseCache({ db, now, crypto: host.crypto, vault, writeBehind });
  const cacheSettings = keptCacheSettings(db);
  const loadCacheSettings = async () => cache.configure(await cacheSettings.get());
  const modelLister = createModelLister({
    keys: keyRing,
    providers,
    settings: router.settings,
    fetch: host.fetch,
    now,
    catalog,
    availability,
  });

  const requestLog = createRequestLogWriter(db, now, writeBehind);
  const quotaReader = createQuotaReader({
    now,
    keys: keyRing,
    providers,
    ledger: router.ledger,
    requestLog,
    origins,
    catalog,
  });

  /**
   * A new passphrase re-sealed the keys under a new data key: the key ring's copy of the old
   * ciphertext goes, and so do cached answers (sealed under the old key, and cheaper to fetch
   * again than to re-seal).
   */
  async function dataKeyChanged(): Promise<void> {
    keyRing.forget();
    await cache.clear();
  }

  /**
   * Locked means locked: every chat request (whoever asks) and every page or local request gets the
   * vault's 423 first, before any cached or shared answer and before a site's request is counted.
   * Pages must be allowed (the local endpoint checked its token before); a chat request also
   * counts against the origin's, or the local endpoint's, own limits.
   */
  async function authorize(caller: Caller, forChat: boolean): Promise<void> {
    if (forChat || caller.kind !== 'extension') await vault.assertUnlocked();
    if (caller.kind === 'extension') return;
    if (caller.kind === 'local') {
      if (forChat) await localEndpoint.count();
      return;
    }
    await (forChat ? origins.admit(caller) : origins.check(caller));
  }

  async function chat(
    body: unknown,
    caller: Caller,
    signal?: AbortSignal,
    options?: ChatOptions,
  ): Promise<EngineAnswer> {
    const requestId = `req_${newId().replaceAll('-', '')}`;
    const started = now();
    let request: ChatCompletionRequest | undefined;
    // This caller's own log line; the attempts are known only to the caller whose call went upstream.
    let attempts: Attempt[] = [];
    /** Past the caller checks (a page: counted against its site's own limits). */
    let admitted = false;
    const finish = (status: number, headers: Record<string, string>) => {
      requestLog.write({
        requestId,
        at: started,
        origin: callerOrigin(caller),
        model: request?.model ?? 'unknown',
        stream: request?.stream === true,
        status,
        provider: headers['x-freellm-provider'] ?? null,
        servedModel: headers['x-freellm-model'] ?? null,
        latencyMs: now() - started,
        attempts,
      });
      void router.ledger.flush();
    };
    const answerWith = (
      headers: Record<string, string>,
      cacheState: string,
      value: { completion: ChatCompletion } | { chunks: AsyncIterable<ChatCompletionChunk> },
    ): EngineAnswer => {
      const answerHeaders = { ...headers, 'x-request-id': requestId, 'x-freellm-cache': cacheState };
      if ('completion' in value) {
        finish(200, answerHeaders);
        return { kind: 'json', status: 200, headers: answerHeaders, body: value.completion };
      }
      return {
        kind: 'stream',
        status: 200,
        headers: answerHeaders,
        chunks: errorAsLastChunk(value.chunks, (status) => finish(status, answerHeaders)),
      };
    };
    try {
      await authorize(caller, true);
      admitted = true;
      request = parseOrInvalidRequest(chatCompletionRequestSchema, body, {
        what: 'Invalid chat completion request',
      });
      await Promise.all([userLimits.load(), loadCacheSettings(), catalogUpdates.load()]);
      const stream = request.stream === true;
      const includeUsage = request.stream_options?.include_usage === true;
      const policy = cache.policyFor(request, options?.headers);
      // Cached and in-flight answers are shared within one origin only, as browsers partition
      // their HTTP cache; the extension's pages share theirs (docs/cache.md).
      const key = await cache.keyFor(request, callerOrigin(caller));
      const hit = policy.read ? await cache.get(key) : undefined;
      if (hit)
        return answerWith(
          hit.headers,
          'hit',
          stream ? { chunks: replayChunks(hit.completion, includeUsage) } : hit,
        );
      const route = await router.prepare(request, options?.strategy);
      const shared = await cache.run(
        key,
        async (upstreamSignal) => {
          if (!stream) {
            const result = await router.complete(route, upstreamSignal, options?.onAttempt);
            attempts = result.attempts;
            return { headers: routingHeaders(result.served, result.attempts), completion: result.value };
          }
          const result = await router.stream(route, upstreamSignal, options?.onAttempt);
          attempts = result.attempts;
          return { headers: routingHeaders(result.served, result.attempts), chunks: result.chunks };
        },
        { signal, stream, includeUsage, join: policy.read, share: policy.write },
      );
      return answerWith(
        shared.headers,
        shared.cache,
        shared.kind === 'json' ? shared : { chunks: shared.chunks },
      );
    } catch (thrown) {
      if (admitted) await releaseIfOffline(origins, caller, thrown, started);
      const answer = failureAnswer(thrown, requestId);
      attempts = answer.attempts;
      finish(answer.status, {});
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
    await catalogUpdates.load();
    return { kind: 'json', status: 200, headers: {}, body: await modelLister.list() };
  }

  const embeddings = createEmbedder({
    router,
    cache,
    requestLog,
    origins,
    now,
    newId,
    admit: (caller) => authorize(caller, true),
    load: async () => {
      await Promise.all([userLimits.load(), loadCacheSettings(), catalogUpdates.load()]);
    },
  });

  return {
    chat,
    embeddings,
    models,
    reachableModels: async () => (await modelLister.list()).data.map((model) => model.id),
    keys: {
      /** A local server (keyless) is added like a key, with no secret: its entry is what enables it. */
      async add(input) {
        const provider = await providers.resolve(input.providerId);
        if (!provider)
          throw invalidRequest(
            `Unknown provider "${input.providerId}". Pick one from the list or add a custom endpoint.`,
            'providerId',
          );
        const keyless = provider.keyless && !input.secret?.trim();
        return keyRing.add(
          keyless
            ? { ...input, secret: LOCAL_SERVER_PLACEHOLDER, label: input.label || provider.name }
            : input,
        );
      },
      addMany: keyRing.addMany,
      rename: keyRing.rename,
      restore: keyRing.restore,
      check: (ids) => checkKeys(ids, { keys: keyRing, providers, fetch: host.fetch, now }),
      rotate: keyRing.rotate,
      reorder: keyRing.reorder,
      /** Each key with `disabledBecause` when the router disabled it (invalid, out of credits). */
      async list() {
        const notices = new Map((await router.notices.list()).map((notice) => [notice.keyId, notice]));
        return (await keyRing.list()).map((key) => {
          const notice = notices.get(key.id);
          return notice
            ? { ...key, disabledBecause: { refusal: notice.refusal, reason: notice.reason } }
            : key;
        });
      },
      remove: keyRing.remove,
      async setEnabled(id, enabled) {
        await keyRing.setEnabled(id, enabled);
        if (enabled) await router.keyEnabled(id);
      },
    },
    providers: {
      ...providers,
      async list() {
        await catalogUpdates.load();
        return providers.list();
      },
      async removeCustom(id) {
        await providers.removeCustom(id);
        keyRing.forget();
      },
    },
    origins,
    localEndpoint,
    vault: {
      status: vault.status,
      setPassphrase: vault.setPassphrase,
      unlock: vault.unlock,
      lock: vault.lock,
      changePassphrase: vault.changePassphrase,
      removePassphrase: vault.removePassphrase,
      touch: vault.touch,
    },
    envImport: createEnvImport(keyRing, providers),
    settings: settingsTransfer,
    requestLog: (limit = 100) => requestLog.recent(limit),
    queryRequestLog: async (query) => queryRequestLog(await requestLog.recent(REQUEST_LOG_CAP), query),
    routing: { settings: router.settings, saveSettings: router.saveSettings },
    cache: {
      async stats() {
        await loadCacheSettings();
        return cache.stats();
      },
      clear: cache.clear,
      async configure(settings) {
        const parsed = cacheSettingsSchema.parse(settings);
        cache.configure(await cacheSettings.save({ ...(await cacheSettings.get()), ...parsed }));
      },
    },
    limits: {
      async get() {
        await userLimits.load();
        return userLimits.current();
      },
      save: userLimits.save,
    },
    chats: createChatHistory(db, vault, now),
    catalog: {
      status: catalogUpdates.status,
      setUpdatesEnabled: catalogUpdates.setEnabled,
      refreshIfDue: catalogUpdates.refreshIfDue,
    },
    async modelStatus() {
      const status = await readModelStatus({ keys: keyRing, providers, availability, models: router.models });
      // Whoever asks is looking at the page that shows it: stale lists are read for the next look.
      refreshModelLists?.((await keyRing.list()).filter((key) => key.enabled).map((key) => key.providerId));
      return status;
    },
    onDevice: { status: onDevice.status, download: onDevice.download },
    settled: () => writeBehind.settled(),
    async quota(caller) {
      await authorize(caller, false);
      // The limits include the user's own, which a restarted engine has not read yet.
      await Promise.all([router.ledger.load(), userLimits.load()]);
      return quotaReader.read(caller.kind === 'extension' ? null : callerOrigin(caller));
    },
    async usageHistory() {
      await Promise.all([router.ledger.load(), userLimits.load(), catalogUpdates.load()]);
      return { ...history.read(), keys: await quotaReader.readKeys() };
    },
    async health() {
      // The report's limits include the user's own, which a restarted engine has not read yet.
      await Promise.all([router.ledger.load(), userLimits.load(), catalogUpdates.load()]);
      const nameOf = providerNamesOf(await providers.list());
      const models = router.ledger.report().map((entry) => lastErrorByName(entry, nameOf));
      return { models, notices: await router.notices.list() };
    },
  };
}
