/**
 * @module Groq: free plan with per-model limits per organization; no card needed. Groq retires
 * models often (the Llama 3.x pair on 2026-08-16): retired ones stay listed, marked, for pinned calls.
 */
import { capabilities, sourcedBy, type FreeTierLimits, type ProviderPreset } from '../catalog-types';
import {
  dropMessageNames,
  pipeline,
  singleChoice,
} from '../../providers/openai-compatible/request-body-quirks';

const models = sourcedBy('console.groq.com/docs/models', '2025-11');
const limits = sourcedBy('console.groq.com/docs/rate-limits', '2025-11');
const deprecations = sourcedBy(
  'console.groq.com/docs/deprecations via mnfst/awesome-free-llm-apis data.json',
  '2026-10-05',
);
const current = sourcedBy(
  'mnfst/awesome-free-llm-apis data.json; OmniRoute FREE_TIERS.md (2026-09-02)',
  '2026-10-05',
);

function free(rpm: number, rpd: number, tpm: number, tpd?: number): FreeTierLimits {
  return {
    scope: 'model',
    rpm: limits(rpm),
    rpd: limits(rpd),
    tpm: limits(tpm),
    ...(tpd === undefined ? {} : { tpd: limits(tpd) }),
  };
}

/** 30 RPM, 1,000 RPD, 8K TPM, about 200K TPD per model (2026-10). */
const freeToday: FreeTierLimits = {
  scope: 'model',
  rpm: current(30),
  rpd: current(1_000),
  tpm: current(8_000),
  tpd: current(200_000, { note: 'about' }),
};

export const groq: ProviderPreset = {
  id: 'groq',
  name: 'Groq',
  family: 'openai-compatible',
  baseURL: 'https://api.groq.com/openai/v1',
  keyPrefixes: ['gsk_'],
  modelsEndpoint: '/models',
  signupUrl: 'https://console.groq.com/keys',
  browserCors: {
    value: true,
    source: 'docs/providers.md §1, from github.com/davidmigloz/langchain_dart/issues/510',
    asOf: '2026-11',
  },
  access: current('free'),
  freeTier: {
    note: 'Free plan, no card: gpt-oss-120b, gpt-oss-20b and qwen3.8-27b, limits per model shared by every key of the organization; cached tokens do not count.',
    link: 'https://console.groq.com/docs/rate-limits',
  },
  defaultModel: 'openai/gpt-oss-120b',
  // @see https://console.groq.com/docs/openai (unsupported fields answer 400)
  unsupportedParams: ['logprobs', 'logit_bias', 'top_logprobs'],
  transformRequestBody: pipeline(dropMessageNames, singleChoice('Groq')),
  rateLimitHeaders: 'groq',
  models: [
    {
      id: 'openai/gpt-oss-120b',
      contextWindow: models(131_072),
      capabilities: capabilities('tools', 'json'),
      freeTier: freeToday,
    },
    {
      id: 'openai/gpt-oss-20b',
      contextWindow: models(131_072),
      capabilities: capabilities('tools', 'json'),
      freeTier: freeToday,
    },
    {
      id: 'qwen/qwen3.8-27b',
      contextWindow: models(131_072, {
        note: 'the figure of qwen/qwen3-32b, the Qwen3 model Groq listed; unconfirmed for this one',
      }),
      capabilities: capabilities('tools', 'json'),
      freeTier: freeToday,
    },
    {
      id: 'llama-3.3-70b-versatile',
      contextWindow: models(131_072),
      capabilities: capabilities('tools', 'json'),
      freeTier: free(30, 1_000, 12_000, 100_000),
      retired: deprecations('2026-08-16'),
    },
    {
      id: 'llama-3.1-8b-instant',
      contextWindow: models(131_072),
      capabilities: capabilities('tools', 'json'),
      freeTier: free(30, 14_400, 6_000, 500_000),
      retired: deprecations('2026-08-16'),
    },
    {
      id: 'moonshotai/kimi-k2-instruct-0905',
      contextWindow: models(262_144),
      capabilities: capabilities('tools', 'json'),
      freeTier: free(60, 1_000, 10_000, 300_000),
      retired: deprecations('2026-04', { note: 'gone by then; the exact day is not given' }),
    },
    {
      id: 'groq/compound',
      contextWindow: models(131_072),
      capabilities: capabilities(),
      freeTier: free(30, 250, 70_000),
      retired: deprecations('2026-09-21'),
    },
  ],
};
