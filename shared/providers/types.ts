/**
 * @module What every provider adapter offers the router. An adapter is pure apart from the
 * injected `fetch`: it builds the provider's HTTP request, parses its answer into OpenAI objects,
 * reads its model list and classifies its errors into FreeLLMErrors with a `kind`. It never retries.
 */
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionRequest } from '../openai/chat';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Who is called: the id goes into routing and error bodies (`provider`), the name into every
 * sentence a person reads (an error's message), so no one sees `custom-my-server-3f2a`.
 */
export interface ProviderIdentity {
  providerId: string;
  /** As the user knows it: a preset's name ("Groq"), or their own endpoint's as they typed it. */
  providerName: string;
}

export function identityOf({ providerId, providerName }: ProviderIdentity): ProviderIdentity {
  return { providerId, providerName };
}

export interface AdapterCall extends ProviderIdentity {
  fetch: FetchLike;
  /** The provider's base URL, e.g. `https://api.groq.com/openai/v1`. */
  baseURL: string;
  /** Clear key, handed over by the vault for this one call; undefined for local servers. */
  apiKey?: string;
  /** The provider's own model id. */
  model: string;
  signal?: AbortSignal;
  now: () => number;
  /** Gets every answer's headers (and limits an error body states), so the router learns limits. */
  onRateLimitHeaders?(headers: Headers): void;
}

/**
 * A model-list request: a call for no model in particular, to `endpoint` (a path appended to the
 * base URL, or a link resolved against it, so the key only goes to the host the user set).
 */
export interface ModelListCall extends Omit<AdapterCall, 'model'> {
  endpoint: string;
}

/** One model as the provider's own list gives it. */
export interface ProviderModel {
  id: string;
  /** Unix seconds. */
  created?: number;
  ownedBy?: string;
  contextWindow?: number;
}

/** What a request converter needs besides the OpenAI request: the provider's model, and whether to stream. */
export interface RequestTarget {
  model: string;
  stream: boolean;
}

/** What the answer mappers need besides the answer: who answered, for which model, and when. */
export interface ResponseContext extends ProviderIdentity {
  model: string;
  /** The time the answer arrived, in epoch milliseconds. */
  now: number;
}

export function responseContextOf(call: AdapterCall): ResponseContext {
  return { ...identityOf(call), model: call.model, now: call.now() };
}

/** One upstream embedding call: no more texts than the model takes at once. */
export interface EmbeddingBatch {
  texts: string[];
  /** A shorter vector, where the model offers one. */
  dimensions?: number;
}

export interface EmbeddedBatch {
  /** One per text, in the texts' order. */
  vectors: number[][];
  /** What the provider reported it counted; absent when it reports nothing. */
  promptTokens?: number;
}

export interface ProviderAdapter {
  complete(request: ChatCompletionRequest, call: AdapterCall): Promise<ChatCompletion>;
  /** Resolves once the provider accepted the stream (HTTP 2xx), so errors before it can fail over. */
  stream(request: ChatCompletionRequest, call: AdapterCall): Promise<AsyncIterable<ChatCompletionChunk>>;
  /** The provider's own model list; throws the family's classified error when it cannot be read. */
  listModels(call: ModelListCall): Promise<ProviderModel[]>;
  /** Embeds a batch with `call.model`; absent for families that embed nothing. */
  embed?(batch: EmbeddingBatch, call: AdapterCall): Promise<EmbeddedBatch>;
}
