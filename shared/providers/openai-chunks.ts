/**
 * @module Builds OpenAI chat-completion chunks for adapters whose providers stream another
 * format, so every stream looks like OpenAI's own: a role chunk first, content and tool-call
 * deltas, one finish chunk, and a usage chunk (empty `choices`) when the caller asked for it.
 */
import type { ChatCompletionChunk, FinishReason, Usage } from '../openai/chat';

export interface ChunkFactory {
  role(): ChatCompletionChunk;
  content(text: string): ChatCompletionChunk;
  /** First fragment of a tool call: carries its id and name, arguments empty. */
  toolCallStart(index: number, id: string, name: string): ChatCompletionChunk;
  toolCallArguments(index: number, fragment: string): ChatCompletionChunk;
  finish(reason: FinishReason): ChatCompletionChunk;
  usage(usage: Usage): ChatCompletionChunk;
}

export function createChunkFactory(base: { id: string; model: string; created: number }): ChunkFactory {
  const chunk = (
    delta: ChatCompletionChunk['choices'][number]['delta'],
    finishReason: FinishReason | null = null,
  ): ChatCompletionChunk => ({
    id: base.id,
    object: 'chat.completion.chunk',
    created: base.created,
    model: base.model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  });
  return {
    role: () => chunk({ role: 'assistant', content: '' }),
    content: (text) => chunk({ content: text }),
    toolCallStart: (index, id, name) =>
      chunk({ tool_calls: [{ index, id, type: 'function', function: { name, arguments: '' } }] }),
    toolCallArguments: (index, fragment) =>
      chunk({ tool_calls: [{ index, function: { arguments: fragment } }] }),
    finish: (reason) => chunk({}, reason),
    usage: (usage) => ({
      id: base.id,
      object: 'chat.completion.chunk',
      created: base.created,
      model: base.model,
      choices: [],
      usage,
    }),
  };
}
