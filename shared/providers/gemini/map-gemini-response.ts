/**
 * @module A Gemini GenerateContentResponse → an OpenAI ChatCompletion, plus the pieces the stream
 * mapper shares: usage, synthesized tool-call ids and the blocked-prompt check.
 *
 * Decision: a prompt Gemini blocks (`promptFeedback.blockReason`, no candidates) is an error, not
 * an empty `content_filter` answer: a 400 with code `content_filter`, as Azure OpenAI answers a
 * filtered prompt, so the caller learns why and the router may try another model.
 * @see https://ai.google.dev/api/generate-content#generatecontentresponse
 */
import type { ChatCompletion, ToolCall, Usage } from '../../openai/chat';
import { errorWithCode } from '../../openai/error';
import { buildCompletion } from '../openai-completion';
import type { ProviderIdentity, ResponseContext } from '../types';
import { malformedUpstream } from '../upstream-fetch';
import type { GeminiResponse, GeminiUsage } from './gemini-api';
import { mapGeminiFinishReason } from './map-gemini-finish-reason';

export function mapGeminiResponse(response: GeminiResponse, context: ResponseContext): ChatCompletion {
  throwIfPromptBlocked(response, context);
  const candidate = response.candidates?.[0];
  const parts = (candidate?.content?.parts ?? []).filter((part) => !part.thought);
  const text = parts.map((part) => part.text ?? '').join('');
  const toolCalls: ToolCall[] = parts
    .filter((part) => part.functionCall)
    .map((part, index) => ({
      id: toolCallId(response, context.now, index, part.functionCall?.id),
      type: 'function',
      function: {
        name: part.functionCall?.name ?? '',
        arguments: JSON.stringify(part.functionCall?.args ?? {}),
      },
    }));
  if (!candidate?.finishReason) throw malformedUpstream(context, 'an answer without a finishReason');
  const finishReason = finishOf(
    candidate.finishReason,
    toolCalls.length > 0,
    context,
    candidate.finishMessage,
  );
  return buildCompletion({
    id: completionId(response, context.now),
    model: response.modelVersion ?? context.model,
    now: context.now,
    text,
    toolCalls,
    finishReason,
    ...(response.usageMetadata ? { usage: convertGeminiUsage(response.usageMetadata) } : {}),
  });
}

export function finishOf(
  reason: string,
  hasToolCalls: boolean,
  who: ProviderIdentity,
  finishMessage?: string | null,
) {
  const mapped = mapGeminiFinishReason(reason, hasToolCalls);
  if (mapped === 'error')
    throw malformedUpstream(
      who,
      `a failed function call (${reason}${finishMessage ? `: ${finishMessage}` : ''})`,
    );
  return mapped;
}

export function throwIfPromptBlocked(response: GeminiResponse, who: ProviderIdentity): void {
  const blockReason = response.promptFeedback?.blockReason;
  if (!blockReason || response.candidates?.length) return;
  throw errorWithCode(
    'content_filter',
    `${who.providerName} blocked the prompt (${blockReason}${response.promptFeedback?.blockReasonMessage ? `: ${response.promptFeedback.blockReasonMessage}` : ''})`,
    { provider: who.providerId },
  );
}

/** Thinking tokens are billed as output, as OpenAI counts reasoning tokens in completion_tokens. */
export function convertGeminiUsage(usage: GeminiUsage): Usage {
  const prompt = usage.promptTokenCount ?? 0;
  const completion = (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0);
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: usage.totalTokenCount ?? prompt + completion,
  };
}

export function completionId(response: GeminiResponse, now: number): string {
  return `chatcmpl-${response.responseId ?? `gemini-${now}`}`;
}

/** Gemini's function calls usually carry no id; OpenAI clients need one to answer the call. */
export function toolCallId(response: GeminiResponse, now: number, index: number, id?: string | null): string {
  return id ?? `call_${response.responseId ?? now}_${index}`;
}
