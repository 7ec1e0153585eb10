/**
 * @module Turns the completion a compatible provider sent (leniently parsed) into what FreeLLM
 * promises its callers: an id, `created` and `model` (the provider's, else the call's), an
 * `assistant` role, tool calls with ids, one of OpenAI's finish reasons, and a usage total; plus
 * the pieces the stream mapper shares. Fields the provider adds are passed on untouched.
 */
import type { ChatCompletion, Usage } from '../../openai/chat';
import type { ResponseContext } from '../types';
import { mapOpenAICompatibleFinishReason } from './map-openai-compatible-finish-reason';
import type { UpstreamCompletion, UpstreamUsage } from './openai-compatible-api';

export interface Identity {
  id: string;
  created: number;
  model: string;
}

export function identityOf(
  answer: { id?: string | null; created?: number | null; model?: string | null },
  fallback: Identity,
): Identity {
  return {
    id: answer.id || fallback.id,
    created: answer.created ?? fallback.created,
    model: answer.model || fallback.model,
  };
}

export function identityFromContext(context: ResponseContext): Identity {
  return {
    id: `chatcmpl-${context.providerId}-${context.now}`,
    created: Math.floor(context.now / 1000),
    model: context.model,
  };
}

export function normalizeUsage(usage: UpstreamUsage): Usage {
  const prompt = usage.prompt_tokens ?? 0;
  const completion = usage.completion_tokens ?? 0;
  return {
    ...usage,
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: usage.total_tokens ?? prompt + completion,
  };
}

export function mapOpenAICompatibleResponse(
  answer: UpstreamCompletion,
  context: ResponseContext,
): ChatCompletion {
  const identity = identityOf(answer, identityFromContext(context));
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
        message: {
          ...message,
          role: 'assistant' as const,
          content: message.content ?? null,
          ...(toolCalls ? { tool_calls: toolCalls } : {}),
        },
        finish_reason: choice.finish_reason
          ? mapOpenAICompatibleFinishReason(choice.finish_reason, madeToolCalls)
          : null,
      };
    }),
    usage: usage ? normalizeUsage(usage) : usage,
  };
}
