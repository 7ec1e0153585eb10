/** @module Anthropic: native Messages API; no recurring free tier. */
import { capabilities, sourcedBy, type ProviderPreset } from '../catalog-types';

const models = sourcedBy('docs.anthropic.com/en/docs/about-claude/models/overview', '2025-10');

export const anthropic: ProviderPreset = {
  id: 'anthropic',
  name: 'Anthropic',
  family: 'anthropic',
  baseURL: 'https://api.anthropic.com/v1',
  keyPrefixes: ['sk-ant-'],
  modelsEndpoint: '/models',
  signupUrl: 'https://console.anthropic.com/settings/keys',
  browserCors: {
    value: true,
    source: 'docs/providers.md §1, from github.com/anthropics/anthropic-sdk-typescript/issues/703',
    asOf: '2026-11',
    note: 'with `anthropic-dangerous-direct-browser-access`, which FreeLLM sends; an organization may forbid it',
  },
  access: {
    value: 'paid',
    source: 'docs.anthropic.com/en/api/rate-limits (no recurring free tier found; unconfirmed)',
    asOf: '2026-11',
  },
  freeTier: {
    note: 'No recurring free API tier (unconfirmed): paid credits; an organization may forbid browser calls.',
    link: 'https://docs.anthropic.com/en/api/rate-limits',
  },
  defaultModel: 'claude-haiku-4-5',
  rateLimitHeaders: 'anthropic',
  models: [
    { id: 'claude-haiku-4-5', contextWindow: models(200_000), capabilities: capabilities('tools', 'vision') },
    {
      id: 'claude-sonnet-4-5',
      contextWindow: models(200_000),
      capabilities: capabilities('tools', 'vision'),
    },
  ],
};
