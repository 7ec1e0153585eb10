/**
 * @module What a snippet reproduces: a chat request's model, messages and sampling parameters,
 * read from the request the chat sent (anything else in it is left out).
 */
import { z } from 'zod';

export const snippetRequestSchema = z.object({
  model: z.string(),
  messages: z.array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })).min(1),
  temperature: z.number().optional(),
  top_p: z.number().optional(),
  max_tokens: z.number().int().optional(),
  max_completion_tokens: z.number().int().optional(),
  stop: z.union([z.string(), z.array(z.string())]).optional(),
  seed: z.number().int().optional(),
  frequency_penalty: z.number().optional(),
  presence_penalty: z.number().optional(),
});
export type SnippetRequest = z.infer<typeof snippetRequestSchema>;

/** The parameters besides model and messages, as the request named them (OpenAI's names). */
export function samplingOf(request: SnippetRequest): Omit<SnippetRequest, 'model' | 'messages'> {
  const { model: _model, messages: _messages, ...sampling } = request;
  return sampling;
}
