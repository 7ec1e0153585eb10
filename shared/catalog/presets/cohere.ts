/** @module Cohere: native v2 chat API; trial keys are free for evaluation only. */
import { capabilities, EMBEDDING_ONLY, sourcedBy, type ProviderPreset } from '../catalog-types';

const models = sourcedBy('docs.cohere.com/docs/models', '2025-08');
const limits = sourcedBy('docs.cohere.com/docs/rate-limits', '2026-11');
const embed = sourcedBy('docs.cohere.com/docs/cohere-embed', '2025-08');

export const cohere: ProviderPreset = {
  id: 'cohere',
  name: 'Cohere',
  family: 'cohere',
  baseURL: 'https://api.cohere.com/v2',
  keyPrefixes: [],
  // The model list lives under v1 even for the v2 chat API: beside the base URL, on its host.
  modelsEndpoint: '../v1/models?endpoint=chat',
  signupUrl: 'https://dashboard.cohere.com/api-keys',
  access: limits('free', { note: 'a trial key, renewed monthly, for evaluation only' }),
  freeTier: {
    note: 'Trial key: evaluation only, not for production or commercial use; 1,000 calls a month across all endpoints.',
    link: 'https://docs.cohere.com/docs/rate-limits',
    limits: { scope: 'key', requestsPerMonth: limits(1_000) },
  },
  defaultModel: 'command-a-03-2025',
  rateLimitHeaders: 'cohere',
  models: [
    {
      id: 'command-a-03-2025',
      contextWindow: models(256_000),
      capabilities: capabilities('tools', 'json'),
      freeTier: { scope: 'key', rpm: limits(20) },
    },
    {
      id: 'command-r7b-12-2024',
      contextWindow: models(128_000),
      capabilities: capabilities('tools', 'json'),
      freeTier: { scope: 'key', rpm: limits(20) },
    },
    {
      id: 'command-r-plus-08-2024',
      contextWindow: models(128_000),
      capabilities: capabilities('tools', 'json'),
      freeTier: { scope: 'key', rpm: limits(20) },
    },
    // v2 /embed takes at most 96 texts a call; embed-v4.0 shortens its vector on request (output_dimension).
    {
      id: 'embed-v4.0',
      contextWindow: embed(128_000),
      capabilities: EMBEDDING_ONLY,
      embedding: { dimensions: 1_536, dimensionChoices: [256, 512, 1_024, 1_536], maxBatch: 96 },
    },
    {
      id: 'embed-multilingual-v3.0',
      contextWindow: embed(512),
      capabilities: EMBEDDING_ONLY,
      embedding: { dimensions: 1_024, maxBatch: 96 },
    },
  ],
};
