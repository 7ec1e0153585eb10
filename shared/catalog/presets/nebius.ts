/** @module Nebius AI Studio: trial credit only, if any (unconfirmed). */
import { capabilities, sourcedBy, type ProviderPreset } from '../catalog-types';

const models = sourcedBy('Portkey-AI/gateway src/providers/nebius/api.ts', '2025-09');

export const nebius: ProviderPreset = {
  id: 'nebius',
  name: 'Nebius AI Studio',
  family: 'openai-compatible',
  // Portkey's host; a newer domain is unconfirmed, so users may override the base URL.
  baseURL: 'https://api.studio.nebius.ai/v1',
  keyPrefixes: [],
  modelsEndpoint: '/models',
  signupUrl: 'https://studio.nebius.com',
  access: {
    value: 'trial-credit',
    source: 'studio.nebius.com (trial credit only, if any; unconfirmed)',
    asOf: '2026-11',
  },
  freeTier: { note: 'Trial credit only, if any (unconfirmed).', link: 'https://studio.nebius.com' },
  defaultModel: 'meta-llama/Llama-3.3-70B-Instruct',
  rateLimitHeaders: 'none',
  models: [
    {
      id: 'meta-llama/Llama-3.3-70B-Instruct',
      contextWindow: models(131_072),
      capabilities: capabilities('tools', 'json'),
    },
  ],
};
