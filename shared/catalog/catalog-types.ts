/**
 * @module The shape of the provider catalog: what FreeLLM knows about each provider and model,
 * and where each figure comes from. Limits are seeds: headers and error bodies learned at run
 * time override them. Every figure carries its source and date, so a stale one is easy to spot.
 */
import type { OpenAICompatibleQuirks } from '../providers/openai-compatible/openai-compatible-quirks';
import type { RateLimitHeaderFamily } from '../providers/rate-limits';

/** Which adapter speaks to the provider. */
export type WireFamily = 'openai-compatible' | 'anthropic' | 'gemini' | 'cohere';

/**
 * Who shares a limit: each `key` has its own; all keys of one `account` (organization, project)
 * share it; `model` means per model, shared by every key of the account.
 */
export type LimitScope = 'key' | 'account' | 'model';

/** A figure with its provenance; `disputedBy` records a source that says otherwise. */
export interface Sourced<T> {
  value: T;
  /** Where it was read: a docs URL without the scheme, or a named report. */
  source: string;
  /** When the source said so, `YYYY-MM` or `YYYY-MM-DD`. */
  asOf: string;
  note?: string;
  /** The figure another source gives (`null`: that source says there is none). */
  disputedBy?: { value: T | null; source: string; asOf: string };
}

export interface FreeTierLimits {
  scope: LimitScope;
  rpm?: Sourced<number>;
  rpd?: Sourced<number>;
  tpm?: Sourced<number>;
  tpd?: Sourced<number>;
  requestsPerMonth?: Sourced<number>;
  tokensPerMonth?: Sourced<number>;
  /** Cloudflare Workers AI meters everything in neurons per day. */
  neuronsPerDay?: Sourced<number>;
}

export interface ModelCapabilities {
  streaming: boolean;
  tools: boolean;
  vision: boolean;
  /** `response_format: { type: 'json_object' }` is honoured. */
  jsonMode: boolean;
}

/**
 * How a provider's key is paid for: `free` is a recurring free allowance (daily, monthly);
 * `trial-credit` a one-time credit that runs out; `paid` is pay as you go or a subscription.
 */
export type ProviderAccess = 'free' | 'trial-credit' | 'paid';

/**
 * What makes a model an embedding model (its kind): chat routing never picks one, and
 * `POST /embeddings` picks nothing else.
 */
export interface EmbeddingSpec {
  /** The vector's length when the request names none. */
  dimensions: number;
  /** The lengths `dimensions` may ask for (the provider shortens the vector); absent: only the default. */
  dimensionChoices?: number[];
  /** Most inputs one upstream call takes: longer input arrays are split and rejoined in order. */
  maxBatch: number;
}

export interface CatalogModel {
  /** The provider's own model id. */
  id: string;
  /** For an embedding model, the longest input it takes (in tokens). */
  contextWindow: Sourced<number>;
  capabilities: ModelCapabilities;
  /** This model's own free-tier limits; absent when unknown or when there is no free tier. */
  freeTier?: FreeTierLimits;
  /** For `auto:fast` / `auto:smart`; absent: guessed from the model's name. */
  tier?: 'fast' | 'smart';
  /** Only where it differs from the provider's: a model a free key cannot call (Gemini 2.5 Pro). */
  access?: Sourced<ProviderAccess>;
  /** Present for an embedding model; absent for a chat model. */
  embedding?: EmbeddingSpec;
  /**
   * The provider shut the model down; `value` is the day (the month when no day is given). It
   * stays known, so a pinned `provider/model` is still sent (the provider's answer decides), but
   * nothing picks it by itself.
   */
  retired?: Sourced<string>;
}

export interface FreeTierTerms {
  /** One line: what the free tier is and its catch ("evaluation only", "free data trains models"). */
  note: string;
  link: string;
  /** Said plainly wherever the provider is offered: who may log or keep the prompts. */
  promptsWarning?: string;
  /** Limits shared across every model (OpenRouter's daily free requests, Mistral's tokens). */
  limits?: FreeTierLimits;
}

export interface ProviderPreset extends OpenAICompatibleQuirks {
  id: string;
  name: string;
  family: WireFamily;
  /** Without a trailing slash; `{account_id}` is filled in per key (Cloudflare). */
  baseURL: string;
  /** Key prefixes for auto-detection, longest first; empty when keys carry none (the user picks). */
  keyPrefixes: readonly string[];
  /** Detection for keys with a shape but no prefix (Cloudflare's `ACCOUNT_ID:TOKEN`). */
  keyPattern?: RegExp;
  /** How to enter the key when it is not just the provider's key, shown by the key form. */
  keyFormat?: string;
  /**
   * Where the model list answers, always on the host of the base URL the user set (so a key never
   * goes elsewhere): `/models` is appended to `baseURL`, `../v1/models` resolved against it as a
   * link is. Absent: catalog only.
   */
  modelsEndpoint?: string;
  signupUrl: string;
  /** What a new key gets today; a provider without a recurring free tier stays, marked as such. */
  access: Sourced<ProviderAccess>;
  freeTier: FreeTierTerms;
  /**
   * No key: a local server (no limits, never runs out) or a remote endpoint open to anonymous
   * callers, limited per IP address.
   */
  keyless?: boolean;
  /** Runs on the user's machine: its host is an optional permission, asked when enabled. */
  local?: boolean;
  defaultModel: string;
  models: readonly CatalogModel[];
  rateLimitHeaders: RateLimitHeaderFamily;
  /**
   * Whether a web page may call it (it answers with CORS headers): decides, before any request,
   * which providers the playground can use without the extension. Absent: not known.
   */
  browserCors?: Sourced<boolean>;
  /** Known to be slow to start answering: the least time-to-first-byte limit it gets (see routing settings). */
  firstByteTimeoutMs?: Sourced<number>;
}

/**
 * Whether `auto`, `auto:fast` / `auto:smart`, shared model names and defaults may pick the model:
 * never a retired one, nor one a free key of a free provider cannot call.
 */
export function pickedAutomatically(preset: Pick<ProviderPreset, 'access'>, model: CatalogModel): boolean {
  if (model.retired) return false;
  return preset.access.value !== 'free' || (model.access?.value ?? 'free') === 'free';
}

/** `sourcedBy(source, asOf)(30)` → `{ value: 30, source, asOf }`: one source for many figures. */
export function sourcedBy(source: string, asOf: string) {
  return <T>(value: T, extra: Pick<Sourced<T>, 'note' | 'disputedBy'> = {}): Sourced<T> => ({
    value,
    source,
    asOf,
    ...extra,
  });
}

type Capability = 'tools' | 'vision' | 'json';

/** An embedding model answers no chat: no streaming, tools, images or JSON mode. */
export const EMBEDDING_ONLY: ModelCapabilities = {
  streaming: false,
  tools: false,
  vision: false,
  jsonMode: false,
};

/** `capabilities('tools', 'json')`: streaming is assumed, everything else is named. */
export function capabilities(...named: Capability[]): ModelCapabilities {
  return {
    streaming: true,
    tools: named.includes('tools'),
    vision: named.includes('vision'),
    jsonMode: named.includes('json'),
  };
}
