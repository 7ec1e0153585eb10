/** @module One turn of a chat as the chat view shows it and the chat history keeps it. */
import { z } from 'zod';
import { usageSchema, type ChatMessage } from '../openai/chat';

/** How an answer was served, from the answer's `x-freellm-*` headers, its usage chunk and the chat's clock. */
export const answerFiguresSchema = z.object({
  provider: z.string().max(200),
  model: z.string().max(300),
  attempts: z.number().int().nonnegative().nullable(),
  /** `x-freellm-cache`: `hit`, `miss` or `shared` (joined an identical request in flight). */
  cache: z.string().max(20).nullable(),
  /** From sending the question to the first text (or reasoning) of the answer. */
  firstTokenMs: z.number().nonnegative().nullable(),
  totalMs: z.number().nonnegative(),
  usage: usageSchema.nullable(),
});
export type AnswerFigures = z.infer<typeof answerFiguresSchema>;

export const chatTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(200_000),
  /** What a reasoning model thought before answering (shown folded; never sent back to a model). */
  reasoning: z.string().max(200_000).optional(),
  /** Who answered: `provider · model`. */
  servedBy: z.string().max(500).optional(),
  figures: answerFiguresSchema.optional(),
  /** Why the turn failed, as shown under it. */
  error: z.string().max(5_000).optional(),
});
export type ChatTurn = z.infer<typeof chatTurnSchema>;

export const chatTurnsSchema = z.array(chatTurnSchema).max(1_000);

/** What a model is sent of a conversation: failed answers left out, and the questions they left unanswered. */
export function messagesOf(turns: ChatTurn[]): ChatMessage[] {
  return turns
    .filter((turn, index) => !turn.error && !(turn.role === 'user' && turns[index + 1]?.error !== undefined))
    .map(({ role, content }) => ({ role, content }));
}
