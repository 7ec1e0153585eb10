/** @module One line of the request log: who asked, who served, how it went. Never a key. */
import { z } from 'zod';

export const attemptSchema = z.object({
  provider: z.string(),
  /** Which key was used (its id, never its secret); absent in lines written before it was logged. */
  keyId: z.string().optional(),
  model: z.string(),
  outcome: z.string(),
  latencyMs: z.number(),
});
export type Attempt = z.infer<typeof attemptSchema>;

export const requestLogEntrySchema = z.object({
  id: z.number().optional(),
  requestId: z.string(),
  at: z.number(),
  origin: z.string(),
  model: z.string(),
  stream: z.boolean(),
  status: z.number(),
  provider: z.string().nullable(),
  servedModel: z.string().nullable(),
  latencyMs: z.number(),
  attempts: z.array(attemptSchema),
});
export type RequestLogEntry = z.infer<typeof requestLogEntrySchema>;

export const REQUEST_LOG_CAP = 1000;
