/**
 * @module The one reader of a provider's event stream, shared by every wire family: server-sent
 * events whose `data` is JSON of the family's schema. A missing body, an event that is not JSON
 * or one that does not fit is a malformed answer; an event that reports an error is turned into
 * the family's classified error by the family itself (`screen`).
 */
import type { z } from 'zod';
import type { FreeLLMError } from '../openai/error';
import { decodeSse } from '../sse/decode-sse';
import { malformedUpstream } from './upstream-fetch';
import { firstIssue } from '../openai/parse-or-invalid-request';
import type { ProviderIdentity } from './types';

export interface JsonEventStreamOptions extends ProviderIdentity {
  /** The `data` that ends the stream before the body does (`[DONE]`). */
  endMarker?: string;
  /**
   * Sees each event before the schema does: returns the family's error when the event reports
   * one, `'skip'` for an event to pass over, or nothing to read it.
   */
  screen?: (json: unknown, data: string) => FreeLLMError | 'skip' | undefined;
  /** How a mis-shaped event is named in its error; "a stream event" unless told. */
  describe?: (json: unknown) => string;
}

/**
 * Checks for a body at once, so `stream()` still rejects (and the router fails over) before any
 * event is read; the events are then read as they are asked for.
 */
export function readJsonEventStream<Schema extends z.ZodType>(
  response: Response,
  schema: Schema,
  options: JsonEventStreamOptions,
): AsyncGenerator<z.output<Schema>> {
  if (!response.body) throw malformedUpstream(options, 'a stream without a body');
  return readEvents(response.body, schema, options);
}

async function* readEvents<Schema extends z.ZodType>(
  body: ReadableStream<Uint8Array>,
  schema: Schema,
  options: JsonEventStreamOptions,
): AsyncGenerator<z.output<Schema>> {
  for await (const { data } of decodeSse(body)) {
    if (data === options.endMarker) return;
    const json = parseEventJson(data, options);
    const screened = options.screen?.(json, data);
    if (screened === 'skip') continue;
    if (screened) throw screened;
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw malformedUpstream(
        options,
        `${options.describe?.(json) ?? 'a stream event'} of unexpected shape: ${firstIssue(parsed.error).message}`,
      );
    }
    yield parsed.data;
  }
}

function parseEventJson(data: string, who: ProviderIdentity): unknown {
  try {
    return JSON.parse(data);
  } catch (error) {
    throw malformedUpstream(who, 'a stream event that is not JSON', error);
  }
}
