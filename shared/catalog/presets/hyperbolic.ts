/** @module Hyperbolic: trial credit only, if any (unconfirmed). */
import { capabilities, sourcedBy, type ProviderPreset } from '../catalog-types';

const models = sourcedBy('docs.hyperbolic.xyz', '2025-09');

export const hyperbolic: ProviderPreset = {
  id: 'hyperbolic',
  name: 'Hyperbolic',
  family: 'openai-compatible',
  baseURL: 'https://api.hyperbolic.xyz/v1',
  keyPrefixes: [],
  modelsEndpoint: '/models',
  signupUrl: 'https://app.hyperbolic.xyz/settings',
  access: {
    value: 'trial-credit',
    source: 'docs.hyperbolic.xyz (trial credit only, if any; unconfirmed)',
    asOf: '2026-11',
  },
  freeTier: { note: 'Trial credit only, if any (unconfirmed).', link: 'https://docs.hyperbolic.xyz' },
  defaultModel: 'meta-llama/Llama-3.3-70B-Instruct',
  rateLimitHeaders: 'none',
  models: [
    {
      id: 'meta-llama/Llama-3.3-70B-Instruct',
      contextWindow: models(131_072),
      capabilities: capabilities('tools'),
    },
  ],
};
