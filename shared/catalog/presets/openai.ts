/** @module OpenAI: no free API tier; kept so a user's own key joins the pool. */
import { capabilities, sourcedBy, type ProviderPreset } from '../catalog-types';
import { tokenCapAs } from '../../providers/openai-compatible/request-body-quirks';

const models = sourcedBy('platform.openai.com/docs/models', '2025-08');

export const openai: ProviderPreset = {
  id: 'openai',
  name: 'OpenAI',
  family: 'openai-compatible',
  baseURL: 'https://api.openai.com/v1',
  keyPrefixes: ['sk-proj-', 'sk-'],
  modelsEndpoint: '/models',
  signupUrl: 'https://platform.openai.com/api-keys',
  browserCors: {
    value: true,
    source: 'docs/providers.md §1, from github.com/bricks-cloud/BricksLLM/issues/45',
    asOf: '2026-11',
  },
  access: {
    value: 'paid',
    source: 'docs/providers.md §1, from openai.com/api/pricing (no free API tier found; unconfirmed)',
    asOf: '2026-11',
  },
  freeTier: {
    note: 'No free API tier: prepaid credits only (unconfirmed in current docs).',
    link: 'https://openai.com/api/pricing/',
  },
  defaultModel: 'gpt-4o-mini',
  // Reasoning models reject `max_tokens`; every current model reads `max_completion_tokens`.
  transformRequestBody: tokenCapAs('max_completion_tokens'),
  rateLimitHeaders: 'openai',
  models: [
    {
      id: 'gpt-4o-mini',
      contextWindow: models(128_000),
      capabilities: capabilities('tools', 'vision', 'json'),
    },
    {
      id: 'gpt-4.1-mini',
      contextWindow: models(1_047_576),
      capabilities: capabilities('tools', 'vision', 'json'),
    },
    {
      id: 'gpt-5-mini',
      contextWindow: models(400_000),
      capabilities: capabilities('tools', 'vision', 'json'),
    },
  ],
};
