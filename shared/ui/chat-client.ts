/**
 * @module Streams one chat completion through any OpenAI-compatible `fetch` (the extension's
 * shim or an in-page engine) and reports text as it arrives, plus who served it.
 */
import { z } from 'zod';
import type { AnswerFigures } from '../chats/chat-turn';
import type { ChatSettings } from '../chats/chat-settings';
import { requestFieldsOf } from '../chats/chat-settings-in-use';
import { chatCompletionChunkSchema, reasoningOf, type ChatMessage, type Usage } from '../openai/chat';
import { openAIErrorBodySchema } from '../openai/error';
import { providerNamesOf, type ProviderNames } from '../providers/provider-names';
import type { AttemptProgress, ProgressInit } from '../protocol/attempt-progress';
import { decodeSse } from '../sse/decode-sse';

export interface ChatTurnResult {
  content: string;
  provider: string | null;
  model: string | null;
  /** How it was served; none when no provider is named (not FreeLLM's answer). */
  figures?: AnswerFigures;
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
  /** The clock that times the answer (to its first token, and in all). */
  now(): number;
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
    // The usage chunk gives the answer's token counts.
    body: JSON.stringify({
      model: options.model,
      ...requestFieldsOf(options.messages, options.settings ?? {}),
      stream: true,
      stream_options: { include_usage: true },
    }),
    signal: options.signal,
    onAttempt: options.onAttempt,
  };
  const started = options.now();
  const response = await options.fetch(`${options.baseURL}/chat/completions`, init);
  if (!response.ok || !response.body) throw await errorOf(response);
  let content = '';
  let firstTokenAt: number | undefined;
  let usage: Usage | null = null;
  for await (const event of decodeSse(response.body)) {
    if (event.data === '[DONE]') break;
    const json: unknown = JSON.parse(event.data);
    const failure = openAIErrorBodySchema.safeParse(json);
    if (failure.success) throw new ChatTurnError(failure.data.error.message, 502, failure.data.error.code);
    const chunk = chatCompletionChunkSchema.safeParse(json);
    if (chunk.success && chunk.data.usage) usage = chunk.data.usage;
    const delta = chunk.success ? chunk.data.choices[0]?.delta : undefined;
    if (!delta) continue;
    const reasoning = reasoningOf(delta);
    if ((reasoning || delta.content) && firstTokenAt === undefined) firstTokenAt = options.now();
    if (reasoning) options.onReasoning?.(reasoning);
    if (delta.content) {
      content += delta.content;
      options.onDelta(delta.content);
    }
  }
  const provider = response.headers.get('x-freellm-provider');
  const model = response.headers.get('x-freellm-model');
  const attempts = Number.parseInt(response.headers.get('x-freellm-attempts') ?? '', 10);
  const figures: AnswerFigures | undefined =
    provider && model
      ? {
          provider,
          model,
          attempts: Number.isFinite(attempts) ? attempts : null,
          cache: response.headers.get('x-freellm-cache'),
          firstTokenMs: firstTokenAt === undefined ? null : firstTokenAt - started,
          totalMs: options.now() - started,
          usage,
        }
      : undefined;
  return { content, provider, model, figures };
}

const modelListSchema = z.object({
  data: z.array(
    z.object({ id: z.string(), type: z.string().optional(), provider_name: z.string().optional() }),
  ),
});

/** A model `GET /models` offers; a provider's own (`provider/model`) comes with the provider's name. */
export interface OfferedModel {
  id: string;
  providerName?: string;
}

/**
 * The chat models `GET /models` offers (virtual models first, as the engine lists them;
 * embedding models left out: they cannot chat); none if it fails.
 */
export async function listModels(fetch: typeof globalThis.fetch, baseURL: string): Promise<OfferedModel[]> {
  try {
    const response = await fetch(`${baseURL}/models`);
    if (!response.ok) return [];
    const parsed = modelListSchema.safeParse(await response.json());
    if (!parsed.success) return [];
    const chat = parsed.data.data.filter((model) => model.type !== 'embedding');
    const byId = new Map(chat.map(({ id, provider_name }) => [id, { id, providerName: provider_name }]));
    return [...byId.values()];
  } catch {
    return [];
  }
}

/** `provider/model` splits at its first slash: a model's own id may have more (`openrouter/meta-llama/…`). */
export function providerOf(id: string): { providerId: string; model: string } | undefined {
  const slash = id.indexOf('/');
  return slash < 0 ? undefined : { providerId: id.slice(0, slash), model: id.slice(slash + 1) };
}

/** Providers by the names `GET /models` gave them (the user's own endpoints included). */
export function providerNamesOfOffered(models: OfferedModel[]): ProviderNames {
  return providerNamesOf(
    models.flatMap(({ id, providerName }) => {
      const provider = providerOf(id);
      return provider && providerName ? [{ id: provider.providerId, name: providerName }] : [];
    }),
  );
}
