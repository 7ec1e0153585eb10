import { describe, expect, it } from 'vitest';
import { jsonResponse, sseResponse } from '../testing/fake-fetch';
import { createTableLimitSource } from '../usage/usage-limits';
import { ask, chunk, completion, errorResponse, extension } from '../testing/chat-builders';
import { hostOf, routingKit } from '../testing/routing-test-kit';

const GROQ = { providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' };
const CEREBRAS = { providerId: 'cerebras', secret: 'csk-bbbbbbbbbbbb' };
const MISTRAL = { providerId: 'mistral', secret: 'mistral_cccccccccccc' };
const ok = () => jsonResponse(completion('hi'));
/** Groq answers with `failure`, everyone else succeeds. */
const groqFails = (failure: () => Response) => (call: { url: string }) =>
  new URL(call.url).host === 'api.groq.com' ? failure() : ok();

describe('failure classes', () => {
  it('rate_limit: cools the key down for at least Retry-After, then uses it again', async () => {
    const kit = await routingKit(
      groqFails(() =>
        errorResponse(429, 'Rate limit reached', 'rate_limit_exceeded', { 'retry-after': '30' }),
      ),
      { keys: [GROQ, CEREBRAS] },
    );
    await kit.engine.chat(ask('a'), extension);
    kit.clock.now += 29_000;
    await kit.engine.chat(ask('b'), extension);
    expect(kit.hosts()).toEqual(['api.groq.com', 'api.cerebras.ai', 'api.cerebras.ai']);
    // Retry-After is a minimum: the one request it allowed also fills the minute it learned.
    kit.clock.now += 32_000;
    await kit.engine.chat(ask('c'), extension);
    expect(kit.hosts().at(-2)).toBe('api.groq.com');
  });

  it('quota_exhausted: benches the key until the provider’s daily reset', async () => {
    const kit = await routingKit(
      groqFails(() =>
        errorResponse(429, 'Rate limit reached on requests per day (RPD): Limit 1000', 'rate_limit_exceeded'),
      ),
      { keys: [GROQ, CEREBRAS] },
    );
    await kit.engine.chat(ask('a'), extension);
    kit.clock.now = Date.parse('2026-11-25T23:59:00Z');
    await kit.engine.chat(ask('b'), extension);
    expect(kit.hosts()).toEqual(['api.groq.com', 'api.cerebras.ai', 'api.cerebras.ai']);
    kit.clock.now = Date.parse('2026-11-26T00:00:01Z');
    await kit.engine.chat(ask('c'), extension);
    expect(kit.hosts()[3]).toBe('api.groq.com');
  });

  it('auth: disables the key, says why, and a re-enabled key is used again', async () => {
    let invalid = true;
    const kit = await routingKit(
      groqFails(() => (invalid ? errorResponse(401, 'Invalid API Key', 'invalid_api_key') : ok())),
      { keys: [GROQ, CEREBRAS] },
    );
    expect((await kit.engine.chat(ask('a'), extension)).status).toBe(200);
    const [groqKey] = await kit.engine.keys.list();
    expect(groqKey).toMatchObject({
      enabled: false,
      disabledBecause: { refusal: { kind: 'auth', status: 401, code: 'invalid_api_key' } },
    });
    expect((await kit.engine.health()).notices).toHaveLength(1);
    await kit.engine.chat(ask('b'), extension);
    expect(kit.hosts()).toEqual(['api.groq.com', 'api.cerebras.ai', 'api.cerebras.ai']);
    invalid = false;
    await kit.engine.keys.setEnabled(kit.keyIds[0]!, true);
    expect((await kit.engine.keys.list())[0]).not.toHaveProperty('disabledBecause');
    await kit.engine.chat(ask('c'), extension);
    expect(kit.hosts().at(-1)).toBe('api.groq.com');
  });

  it('credits_exhausted: disables the key until the user re-enables it', async () => {
    const kit = await routingKit(
      groqFails(() => errorResponse(429, 'You exceeded your current quota', 'insufficient_quota')),
      { keys: [GROQ, CEREBRAS] },
    );
    await kit.engine.chat(ask('a'), extension);
    expect((await kit.engine.keys.list())[0]).toMatchObject({
      enabled: false,
      disabledBecause: { refusal: { kind: 'credits_exhausted', status: 429 } },
    });
  });

  it('server errors: short cool-downs that climb a ladder (5 s, then 15 s)', async () => {
    const kit = await routingKit(
      groqFails(() => errorResponse(500, 'oops')),
      { keys: [GROQ, CEREBRAS] },
    );
    const groqCalls = () => kit.hosts().filter((host) => host === 'api.groq.com').length;
    await kit.engine.chat(ask('a'), extension);
    kit.clock.now += 4_000;
    await kit.engine.chat(ask('b'), extension);
    expect(groqCalls()).toBe(1);
    kit.clock.now += 2_000;
    await kit.engine.chat(ask('c'), extension);
    expect(groqCalls()).toBe(2);
    kit.clock.now += 14_000;
    await kit.engine.chat(ask('d'), extension);
    expect(groqCalls()).toBe(2);
    kit.clock.now += 2_000;
    await kit.engine.chat(ask('e'), extension);
    expect(groqCalls()).toBe(3);
  });

  it('context_length: moves only to a model with a larger window', async () => {
    const models = {
      models: (providerId: string) =>
        ({
          groq: [{ id: 'openai/gpt-oss-120b', contextWindow: 8_000 }],
          mistral: [{ id: 'mistral-small-latest', contextWindow: 8_000 }],
          cerebras: [{ id: 'gpt-oss-120b', contextWindow: 65_000 }],
        })[providerId] ?? [],
    };
    const kit = await routingKit(
      groqFails(() =>
        errorResponse(400, 'Please reduce the length of the messages', 'context_length_exceeded'),
      ),
      { keys: [GROQ, MISTRAL, CEREBRAS], models },
    );
    expect((await kit.engine.chat(ask('long'), extension)).headers['x-freellm-provider']).toBe('cerebras');
    expect(kit.hosts()).toEqual(['api.groq.com', 'api.cerebras.ai']);
  });

  it('a per-attempt timeout moves on to the next candidate', async () => {
    const kit = await routingKit(
      (call) => (hostOf(call) === 'api.groq.com' ? new Promise<Response>(() => undefined) : ok()),
      { keys: [GROQ, CEREBRAS], settings: { attemptTimeoutMs: 5_000 } },
    );
    const pending = kit.engine.chat(ask('a'), extension);
    await kit.untilCalled();
    kit.timers.advance(5_000);
    const answer = await pending;
    expect(answer.headers['x-freellm-provider']).toBe('cerebras');
    expect((await kit.engine.requestLog())[0]?.attempts.map((attempt) => attempt.outcome)).toEqual([
      'timeout',
      'ok',
    ]);
  });

  it('the overall deadline ends the request with the attempts made', async () => {
    const kit = await routingKit(() => new Promise<Response>(() => undefined), {
      keys: [GROQ, CEREBRAS],
      settings: { attemptTimeoutMs: 50_000, deadlineMs: 8_000 },
    });
    const pending = kit.engine.chat(ask('a'), extension);
    await kit.untilCalled();
    kit.timers.advance(8_000);
    expect(await pending).toMatchObject({ status: 504, body: { error: { code: 'deadline_exceeded' } } });
    expect(kit.hosts()).toEqual(['api.groq.com']);
  });
});

/** Gives a limit that wrongly fired the time to fail over: a slow machine only weakens the check. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const hangs = () => new Promise<Response>(() => undefined);

describe('a provider that does not start answering', () => {
  it('is left after the 12 s first-byte limit, not the minute-long attempt timeout, labelled a timeout and cooled down', async () => {
    const kit = await routingKit((call) => (hostOf(call) === 'api.groq.com' ? hangs() : ok()), {
      keys: [GROQ, CEREBRAS],
    });
    const pending = kit.engine.chat(ask('a'), extension);
    await kit.untilCalled();
    kit.timers.advance(12_000);
    const answer = await pending;
    expect(answer.headers['x-freellm-provider']).toBe('cerebras');
    expect((await kit.engine.requestLog())[0]?.attempts.map((attempt) => attempt.outcome)).toEqual([
      'timeout',
      'ok',
    ]);
    const groq = (await kit.engine.health()).models.find((entry) => entry.providerId === 'groq');
    expect(groq).toMatchObject({
      failed: 1,
      lastError: { kind: 'timeout', message: 'Groq did not start answering within 12 s.' },
      cooldownReason: 'timeout',
    });
    await kit.engine.chat(ask('b'), extension);
    expect(kit.hosts()).toEqual(['api.groq.com', 'api.cerebras.ai', 'api.cerebras.ai']);
  });

  it('a streamed answer must bring its first token within the limit: headers and a role chunk are not enough', async () => {
    const roleOnly = () =>
      new Response(
        new ReadableStream({
          start: (controller) =>
            controller.enqueue(
              new TextEncoder().encode(`data: ${chunk({ role: 'assistant', content: '' })}\n\n`),
            ),
        }),
        { headers: { 'content-type': 'text/event-stream' } },
      );
    const good = () => sseResponse([chunk({ content: 'Hi' }), chunk({}, 'stop')]);
    const kit = await routingKit((call) => (hostOf(call) === 'api.groq.com' ? roleOnly() : good()), {
      keys: [GROQ, CEREBRAS],
    });
    const pending = kit.engine.chat(ask('a', { stream: true }), extension);
    await kit.untilCalled();
    kit.timers.advance(12_000);
    expect((await pending).headers['x-freellm-provider']).toBe('cerebras');
  });

  it('a provider whose answer has begun (its first byte) may take longer than the limit to finish it', async () => {
    const whole = JSON.stringify(completion('late but whole'));
    let finish = () => undefined as void;
    const slowBody = () =>
      new Response(
        new ReadableStream({
          start: (controller) => {
            controller.enqueue(new TextEncoder().encode(whole.slice(0, 10)));
            finish = () => (
              controller.enqueue(new TextEncoder().encode(whole.slice(10))),
              controller.close()
            );
          },
        }),
        { headers: { 'content-type': 'application/json' } },
      );
    const kit = await routingKit((call) => (hostOf(call) === 'api.groq.com' ? slowBody() : ok()), {
      keys: [GROQ, CEREBRAS],
    });
    const pending = kit.engine.chat(ask('a'), extension);
    await kit.timers.untilCleared(12_000);
    kit.timers.advance(20_000);
    finish();
    const answer = await pending;
    expect(answer).toMatchObject({
      status: 200,
      headers: { 'x-freellm-provider': 'groq' },
      body: { choices: [{ message: { content: 'late but whole' } }] },
    });
  });

  it('a head and then silence is no start: a non-streamed answer must bring its first byte within the limit', async () => {
    const headOnly = () =>
      new Response(new ReadableStream({ start: () => undefined }), {
        headers: { 'content-type': 'application/json' },
      });
    const kit = await routingKit((call) => (hostOf(call) === 'api.groq.com' ? headOnly() : ok()), {
      keys: [GROQ, CEREBRAS],
    });
    const pending = kit.engine.chat(ask('a'), extension);
    await kit.untilCalled();
    kit.timers.advance(12_000);
    expect((await pending).headers['x-freellm-provider']).toBe('cerebras');
  });

  it('the request’s own limit (freellm.firstByteTimeoutMs) beats the setting', async () => {
    const kit = await routingKit((call) => (hostOf(call) === 'api.groq.com' ? hangs() : ok()), {
      keys: [GROQ, CEREBRAS],
      settings: { firstByteTimeoutMs: 30_000 },
    });
    const pending = kit.engine.chat(ask('a', { freellm: { firstByteTimeoutMs: 1_500 } }), extension);
    await kit.untilCalled();
    kit.timers.advance(1_500);
    expect((await pending).headers['x-freellm-provider']).toBe('cerebras');
  });

  it('a local server, slow to load its model, gets the catalog’s longer limit', async () => {
    const kit = await routingKit((call) => (hostOf(call) === 'localhost:11434' ? hangs() : ok()), {
      keys: [{ providerId: 'ollama', secret: '' }, CEREBRAS],
      settings: { attemptTimeoutMs: 90_000 },
    });
    const pending = kit.engine.chat(ask('a'), extension);
    let answered = false;
    void pending.then(() => (answered = true));
    await kit.untilCalled();
    kit.timers.advance(12_000);
    await settle();
    expect(answered).toBe(false);
    kit.timers.advance(48_000);
    expect((await pending).headers['x-freellm-provider']).toBe('cerebras');
  });

  it('tells the caller which provider it waits on as each attempt starts, and why it moved on', async () => {
    const kit = await routingKit((call) => (hostOf(call) === 'api.groq.com' ? hangs() : ok()), {
      keys: [GROQ, CEREBRAS],
    });
    const progress: unknown[] = [];
    const pending = kit.engine.chat(ask('a'), extension, undefined, {
      onAttempt: (item) => progress.push(item),
    });
    await kit.untilCalled();
    kit.timers.advance(12_000);
    await pending;
    expect(progress).toEqual([
      { provider: 'Groq', model: expect.any(String), firstByteTimeoutMs: 12_000 },
      {
        provider: 'Cerebras',
        model: expect.any(String),
        firstByteTimeoutMs: 12_000,
        previous: { provider: 'Groq', outcome: 'timeout', afterMs: 0 },
      },
    ]);
  });
});

describe('offline', () => {
  const offline = () => Promise.reject(new TypeError('Failed to fetch'));

  it('no provider reached: one network_unreachable error, and nothing is cooled down, marked failed or counted', async () => {
    let online = false;
    const kit = await routingKit(() => (online ? ok() : offline()), { keys: [GROQ, CEREBRAS, MISTRAL] });
    const answer = await kit.engine.chat(ask('a'), extension);
    expect(answer).toMatchObject({
      status: 503,
      body: {
        error: {
          code: 'network_unreachable',
          message: 'The network seems unreachable: no provider could be reached. Check your connection.',
        },
      },
    });
    expect(kit.hosts()).toHaveLength(3);
    const health = (await kit.engine.health()).models;
    expect(
      health.map(({ failed, coolingUntil, day, minute }) => ({ failed, coolingUntil, day, minute })),
    ).toEqual(
      Array(3).fill({
        failed: 0,
        coolingUntil: null,
        day: { requests: 0, tokens: 0 },
        minute: { requests: 0, tokens: 0 },
      }),
    );
    online = true;
    await kit.engine.chat(ask('b'), extension);
    expect(kit.hosts().at(-1)).toBe('api.groq.com');
  });

  it('a provider not reached while another answers is a failure of its own, cooled down as one', async () => {
    const kit = await routingKit(
      (call) => (hostOf(call) === 'api.groq.com' ? offline() : errorResponse(500, 'oops')),
      { keys: [GROQ, CEREBRAS] },
    );
    const answer = await kit.engine.chat(ask('a'), extension);
    expect(answer).toMatchObject({ status: 500 });
    const health = (await kit.engine.health()).models;
    expect(
      health.map(({ providerId, failed, cooldownReason }) => ({ providerId, failed, cooldownReason })),
    ).toEqual([
      { providerId: 'groq', failed: 1, cooldownReason: 'unreachable' },
      { providerId: 'cerebras', failed: 1, cooldownReason: 'server' },
    ]);
  });
});

describe('when everything is exhausted', () => {
  it('answers 429 with Retry-After at the earliest free-up, counting candidates skipped while busy', async () => {
    const limits = createTableLimitSource({ groq: { rpm: 1, scope: 'model' } });
    // Groq is busy for 50 s more (its minute window is full), cerebras refuses for 120 s.
    const both = await routingKit(
      (call) =>
        hostOf(call) === 'api.groq.com'
          ? ok()
          : errorResponse(429, 'slow down', 'rate_limit_exceeded', { 'retry-after': '120' }),
      { keys: [GROQ, CEREBRAS], limits },
    );
    await both.engine.chat(ask('a'), extension);
    both.clock.now += 10_000;
    const answer = await both.engine.chat(ask('b'), extension);
    expect(answer).toMatchObject({
      status: 429,
      headers: { 'retry-after': '50', 'x-should-retry': 'true', 'x-freellm-attempts': '1' },
    });
    expect(answer.kind === 'json' && answer.body).toMatchObject({
      error: {
        code: 'all_providers_rate_limited',
        attempts: [
          { provider: 'cerebras', outcome: 'rate_limit' },
          { provider: 'groq', outcome: 'cooling_down' },
        ],
      },
    });
  });
});

describe('persistence', () => {
  it('a restarted engine on the same database remembers what was spent and what cools down', async () => {
    const limits = createTableLimitSource({ groq: { rpm: 2, scope: 'model' } });
    const kit = await routingKit(
      (call) => (hostOf(call) === 'api.mistral.ai' ? errorResponse(503, 'overloaded') : ok()),
      { keys: [MISTRAL, GROQ, CEREBRAS], limits },
    );
    await kit.engine.chat(ask('a'), extension);
    await kit.engine.chat(ask('b'), extension);
    await kit.engine.settled();
    const restarted = kit.restart();
    kit.fetch.calls.length = 0;
    await restarted.chat(ask('c'), extension);
    expect(kit.hosts()).toEqual(['api.cerebras.ai']);
    const health = (await restarted.health()).models.find((entry) => entry.providerId === 'groq');
    expect(health).toMatchObject({ ok: 2, minute: { requests: 2, tokens: 30 }, limits: { rpm: 2 } });
  });

  /** Groq answered 429 asking for 10 minutes; the worker has written what it learned. */
  async function groqCooledDownFor10Minutes() {
    const kit = await routingKit(
      groqFails(() =>
        errorResponse(429, 'Rate limit reached', 'rate_limit_exceeded', { 'retry-after': '600' }),
      ),
      { keys: [GROQ, CEREBRAS] },
    );
    await kit.engine.chat(ask('a'), extension);
    await kit.engine.settled();
    return kit;
  }

  it('a key the user re-enables stays lifted after a restart', async () => {
    const kit = await groqCooledDownFor10Minutes();
    await kit.engine.keys.setEnabled(kit.keyIds[0]!, true);
    await kit.engine.settled();
    // Past the minute the refusal taught, well inside the 10 minutes the provider asked for.
    kit.clock.now += 61_000;
    const restarted = kit.restart();
    kit.fetch.calls.length = 0;
    await restarted.chat(ask('b'), extension);
    expect(kit.hosts()[0]).toBe('api.groq.com');
  });

  it('a key re-enabled on a freshly started worker is not cooled down again by what it stored', async () => {
    const kit = await groqCooledDownFor10Minutes();
    // The worker stopped; the user re-enables the key before anything else read the accounting.
    const restarted = kit.restart();
    await restarted.keys.setEnabled(kit.keyIds[0]!, true);
    await restarted.settled();
    kit.clock.now += 61_000;
    kit.fetch.calls.length = 0;
    await restarted.chat(ask('b'), extension);
    expect(kit.hosts()[0]).toBe('api.groq.com');
  });
});

describe('what people read of a failure', () => {
  it('names the user’s endpoints as they typed them, in the answer and on the dashboard, never by their ids', async () => {
    const kit = await routingKit(
      (call) =>
        hostOf(call) === 'laptop.example'
          ? errorResponse(401, 'Invalid API Key', 'invalid_api_key')
          : errorResponse(500, 'oops'),
      { keys: [] },
    );
    for (const [name, host, model] of [
      ['My laptop', 'laptop.example', 'qwen-small'],
      ['Office box', 'office.example', 'llama-big'],
    ] as const) {
      const endpoint = await kit.engine.providers.addCustom({
        name,
        baseURL: `https://${host}/v1`,
        defaultModel: model,
      });
      await kit.engine.keys.add({ providerId: endpoint.id, secret: `sk-${host}-1234567890` });
    }
    const answer = await kit.engine.chat(ask('hi'), extension);
    expect(answer).toMatchObject({
      status: 500,
      body: {
        error: {
          message:
            'Office box answered HTTP 500: oops (tried: My laptop · qwen-small: auth; Office box · llama-big: server)',
          // Programs still get the ids, which is what they route by.
          attempts: [
            { provider: expect.stringMatching(/^custom-my-laptop-/) },
            { provider: expect.stringMatching(/^custom-office-box-/) },
          ],
        },
      },
    });
    const health = (await kit.engine.health()).models;
    expect(health.map((entry) => entry.lastError?.message)).toEqual([
      'My laptop answered HTTP 401: Invalid API Key',
      'Office box answered HTTP 500: oops',
    ]);
  });
});
