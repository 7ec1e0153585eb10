/**
 * @module Moonshot AI (Kimi), international host; China uses https://api.moonshot.cn/v1. Keys
 * start with `sk-` like OpenAI's, so they are not auto-detected. No permanent free tier.
 */
import { capabilities, sourcedBy, type ProviderPreset } from '../catalog-types';

const models = sourcedBy('platform.kimi.ai/docs/models', '2026-06');

export const moonshot: ProviderPreset = {
  id: 'moonshot',
  name: 'Moonshot AI (Kimi)',
  family: 'openai-compatible',
  baseURL: 'https://api.moonshot.ai/v1',
  keyPrefixes: [],
  modelsEndpoint: '/models',
  signupUrl: 'https://platform.moonshot.ai/console/api-keys',
  access: {
    value: 'paid',
    source: 'platform.moonshot.ai/docs/pricing/chat (sign-up voucher at most, unconfirmed)',
    asOf: '2026-06',
  },
  freeTier: {
    note: 'No permanent free tier: a small sign-up voucher at most (unconfirmed).',
    link: 'https://platform.moonshot.ai/docs/pricing/chat',
  },
  defaultModel: 'kimi-k2.6',
  rateLimitHeaders: 'none',
  models: [
    {
      id: 'kimi-k2.6',
      contextWindow: models(262_144),
      capabilities: capabilities('tools', 'vision', 'json'),
    },
    { id: 'moonshot-v1-128k', contextWindow: models(131_072), capabilities: capabilities('tools', 'json') },
  ],
};
