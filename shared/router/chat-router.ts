/**
 * @module The router as the engine uses it: turns one parsed chat request into candidates
 * (virtual models, aliases, capability filter), orders them by strategy and affinity against the
 * accounting, runs the attempts, relays streams, and settles token estimates with reported usage.
 */
import type { KeySummary } from '../keys/stored-key';
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionRequest } from '../openai/chat';
import { errorWithCode, invalidRequest } from '../openai/error';
import type { ProviderDirectory, ResolvedProvider } from '../providers/provider-directory';
import { parseRateLimitHeaders } from '../providers/rate-limits';
import type { EmbeddedBatch, EmbeddingBatch, FetchLike } from '../providers/types';
import { embeddingCandidates, type EmbeddingCandidates } from './embedding-candidates';
import type { FreeLLMDatabase } from '../store/database';
import type { KeyRefusal } from '../usage/key-notice';
import { createKeyNotices } from '../usage/key-notices';
import type { LimitSource } from '../usage/usage-limits';
import { createUsageLedger } from '../usage/usage-ledger';
import type { WriteBehind } from '../store/write-behind';
import { catalogLimitSource, catalogModelSource } from './catalog-sources';
import {
  expandModel,
  pinOf,
  requestNeeds,
  unfitReason,
  type Candidate,
  type RequestNeeds,
} from './candidates';
import { conversationOf, createAffinityMemory } from './conversation-affinity';
import type { ModelSource } from './model-equivalence';
import { orderCandidates, targetOf, type Ordering } from './order-candidates';
import { readFreeLLMOptions, type FreeLLMOptions } from '../openai/freellm-options';
import {
  keptRoutingSettings,
  parseRoutingSettings,
  strategySchema,
  type RoutingSettings,
  type Strategy,
} from './routing-settings';
import {
  runAttempts,
  type AttemptCall,
  type AttemptProgress,
  type Served,
  type Timers,
} from './run-attempts';
import { tellingFirstByte } from './first-byte';
import { openStream, relayStream, type StreamEnd, type StreamSource } from './stream-relay';
import { pinCoolingDown, pinRetired, pinWithoutKey } from './unusable-pin';
import { availableModelSource } from './available-models';
import type { ModelAvailability } from './model-availability';
import { createStatedAllowances } from './stated-allowances';
import type { UsageHistory } from '../usage/usage-history';

export interface ChatRouterDeps {
  db: FreeLLMDatabase;
  fetch: FetchLike;
  now: () => number;
  keys: {
    list(): Promise<KeySummary[]>;
    reveal(id: string): Promise<string>;
    setEnabled(id: string, enabled: boolean): Promise<void>;
  };
  providers: Pick<ProviderDirectory, 'resolve' | 'list'>;
  /** Free-tier limits; the catalog's by default. */
  limits?: LimitSource;
  /** Capabilities, context windows, tiers; the catalog's by default. */
  models?: ModelSource;
  timers?: Timers;
  /** Wraps the routing decision; the benchmark times it. */
  measure?: <T>(label: 'route', work: () => T) => T;
  /** Where the usage ledger and the affinity memory queue their writes (the engine shares one queue). */
  writeBehind?: WriteBehind;
  /** Live model lists and retired models; with it, routing follows what providers serve today. */
  availability?: ModelAvailability;
  /** Asked to read stale live model lists again, in the background: routing never waits on them. */
  refreshModelLists?(providerIds: Iterable<string>): void;
  /** Reads the allowances providers state (OpenRouter's `GET /key`) in the background. */
  readStatedAllowances?: boolean;
  /** The dashboard's hour-by-hour history, fed by the ledger. */
  history?: UsageHistory;
}

/** What a run of attempts needs: the order to try, the limits, and the conversation to remember it for. */
type AttemptPlan = Pick<Route, 'ordering' | 'needs' | 'settings' | 'firstByteTimeoutMs'> & {
  conversation?: string;
};

/** One embedding model's candidates (see embedding-candidates.ts), tried for each batch in turn. */
export interface EmbeddingRoute extends EmbeddingCandidates {
  settings: RoutingSettings;
  strategy: Strategy;
}

export interface Route {
  upstream: ChatCompletionRequest;
  ordering: Ordering;
  needs: RequestNeeds;
  settings: RoutingSettings;
  conversation: string;
  /** The request's own time-to-first-byte limit (`freellm.firstByteTimeoutMs`), which beats every other. */
  firstByteTimeoutMs?: number;
}

const sourceOf = (candidate: Candidate): StreamSource => ({
  providerId: candidate.provider.id,
  providerName: candidate.provider.name,
});

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createChatRouter(deps: ChatRouterDeps) {
  const { db, now } = deps;
  const ledger = createUsageLedger({
    now,
    limits: deps.limits ?? catalogLimitSource,
    db,
    writeBehind: deps.writeBehind,
    history: deps.history,
  });
  const { availability } = deps;
  const catalogModels = deps.models ?? catalogModelSource;
  const modelSource = availability ? availableModelSource(catalogModels, availability) : catalogModels;
  const notices = createKeyNotices(db);
  const statedAllowances = createStatedAllowances({
    fetch: deps.fetch,
    now,
    ledger,
    reveal: (keyId) => deps.keys.reveal(keyId),
  });
  const affinity = createAffinityMemory({ db, writeBehind: deps.writeBehind });
  const timers = deps.timers ?? defaultTimers;
  const measure = deps.measure ?? ((_label, work) => work());
  const settings = keptRoutingSettings(db);

  function readStrategy(options: FreeLLMOptions, header: string | undefined): Strategy | undefined {
    if (header === undefined) return options.strategy;
    const strategy = strategySchema.safeParse(header.trim().toLowerCase());
    if (!strategy.success)
      throw invalidRequest(
        `x-freellm-strategy must be one of priority, balanced, fastest.`,
        'x-freellm-strategy',
      );
    return strategy.data;
  }

  function plan(
    request: ChatCompletionRequest,
    keys: KeySummary[],
    providers: Map<string, ResolvedProvider>,
    known: Set<string>,
    current: RoutingSettings,
    strategy: Strategy,
  ): Omit<Route, 'upstream'> {
    const needs = requestNeeds(request);
    const all = expandModel(request.model, {
      keys,
      providers,
      known,
      models: modelSource,
      aliases: current.aliases,
    });
    if (all.length === 0) {
      throw errorWithCode(
        'no_keys',
        `No enabled key can serve model "${request.model}". Add a provider key in the FreeLLM options page.`,
      );
    }
    const chatModels = all.filter((candidate) => candidate.info?.embedding === undefined);
    if (chatModels.length === 0)
      throw errorWithCode(
        'not_a_chat_model',
        `"${request.model}" is an embedding model: send it to POST /embeddings, or ask for a chat model such as "auto".`,
        { param: 'model' },
      );
    const fit = chatModels.filter((candidate) => unfitReason(candidate.info, needs) === undefined);
    if (fit.length === 0) {
      const missing = [...new Set(chatModels.map((candidate) => unfitReason(candidate.info, needs)))].join(
        ', ',
      );
      throw errorWithCode('no_capable_model', `No model "${request.model}" can use supports ${missing}.`, {
        param: 'model',
      });
    }
    const conversation = conversationOf(request.messages);
    const preferred = current.affinity && conversation.followUp ? affinity.get(conversation.id) : undefined;
    const ordering = orderCandidates(fit, {
      ledger,
      strategy,
      needs,
      now: now(),
      pacing: current.pacing,
      preferred,
    });
    return { ordering, needs, settings: current, conversation: conversation.id };
  }

  /** The settings, the keys and every provider, with the accounting and availability loaded. */
  async function loadInputs() {
    const [current, keys, everyProvider] = await Promise.all([
      settings.get(),
      deps.keys.list(),
      deps.providers.list(),
      ledger.load(),
      affinity.load(),
      availability?.load(),
    ]);
    const enabled = keys.filter((key) => key.enabled);
    const known = new Set(everyProvider.map((provider) => provider.id));
    return { current, keys, everyProvider, enabled, known };
  }

  /** The providers of the enabled keys; their stale model lists and stated allowances are read behind. */
  async function providersOf(enabled: KeySummary[]): Promise<Map<string, ResolvedProvider>> {
    const providers = new Map<string, ResolvedProvider>();
    for (const id of new Set(enabled.map((key) => key.providerId))) {
      const provider = await deps.providers.resolve(id);
      if (provider) providers.set(id, provider);
    }
    deps.refreshModelLists?.(providers.keys());
    if (deps.readStatedAllowances) statedAllowances.refresh(enabled, providers);
    return providers;
  }

  async function prepare(request: ChatCompletionRequest, headerStrategy?: string): Promise<Route> {
    const options = readFreeLLMOptions(request.freellm);
    const strategy = readStrategy(options, headerStrategy);
    const { freellm: _freellm, ...upstream } = request;
    const { current, keys, everyProvider, enabled, known } = await loadInputs();
    const pin = current.aliases[upstream.model]
      ? undefined
      : pinOf(upstream.model, { known, models: modelSource });
    const pinned = pin && everyProvider.find((provider) => provider.id === pin.providerId);
    const retiredAt = pin && availability?.retiredAt(pin.providerId, pin.model);
    if (pinned && retiredAt !== undefined) throw pinRetired(upstream.model, pinned, retiredAt);
    if (pinned && !enabled.some((key) => key.providerId === pinned.id)) {
      throw pinWithoutKey(
        upstream.model,
        pinned,
        keys.filter((key) => key.providerId === pinned.id),
        await notices.list(),
      );
    }
    const providers = await providersOf(enabled);
    const route = measure('route', () =>
      plan(upstream, enabled, providers, known, current, strategy ?? current.strategy),
    );
    const coolingDown =
      pinned && route.ordering.ready.length === 0
        ? pinCoolingDown(upstream.model, pinned, route.ordering.waiting, now())
        : undefined;
    if (coolingDown) throw coolingDown;
    return { ...route, upstream, firstByteTimeoutMs: options.firstByteTimeoutMs };
  }

  async function disableKey(candidate: Candidate, refusal: KeyRefusal): Promise<void> {
    await deps.keys.setEnabled(candidate.key.id, false);
    await notices.record({ keyId: candidate.key.id, providerId: candidate.provider.id, refusal, at: now() });
  }

  /** `answering` is told when the answer's first byte arrives (a stream's is not: its first token counts). */
  async function callFor(candidate: Candidate, signal: AbortSignal, answering?: () => void) {
    const target = targetOf(candidate);
    return {
      fetch: answering ? tellingFirstByte(deps.fetch, answering) : deps.fetch,
      baseURL: candidate.provider.baseURL,
      model: candidate.model,
      providerId: candidate.provider.id,
      providerName: candidate.provider.name,
      signal,
      now,
      // A local server takes no key: its entry holds a placeholder that is never sent.
      apiKey: candidate.provider.keyless ? undefined : await deps.keys.reveal(candidate.key.id),
      /** Adapters hand every answer's headers here (optional hook; see docs/routing.md). */
      onRateLimitHeaders: (headers: Headers) =>
        ledger.learn(target, parseRateLimitHeaders(candidate.provider.rateLimitHeaders, headers, now())),
    };
  }

  /** The request's limit if it set one; else the user's, raised for a provider known to be slow to start. */
  const firstByteTimeout = (route: AttemptPlan) => (candidate: Candidate) =>
    route.firstByteTimeoutMs ??
    Math.max(route.settings.firstByteTimeoutMs, candidate.provider.firstByteTimeoutMs ?? 0);

  function run<T>(
    route: AttemptPlan,
    attempt: AttemptCall<T>,
    signal?: AbortSignal,
    onAttempt?: (progress: AttemptProgress) => void,
  ): Promise<Served<T>> {
    const { settings: current } = route;
    return runAttempts(route.ordering, attempt, {
      ledger,
      now,
      timers,
      disableKey,
      // A custom endpoint has no model list that could ever bring a retired model back.
      modelNotFound: (candidate) =>
        candidate.provider.custom
          ? undefined
          : void availability?.notFound(candidate.provider.id, candidate.model),
      signal,
      onAttempt,
      firstByteTimeoutMs: firstByteTimeout(route),
      attemptTimeoutMs: current.attemptTimeoutMs,
      deadlineMs: current.deadlineMs,
      estimatedTokens: route.needs.estimatedTokens,
    }).then((served) => {
      void availability?.answered(served.served.provider.id, served.served.model);
      if (current.affinity && route.conversation !== undefined)
        affinity.remember(route.conversation, { keyId: served.served.key.id, model: served.served.model });
      return served;
    });
  }

  return {
    ledger,
    notices,
    /** The models routing sees: the catalog's (or the host's), as live lists and retirements leave them. */
    models: modelSource,
    prepare,
    async complete(
      route: Route,
      signal?: AbortSignal,
      onAttempt?: (progress: AttemptProgress) => void,
    ): Promise<Served<ChatCompletion>> {
      const served = await run(
        route,
        async (candidate, attemptSignal, answering) =>
          candidate.provider.adapter.complete(
            route.upstream,
            await callFor(candidate, attemptSignal, answering),
          ),
        signal,
        onAttempt,
      );
      ledger.settle(served.reservation, served.value.usage?.total_tokens ?? route.needs.estimatedTokens);
      return served;
    },
    /**
     * Fails over until a stream's first token; the accounting is settled once the stream ends, and
     * the serving attempt, logged as ok at its first token, is marked failed if the stream broke off.
     */
    async stream(route: Route, signal?: AbortSignal, onAttempt?: (progress: AttemptProgress) => void) {
      const served = await run(
        route,
        async (candidate, attemptSignal) => {
          const chunks = await candidate.provider.adapter.stream(
            route.upstream,
            await callFor(candidate, attemptSignal),
          );
          return openStream(chunks, sourceOf(candidate));
        },
        signal,
        onAttempt,
      );
      const chunks: AsyncIterable<ChatCompletionChunk> = relayStream(served.value, {
        source: sourceOf(served.served),
        stallMs: route.settings.streamStallMs,
        timers,
        abort: served.abort,
        done: async (end: StreamEnd) => {
          ledger.settle(
            served.reservation,
            end.reportedTokens ?? route.needs.promptTokens + Math.ceil(end.outputChars / 4),
          );
          const serving = served.attempts.at(-1);
          if (end.failure && serving)
            served.attempts[served.attempts.length - 1] = {
              ...serving,
              outcome: end.failure.kind ?? end.failure.type,
            };
        },
      });
      return { ...served, chunks };
    },
    /** Throws the clear error when the name is a chat model, or one no key serves. */
    async prepareEmbedding(model: string, headerStrategy?: string): Promise<EmbeddingRoute> {
      const strategy = readStrategy({}, headerStrategy);
      const { current, keys, everyProvider, enabled, known } = await loadInputs();
      const pin = current.aliases[model] ? undefined : pinOf(model, { known, models: modelSource });
      const pinned = pin && everyProvider.find((provider) => provider.id === pin.providerId);
      if (pinned && !enabled.some((key) => key.providerId === pinned.id))
        throw pinWithoutKey(
          model,
          pinned,
          keys.filter((key) => key.providerId === pinned.id),
          await notices.list(),
        );
      const providers = await providersOf(enabled);
      const resolved = embeddingCandidates(model, {
        keys: enabled,
        providers,
        known,
        models: modelSource,
        aliases: current.aliases,
      });
      if (resolved.candidates.length === 0)
        throw errorWithCode('no_keys', `No enabled key can serve model "${resolved.name}".`);
      return { ...resolved, settings: current, strategy: strategy ?? current.strategy };
    },
    /** Embeds one batch with the route's model: fails over only among its candidates. */
    async embed(
      route: EmbeddingRoute,
      batch: EmbeddingBatch,
      signal?: AbortSignal,
      onAttempt?: (progress: AttemptProgress) => void,
    ): Promise<Served<EmbeddedBatch>> {
      const tokens = Math.ceil(batch.texts.reduce((sum, text) => sum + text.length, 0) / 4);
      const needs: RequestNeeds = {
        tools: false,
        vision: false,
        json: false,
        promptTokens: tokens,
        contextTokens: tokens,
        estimatedTokens: tokens,
      };
      const ordering = orderCandidates(route.candidates, {
        ledger,
        strategy: route.strategy,
        needs,
        now: now(),
        pacing: false,
      });
      const served = await run(
        { ordering, needs, settings: route.settings },
        async (candidate, attemptSignal, answering) => {
          // Candidates come from embeddingCandidates, which keeps only adapters that embed.
          const call = await callFor(candidate, attemptSignal, answering);
          return candidate.provider.adapter.embed!(batch, call);
        },
        signal,
        onAttempt,
      );
      ledger.settle(served.reservation, served.value.promptTokens ?? tokens);
      return served;
    },
    settings: settings.get,
    /** Parsed strictly: invalid settings are a 400 and change nothing. */
    async saveSettings(input: unknown): Promise<RoutingSettings> {
      return settings.save(parseRoutingSettings(input));
    },
    /** The user re-enabled a key: forget why it was disabled and lift its cool-downs. */
    async keyEnabled(keyId: string): Promise<void> {
      await notices.clear(keyId);
      await ledger.forgiveKey(keyId);
      void ledger.flush();
    },
  };
}
export type ChatRouter = ReturnType<typeof createChatRouter>;
