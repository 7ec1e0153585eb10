/**
 * @module Google Gemini: native generateContent API. Free-tier numbers are no longer published
 * per model (AI Studio shows them per project); the seeds below are the last documented or
 * observed figures, with the disagreement recorded.
 */
import { capabilities, sourcedBy, type ProviderPreset } from '../catalog-types';

const models = sourcedBy('ai.google.dev/gemini-api/docs/models', '2025-08');
const docs2025 = sourcedBy('ai.google.dev/gemini-api/docs/rate-limits', '2025-08');
const observed = sourcedBy('freellmapi providers/google.ts (quota error "limit 20")', '2026-04-25');

export const gemini: ProviderPreset = {
  id: 'gemini',
  name: 'Google Gemini',
  family: 'gemini',
  baseURL: 'https://generativelanguage.googleapis.com/v1beta',
  auth: 'x-goog-api-key',
  keyPrefixes: ['AIza'],
  modelsEndpoint: '/models?pageSize=1000',
  signupUrl: 'https://aistudio.google.com/apikey',
  freeTier: {
    note: 'Free tier per Google Cloud project (more keys in one project add nothing); free prompts may be used to improve Google products; daily quota resets at midnight Pacific.',
    link: 'https://ai.google.dev/gemini-api/terms',
  },
  defaultModel: 'gemini-2.5-flash',
  rateLimitHeaders: 'gemini',
  models: [
    {
      id: 'gemini-2.5-flash',
      contextWindow: models(1_048_576),
      capabilities: capabilities('tools', 'vision', 'json'),
      freeTier: {
        scope: 'model',
        rpm: docs2025(10),
        rpd: observed(20, { disputedBy: { value: 250, source: 'ai.google.dev/gemini-api/docs/rate-limits', asOf: '2025-08' } }),
        tpm: docs2025(250_000),
      },
    },
    {
      id: 'gemini-2.5-flash-lite',
      contextWindow: models(1_048_576),
      capabilities: capabilities('tools', 'vision', 'json'),
      freeTier: { scope: 'model', rpm: docs2025(15), rpd: docs2025(1_000), tpm: docs2025(250_000) },
    },
    {
      id: 'gemini-2.5-pro',
      contextWindow: models(1_048_576),
      capabilities: capabilities('tools', 'vision', 'json'),
      freeTier: {
        scope: 'model',
        rpm: docs2025(5),
        rpd: docs2025(100, { disputedBy: { value: null, source: 'freellmapi: Pro off the free tier from 2026-04-01', asOf: '2026-04' } }),
        tpm: docs2025(250_000),
      },
    },
  ],
};
