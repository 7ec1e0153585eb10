/** @module One row of the `chats` table: a chat's id, when it changed, and its turns sealed by the vault. */
import { z } from 'zod';
import { sealedSchema } from '../vault/sealed';

export const chatIdSchema = z.string().min(1).max(100);
export const chatRecordSchema = z.object({ id: chatIdSchema, updatedAt: z.number(), sealed: sealedSchema });
export type ChatRecord = z.infer<typeof chatRecordSchema>;
