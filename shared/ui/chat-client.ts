/**
 * @module Streams one chat completion through any OpenAI-compatible `fetch` (the extension's
 * shim or an in-page engine) and reports text as it arrives, plus who served it.
 */
import { z } from 'zod';
import type { ChatSettings } from '../chats/chat-settings';
import { requestFieldsOf } from '../chats/chat-settings-in-use';
import { chatCompletionChunkSchema, reasoningOf, type ChatMessage } from '../openai/chat';
import { openAIErrorBodySchema } from '../openai/error';
import type { AttemptProgress, ProgressInit } from '../protocol/attempt-progress';
import { decodeSse } from '../sse/decode-sse';

export interface ChatTurnResult {
  content: string;
  provider: string | null;
  model: string | null;
}

export interface ChatTurnOptions {
  fetch: typeof fetch;
  baseURL: string;
  model: string;
  messages: ChatMessage[];
  /** The conversation's system prompt, temperature and max tokens. */
  settings?: ChatSettings;
  /** A new answer, never one FreeLLM kept for the same request (an answer asked for again). */
  fresh?: boolean;
  signal?: AbortSignal;
  onDelta(text: string): void;
  /** What a reasoning model thinks before it answers, as it streams. */
  onReasoning?(text: string): void;
  /** Told as each provider is asked, until one answers. */
  onAttempt?(progress: AttemptProgress): void;
}

export class ChatTurnError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(message);
  }
}

async function errorOf(response: Response): Promise<ChatTurnError> {
  const text = await response.text();
  let parsed: ReturnType<typeof openAIErrorBodySchema.safeParse> | undefined;
  try {
    parsed = openAIErrorBodySchema.safeParse(JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  return parsed?.success
    ? new ChatTurnError(parsed.data.error.message, response.status, parsed.data.error.code)
    : new ChatTurnError(`HTTP ${response.status}: ${text.slice(0, 200)}`, response.status, null);
}

export async function streamChatTurn(options: ChatTurnOptions): Promise<ChatTurnResult> {
  const init: ProgressInit = {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.fresh && { 'cache-control': 'no-cache' }) },
    body: JSON.stringify({
      model: options.model,
      ...requestFieldsOf(options.messages, options.settings ?? {}),
      stream: true,
    }),
    signal: options.signal,
    onAttempt: options.onAttempt,
  };
  const response = await options.fetch(`${options.baseURL}/chat/completions`, init);
  if (!response.ok || !response.body) throw await errorOf(response);
  let content = '';
  for await (const event of decodeSse(response.body)) {
    if (event.data === '[DONE]') break;
    const json: unknown = JSON.parse(event.data);
    const failure = openAIErrorBodySchema.safeParse(json);
    if (failure.success) throw new ChatTurnError(failure.data.error.message, 502, failure.data.error.code);
    const chunk = chatCompletionChunkSchema.safeParse(json);
    const delta = chunk.success ? chunk.data.choices[0]?.delta : undefined;
    if (!delta) continue;
    const reasoning = reasoningOf(delta);
    if (reasoning) options.onReasoning?.(reasoning);
    if (delta.content) {
      content += delta.content;
      options.onDelta(delta.content);
    }
  }
  return {
    content,
    provider: response.headers.get('x-freellm-provider'),
    model: response.headers.get('x-freellm-model'),
  };
}

const modelListSchema = z.object({
  data: z.array(z.object({ id: z.string(), provider_name: z.string().optional() })),
});

/** A model `GET /models` offers; a provider's own (`provider/model`) comes with the provider's name. */
export interface OfferedModel {
  id: string;
  providerName?: string;
}

/** The models `GET /models` offers (virtual models first, as the engine lists them); none if it fails. */
export async function listModels(fetch: typeof globalThis.fetch, baseURL: string): Promise<OfferedModel[]> {
  try {
    const response = await fetch(`${baseURL}/models`);
    if (!response.ok) return [];
    const parsed = modelListSchema.safeParse(await response.json());
    if (!parsed.success) return [];
    const byId = new Map(
      parsed.data.data.map(({ id, provider_name }) => [id, { id, providerName: provider_name }]),
    );
    return [...byId.values()];
  } catch {
    return [];
  }
}
