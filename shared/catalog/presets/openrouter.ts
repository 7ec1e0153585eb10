/**
 * @module OpenRouter: `:free` model variants with an account-wide daily cap (50 requests, or
 * 1,000 once 10 credits were ever bought); the free lineup rotates, so the live list matters.
 */
import { capabilities, sourcedBy, type FreeTierLimits, type ProviderPreset } from '../catalog-types';

const limitsDocs = sourcedBy(
  'openrouter.ai/docs/api-reference/limits; developersdigest.tech (verified)',
  '2026-10-17',
);
const models = sourcedBy('openrouter.ai/models?max_price=0', '2025-10');

const freeModel: FreeTierLimits = { scope: 'account', rpm: limitsDocs(20) };

export const openrouter: ProviderPreset = {
  id: 'openrouter',
  name: 'OpenRouter',
  family: 'openai-compatible',
  baseURL: 'https://openrouter.ai/api/v1',
  keyPrefixes: ['sk-or-v1-'],
  modelsEndpoint: '/models',
  signupUrl: 'https://openrouter.ai/keys',
  browserCors: {
    value: true,
    source: 'docs/providers.md §1, from github.com/davidmigloz/langchain_dart/issues/510',
    asOf: '2026-11',
    note: "its preflight refuses the OpenAI SDK's `OpenAI-Beta` header; FreeLLM sends none",
  },
  access: limitsDocs('free'),
  freeTier: {
    note: '`:free` models only (or the `openrouter/free` router): 50 requests a day per account (1,000 once you bought 10 credits), UTC days; free endpoints may log prompts.',
    link: 'https://openrouter.ai/docs/api-reference/limits',
    limits: {
      scope: 'account',
      rpm: limitsDocs(20),
      rpd: limitsDocs(50, {
        note: '1,000 with at least 10 credits purchased',
        disputedBy: {
          value: 200,
          source: 'openrouter.ai/docs/guides/routing/model-variants/free',
          asOf: '2025-01',
        },
      }),
    },
  },
  defaultModel: 'meta-llama/llama-3.3-70b-instruct:free',
  // Optional attribution: lets OpenRouter list the app; sends nothing about the user.
  headers: { 'X-Title': 'FreeLLM' },
  rateLimitHeaders: 'openrouter',
  models: [
    {
      id: 'meta-llama/llama-3.3-70b-instruct:free',
      contextWindow: models(131_072),
      capabilities: capabilities('tools'),
      freeTier: freeModel,
    },
    {
      id: 'openai/gpt-oss-20b:free',
      contextWindow: models(131_072),
      capabilities: capabilities('tools'),
      freeTier: freeModel,
    },
    {
      id: 'qwen/qwen3-coder:free',
      contextWindow: models(262_144),
      capabilities: capabilities('tools'),
      freeTier: freeModel,
    },
    {
      id: 'google/gemma-3-27b-it:free',
      contextWindow: models(131_072),
      capabilities: capabilities('vision'),
      freeTier: freeModel,
    },
  ],
};
