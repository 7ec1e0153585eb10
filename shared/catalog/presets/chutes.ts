/** @module Chutes: subscription only (no free tier since 2026); many model ids end in `-TEE`. */
import { capabilities, sourcedBy, type ProviderPreset } from '../catalog-types';

const models = sourcedBy('chutes.ai/app', '2026-07');

export const chutes: ProviderPreset = {
  id: 'chutes',
  name: 'Chutes',
  family: 'openai-compatible',
  baseURL: 'https://llm.chutes.ai/v1',
  keyPrefixes: ['cpk_'],
  modelsEndpoint: '/models',
  signupUrl: 'https://chutes.ai/app/api',
  access: {
    value: 'paid',
    source: 'cuihuan/awesome-ai-gateway data/free_tiers.json (Plus $10 a month)',
    asOf: '2026-07',
  },
  freeTier: {
    note: 'No free tier: subscription from $10 a month (2026-07).',
    link: 'https://chutes.ai/pricing',
  },
  defaultModel: 'deepseek-ai/DeepSeek-V3-0324',
  rateLimitHeaders: 'none',
  models: [
    {
      id: 'deepseek-ai/DeepSeek-V3-0324',
      contextWindow: models(163_840),
      capabilities: capabilities('tools'),
    },
  ],
};
