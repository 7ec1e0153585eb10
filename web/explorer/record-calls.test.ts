import { describe, expect, it } from 'vitest';
import { recordingFetch, type RecordedCall } from './record-calls';

const stream = 'data: {"n":1}\n\ndata: {"n":2}\n\ndata: [DONE]\n\n';

function record(answer: () => Response) {
  const calls: RecordedCall[] = [];
  const inits: (RequestInit | undefined)[] = [];
  const fetch = recordingFetch(
    async (_input, init) => {
      inits.push(init);
      return answer();
    },
    (call) => calls.push(call),
  );
  return { fetch, calls, inits, last: () => calls.at(-1) };
}

describe('recordingFetch', () => {
  it('keeps the request and each event of a streamed answer, and hands the caller the whole stream', async () => {
    const { fetch, last, inits } = record(
      () => new Response(stream, { headers: { 'x-freellm-provider': 'groq' } }),
    );
    const init = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model":"auto","stream":true}',
      onAttempt: () => {},
    };
    const response = await fetch('https://freellm.invalid/v1/chat/completions', init);
    expect(await response.text()).toBe(stream);
    expect(response.headers.get('x-freellm-provider')).toBe('groq');
    expect(inits[0]).toBe(init);
    await expect.poll(() => last()?.finished).toBe(true);
    expect(last()).toMatchObject({
      method: 'POST',
      url: 'https://freellm.invalid/v1/chat/completions',
      requestHeaders: [['content-type', 'application/json']],
      requestBody: '{"model":"auto","stream":true}',
      response: { status: 200, headers: expect.arrayContaining([['x-freellm-provider', 'groq']]) },
      chunks: ['{"n":1}', '{"n":2}', '[DONE]'],
    });
  });

  it('keeps the body of an error answer', async () => {
    const error = '{"error":{"message":"no","code":"origin_not_allowed"}}';
    const { fetch, last } = record(() => new Response(error, { status: 403 }));
    const response = await fetch('https://freellm.invalid/v1/chat/completions', {
      method: 'POST',
      body: '{"stream":true}',
    });
    expect(await response.text()).toBe(error);
    await expect.poll(() => last()?.finished).toBe(true);
    expect(last()).toMatchObject({ response: { status: 403 }, body: error, chunks: [] });
  });

  it('leaves the model list out', async () => {
    const { fetch, calls } = record(() => new Response('{"data":[]}'));
    await fetch('https://freellm.invalid/v1/models');
    expect(calls).toEqual([]);
  });
});
