/**
 * @module Turns what a compatible provider sent (leniently parsed) into what FreeLLM promises its
 * callers: every completion and chunk has an id, `created` and `model` (the provider's, else the
 * call's), an `assistant` role, indexed tool calls, one of OpenAI's finish reasons, and a usage
 * total. Fields the provider adds are passed on untouched.
 */
import type { ChatCompletion, ChatCompletionChunk, Usage } from '../../openai/chat';
import type { AdapterCall } from '../types';
import { mapOpenAICompatibleFinishReason } from './map-openai-compatible-finish-reason';
import type { UpstreamChunk, UpstreamCompletion, UpstreamToolCallDelta, UpstreamUsage } from './openai-compatible-api';

type AnswerContext = Pick<AdapterCall, 'providerId' | 'model' | 'now'>;

interface Identity {
  id: string;
  created: number;
  model: string;
}

function identityOf(answer: { id?: string | null; created?: number | null; model?: string | null }, fallback: Identity): Identity {
  return { id: answer.id || fallback.id, created: answer.created ?? fallback.created, model: answer.model || fallback.model };
}

function identityFromCall(context: AnswerContext): Identity {
  const now = context.now();
  return { id: `chatcmpl-${context.providerId}-${now}`, created: Math.floor(now / 1000), model: context.model };
}

function normalizeUsage(usage: UpstreamUsage): Usage {
  const prompt = usage.prompt_tokens ?? 0;
  const completion = usage.completion_tokens ?? 0;
  return { ...usage, prompt_tokens: prompt, completion_tokens: completion, total_tokens: usage.total_tokens ?? prompt + completion };
}

export function normalizeCompletion(answer: UpstreamCompletion, context: AnswerContext): ChatCompletion {
  const identity = identityOf(answer, identityFromCall(context));
  const { usage } = answer;
  return {
    ...answer,
    ...identity,
    object: 'chat.completion',
    choices: answer.choices.map((choice, position) => {
      const { tool_calls: rawToolCalls, ...message } = choice.message;
      const toolCalls = rawToolCalls?.map((call, index) => ({
        ...call,
        id: call.id || `call_${identity.id}_${index}`,
        type: 'function' as const,
        function: { ...call.function, arguments: call.function.arguments ?? '' },
      }));
      const madeToolCalls = (toolCalls?.length ?? 0) > 0;
      return {
        ...choice,
        index: choice.index ?? position,
        message: { ...message, role: 'assistant' as const, content: message.content ?? null, ...(toolCalls ? { tool_calls: toolCalls } : {}) },
        finish_reason: choice.finish_reason ? mapOpenAICompatibleFinishReason(choice.finish_reason, madeToolCalls) : null,
      };
    }),
    usage: usage ? normalizeUsage(usage) : usage,
  };
}

/**
 * A normalizer for one stream: it remembers the first id, `created` and model seen, so chunks
 * that leave them out match the others, and, per choice, the tool calls begun, so a delta without
 * `index` either starts the next call (a new id, or a name without id) or continues the last.
 */
export function createChunkNormalizer(context: AnswerContext): (chunk: UpstreamChunk) => ChatCompletionChunk {
  let identity: Identity | undefined;
  const toolCallsBegun = new Map<number, { count: number; lastId?: string | null }>();

  function indexToolCall(choiceIndex: number, delta: UpstreamToolCallDelta): number {
    const begun = toolCallsBegun.get(choiceIndex) ?? { count: 0 };
    const starts = delta.id ? delta.id !== begun.lastId : Boolean(delta.function?.name);
    const index = delta.index ?? (starts ? begun.count : Math.max(0, begun.count - 1));
    toolCallsBegun.set(choiceIndex, { count: Math.max(begun.count, index + 1), lastId: delta.id ?? begun.lastId });
    return index;
  }

  return (chunk) => {
    identity = identityOf(chunk, identity ?? identityFromCall(context));
    const { usage } = chunk;
    return {
      ...chunk,
      ...identity,
      object: 'chat.completion.chunk',
      choices: (chunk.choices ?? []).map((choice, position) => {
        const index = choice.index ?? position;
        const { role, tool_calls: toolCalls, ...delta } = choice.delta ?? {};
        return {
          ...choice,
          index,
          delta: {
            ...delta,
            ...(role === undefined || role === null ? {} : { role: 'assistant' as const }),
            ...(toolCalls ? { tool_calls: toolCalls.map((call) => ({ ...call, index: indexToolCall(index, call), type: call.type === null || call.type === undefined ? call.type : ('function' as const) })) } : {}),
          },
          finish_reason: choice.finish_reason ? mapOpenAICompatibleFinishReason(choice.finish_reason, toolCallsBegun.has(index)) : null,
        };
      }),
      usage: usage ? normalizeUsage(usage) : usage,
    };
  };
}
