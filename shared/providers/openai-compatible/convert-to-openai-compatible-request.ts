/**
 * @module OpenAI chat request → the body an OpenAI-compatible provider is sent: the caller's own
 * request with the provider's model id, rewritten by the preset's quirks (renamed fields,
 * defaults) and without the fields the provider rejects.
 */
import type { ChatCompletionRequest } from '../../openai/chat';
import type { RequestTarget } from '../types';
import type { OpenAICompatibleQuirks } from './openai-compatible-quirks';

export function convertToOpenAICompatibleRequest(
  request: ChatCompletionRequest,
  { model, stream }: RequestTarget,
  quirks: Pick<OpenAICompatibleQuirks, 'transformRequestBody' | 'unsupportedParams'> = {},
): Record<string, unknown> {
  let body: Record<string, unknown> = { ...request, model, stream };
  if (!stream) delete body.stream_options;
  if (quirks.transformRequestBody) body = quirks.transformRequestBody(body);
  for (const param of quirks.unsupportedParams ?? []) delete body[param];
  return body;
}
