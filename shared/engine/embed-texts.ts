/**
 * @module `POST /embeddings` in the engine: the request is admitted and parsed as a chat request
 * is, settles on one embedding model, takes the vectors it already has from the cache (per model,
 * length and text, within the caller's partition), sends the other texts in batches no larger
 * than every candidate takes, each routed and failed over among that model's keys only, and
 * answers the vectors in the input's order. It is accounted and logged like a chat request.
 */
import type { ResponseCache } from '../cache';
import { headerCachePolicy } from '../cache/cache-policy';
import type { OriginGrants } from '../grants/origin-grants';
import {
  embeddingList,
  embeddingRequestSchema,
  inputTexts,
  type EmbeddingRequest,
} from '../openai/embeddings';
import { invalidRequest } from '../openai/error';
import { parseOrInvalidRequest } from '../openai/parse-or-invalid-request';
import type { Attempt } from '../request-log/request-log-entry';
import type { RequestLogWriter } from '../request-log/request-log-writer';
import type { Candidate } from '../router/candidates';
import type { ChatRouter, EmbeddingRoute } from '../router/chat-router';
import { failureAnswer } from '../router/failure-answer';
import { releaseIfOffline } from './release-if-offline';
import { AttemptsFailed } from '../router/run-attempts';
import type { ChatOptions } from './create-engine';
import { callerOrigin, routingHeaders, type Caller, type JsonAnswer } from './engine-answer';

/** Inputs per upstream call for a model whose limit the catalog does not know (a custom endpoint's). */
const UNKNOWN_MODEL_BATCH = 32;

export interface EmbedDeps {
  router: Pick<ChatRouter, 'prepareEmbedding' | 'embed' | 'ledger'>;
  cache: Pick<ResponseCache, 'vectorKeyFor' | 'getVector' | 'putVector'>;
  requestLog: Pick<RequestLogWriter, 'write'>;
  origins: Pick<OriginGrants, 'release'>;
  now: () => number;
  newId: () => string;
  /** The vault's 423 and, for a page, its grant and its own limits (counted). */
  admit(caller: Caller): Promise<void>;
  /** Settings the answer depends on that a restarted engine has not read yet. */
  load(): Promise<void>;
}

const estimatedTokens = (texts: readonly string[]) =>
  Math.ceil(texts.reduce((sum, text) => sum + text.length, 0) / 4);

/**
 * The length to ask the provider for: none when the request names none or the model's own (some
 * providers refuse the field), else one the model offers. An unknown model gets what was asked.
 */
function upstreamDimensions(route: EmbeddingRoute, dimensions: number | undefined): number | undefined {
  if (dimensions === undefined) return undefined;
  for (const { info } of route.candidates) {
    const spec = info?.embedding;
    if (!spec) continue;
    if (dimensions === spec.dimensions) return undefined;
    if (!spec.dimensionChoices?.includes(dimensions))
      throw invalidRequest(
        `"${route.name}" makes vectors of ${[spec.dimensions, ...(spec.dimensionChoices ?? [])]
          .filter((value, index, all) => all.indexOf(value) === index)
          .join(' or ')} dimensions, not ${dimensions}.`,
        'dimensions',
      );
  }
  return dimensions;
}

/** The most inputs every candidate takes in one call. */
const batchLimit = (candidates: readonly Candidate[]) =>
  Math.min(...candidates.map((candidate) => candidate.info?.embedding?.maxBatch ?? UNKNOWN_MODEL_BATCH));

export function createEmbedder(deps: EmbedDeps) {
  const { now } = deps;

  return async function embed(
    body: unknown,
    caller: Caller,
    signal?: AbortSignal,
    options?: ChatOptions,
  ): Promise<JsonAnswer> {
    const requestId = `req_${deps.newId().replaceAll('-', '')}`;
    const started = now();
    let request: EmbeddingRequest | undefined;
    const attempts: Attempt[] = [];
    let admitted = false;
    const finish = (status: number, headers: Record<string, string>) => {
      deps.requestLog.write({
        requestId,
        at: started,
        origin: callerOrigin(caller),
        model: request?.model ?? 'unknown',
        stream: false,
        status,
        provider: headers['x-freellm-provider'] ?? null,
        servedModel: headers['x-freellm-model'] ?? null,
        latencyMs: now() - started,
        attempts,
      });
      void deps.router.ledger.flush();
    };
    try {
      await deps.admit(caller);
      admitted = true;
      request = parseOrInvalidRequest(embeddingRequestSchema, body, { what: 'Invalid embeddings request' });
      await deps.load();
      const route = await deps.router.prepareEmbedding(request.model, options?.strategy);
      const dimensions = upstreamDimensions(route, request.dimensions);
      const texts = inputTexts(request);
      const policy = headerCachePolicy(options?.headers);
      const partition = callerOrigin(caller);
      const keys = await Promise.all(
        texts.map((text) =>
          deps.cache.vectorKeyFor({ model: route.name, dimensions: request?.dimensions, text }, partition),
        ),
      );
      const vectors = new Map<string, number[]>();
      if (policy.read)
        for (const key of new Set(keys)) {
          const kept = await deps.cache.getVector(key);
          if (kept) vectors.set(key, kept);
        }
      const cachedTokens = estimatedTokens(texts.filter((_, index) => vectors.has(keys[index]!)));
      // Each text once, however often it repeats, in the order it first comes.
      const missing = [...new Map(texts.map((text, index) => [keys[index]!, text])).entries()].filter(
        ([key]) => !vectors.has(key),
      );
      const size = batchLimit(route.candidates);
      let sentTokens = 0;
      let served: Candidate | undefined;
      for (let start = 0; start < missing.length; start += size) {
        const batch = missing.slice(start, start + size);
        const result = await deps.router
          .embed(route, { texts: batch.map(([, text]) => text), dimensions }, signal, options?.onAttempt)
          .catch((thrown: unknown) => {
            if (thrown instanceof AttemptsFailed) attempts.push(...thrown.attempts);
            throw thrown;
          });
        attempts.push(...result.attempts);
        served = result.served;
        sentTokens += result.value.promptTokens ?? estimatedTokens(batch.map(([, text]) => text));
        for (const [index, [key]] of batch.entries()) {
          const vector = result.value.vectors[index]!;
          vectors.set(key, vector);
          if (policy.write) void deps.cache.putVector(key, vector);
        }
      }
      const headers = {
        ...(served ? routingHeaders(served, attempts) : {}),
        'x-request-id': requestId,
        'x-freellm-cache': served ? 'miss' : 'hit',
      };
      finish(200, headers);
      const list = embeddingList(
        keys.map((key) => vectors.get(key)!),
        route.name,
        cachedTokens + sentTokens,
        request.encoding_format,
      );
      return { kind: 'json', status: 200, headers, body: list };
    } catch (thrown) {
      if (admitted) await releaseIfOffline(deps.origins, caller, thrown, started);
      const answer = failureAnswer(thrown, requestId);
      finish(answer.status, {});
      return {
        kind: 'json',
        status: answer.status,
        headers: { ...answer.headers, 'x-freellm-attempts': String(attempts.length) },
        body: answer.body,
      };
    }
  };
}
