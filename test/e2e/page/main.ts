/**
 * The test page: real client libraries wired to `window.freellm` as their docs and our README
 * show — the official `openai` client, the Vercel AI SDK, LangChain's ChatOpenAI and the official
 * `@anthropic-ai/sdk`.
 */
import Anthropic from '@anthropic-ai/sdk';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { ChatOpenAI } from '@langchain/openai';
import { generateText, streamText } from 'ai';
import OpenAI from 'openai';

declare global {
  interface Window {
    OpenAI: typeof OpenAI;
    freellmClient(): OpenAI;
    aiSdk: {
      generateText: typeof generateText;
      streamText: typeof streamText;
      openai(): ReturnType<typeof createOpenAI>;
      compatible(): ReturnType<typeof createOpenAICompatible>;
    };
    langchain(model?: string): ChatOpenAI;
    anthropicClient(): Anthropic;
  }
}

function api() {
  if (!window.freellm) throw new Error('FreeLLM extension not present');
  return window.freellm;
}

window.OpenAI = OpenAI;
window.freellmClient = () =>
  new OpenAI({
    baseURL: api().baseURL,
    apiKey: 'unused',
    fetch: api().fetch,
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
  });
window.aiSdk = {
  generateText,
  streamText,
  openai: () => createOpenAI({ baseURL: api().baseURL, apiKey: 'unused', fetch: api().fetch }),
  compatible: () =>
    createOpenAICompatible({
      name: 'freellm',
      baseURL: api().baseURL,
      fetch: api().fetch,
      includeUsage: true,
    }),
};
window.langchain = (model = 'auto') =>
  new ChatOpenAI({
    model,
    apiKey: 'unused',
    maxRetries: 0,
    configuration: { baseURL: api().baseURL, fetch: api().fetch, dangerouslyAllowBrowser: true },
  });
// The Anthropic SDK adds `/v1/messages` to its base URL itself.
window.anthropicClient = () =>
  new Anthropic({
    baseURL: api().baseURL.replace(/\/v1$/, ''),
    apiKey: 'unused',
    fetch: api().fetch,
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
  });
