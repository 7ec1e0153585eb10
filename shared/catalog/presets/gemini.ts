/**
 * @module Google Gemini: native generateContent API. The free tier is the Flash family and Gemma;
 * Google stopped publishing per-model numbers on 2025-12-23 (AI Studio shows them per project),
 * so the seeds below are observed figures, with the older documented ones recorded.
 */
import { capabilities, EMBEDDING_ONLY, sourcedBy, type ProviderPreset } from '../catalog-types';

const models = sourcedBy('ai.google.dev/gemini-api/docs/models', '2025-08');
const gemma = sourcedBy('ai.google.dev/gemma/docs/core (128K context)', '2025-03');
const docs2025 = { source: 'ai.google.dev/gemini-api/docs/rate-limits', asOf: '2025-08' };
const rateLimits2025 = sourcedBy(docs2025.source, docs2025.asOf);
const embeddings = sourcedBy('ai.google.dev/gemini-api/docs/embeddings', '2025-08');
const observed = sourcedBy(
  'cheahjs/free-llm-api-resources (2026-07-18); MaKTaiL/gemini-srt-translator #137; OmniRoute FREE_TIERS.md (2026-09-04)',
  '2026-09-08',
);

export const gemini: ProviderPreset = {
  id: 'gemini',
  name: 'Google Gemini',
  family: 'gemini',
  baseURL: 'https://generativelanguage.googleapis.com/v1beta',
  keyPrefixes: ['AIza'],
  modelsEndpoint: '/models?pageSize=1000',
  signupUrl: 'https://aistudio.google.com/apikey',
  browserCors: {
    value: true,
    source: 'docs/providers.md §1, from github.com/googleapis/js-genai/issues/1723',
    asOf: '2026-11',
    note: 'the native API, which FreeLLM calls',
  },
  access: observed('free', { note: 'Flash models and Gemma only' }),
  freeTier: {
    note: 'Free tier for Flash models and Gemma only, per Google Cloud project (more keys in one project add nothing); free prompts may be used for training outside the EEA, UK and Switzerland; the day resets at midnight Pacific.',
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
        rpm: observed(5, { disputedBy: { value: 10, ...docs2025 } }),
        rpd: observed(20, {
          note: 'also seen in a quota error "limit 20" (freellmapi, 2026-04-25)',
          disputedBy: { value: 250, ...docs2025 },
        }),
        tpm: observed(250_000),
      },
    },
    {
      id: 'gemini-2.5-flash-lite',
      contextWindow: models(1_048_576),
      capabilities: capabilities('tools', 'vision', 'json'),
      freeTier: {
        scope: 'model',
        rpm: observed(10, { disputedBy: { value: 15, ...docs2025 } }),
        rpd: observed(20, { disputedBy: { value: 1_000, ...docs2025 } }),
        tpm: { value: 250_000, ...docs2025 },
      },
    },
    {
      id: 'gemma-3-27b-it',
      contextWindow: gemma(131_072),
      capabilities: capabilities('vision'),
      freeTier: { scope: 'model', rpm: observed(30), rpd: observed(14_400), tpm: observed(15_000) },
    },
    {
      id: 'gemini-2.5-pro',
      contextWindow: models(1_048_576),
      capabilities: capabilities('tools', 'vision', 'json'),
      access: observed('paid', {
        note: 'left the free tier 2026-04',
        disputedBy: {
          value: 'free',
          source: 'cuihuan/awesome-ai-gateway data/free_tiers.json',
          asOf: '2026-08-31',
        },
      }),
    },
    {
      id: 'gemini-embedding-001',
      contextWindow: embeddings(2_048),
      capabilities: EMBEDDING_ONLY,
      // batchEmbedContents takes at most 100 requests; outputDimensionality shortens the vector.
      embedding: { dimensions: 3_072, dimensionChoices: [768, 1_536, 3_072], maxBatch: 100 },
      freeTier: {
        scope: 'model',
        rpm: rateLimits2025(100),
        rpd: rateLimits2025(1_000),
        tpm: rateLimits2025(30_000),
      },
    },
  ],
};
