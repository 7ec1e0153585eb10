/**
 * @module SambaNova Cloud. Sources disagree: the docs (2026-08 survey) list a no-card free tier
 * of 20 RPM / 20 RPD / 200K TPD; freellmapi (2026-06) says it is gone ($5 trial, then 402).
 */
import { capabilities, sourcedBy, type FreeTierLimits, type ProviderPreset } from '../catalog-types';

const survey = sourcedBy('docs.sambanova.ai via cuihuan/awesome-ai-gateway data/free_tiers.json', '2026-08-31');
const models = sourcedBy('docs.sambanova.ai/cloud/docs/get-started/supported-models', '2025-09');
const gone = { value: null, source: 'freellmapi: free tier replaced by a $5 trial', asOf: '2026-06' };

const free: FreeTierLimits = { scope: 'account', rpm: survey(20, { disputedBy: gone }), rpd: survey(20, { disputedBy: gone }), tpd: survey(200_000, { disputedBy: gone }) };

export const sambanova: ProviderPreset = {
  id: 'sambanova',
  name: 'SambaNova',
  family: 'openai-compatible',
  baseURL: 'https://api.sambanova.ai/v1',
  auth: 'bearer',
  keyPrefixes: [],
  modelsEndpoint: '/models',
  signupUrl: 'https://cloud.sambanova.ai/apis',
  freeTier: { note: 'Small free tier or a $5 trial, depending on the source; 402 "payment method required" once it ends.', link: 'https://docs.sambanova.ai', limits: free },
  defaultModel: 'Meta-Llama-3.3-70B-Instruct',
  rateLimitHeaders: 'none',
  models: [
    { id: 'Meta-Llama-3.3-70B-Instruct', contextWindow: models(131_072), capabilities: capabilities('tools', 'json') },
    { id: 'gpt-oss-120b', contextWindow: models(131_072), capabilities: capabilities('tools', 'json') },
  ],
};
