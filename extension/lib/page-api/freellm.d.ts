/**
 * `window.freellm`, as a web page sees it when the FreeLLM extension is installed.
 * Self-contained: copy this file into your project to type your calls.
 * The shapes are OpenAI's chat-completions shapes; see docs/page-api.md.
 */

export type FreeLLMRole = 'system' | 'developer' | 'user' | 'assistant' | 'tool';

export type FreeLLMContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; detail?: 'auto' | 'low' | 'high' } };

export interface FreeLLMToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface FreeLLMMessage {
  role: FreeLLMRole;
  content: string | FreeLLMContentPart[] | null;
  name?: string;
  tool_calls?: FreeLLMToolCall[];
  tool_call_id?: string;
}

export interface FreeLLMChatRequest {
  /** `auto` (default), `auto:fast`, `auto:smart`, a model name, or `provider/model`. */
  model?: string;
  messages: FreeLLMMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  stop?: string | string[];
  seed?: number;
  tools?: {
    type: 'function';
    function: { name: string; description?: string; parameters?: Record<string, unknown> };
  }[];
  tool_choice?: 'auto' | 'none' | 'required' | { type: 'function'; function: { name: string } };
  response_format?:
    { type: 'text' | 'json_object' } | { type: 'json_schema'; json_schema: Record<string, unknown> };
  [extra: string]: unknown;
}

export interface FreeLLMUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface FreeLLMChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: {
    index: number;
    message: { role: 'assistant'; content: string | null; tool_calls?: FreeLLMToolCall[] };
    finish_reason: string | null;
  }[];
  usage?: FreeLLMUsage | null;
}

export interface FreeLLMChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: {
    index: number;
    delta: {
      role?: 'assistant';
      content?: string | null;
      tool_calls?: {
        index: number;
        id?: string;
        type?: 'function';
        function?: { name?: string; arguments?: string };
      }[];
      /** A reasoning model's thinking, passed on as its provider sends it (one field or the other). */
      reasoning?: string;
      reasoning_content?: string;
    };
    finish_reason: string | null;
  }[];
  usage?: FreeLLMUsage | null;
}

export interface FreeLLMModel {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
}

/** One window of an allowance; times are Unix seconds; `limit` and `remaining` are null when no limit is known. */
export interface FreeLLMQuotaWindow {
  limit: number | null;
  used: number;
  remaining: number | null;
  /** Day: the daily reset. Minute (sliding): when the oldest counted request leaves it (null: none counted). */
  resets_at: number | null;
}

export interface FreeLLMQuotaWindows {
  minute: FreeLLMQuotaWindow;
  day: FreeLLMQuotaWindow;
}

/** When the day's allowance runs out if the pace of the last `pace_window_seconds` goes on. */
export interface FreeLLMForecast {
  status: 'runs_out' | 'lasts_until_reset' | 'idle' | 'no_daily_limit' | 'exhausted';
  runs_out_at: number | null;
  requests_per_minute: number;
  tokens_per_minute: number;
}

export interface FreeLLMHeadroom {
  requests: FreeLLMQuotaWindows;
  tokens: FreeLLMQuotaWindows;
  forecast: FreeLLMForecast;
}

/** `GET /quota`: the pool's headroom for this site; counts only, never a key. */
export interface FreeLLMQuota {
  object: 'freellm.quota';
  created: number;
  pace_window_seconds: number;
  pool: FreeLLMHeadroom;
  /** The limits the user set for this site (requests only). */
  site: { origin: string; requests: FreeLLMQuotaWindows } | null;
  providers: (FreeLLMHeadroom & {
    id: string;
    /** Null for the user's own endpoints. */
    name: string | null;
    keys: number;
    models: (FreeLLMHeadroom & { id: string })[];
  })[];
}

// generated from shared/openai/error-codes.ts by scripts/generate-error-docs.ts: do not edit
/** The codes of FreeLLM's own errors; docs/page-api.md says what each means and what to do. */
export type FreeLLMErrorCode =
  | 'invalid_request'
  | 'previous_response_not_found'
  | 'no_capable_model'
  | 'not_an_embedding_model'
  | 'not_a_chat_model'
  | 'provider_has_no_key'
  | 'provider_key_disabled'
  | 'unsupported_parameter'
  | 'content_filter'
  | 'context_length_exceeded'
  | 'invalid_key_format'
  | 'local_token_missing'
  | 'local_token_invalid'
  | 'origin_not_allowed'
  | 'frame_not_allowed'
  | 'origin_revoked'
  | 'unknown_caller'
  | 'local_origin_not_allowed'
  | 'model_not_found'
  | 'unknown_url'
  | 'vault_locked'
  | 'origin_rate_limited'
  | 'all_providers_rate_limited'
  | 'provider_cooling_down'
  | 'aborted'
  | 'internal_error'
  | 'upstream_unreachable'
  | 'upstream_malformed'
  | 'upstream_stream_broken'
  | 'local_endpoint_off'
  | 'no_keys'
  | 'network_unreachable'
  | 'upstream_timeout'
  | 'stream_stalled'
  | 'deadline_exceeded';
// end of generated

/** Thrown by `chat.completions.create` and `models.list`: OpenAI's error fields plus the HTTP status. */
export interface FreeLLMError extends Error {
  status: number;
  type: string;
  /** One of FreeLLM's codes, or the provider's own code when a provider refused (e.g. `rate_limit_exceeded`). */
  code: FreeLLMErrorCode | (string & {}) | null;
  param: string | null;
  headers: Record<string, string>;
}

export interface FreeLLMAccess {
  granted: boolean;
  /** `always` until revoked; `once` for this tab. */
  scope: 'once' | 'always' | null;
}

export interface FreeLLMPageApi {
  readonly version: string;
  /** Pass as the `baseURL` of an OpenAI client, together with `fetch`. */
  readonly baseURL: string;
  /** An OpenAI-compatible fetch for requests under `baseURL`; other URLs use the page's fetch. */
  readonly fetch: typeof fetch;
  /** Resolves once the extension answers; `freellm:ready` fires on window at the same moment. */
  readonly ready: Promise<void>;
  /** Asks the user to let this site use FreeLLM (an approval window). */
  requestAccess(): Promise<FreeLLMAccess>;
  readonly chat: {
    readonly completions: {
      create(
        params: FreeLLMChatRequest & { stream: true },
        options?: { signal?: AbortSignal },
      ): Promise<AsyncIterable<FreeLLMChatCompletionChunk>>;
      create(
        params: FreeLLMChatRequest & { stream?: false | null },
        options?: { signal?: AbortSignal },
      ): Promise<FreeLLMChatCompletion>;
    };
  };
  readonly models: {
    list(): Promise<{ object: 'list'; data: FreeLLMModel[] }>;
  };
  /** The pool's headroom for this site: requests and tokens left per provider and model, and a forecast. */
  quota(): Promise<FreeLLMQuota>;
}

declare global {
  interface Window {
    freellm?: FreeLLMPageApi;
  }
  interface WindowEventMap {
    'freellm:ready': Event;
  }
}
