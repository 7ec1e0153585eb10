/** @module Groq: free plan with per-model limits per organization; no card needed. */
import { capabilities, sourcedBy, type FreeTierLimits, type ProviderPreset } from '../catalog-types';
import { dropMessageNames, pipeline, singleChoice } from '../request-body-quirks';

const models = sourcedBy('console.groq.com/docs/models', '2025-11');
const limits = sourcedBy('console.groq.com/docs/rate-limits', '2025-11');

function free(rpm: number, rpd: number, tpm: number, tpd?: number): FreeTierLimits {
  return { scope: 'model', rpm: limits(rpm), rpd: limits(rpd), tpm: limits(tpm), ...(tpd === undefined ? {} : { tpd: limits(tpd) }) };
}

export const groq: ProviderPreset = {
  id: 'groq',
  name: 'Groq',
  family: 'openai-compatible',
  baseURL: 'https://api.groq.com/openai/v1',
  auth: 'bearer',
  keyPrefixes: ['gsk_'],
  modelsEndpoint: '/models',
  signupUrl: 'https://console.groq.com/keys',
  freeTier: { note: 'Free plan, no card: limits per model, shared by every key of the organization; cached tokens do not count.', link: 'https://console.groq.com/docs/rate-limits' },
  defaultModel: 'llama-3.3-70b-versatile',
  // @see https://console.groq.com/docs/openai (unsupported fields answer 400)
  unsupportedParams: ['logprobs', 'logit_bias', 'top_logprobs'],
  transformRequestBody: pipeline(dropMessageNames, singleChoice('Groq')),
  rateLimitHeaders: 'groq',
  models: [
    { id: 'llama-3.3-70b-versatile', contextWindow: models(131_072), capabilities: capabilities('tools', 'json'), freeTier: free(30, 1_000, 12_000, 100_000) },
    { id: 'llama-3.1-8b-instant', contextWindow: models(131_072), capabilities: capabilities('tools', 'json'), freeTier: free(30, 14_400, 6_000, 500_000) },
    { id: 'openai/gpt-oss-120b', contextWindow: models(131_072), capabilities: capabilities('tools', 'json'), freeTier: free(30, 1_000, 8_000, 200_000) },
    { id: 'openai/gpt-oss-20b', contextWindow: models(131_072), capabilities: capabilities('tools', 'json'), freeTier: free(30, 1_000, 8_000, 200_000) },
    { id: 'moonshotai/kimi-k2-instruct-0905', contextWindow: models(262_144), capabilities: capabilities('tools', 'json'), freeTier: free(60, 1_000, 10_000, 300_000) },
    { id: 'groq/compound', contextWindow: models(131_072), capabilities: capabilities(), freeTier: free(30, 250, 70_000) },
  ],
};
