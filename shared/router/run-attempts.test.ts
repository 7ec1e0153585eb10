import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../testing/fake-fetch';
import { createTableLimitSource } from '../usage/usage-limits';
import { ask, completion, errorResponse, extension, hostOf, routingKit } from './routing-test-kit';

const GROQ = { providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' };
const CEREBRAS = { providerId: 'cerebras', secret: 'csk-bbbbbbbbbbbb' };
const MISTRAL = { providerId: 'mistral', secret: 'mistral_cccccccccccc' };
const ok = () => jsonResponse(completion('hi'));
/** Groq answers with `failure`, everyone else succeeds. */
const groqFails = (failure: () => Response) => (call: { url: string }) => (new URL(call.url).host === 'api.groq.com' ? failure() : ok());

describe('failure classes', () => {
  it('rate_limit: cools the key down for at least Retry-After, then uses it again', async () => {
    const kit = await routingKit(groqFails(() => errorResponse(429, 'Rate limit reached', 'rate_limit_exceeded', { 'retry-after': '30' })), { keys: [GROQ, CEREBRAS] });
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
    const kit = await routingKit(groqFails(() => errorResponse(429, 'Rate limit reached on requests per day (RPD): Limit 1000', 'rate_limit_exceeded')), { keys: [GROQ, CEREBRAS] });
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
    const kit = await routingKit(groqFails(() => (invalid ? errorResponse(401, 'Invalid API Key', 'invalid_api_key') : ok())), { keys: [GROQ, CEREBRAS] });
    expect((await kit.engine.chat(ask('a'), extension)).status).toBe(200);
    const [groqKey] = await kit.engine.keys.list();
    expect(groqKey).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('Groq rejected this key') });
    expect((await kit.engine.health()).notices).toHaveLength(1);
    await kit.engine.chat(ask('b'), extension);
    expect(kit.hosts()).toEqual(['api.groq.com', 'api.cerebras.ai', 'api.cerebras.ai']);
    invalid = false;
    await kit.engine.keys.setEnabled(kit.keyIds[0]!, true);
    expect((await kit.engine.keys.list())[0]).not.toHaveProperty('disabledReason');
    await kit.engine.chat(ask('c'), extension);
    expect(kit.hosts().at(-1)).toBe('api.groq.com');
  });

  it('credits_exhausted: disables the key until the user re-enables it', async () => {
    const kit = await routingKit(groqFails(() => errorResponse(429, 'You exceeded your current quota', 'insufficient_quota')), { keys: [GROQ, CEREBRAS] });
    await kit.engine.chat(ask('a'), extension);
    expect((await kit.engine.keys.list())[0]).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('out of credits') });
  });

  it('server errors: short cool-downs that climb a ladder (5 s, then 15 s)', async () => {
    const kit = await routingKit(groqFails(() => errorResponse(500, 'oops')), { keys: [GROQ, CEREBRAS] });
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
        ({ groq: [{ id: 'openai/gpt-oss-120b', contextWindow: 8_000 }], mistral: [{ id: 'mistral-small-latest', contextWindow: 8_000 }], cerebras: [{ id: 'gpt-oss-120b', contextWindow: 65_000 }] })[providerId] ?? [],
    };
    const kit = await routingKit(groqFails(() => errorResponse(400, 'Please reduce the length of the messages', 'context_length_exceeded')), { keys: [GROQ, MISTRAL, CEREBRAS], models });
    expect((await kit.engine.chat(ask('long'), extension)).headers['x-freellm-provider']).toBe('cerebras');
    expect(kit.hosts()).toEqual(['api.groq.com', 'api.cerebras.ai']);
  });

  it('a per-attempt timeout moves on to the next candidate', async () => {
    const kit = await routingKit((call) => (hostOf(call) === 'api.groq.com' ? new Promise<Response>(() => undefined) : ok()), { keys: [GROQ, CEREBRAS], settings: { attemptTimeoutMs: 5_000 } });
    const pending = kit.engine.chat(ask('a'), extension);
    await new Promise((resolve) => setTimeout(resolve, 20));
    kit.timers.advance(5_000);
    const answer = await pending;
    expect(answer.headers['x-freellm-provider']).toBe('cerebras');
    expect((await kit.engine.requestLog())[0]?.attempts.map((attempt) => attempt.outcome)).toEqual(['overloaded', 'ok']);
  });

  it('the overall deadline ends the request with the attempts made', async () => {
    const kit = await routingKit(() => new Promise<Response>(() => undefined), { keys: [GROQ, CEREBRAS], settings: { attemptTimeoutMs: 50_000, deadlineMs: 8_000 } });
    const pending = kit.engine.chat(ask('a'), extension);
    await new Promise((resolve) => setTimeout(resolve, 20));
    kit.timers.advance(8_000);
    expect(await pending).toMatchObject({ status: 504, body: { error: { code: 'deadline_exceeded' } } });
    expect(kit.hosts()).toEqual(['api.groq.com']);
  });
});

describe('when everything is exhausted', () => {
  it('answers 429 with Retry-After at the earliest free-up, counting candidates skipped while busy', async () => {
    const limits = createTableLimitSource({ groq: { rpm: 1, scope: 'model' } });
    // Groq is busy for 50 s more (its minute window is full), cerebras refuses for 120 s.
    const both = await routingKit((call) => (hostOf(call) === 'api.groq.com' ? ok() : errorResponse(429, 'slow down', 'rate_limit_exceeded', { 'retry-after': '120' })), { keys: [GROQ, CEREBRAS], limits });
    await both.engine.chat(ask('a'), extension);
    both.clock.now += 10_000;
    const answer = await both.engine.chat(ask('b'), extension);
    expect(answer).toMatchObject({ status: 429, headers: { 'retry-after': '50', 'x-should-retry': 'true', 'x-freellm-attempts': '1' } });
    expect(answer.kind === 'json' && answer.body).toMatchObject({
      error: {
        code: 'all_providers_rate_limited',
        attempts: [{ provider: 'cerebras', outcome: 'rate_limit' }, { provider: 'groq', outcome: 'cooling_down' }],
      },
    });
  });
});

describe('persistence', () => {
  it('a restarted engine on the same database remembers what was spent and what cools down', async () => {
    const limits = createTableLimitSource({ groq: { rpm: 2, scope: 'model' } });
    const kit = await routingKit((call) => (hostOf(call) === 'api.mistral.ai' ? errorResponse(503, 'overloaded') : ok()), { keys: [MISTRAL, GROQ, CEREBRAS], limits });
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

  it('a key the user re-enables stays lifted after a restart', async () => {
    const kit = await routingKit(groqFails(() => errorResponse(429, 'Rate limit reached', 'rate_limit_exceeded', { 'retry-after': '600' })), { keys: [GROQ, CEREBRAS] });
    await kit.engine.chat(ask('a'), extension);
    await kit.engine.settled();
    await kit.engine.keys.setEnabled(kit.keyIds[0]!, true);
    await kit.engine.settled();
    // Past the minute the refusal taught, well inside the 10 minutes the provider asked for.
    kit.clock.now += 61_000;
    const restarted = kit.restart();
    kit.fetch.calls.length = 0;
    await restarted.chat(ask('b'), extension);
    expect(kit.hosts()[0]).toBe('api.groq.com');
  });
});
