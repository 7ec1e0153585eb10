import type { AdapterCall } from '../types';

/** How one provider departs from OpenAI's wire format; a preset carries these as data. */
export interface OpenAICompatibleQuirks {
  /** Top-level body fields the provider rejects; dropped before sending (after the transform). */
  unsupportedParams?: readonly string[];
  /** Rewrites the body before sending (rename a field, add a default); returns a new object. */
  transformRequestBody?: (body: Record<string, unknown>) => Record<string, unknown>;
  /** Extra headers on every call, e.g. OpenRouter's optional attribution. */
  headers?: Readonly<Record<string, string>>;
  /**
   * Adjusts the call before anything is sent (Cloudflare keeps the account id in the key and
   * the URL); may throw a FreeLLMError when the key cannot be used.
   */
  prepareCall?: (call: AdapterCall) => AdapterCall;
}
