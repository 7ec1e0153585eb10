/**
 * @module Builds the OpenAI chat completion for adapters whose providers answer in another
 * format, so every answer looks like OpenAI's own: one choice, content null when the turn is
 * only tool calls (as OpenAI does), usage when the provider said it. The stream counterpart is
 * `openai-chunks.ts`.
 */
import type { ChatCompletion, FinishReason, ToolCall, Usage } from '../openai/chat';

export interface CompletionParts {
  id: string;
  model: string;
  /** When the answer came, in milliseconds (the adapter's `now`). */
  now: number;
  text: string;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  usage?: Usage;
}

export function buildCompletion(parts: CompletionParts): ChatCompletion {
  const { text, toolCalls } = parts;
  return {
    id: parts.id,
    object: 'chat.completion',
    created: Math.floor(parts.now / 1000),
    model: parts.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: text === '' && toolCalls.length > 0 ? null : text,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        finish_reason: parts.finishReason,
      },
    ],
    ...(parts.usage ? { usage: parts.usage } : {}),
  };
}
