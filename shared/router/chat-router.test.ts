import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../testing/fake-fetch';
import { createTableLimitSource } from '../usage/usage-limits';
import { ask, completion, errorResponse, extension } from '../testing/chat-builders';
import { hostOf, routingKit } from '../testing/routing-test-kit';

const GROQ = { providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' };
const CEREBRAS = { providerId: 'cerebras', secret: 'csk-bbbbbbbbbbbb' };
const MISTRAL = { providerId: 'mistral', secret: 'mistral_cccccccccccc' };
const ok = () => jsonResponse(completion('hi'));
const limits = createTableLimitSource({
  groq: { rpm: 2, scope: 'model' },
  cerebras: { rpm: 10, scope: 'model' },
});

describe('strategies', () => {
  it('priority: the user’s first key serves while it has headroom, then the next one, without a 429', async () => {
    const kit = await routingKit(ok, { keys: [GROQ, CEREBRAS], limits });
    for (let turn = 0; turn < 3; turn++)
      expect((await kit.engine.chat(ask(`q${turn}`), extension)).status).toBe(200);
    expect(kit.hosts()).toEqual(['api.groq.com', 'api.groq.com', 'api.cerebras.ai']);
    kit.clock.now += 60_001;
    await kit.engine.chat(ask('later'), extension);
    expect(kit.hosts().at(-1)).toBe('api.groq.com');
  });

  it('balanced: spreads requests by remaining headroom', async () => {
    const kit = await routingKit(ok, { keys: [GROQ, CEREBRAS], limits, settings: { strategy: 'balanced' } });
    for (let turn = 0; turn < 3; turn++) await kit.engine.chat(ask(`q${turn}`), extension);
    expect(kit.hosts()).toEqual(['api.groq.com', 'api.cerebras.ai', 'api.cerebras.ai']);
  });

  it('fastest: prefers the provider with the lower measured latency', async () => {
    const kit = await routingKit(
      (call) => {
        kit.clock.now += hostOf(call) === 'api.groq.com' ? 900 : 100;
        return ok();
      },
      { keys: [GROQ, CEREBRAS], settings: { strategy: 'fastest' } },
    );
    for (let turn = 0; turn < 4; turn++) await kit.engine.chat(ask(`q${turn}`), extension);
    expect(kit.hosts()).toEqual(['api.groq.com', 'api.cerebras.ai', 'api.cerebras.ai', 'api.cerebras.ai']);
  });

  it('takes a per-request strategy from the body (not sent upstream) or the header', async () => {
    const kit = await routingKit(ok, { keys: [GROQ, CEREBRAS], limits });
    await kit.engine.chat(ask('a'), extension);
    await kit.engine.chat(ask('b', { freellm: { strategy: 'balanced' } }), extension);
    await kit.engine.chat(ask('c'), extension, undefined, { strategy: 'balanced' });
    expect(kit.hosts()).toEqual(['api.groq.com', 'api.cerebras.ai', 'api.cerebras.ai']);
    expect(kit.fetch.calls[1]?.body).not.toHaveProperty('freellm');
  });

  it('refuses an unknown strategy with a 400 naming the field', async () => {
    const kit = await routingKit(ok, { keys: [GROQ] });
    const answer = await kit.engine.chat(ask('a', { freellm: { strategy: 'random' } }), extension);
    expect(answer).toMatchObject({ status: 400, body: { error: { param: 'freellm.strategy' } } });
    expect(await kit.engine.chat(ask('a'), extension, undefined, { strategy: 'slowest' })).toMatchObject({
      status: 400,
    });
    expect(kit.fetch.calls).toHaveLength(0);
  });
});

describe('token reservations', () => {
  it('serves a request asking for 32K output tokens from keys with an 8K tokens-per-minute limit, and counts what was reported', async () => {
    const small = createTableLimitSource({
      groq: { tpm: 8_000, scope: 'model' },
      cerebras: { tpm: 8_000, scope: 'model' },
    });
    const kit = await routingKit(ok, { keys: [GROQ, CEREBRAS], limits: small });
    for (const content of ['write the module', 'now its tests', 'and the docs']) {
      const answer = await kit.engine.chat(ask(content, { max_tokens: 32_000 }), extension);
      expect(answer).toMatchObject({ status: 200, headers: { 'x-freellm-provider': 'groq' } });
    }
    const [groq] = (await kit.engine.health()).models;
    expect(groq?.minute).toEqual({ requests: 3, tokens: 45 });
  });
});

describe('conversation affinity', () => {
  it('keeps follow-up turns on the provider that answered, while a new conversation is balanced', async () => {
    const kit = await routingKit(ok, { keys: [GROQ, CEREBRAS], limits, settings: { strategy: 'balanced' } });
    const first = [{ role: 'user', content: 'Tell me a story' }];
    await kit.engine.chat({ model: 'auto', messages: first }, extension);
    const followUp = [...first, { role: 'assistant', content: 'Once…' }, { role: 'user', content: 'Go on' }];
    const answer = await kit.engine.chat({ model: 'auto', messages: followUp }, extension);
    expect(answer.headers['x-freellm-provider']).toBe('groq');
    await kit.engine.chat(ask('Something else'), extension);
    expect(kit.hosts()).toEqual(['api.groq.com', 'api.groq.com', 'api.cerebras.ai']);
  });

  it('remembers who answered a conversation across a restart of the worker', async () => {
    const kit = await routingKit(ok, { keys: [GROQ, CEREBRAS], limits, settings: { strategy: 'balanced' } });
    const first = [{ role: 'user', content: 'Tell me a story' }];
    await kit.engine.chat({ model: 'auto', messages: first }, extension);
    await kit.engine.chat(ask('x'), extension);
    await kit.engine.chat(ask('y'), extension);
    // Groq has less room left, so balanced routing alone would now pick Cerebras.
    expect(kit.hosts()).toEqual(['api.groq.com', 'api.cerebras.ai', 'api.cerebras.ai']);
    await kit.engine.settled();
    const restarted = kit.restart();
    kit.fetch.calls.length = 0;
    await restarted.chat(
      {
        model: 'auto',
        messages: [...first, { role: 'assistant', content: 'Once…' }, { role: 'user', content: 'Go on' }],
      },
      extension,
    );
    await restarted.chat(ask('z'), extension);
    expect(kit.hosts()).toEqual(['api.groq.com', 'api.cerebras.ai']);
  });

  it('leaves the provider when it has no headroom left', async () => {
    const kit = await routingKit(ok, { keys: [GROQ, CEREBRAS], limits });
    const first = [{ role: 'user', content: 'Hi' }];
    await kit.engine.chat({ model: 'auto', messages: first }, extension);
    await kit.engine.chat(ask('other'), extension);
    await kit.engine.chat(
      {
        model: 'auto',
        messages: [...first, { role: 'assistant', content: 'Hello' }, { role: 'user', content: 'And?' }],
      },
      extension,
    );
    expect(kit.hosts().at(-1)).toBe('api.cerebras.ai');
  });
});

describe('capability filter', () => {
  const models = {
    models: (providerId: string) =>
      providerId === 'groq'
        ? [{ id: 'openai/gpt-oss-120b', tools: false, contextWindow: 1_000 }]
        : providerId === 'cerebras'
          ? [{ id: 'gpt-oss-120b', tools: true, contextWindow: 65_000 }]
          : [],
  };
  const tools = [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object' } } }];

  it('sends a request with tools only to models that support them', async () => {
    const kit = await routingKit(ok, { keys: [GROQ, CEREBRAS], models });
    await kit.engine.chat(ask('weather?', { tools }), extension);
    expect(kit.hosts()).toEqual(['api.cerebras.ai']);
  });

  it('skips a model whose context window the prompt (chars / 4) would overflow', async () => {
    const kit = await routingKit(ok, { keys: [GROQ, CEREBRAS], models });
    await kit.engine.chat(ask('x'.repeat(8_000)), extension);
    expect(kit.hosts()).toEqual(['api.cerebras.ai']);
  });

  it('answers 400 when no candidate has what the request needs', async () => {
    const kit = await routingKit(ok, { keys: [GROQ], models });
    const answer = await kit.engine.chat(ask('weather?', { tools }), extension);
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'no_capable_model' } } });
    expect(JSON.stringify(answer.kind === 'json' && answer.body)).toContain('supports tools');
  });
});

describe('virtual models and aliases', () => {
  it('serves a canonical name with each provider’s own model id', async () => {
    const kit = await routingKit((_call, index) => (index === 0 ? errorResponse(503, 'busy') : ok()), {
      keys: [GROQ, CEREBRAS, MISTRAL],
    });
    await kit.engine.chat({ ...ask('hi'), model: 'gpt-oss-120b' }, extension);
    expect(kit.fetch.calls.map((call) => call.body.model)).toEqual(['openai/gpt-oss-120b', 'gpt-oss-120b']);
  });

  it('expands a user-defined group in its order and fails over within it', async () => {
    const kit = await routingKit(
      (call) => (hostOf(call) === 'api.cerebras.ai' ? errorResponse(429, 'slow down') : ok()),
      {
        keys: [GROQ, CEREBRAS, MISTRAL],
        settings: { aliases: { team: ['cerebras/gpt-oss-120b', 'mistral/mistral-large-latest'] } },
      },
    );
    const answer = await kit.engine.chat({ ...ask('hi'), model: 'team' }, extension);
    expect(answer.headers).toMatchObject({
      'x-freellm-provider': 'mistral',
      'x-freellm-model': 'mistral-large-latest',
    });
    expect(kit.hosts()).toEqual(['api.cerebras.ai', 'api.mistral.ai']);
  });

  it('keeps a group’s pin on its provider: a pinned target without a key adds nothing', async () => {
    const kit = await routingKit(ok, {
      keys: [GROQ, CEREBRAS],
      settings: { aliases: { team: ['mistral/mistral-large-latest', 'cerebras/gpt-oss-120b'] } },
    });
    const answer = await kit.engine.chat({ ...ask('hi'), model: 'team' }, extension);
    expect(answer.headers).toMatchObject({
      'x-freellm-provider': 'cerebras',
      'x-freellm-model': 'gpt-oss-120b',
    });
    expect(kit.hosts()).toEqual(['api.cerebras.ai']);
  });

  it('serves a model whose own id starts with a provider’s name (Groq’s openai/gpt-oss-120b) as that model', async () => {
    const kit = await routingKit(ok, { keys: [GROQ] });
    const answer = await kit.engine.chat({ ...ask('hi'), model: 'openai/gpt-oss-120b' }, extension);
    expect(answer.headers).toMatchObject({
      'x-freellm-provider': 'groq',
      'x-freellm-model': 'openai/gpt-oss-120b',
    });
  });

  it('rejects invalid routing settings and keeps the old ones', async () => {
    const kit = await routingKit(ok, { keys: [GROQ] });
    await expect(kit.engine.routing.saveSettings({ strategy: 'chaos' })).rejects.toMatchObject({
      status: 400,
      param: 'strategy',
    });
    expect((await kit.engine.routing.settings()).strategy).toBe('priority');
  });
});

describe('a provider/model pin never leaves its provider', () => {
  const pinned = (content: string) => ({ ...ask(content), model: 'mistral/mistral-small-latest' });
  const messageOf = (answer: { kind: string; body?: unknown }) =>
    (answer.body as { error: { message: string } }).error.message;

  it('answers 400 naming the provider when it has no key, and sends nothing anywhere', async () => {
    const kit = await routingKit(ok, { keys: [GROQ, CEREBRAS] });
    const answer = await kit.engine.chat(pinned('hi'), extension);
    expect(answer).toMatchObject({
      status: 400,
      body: { error: { type: 'invalid_request_error', code: 'provider_has_no_key', param: 'model' } },
    });
    expect(messageOf(answer)).toContain('no Mistral key was added');
    expect(kit.fetch.calls).toHaveLength(0);
  });

  it('answers 400 with the reason when its key is turned off, by the router or by the user', async () => {
    const kit = await routingKit(
      (call) =>
        hostOf(call) === 'api.mistral.ai' ? errorResponse(401, 'Unauthorized', 'invalid_api_key') : ok(),
      { keys: [MISTRAL, GROQ] },
    );
    await kit.engine.chat(ask('first'), extension);
    kit.fetch.calls.length = 0;
    const disabledByRouter = await kit.engine.chat(pinned('hi'), extension);
    expect(disabledByRouter).toMatchObject({
      status: 400,
      body: { error: { code: 'provider_key_disabled' } },
    });
    expect(messageOf(disabledByRouter)).toContain(
      'its key is turned off: Mistral rejected this key (HTTP 401',
    );
    await kit.engine.keys.setEnabled(kit.keyIds[0]!, true);
    await kit.engine.keys.setEnabled(kit.keyIds[0]!, false);
    expect(messageOf(await kit.engine.chat(pinned('again'), extension))).toContain(
      'its key is turned off: switched off in the options page',
    );
    expect(kit.fetch.calls).toHaveLength(0);
  });

  it('answers 429 with Retry-After and the time it frees up while its key cools down, asking no one else', async () => {
    const kit = await routingKit(
      (call) =>
        hostOf(call) === 'api.mistral.ai'
          ? errorResponse(429, 'Rate limit', 'rate_limit_exceeded', { 'retry-after': '30' })
          : ok(),
      { keys: [MISTRAL, GROQ] },
    );
    expect((await kit.engine.chat(pinned('first'), extension)).status).toBe(429);
    kit.fetch.calls.length = 0;
    kit.clock.now += 10_000;
    const answer = await kit.engine.chat(pinned('second'), extension);
    // The refusal also taught one request a minute: the key frees up a minute after the first.
    expect(answer).toMatchObject({
      status: 429,
      headers: { 'retry-after': '50' },
      body: { error: { code: 'provider_cooling_down' } },
    });
    expect(messageOf(answer)).toContain(
      `Mistral, which is cooling down until ${new Date(kit.clock.now + 50_000).toISOString()}`,
    );
    expect(kit.fetch.calls).toHaveLength(0);
  });
});
