/** @module DeepInfra: OpenAI-compatible under `/v1/openai`; free tier unconfirmed. */
import { capabilities, sourcedBy, type ProviderPreset } from '../catalog-types';

const models = sourcedBy('deepinfra.com/models', '2025-09');

export const deepinfra: ProviderPreset = {
  id: 'deepinfra',
  name: 'DeepInfra',
  family: 'openai-compatible',
  baseURL: 'https://api.deepinfra.com/v1/openai',
  keyPrefixes: [],
  modelsEndpoint: '/models',
  signupUrl: 'https://deepinfra.com/dash/api_keys',
  access: {
    value: 'paid',
    source: 'deepinfra.com/pricing (sign-up credit, if any, unconfirmed)',
    asOf: '2026-11',
  },
  freeTier: {
    note: 'Free tier unconfirmed: pay as you go, sign-up credit if any.',
    link: 'https://deepinfra.com/pricing',
  },
  defaultModel: 'meta-llama/Llama-3.3-70B-Instruct',
  rateLimitHeaders: 'none',
  models: [
    {
      id: 'meta-llama/Llama-3.3-70B-Instruct',
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
