/** @module Novita AI: trial credit only, if any (unconfirmed). */
import { capabilities, sourcedBy, type ProviderPreset } from '../catalog-types';

const models = sourcedBy('Portkey-AI/gateway src/providers/novita-ai/api.ts', '2025-09');

export const novita: ProviderPreset = {
  id: 'novita',
  name: 'Novita AI',
  family: 'openai-compatible',
  baseURL: 'https://api.novita.ai/v3/openai',
  keyPrefixes: [],
  modelsEndpoint: '/models',
  signupUrl: 'https://novita.ai/settings/key-management',
  access: {
    value: 'trial-credit',
    source: 'novita.ai/pricing (trial credit only, if any; unconfirmed)',
    asOf: '2026-11',
  },
  freeTier: { note: 'Trial credit only, if any (unconfirmed).', link: 'https://novita.ai/pricing' },
  defaultModel: 'meta-llama/llama-3.3-70b-instruct',
  rateLimitHeaders: 'none',
  models: [
    {
      id: 'meta-llama/llama-3.3-70b-instruct',
      contextWindow: models(131_072),
      capabilities: capabilities('tools', 'json'),
    },
  ],
};
