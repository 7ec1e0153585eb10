/**
 * @module A Cohere v2 chat response → an OpenAI ChatCompletion, plus the usage and finish-reason
 * helpers the stream mapper shares. Usage reports the tokens the model saw (`usage.tokens`),
 * falling back to `billed_units`, since the router counts against token-per-minute limits.
 * @see https://docs.cohere.com/reference/chat#response
 */
import type { ChatCompletion, Usage } from '../../openai/chat';
import { buildCompletion } from '../openai-completion';
import type { ProviderIdentity, ResponseContext } from '../types';
import { malformedUpstream } from '../upstream-fetch';
import type { CohereResponse, CohereUsage } from './cohere-api';
import { mapCohereFinishReason } from './map-cohere-finish-reason';

export function mapCohereResponse(response: CohereResponse, context: ResponseContext): ChatCompletion {
  const text = (response.message?.content ?? [])
    .map((part) => (part.type === 'text' || !part.type ? (part.text ?? '') : ''))
    .join('');
  const toolCalls = (response.message?.tool_calls ?? []).map((call, index) => ({
    id: call.id ?? `call_${response.id ?? context.now}_${index}`,
    type: 'function' as const,
    function: { name: call.function?.name ?? '', arguments: normalizeArguments(call.function?.arguments) },
  }));
  if (!response.finish_reason) throw malformedUpstream(context, 'an answer without a finish_reason');
  return buildCompletion({
    id: `chatcmpl-${response.id ?? `cohere-${context.now}`}`,
    model: context.model,
    now: context.now,
    text,
    toolCalls,
    finishReason: finishOf(response.finish_reason, toolCalls.length > 0, context),
    ...(response.usage ? { usage: convertCohereUsage(response.usage) } : {}),
  });
}

export function finishOf(reason: string, hasToolCalls: boolean, who: ProviderIdentity) {
  const mapped = mapCohereFinishReason(reason, hasToolCalls);
  if (mapped === 'error') throw malformedUpstream(who, `a generation that failed (finish_reason ${reason})`);
  return mapped;
}

export function convertCohereUsage(usage: CohereUsage): Usage {
  const tokens = usage.tokens ?? usage.billed_units;
  const prompt = tokens?.input_tokens ?? 0;
  const completion = tokens?.output_tokens ?? 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/** Cohere sends `"null"` or nothing for a call without arguments; OpenAI clients parse `{}`. */
export function normalizeArguments(text: string | null | undefined): string {
  return !text || text.trim() === '' || text.trim() === 'null' ? '{}' : text;
}
