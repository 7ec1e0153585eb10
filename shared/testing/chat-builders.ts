/**
 * The small OpenAI-shaped values most tests need and few care about: a request, a completion, a
 * stream chunk, an upstream error, and the extension as caller.
 */
import type { ChatCompletion } from '../openai/chat';
import { jsonResponse } from './fake-fetch';

/** One user message to the `auto` model, plus whatever the test adds. */
export const ask = (content: string, extra: Record<string, unknown> = {}) => ({
  model: 'auto',
  messages: [{ role: 'user', content }],
  ...extra,
});

export const completion = (content: string, overrides: Partial<ChatCompletion> = {}): ChatCompletion => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  ...overrides,
});

/** One `chat.completion.chunk` as an SSE payload line. */
export const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  JSON.stringify({
    id: 'c',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices: [{ index: 0, delta, finish_reason: finish }],
  });

/** An OpenAI-shaped error answer from upstream. */
export const errorResponse = (
  status: number,
  message: string,
  code: string | null = null,
  headers: Record<string, string> = {},
) => jsonResponse({ error: { message, type: 'error', code } }, status, headers);

export const extension = { kind: 'extension' } as const;
