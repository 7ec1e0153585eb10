/**
 * @module MiniMax, international host; China uses https://api.minimaxi.com/v1. Temperature must
 * be in (0, 1]. Free allowance unconfirmed.
 * @see https://platform.minimax.io/docs/api-reference/text-openai-api
 */
import { capabilities, sourcedBy, type ProviderPreset } from '../catalog-types';
import { clampTemperature } from '../../providers/openai-compatible/request-body-quirks';

const models = sourcedBy('promptfoo.dev/docs/providers/minimax', '2026-06');

export const minimax: ProviderPreset = {
  id: 'minimax',
  name: 'MiniMax',
  family: 'openai-compatible',
  baseURL: 'https://api.minimax.io/v1',
  keyPrefixes: [],
  modelsEndpoint: '/models',
  signupUrl: 'https://platform.minimax.io/user-center/basic-information/interface-key',
  access: {
    value: 'paid',
    source: 'platform.minimax.io/docs/guides/pricing (free allowance unconfirmed)',
    asOf: '2026-06',
  },
  freeTier: {
    note: 'Free allowance unconfirmed: pay as you go.',
    link: 'https://platform.minimax.io/docs/guides/pricing',
  },
  defaultModel: 'MiniMax-M2.7',
  transformRequestBody: clampTemperature(0.01, 1),
  rateLimitHeaders: 'none',
  models: [
    { id: 'MiniMax-M2.7', contextWindow: models(204_800), capabilities: capabilities('tools') },
    { id: 'MiniMax-M2.5', contextWindow: models(204_800), capabilities: capabilities('tools') },
  ],
};
