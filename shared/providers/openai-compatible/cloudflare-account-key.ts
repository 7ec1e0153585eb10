/**
 * @module Cloudflare Workers AI keeps the account id in the URL, and every account has its own
 * daily neurons, so each key is entered as `ACCOUNT_ID:API_TOKEN` and split here before a call.
 * A user with one account may instead put the id in a base-URL override and paste the token.
 */
import { errorWithCode } from '../../openai/error';
import type { AdapterCall } from '../types';

/** Where the account id goes in the preset's base URL. */
export const CLOUDFLARE_ACCOUNT_PLACEHOLDER = '{account_id}';
export const CLOUDFLARE_ACCOUNT_KEY = /^([0-9a-f]{32}):(.+)$/i;

/** Fills the account id into the URL from an `ACCOUNT_ID:API_TOKEN` key. */
export function prepareCloudflareCall(call: AdapterCall): AdapterCall {
  if (!call.baseURL.includes(CLOUDFLARE_ACCOUNT_PLACEHOLDER)) return call;
  const match = CLOUDFLARE_ACCOUNT_KEY.exec(call.apiKey ?? '');
  if (!match) {
    throw errorWithCode(
      'invalid_key_format',
      'Cloudflare keys are entered as ACCOUNT_ID:API_TOKEN (the 32-character account id, a colon, then the API token).',
      { provider: call.providerId },
    );
  }
  const [, accountId, token] = match;
  return {
    ...call,
    baseURL: call.baseURL.replace(CLOUDFLARE_ACCOUNT_PLACEHOLDER, accountId ?? ''),
    apiKey: token,
  };
}
