/** What a page sees as `window.freellm`; pages may copy this declaration. */
export interface FreeLLMPageApi {
  readonly version: string;
  /** Pass as the `baseURL` of an OpenAI client, together with `fetch`. */
  readonly baseURL: string;
  /** An OpenAI-compatible fetch for requests under `baseURL`; other URLs use the page's fetch. */
  readonly fetch: typeof fetch;
  /** Resolves once the extension answers; `freellm:ready` fires on window at the same moment. */
  readonly ready: Promise<void>;
}

declare global {
  interface Window {
    freellm?: FreeLLMPageApi;
  }
}
