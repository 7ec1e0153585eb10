/** @module Answers a management message `{ type: name, ...input }` from a table of calls. */
import { z } from 'zod';
import { invalidRequest, toFreeLLMError } from '../openai/error';
import type { UiReply } from '../protocol/ui-messages';
import type { CallTable } from './management-calls';
import { parseOrInvalidRequest } from '../openai/parse-or-invalid-request';

const envelopeSchema = z.object({ type: z.string() });

/** The message names a call of the table and carries what that call's schema accepts; nothing else is run. */
export async function answerCall(calls: CallTable, message: unknown): Promise<UiReply> {
  try {
    const { type } = parseOrInvalidRequest(envelopeSchema, message, { what: 'Unknown or malformed message' });
    const call = Object.hasOwn(calls, type) ? calls[type] : undefined;
    if (!call) throw invalidRequest(`Unknown or malformed message: there is no call "${type.slice(0, 100)}"`);
    const input = parseOrInvalidRequest(call.input, message, {
      what: `Unknown or malformed message: "${type}"`,
    });
    return { ok: true, data: (await call.handle(input)) ?? null };
  } catch (thrown) {
    const error = toFreeLLMError(thrown);
    return { ok: false, error: { ...error.toBody().error, ...(error.values && { values: error.values }) } };
  }
}
