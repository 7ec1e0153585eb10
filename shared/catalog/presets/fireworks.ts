/** @module Fireworks AI: model ids are `accounts/fireworks/models/<name>`; free credit unconfirmed. */
import { capabilities, sourcedBy, type ProviderPreset } from '../catalog-types';

const models = sourcedBy('fireworks.ai/models', '2025-09');

export const fireworks: ProviderPreset = {
  id: 'fireworks',
  name: 'Fireworks AI',
  family: 'openai-compatible',
  baseURL: 'https://api.fireworks.ai/inference/v1',
  keyPrefixes: ['fw_'],
  modelsEndpoint: '/models',
  signupUrl: 'https://fireworks.ai/account/api-keys',
  access: {
    value: 'paid',
    source: 'fireworks.ai/pricing (sign-up credit, if any, unconfirmed)',
    asOf: '2026-11',
  },
  freeTier: {
    note: 'Sign-up credit only, if any (unconfirmed); pay as you go after.',
    link: 'https://fireworks.ai/pricing',
  },
  defaultModel: 'accounts/fireworks/models/llama-v3p3-70b-instruct',
  rateLimitHeaders: 'none',
  models: [
    {
      id: 'accounts/fireworks/models/llama-v3p3-70b-instruct',
      contextWindow: models(131_072),
      capabilities: capabilities('tools', 'json'),
    },
    {
      id: 'accounts/fireworks/models/gpt-oss-120b',
      contextWindow: models(131_072),
      capabilities: capabilities('tools', 'json'),
    },
  ],
};
