import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { FreeLLMError } from '../openai/error';
import { collect, sseResponse } from '../testing/fake-fetch';
import { readJsonEventStream } from './read-json-event-stream';

const schema = z.looseObject({ n: z.number() });

describe('readJsonEventStream', () => {
  it('refuses a stream without a body at once, before anything is read, so the router can still fail over', () => {
    expect(() =>
      readJsonEventStream(new Response(null, { status: 200 }), schema, {
        providerId: 'groq',
        providerName: 'Groq',
      }),
    ).toThrow(
      expect.objectContaining({ code: 'upstream_malformed', message: 'Groq sent a stream without a body' }),
    );
  });

  it('reads events up to the end marker, passing over the ones the family skips', async () => {
    const events = readJsonEventStream(
      sseResponse(['{"n":1}', '{"n":2,"kind":"ping"}', '{"n":3}', '[DONE]', '{"n":4}'], { done: false }),
      schema,
      {
        providerId: 'groq',
        providerName: 'Groq',
        endMarker: '[DONE]',
        screen: (json) => ((json as { kind?: string }).kind === 'ping' ? 'skip' : undefined),
      },
    );
    expect(await collect(events)).toEqual([{ n: 1 }, { n: 3 }]);
  });

  it("throws the family's error for an event that reports one", async () => {
    const overloaded = new FreeLLMError({
      status: 529,
      kind: 'server',
      type: 'server_error',
      message: 'overloaded',
    });
    const events = readJsonEventStream(sseResponse(['{"n":1}', '{"error":"overloaded"}']), schema, {
      providerId: 'anthropic',
      providerName: 'Anthropic',
      screen: (json) => ('error' in (json as object) ? overloaded : undefined),
    });
    await expect(collect(events)).rejects.toBe(overloaded);
  });

  it('names an event that is not JSON, or does not fit, as a malformed answer', async () => {
    await expect(
      collect(
        readJsonEventStream(sseResponse(['nope']), schema, {
          providerId: 'gemini',
          providerName: 'Google Gemini',
        }),
      ),
    ).rejects.toMatchObject({
      code: 'upstream_malformed',
      message: 'Google Gemini sent a stream event that is not JSON',
    });
    await expect(
      collect(
        readJsonEventStream(sseResponse(['{"n":"one"}']), schema, {
          providerId: 'groq',
          providerName: 'Groq',
          describe: () => 'a stream chunk',
        }),
      ),
    ).rejects.toMatchObject({
      code: 'upstream_malformed',
      message: expect.stringMatching(/^Groq sent a stream chunk of unexpected shape: /),
    });
  });
});
