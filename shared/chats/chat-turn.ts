/** @module One turn of a chat as the chat view shows it and the chat history keeps it. */
import { z } from 'zod';

export const chatTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(200_000),
  /** Who answered: `provider · model`. */
  servedBy: z.string().max(500).optional(),
  /** Why the turn failed, as shown under it. */
  error: z.string().max(5_000).optional(),
});
export type ChatTurn = z.infer<typeof chatTurnSchema>;

export const chatTurnsSchema = z.array(chatTurnSchema).max(1_000);
