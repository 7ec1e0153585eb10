/**
 * @module What every provider adapter offers the router. An adapter is pure apart from the
 * injected `fetch`: it builds the provider's HTTP request, parses its answer into OpenAI objects
 * and classifies its errors into FreeLLMErrors with a `kind`. It never retries.
 */
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionRequest } from '../openai/chat';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface AdapterCall {
  fetch: FetchLike;
  /** The provider's base URL, e.g. `https://api.groq.com/openai/v1`. */
  baseURL: string;
  /** Clear key, handed over by the vault for this one call; undefined for local servers. */
  apiKey?: string;
  /** The provider's own model id. */
  model: string;
  providerId: string;
  signal?: AbortSignal;
  now: () => number;
  /** Gets every answer's headers (and limits an error body states), so the router learns limits. */
  onRateLimitHeaders?(headers: Headers): void;
}

export interface ProviderAdapter {
  complete(request: ChatCompletionRequest, call: AdapterCall): Promise<ChatCompletion>;
  /** Resolves once the provider accepted the stream (HTTP 2xx), so errors before it can fail over. */
  stream(request: ChatCompletionRequest, call: AdapterCall): Promise<AsyncIterable<ChatCompletionChunk>>;
}
