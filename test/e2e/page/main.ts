/** The test page: the official `openai` client, wired to `window.freellm` as the README shows. */
import OpenAI from 'openai';
import '../../../extension/lib/page-api/page-api-types';

declare global {
  interface Window {
    OpenAI: typeof OpenAI;
    freellmClient(): OpenAI;
  }
}

window.OpenAI = OpenAI;
window.freellmClient = () => {
  if (!window.freellm) throw new Error('FreeLLM extension not present');
  return new OpenAI({ baseURL: window.freellm.baseURL, apiKey: 'unused', fetch: window.freellm.fetch, dangerouslyAllowBrowser: true, maxRetries: 0 });
};
