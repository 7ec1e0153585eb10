/**
 * @module SambaNova Cloud: a one-time $5 trial, then 402 "payment method required" (freellmapi,
 * 2026-06). A 2026-08 survey of the docs still lists a no-card free tier of 20 RPM / 20 RPD /
 * 200K TPD; it is recorded as the dispute, and its limits are not applied to a trial key.
 */
import { capabilities, sourcedBy, type ProviderPreset } from '../catalog-types';

const models = sourcedBy('docs.sambanova.ai/cloud/docs/get-started/supported-models', '2025-09');

export const sambanova: ProviderPreset = {
  id: 'sambanova',
  name: 'SambaNova',
  family: 'openai-compatible',
  baseURL: 'https://api.sambanova.ai/v1',
  keyPrefixes: [],
  modelsEndpoint: '/models',
  signupUrl: 'https://cloud.sambanova.ai/apis',
  access: {
    value: 'trial-credit',
    source: 'freellmapi audit V23',
    asOf: '2026-06-07',
    note: 'a 2026-08-31 survey of the docs lists 20 RPM, 20 RPD, 200K TPD free',
    disputedBy: {
      value: 'free',
      source: 'docs.sambanova.ai via cuihuan/awesome-ai-gateway data/free_tiers.json',
      asOf: '2026-08-31',
    },
  },
  freeTier: {
    note: 'No free tier: a one-time $5 trial credit, then 402 "payment method required" until you add a card.',
    link: 'https://docs.sambanova.ai',
  },
  defaultModel: 'Meta-Llama-3.3-70B-Instruct',
  rateLimitHeaders: 'none',
  models: [
    {
      id: 'Meta-Llama-3.3-70B-Instruct',
      contextWindow: models(131_072),
      capabilities: capabilities('tools', 'json'),
    },
    { id: 'gpt-oss-120b', contextWindow: models(131_072), capabilities: capabilities('tools', 'json') },
  ],
};
