/**
 * @module Every error code FreeLLM itself answers with, once: its HTTP status, OpenAI `type`, what
 * it means and what the user can do. Errors are built from this table (`errorWithCode` in
 * error.ts), so a code missing here does not compile; docs/page-api.md's error table and the
 * page API's `FreeLLMErrorCode` union are generated from it (scripts/generate-error-docs.ts).
 * A provider's own failures keep the provider's code; their `type` follows their kind (below).
 */

/** How an upstream failure affects routing; see docs/architecture.md, "Errors". */
export type UpstreamErrorKind =
  | 'rate_limit'
  | 'quota_exhausted'
  | 'credits_exhausted'
  | 'auth'
  | 'forbidden'
  | 'overloaded'
  | 'server'
  /** The provider did not answer in time (first byte or whole attempt). */
  | 'timeout'
  /** No connection to the provider at all (fetch failed: offline, DNS, refused). */
  | 'unreachable'
  | 'context_length'
  | 'request'
  | 'not_found';

export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'rate_limit_error'
  | 'insufficient_quota'
  | 'server_error'
  | 'vault_locked'
  | 'request_aborted'
  | 'internal_error';

/** A provider's failure reaches callers with the `type` OpenAI gives that kind of failure. */
export const TYPE_BY_KIND: Record<UpstreamErrorKind, ErrorType> = {
  rate_limit: 'rate_limit_error',
  quota_exhausted: 'rate_limit_error',
  credits_exhausted: 'insufficient_quota',
  auth: 'authentication_error',
  forbidden: 'permission_error',
  not_found: 'not_found_error',
  context_length: 'invalid_request_error',
  request: 'invalid_request_error',
  overloaded: 'server_error',
  server: 'server_error',
  timeout: 'server_error',
  unreachable: 'server_error',
};

export interface ErrorCodeEntry {
  status: number;
  type: ErrorType;
  /** Set for failures that count against a provider, so failover treats them as their kind. */
  kind?: UpstreamErrorKind;
  /** `request`: any chat or model-list request, a page's included; `management`: only the extension's own pages. */
  scope: 'request' | 'management';
  meaning: string;
  remedy: string;
}

export const ERROR_CODES = {
  invalid_request: {
    status: 400,
    type: 'invalid_request_error',
    scope: 'request',
    meaning: 'The request (or a setting) does not parse; the message and `param` name the field.',
    remedy: 'Fix the named field and send it again.',
  },
  model_not_found: {
    status: 404,
    type: 'invalid_request_error',
    scope: 'request',
    meaning:
      '`model` pins a model FreeLLM retired for that provider: it answered "not found" twice; no provider was called. It comes back once the provider lists it again.',
    remedy: 'Ask for another model of that provider, or for `auto`.',
  },
  previous_response_not_found: {
    status: 400,
    type: 'invalid_request_error',
    scope: 'request',
    meaning:
      '`POST /responses`: `previous_response_id` or an `item_reference` names a response FreeLLM no longer keeps (it keeps the last 50 per site, in memory, while it runs).',
    remedy: 'Send the whole conversation as `input` instead of referring to an earlier response.',
  },
  unknown_url: {
    status: 404,
    type: 'invalid_request_error',
    scope: 'request',
    meaning: 'An allowed site asked for a path FreeLLM does not serve.',
    remedy: 'Use one of the paths the message lists.',
  },
  no_capable_model: {
    status: 400,
    type: 'invalid_request_error',
    scope: 'request',
    meaning:
      'No model the name stands for can do what the request needs (tools, images, JSON mode, a prompt this long).',
    remedy: 'Ask for a model that can, or leave out what none of them can do.',
  },
  not_an_embedding_model: {
    status: 400,
    type: 'invalid_request_error',
    scope: 'request',
    meaning:
      '`POST /embeddings` named a chat model, or a model no provider of yours is known to embed with; no provider was called.',
    remedy:
      'Name one of the embedding models the message lists (`GET /models` marks them `type: "embedding"`).',
  },
  not_a_chat_model: {
    status: 400,
    type: 'invalid_request_error',
    scope: 'request',
    meaning: 'A chat request named an embedding model; no provider was called.',
    remedy: 'Send it to `POST /embeddings`, or ask for a chat model such as `auto`.',
  },
  provider_has_no_key: {
    status: 400,
    type: 'invalid_request_error',
    scope: 'request',
    meaning: '`model` pins a provider (`mistral/…`) that has no key; no provider was called.',
    remedy: 'Add a key for that provider in the options page, or ask for another model.',
  },
  provider_key_disabled: {
    status: 400,
    type: 'invalid_request_error',
    scope: 'request',
    meaning:
      '`model` pins a provider whose keys are all turned off; the message says why. No provider was called.',
    remedy: 'Turn a key on (or replace it) in the options page, or ask for another model.',
  },
  unsupported_parameter: {
    status: 400,
    type: 'invalid_request_error',
    kind: 'request',
    scope: 'request',
    meaning: 'The provider cannot honour a parameter (for example `n` above 1); `param` names it.',
    remedy: 'Leave the parameter out, or ask for another provider.',
  },
  content_filter: {
    status: 400,
    type: 'invalid_request_error',
    kind: 'request',
    scope: 'request',
    meaning: "The provider's safety filter blocked the prompt; the message gives its reason.",
    remedy: 'Change the prompt, or ask for another provider.',
  },
  context_length_exceeded: {
    status: 400,
    type: 'invalid_request_error',
    kind: 'context_length',
    scope: 'request',
    meaning: "The prompt is too long for the model (the provider's status stays: 400, or 413 from some).",
    remedy: 'Shorten the conversation, or ask for a model with a larger context window.',
  },
  invalid_key_format: {
    status: 401,
    type: 'authentication_error',
    kind: 'auth',
    scope: 'request',
    meaning: "A stored key is not in the form its provider needs (Cloudflare's `ACCOUNT_ID:API_TOKEN`).",
    remedy: 'Enter the key again in the form the options page shows.',
  },
  origin_not_allowed: {
    status: 403,
    type: 'permission_error',
    scope: 'request',
    meaning: 'The site was not allowed, whatever path it asked for; no provider was called.',
    remedy: 'Call `freellm.requestAccess()`, or allow the site in the options page (Sites).',
  },
  frame_not_allowed: {
    status: 403,
    type: 'permission_error',
    scope: 'request',
    meaning: 'An embedded frame whose origin may not use frames.',
    remedy: "Tick Frames for the frame's site in the options page (Sites).",
  },
  origin_revoked: {
    status: 403,
    type: 'permission_error',
    scope: 'request',
    meaning: 'The user revoked the site while the request ran (a stream ends with this error).',
    remedy: 'Ask for access again.',
  },
  unknown_caller: {
    status: 403,
    type: 'permission_error',
    scope: 'request',
    meaning: 'The browser did not say which site or tab is asking (an opaque origin, a port without a tab).',
    remedy: 'Call FreeLLM from a page with an ordinary origin.',
  },
  local_token_missing: {
    status: 401,
    type: 'authentication_error',
    scope: 'request',
    meaning: 'A request to the local endpoint carried no token (`Authorization: Bearer …` or `x-api-key`).',
    remedy: 'Send the token shown in the options page (Local endpoint) as the API key.',
  },
  local_token_invalid: {
    status: 401,
    type: 'authentication_error',
    scope: 'request',
    meaning:
      'A request to the local endpoint carried a token that is not the current one (it may have been rotated).',
    remedy: 'Copy the current token from the options page (Local endpoint).',
  },
  local_origin_not_allowed: {
    status: 403,
    type: 'permission_error',
    scope: 'request',
    meaning:
      'A request to the local endpoint came from a web page (it had an `Origin` header) that the user did not allow there: pages use FreeLLM through `window.freellm`, with its grants.',
    remedy: 'Call from outside the browser, or allow that origin for the local endpoint in the options page.',
  },
  local_endpoint_off: {
    status: 503,
    type: 'server_error',
    scope: 'request',
    meaning: 'The local endpoint is turned off in FreeLLM.',
    remedy: 'Turn it on in the options page (Local endpoint).',
  },
  vault_locked: {
    status: 423,
    type: 'vault_locked',
    scope: 'request',
    meaning:
      'FreeLLM is locked: every request of an allowed site, `/models` and `/quota` too, before any cached answer (a site never allowed gets the 403, which tells it nothing about the lock). No provider is called, nothing counts against the site.',
    remedy: 'Unlock FreeLLM with the passphrase in the popup or the options page.',
  },
  origin_rate_limited: {
    status: 429,
    type: 'rate_limit_error',
    scope: 'request',
    meaning: 'The per-minute or per-day limit the user set for this site.',
    remedy: '`Retry-After` says when to ask again; the user can change the limit (Sites).',
  },
  all_providers_rate_limited: {
    status: 429,
    type: 'rate_limit_error',
    kind: 'rate_limit',
    scope: 'request',
    meaning: 'Every provider that could serve is rate-limited (or the request is larger than any accepts).',
    remedy: '`Retry-After` is the earliest time one frees up; more keys add capacity.',
  },
  provider_cooling_down: {
    status: 429,
    type: 'rate_limit_error',
    kind: 'rate_limit',
    scope: 'request',
    meaning: "The pinned provider's keys are all cooling down; no provider was called.",
    remedy: '`Retry-After` and the message say until when; or ask for another model.',
  },
  aborted: {
    status: 499,
    type: 'request_aborted',
    scope: 'request',
    meaning: 'The caller aborted the request; the provider call was cancelled too.',
    remedy: 'Nothing: this is what the caller asked for.',
  },
  internal_error: {
    status: 500,
    type: 'internal_error',
    scope: 'request',
    meaning: 'A fault in FreeLLM itself; the message carries its words.',
    remedy: 'Try again; if it stays, report it with the message.',
  },
  upstream_unreachable: {
    status: 502,
    type: 'server_error',
    kind: 'unreachable',
    scope: 'request',
    meaning:
      'A provider could not be reached while others could (so the network is up); any other provider that can serve is tried first.',
    remedy: "Try again later, or check the endpoint's address in the options page.",
  },
  upstream_malformed: {
    status: 502,
    type: 'server_error',
    kind: 'server',
    scope: 'request',
    meaning: 'The provider answered with something that is not its wire format (not JSON, wrong shape).',
    remedy: 'Try again; another provider is tried first when one can serve.',
  },
  upstream_stream_broken: {
    status: 502,
    type: 'server_error',
    kind: 'server',
    scope: 'request',
    meaning:
      'A stream broke off after it started: one error chunk, e.g. "Groq\'s stream broke off after 12 characters: network error".',
    remedy: 'The text so far was delivered; ask again for the rest.',
  },
  no_keys: {
    status: 503,
    type: 'server_error',
    scope: 'request',
    meaning: 'No enabled key can serve the requested model.',
    remedy: 'Add a provider key in the options page.',
  },
  network_unreachable: {
    status: 503,
    type: 'server_error',
    scope: 'request',
    meaning: 'No provider could be reached at all (offline); nothing was counted or cooled down.',
    remedy: 'Check the connection and ask again.',
  },
  upstream_timeout: {
    status: 504,
    type: 'server_error',
    kind: 'timeout',
    scope: 'request',
    meaning:
      'A provider did not start answering within the first-byte limit (`freellm.firstByteTimeoutMs`, see [routing](routing.md)) or did not finish in time; any other provider that can serve is tried first.',
    remedy: 'Ask again, or allow more time with `freellm.firstByteTimeoutMs`.',
  },
  stream_stalled: {
    status: 504,
    type: 'server_error',
    kind: 'timeout',
    scope: 'request',
    meaning: 'A started stream sent nothing for too long (ends the stream as `upstream_stream_broken` does).',
    remedy: 'The text so far was delivered; ask again for the rest.',
  },
  deadline_exceeded: {
    status: 504,
    type: 'server_error',
    kind: 'timeout',
    scope: 'request',
    meaning: 'FreeLLM tried providers for the whole request deadline without an answer.',
    remedy: 'Ask again later.',
  },
  key_not_found: {
    status: 404,
    type: 'invalid_request_error',
    scope: 'management',
    meaning: 'No stored key has that id (removed in another window).',
    remedy: 'Reload the list of keys.',
  },
  invalid_settings: {
    status: 400,
    type: 'invalid_request_error',
    scope: 'management',
    meaning:
      'A settings file to import does not parse, or holds a key that is not valid; nothing was imported.',
    remedy: 'Import a file exported by FreeLLM, unchanged.',
  },
  passphrase_required: {
    status: 400,
    type: 'invalid_request_error',
    scope: 'management',
    meaning: 'The imported file holds encrypted keys and no passphrase was given; nothing was imported.',
    remedy: 'Give the passphrase the file was exported with.',
  },
  wrong_passphrase: {
    status: 403,
    type: 'permission_error',
    scope: 'management',
    meaning: 'The passphrase (to unlock, change the lock, or open an imported file) is not the right one.',
    remedy: 'Type it again; nothing was changed.',
  },
  no_passphrase: {
    status: 409,
    type: 'invalid_request_error',
    scope: 'management',
    meaning: 'There is no passphrase to lock with, change or remove.',
    remedy: 'Set a passphrase first.',
  },
  passphrase_exists: {
    status: 409,
    type: 'invalid_request_error',
    scope: 'management',
    meaning: 'A passphrase is already set.',
    remedy: 'Change it or remove it instead.',
  },
  vault_changed: {
    status: 409,
    type: 'invalid_request_error',
    scope: 'management',
    meaning: 'The lock settings changed in another window meanwhile; nothing was changed here.',
    remedy: 'Try again.',
  },
} as const satisfies Record<string, ErrorCodeEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;
