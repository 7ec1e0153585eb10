/**
 * @module Cerebras: no recurring free tier since about 2026-08-17, only a one-time trial credit.
 * Sources disagree on the limits: the rate-limits page (2025) lists 30 RPM / 14.4K RPD / 60K TPM
 * / 1M TPD with no card; a 2026-08 survey reports the card-gated trial at 5 RPM / 30K TPM / 1M
 * TPD. The newer figure is the seed; the other is recorded.
 */
import { capabilities, sourcedBy, type FreeTierLimits, type ProviderPreset } from '../catalog-types';
import { defaultTokenCap } from '../../providers/openai-compatible/request-body-quirks';

const docs = { source: 'inference-docs.cerebras.ai/support/rate-limits', asOf: '2025-09' };
const survey = sourcedBy('cuihuan/awesome-ai-gateway data/free_tiers.json', '2026-08-31');
const context = sourcedBy('juspay/neurolink (free tier 65K, paid 131K)', '2026-05');
const contextCap = {
  value: 8_192,
  source: 'tokenmix.ai (temporary 8,192 context cap on free models)',
  asOf: '2026-04',
};
const models = sourcedBy('inference-docs.cerebras.ai/models', '2025-09');
const deprecation = sourcedBy('inference-docs.cerebras.ai/support/deprecation', '2026-11');

const trial: FreeTierLimits = {
  scope: 'model',
  rpm: survey(5, { disputedBy: { value: 30, ...docs } }),
  rpd: {
    value: 14_400,
    ...docs,
    note: 'The 2026 survey names no daily request cap; the docs figure is kept.',
  },
  tpm: survey(30_000, { disputedBy: { value: 60_000, ...docs } }),
  tpd: survey(1_000_000),
};

/**
 * Cerebras' limiter reserves `max_completion_tokens` (else the model's maximum) before running a
 * request, so a missing cap spends the minute's token budget at once.
 * @see https://inference-docs.cerebras.ai/support/rate-limits#token-rate-limiting
 */
export const CEREBRAS_DEFAULT_MAX_COMPLETION_TOKENS = 4_096;

export const cerebras: ProviderPreset = {
  id: 'cerebras',
  name: 'Cerebras',
  family: 'openai-compatible',
  baseURL: 'https://api.cerebras.ai/v1',
  keyPrefixes: ['csk-'],
  modelsEndpoint: '/models',
  signupUrl: 'https://cloud.cerebras.ai',
  access: {
    value: 'trial-credit',
    source: 'mnfst/awesome-free-llm-apis #76 (2026-08-19); OmniRoute #11773, PR #12591',
    asOf: '2026-09-03',
    note: 'no recurring free tier since about 2026-08-17',
    disputedBy: { value: 'free', ...docs },
  },
  freeTier: {
    note: 'No free tier since about 2026-08-17: new accounts get a one-time $5 credit for 30 days, card required. Limits per organization and model.',
    link: 'https://inference-docs.cerebras.ai/support/rate-limits',
  },
  defaultModel: 'gpt-oss-120b',
  transformRequestBody: defaultTokenCap('max_completion_tokens', CEREBRAS_DEFAULT_MAX_COMPLETION_TOKENS),
  rateLimitHeaders: 'cerebras',
  models: [
    {
      id: 'gpt-oss-120b',
      contextWindow: context(65_536, { disputedBy: contextCap }),
      capabilities: capabilities('tools', 'json'),
      freeTier: trial,
    },
    {
      id: 'llama3.1-8b',
      contextWindow: models(8_192),
      capabilities: capabilities('tools', 'json'),
      freeTier: trial,
      retired: deprecation('2026-05-27'),
    },
    {
      id: 'qwen-3-235b-a22b-instruct-2507',
      contextWindow: context(65_536, { disputedBy: contextCap }),
      capabilities: capabilities('tools', 'json'),
      freeTier: trial,
      retired: deprecation('2026-05-27'),
    },
  ],
};
