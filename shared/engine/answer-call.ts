/** @module Answers a management message `{ type: name, ...input }` from a table of calls. */
import { z } from 'zod';
import { invalidRequest, toFreeLLMError } from '../openai/error';
import type { UiReply } from '../protocol/ui-messages';
import type { CallTable } from './management-calls';

const envelopeSchema = z.object({ type: z.string() });

/** The message names a call of the table and carries what that call's schema accepts; nothing else is run. */
export async function answerCall(calls: CallTable, message: unknown): Promise<UiReply> {
  try {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success)
      throw invalidRequest(`Unknown or malformed message: ${envelope.error.issues[0]?.message}`);
    const { type } = envelope.data;
    const call = Object.hasOwn(calls, type) ? calls[type] : undefined;
    if (!call) throw invalidRequest(`Unknown or malformed message: there is no call "${type.slice(0, 100)}"`);
    const input = call.input.safeParse(message);
    if (!input.success) {
      const issue = input.error.issues[0];
      const param = issue?.path.join('.') || null;
      throw invalidRequest(
        `Unknown or malformed message: "${type}"${param ? ` at ${param}` : ''}: ${issue?.message}`,
        param,
      );
    }
    return { ok: true, data: (await call.handle(input.data)) ?? null };
  } catch (thrown) {
    return { ok: false, error: toFreeLLMError(thrown).toBody().error };
  }
}
