/** Adapter calls for tests: where to send, with which key and model, through a fake or mock fetch. */
import type { AdapterCall, FetchLike } from '../providers/types';

export type CallTarget = Pick<AdapterCall, 'providerId' | 'providerName' | 'baseURL' | 'apiKey' | 'model'>;

/** One provider per wire family at its real address, with a test key of the real shape. */
export const FAMILY_TARGETS = {
  anthropic: {
    providerId: 'anthropic',
    providerName: 'Anthropic',
    baseURL: 'https://api.anthropic.com/v1',
    apiKey: 'sk-ant-api03-test',
    model: 'claude-sonnet-4-5',
  },
  cohere: {
    providerId: 'cohere',
    providerName: 'Cohere',
    baseURL: 'https://api.cohere.com/v2',
    apiKey: 'co-test-key',
    model: 'command-a-03-2025',
  },
  gemini: {
    providerId: 'gemini',
    providerName: 'Google Gemini',
    baseURL: 'https://generativelanguage.googleapis.com/v1beta',
    apiKey: 'AIzaTestKey',
    model: 'gemini-2.5-flash',
  },
  groq: {
    providerId: 'groq',
    providerName: 'Groq',
    baseURL: 'https://api.groq.com/openai/v1',
    apiKey: 'gsk_test',
    model: 'llama-3.3-70b-versatile',
  },
} satisfies Record<string, CallTarget>;

export function adapterCall(fetch: FetchLike, target: CallTarget, now = 1_764_000_000_000): AdapterCall {
  return { fetch, ...target, now: () => now };
}
