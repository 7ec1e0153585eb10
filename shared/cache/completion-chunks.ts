/**
 * @module Converts between a whole answer and its stream: a cached completion is replayed as the
 * chunk sequence OpenAI streams, and a streamed answer is assembled into a completion so it can
 * be cached for non-streamed requests too. Assembly follows openai-node's ChatCompletionStream.
 */
import type { ChatCompletion, ChatCompletionChunk, ToolCall } from '../openai/chat';
import { createChunkFactory } from '../providers/openai-chunks';

/**
 * The stream of a completion: per choice a role chunk, one content delta, each tool call's start
 * and arguments, and a finish chunk; then a usage chunk (empty `choices`) only if asked for.
 */
export function replayAsChunks(
  completion: ChatCompletion,
  { includeUsage }: { includeUsage: boolean },
): ChatCompletionChunk[] {
  const factory = createChunkFactory({
    id: completion.id,
    model: completion.model,
    created: completion.created,
  });
  const chunks: ChatCompletionChunk[] = [];
  for (const choice of completion.choices) {
    const ofChoice = (chunk: ChatCompletionChunk) => {
      for (const item of chunk.choices) item.index = choice.index;
      chunks.push(chunk);
    };
    ofChoice(factory.role());
    if (choice.message.content) ofChoice(factory.content(choice.message.content));
    choice.message.tool_calls?.forEach((call, index) => {
      ofChoice(factory.toolCallStart(index, call.id, call.function.name));
      if (call.function.arguments) ofChoice(factory.toolCallArguments(index, call.function.arguments));
    });
    ofChoice(factory.finish(choice.finish_reason ?? 'stop'));
  }
  if (includeUsage && completion.usage) chunks.push(factory.usage(completion.usage));
  return chunks;
}

interface ChoiceDraft {
  content: string;
  toolCalls: { id?: string; name: string; arguments: string }[];
  finishReason: ChatCompletion['choices'][number]['finish_reason'];
}

/**
 * The completion a stream amounts to. Content stays `null` when no text came (as openai-node
 * does); a tool call without an id (some providers omit it) gets `call_<index>`.
 */
export function assembleCompletion(chunks: readonly ChatCompletionChunk[]): ChatCompletion {
  const first = chunks[0];
  if (!first) throw new TypeError('assembleCompletion needs at least one chunk');
  const drafts = new Map<number, ChoiceDraft>();
  let usage: ChatCompletion['usage'];
  for (const chunk of chunks) {
    if (chunk.usage) usage = chunk.usage;
    for (const choice of chunk.choices) {
      const draft = drafts.get(choice.index) ?? { content: '', toolCalls: [], finishReason: null };
      drafts.set(choice.index, draft);
      if (choice.delta.content) draft.content += choice.delta.content;
      for (const delta of choice.delta.tool_calls ?? []) {
        const call = (draft.toolCalls[delta.index] ??= { name: '', arguments: '' });
        if (delta.id) call.id = delta.id;
        if (delta.function?.name) call.name = delta.function.name;
        if (delta.function?.arguments) call.arguments += delta.function.arguments;
      }
      if (choice.finish_reason) draft.finishReason = choice.finish_reason;
    }
  }
  const choices = [...drafts.entries()]
    .sort(([left], [right]) => left - right)
    .map(([index, draft]) => {
      // flatMap skips the holes a provider leaves by numbering tool calls sparsely.
      const toolCalls: ToolCall[] = draft.toolCalls.flatMap((call, position) => [
        {
          id: call.id ?? `call_${position}`,
          type: 'function' as const,
          function: { name: call.name, arguments: call.arguments },
        },
      ]);
      const message = {
        role: 'assistant' as const,
        content: draft.content || null,
        ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
      };
      return { index, message, finish_reason: draft.finishReason };
    });
  return {
    id: first.id,
    object: 'chat.completion',
    created: first.created,
    model: first.model,
    choices,
    ...(usage ? { usage } : {}),
  };
}

/** A completion is worth keeping only if every choice finished. */
export function isFinished(completion: ChatCompletion): boolean {
  return completion.choices.length > 0 && completion.choices.every((choice) => choice.finish_reason !== null);
}
