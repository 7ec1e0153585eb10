/**
 * @module Z.ai (GLM), international host; China uses https://open.bigmodel.cn/api/paas/v4 with
 * its own keys (set it as a base-URL override). The `-flash` models are free, one request at a
 * time; other limits unpublished.
 */
import { capabilities, sourcedBy, type ProviderPreset } from '../catalog-types';

const pricing = sourcedBy('docs.z.ai/guides/overview/pricing', '2026-08');
const survey = sourcedBy('mnfst/awesome-free-llm-apis data.json', '2026-10-05');

export const zai: ProviderPreset = {
  id: 'zai',
  name: 'Z.ai (GLM)',
  family: 'openai-compatible',
  baseURL: 'https://api.z.ai/api/paas/v4',
  keyPrefixes: [],
  modelsEndpoint: '/models',
  signupUrl: 'https://z.ai/manage-apikey/apikey-list',
  access: survey('free'),
  freeTier: {
    note: 'GLM-4.7-Flash and GLM-4.6V-Flash are free, one request at a time, other limits unpublished; they stream long reasoning first (slow first token).',
    link: 'https://docs.z.ai/guides/overview/pricing',
  },
  defaultModel: 'glm-4.7-flash',
  rateLimitHeaders: 'none',
  models: [
    { id: 'glm-4.7-flash', contextWindow: pricing(131_072), capabilities: capabilities('tools', 'json') },
    { id: 'glm-4.6v-flash', contextWindow: pricing(65_536), capabilities: capabilities('tools', 'vision') },
    {
      id: 'glm-4.5-flash',
      contextWindow: pricing(131_072),
      capabilities: capabilities('tools', 'json'),
      retired: survey('2026-10', {
        note: 'retirement announced by 2026-10-05, day not given; calls are served by glm-4.7-flash',
      }),
    },
  ],
};
