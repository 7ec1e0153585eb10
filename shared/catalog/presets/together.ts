/** @module Together AI: no free tier ($5 minimum purchase); a paid key still joins the pool. */
import { capabilities, sourcedBy, type ProviderPreset } from '../catalog-types';

const models = sourcedBy('docs.together.ai/docs/serverless-models', '2025-09');

export const together: ProviderPreset = {
  id: 'together',
  name: 'Together AI',
  family: 'openai-compatible',
  baseURL: 'https://api.together.xyz/v1',
  keyPrefixes: ['tgp_v1_'],
  modelsEndpoint: '/models',
  signupUrl: 'https://api.together.ai/settings/api-keys',
  browserCors: {
    value: true,
    source: 'docs/providers.md §1, from github.com/davidmigloz/langchain_dart/issues/510',
    asOf: '2026-11',
  },
  access: {
    value: 'paid',
    source: 'docs/providers.md §1, from docs.together.ai/docs/billing-credits ($5 minimum purchase)',
    asOf: '2026-11',
  },
  freeTier: {
    note: 'No free tier: $5 minimum credit purchase (2026-07).',
    link: 'https://docs.together.ai/docs/billing-credits',
  },
  defaultModel: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
  rateLimitHeaders: 'none',
  models: [
    {
      id: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
      contextWindow: models(131_072),
      capabilities: capabilities('tools', 'json'),
    },
    {
      id: 'openai/gpt-oss-120b',
      contextWindow: models(131_072),
      capabilities: capabilities('tools', 'json'),
    },
  ],
};
