import { describe, expect, it, vi } from 'vitest';
import { collect, createFakeFetch, jsonResponse, sseResponse } from '../testing/fake-fetch';
import { readFixtures } from '../testing/read-fixtures';
import { ask, chunk, completion, extension } from '../testing/chat-builders';
import { createTestEngine } from '../testing/test-engine';
import { routingKit } from '../testing/routing-test-kit';

const rateLimited = () =>
  jsonResponse(
    { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } },
    429,
    { 'retry-after': '7' },
  );
const page = { kind: 'page', origin: 'https://app.example' } as const;
const PASSPHRASE = 'correct horse battery staple';

/** A promise the test resolves: holds upstream answers until every request is in. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

async function engineWithKeys(
  handler: Parameters<typeof createFakeFetch>[0],
  secrets: { providerId: string; secret: string }[],
) {
  const fetch = createFakeFetch(handler);
  const { engine } = createTestEngine(fetch);
  for (const key of secrets) await engine.keys.add(key);
  return { engine, fetch };
}

describe('engine.chat', () => {
  it('refuses a page origin that was not allowed, without calling upstream', async () => {
    const { engine, fetch } = await engineWithKeys(
      () => jsonResponse(completion('hi')),
      [{ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' }],
    );
    const answer = await engine.chat(ask('hi'), page);
    expect(answer).toMatchObject({
      kind: 'json',
      status: 403,
      body: { error: { type: 'permission_error', code: 'origin_not_allowed' } },
    });
    expect(fetch.calls).toHaveLength(0);
  });

  it('an offline request does not count against the site’s own limits', async () => {
    let online = false;
    const { engine } = await engineWithKeys(
      () => (online ? jsonResponse(completion('back')) : Promise.reject(new TypeError('Failed to fetch'))),
      [{ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' }],
    );
    await engine.origins.allow('https://app.example');
    await engine.origins.configure('https://app.example', { limits: { requestsPerDay: 1 } });
    expect(await engine.chat(ask('hi'), page)).toMatchObject({
      status: 503,
      body: { error: { code: 'network_unreachable' } },
    });
    online = true;
    expect((await engine.chat(ask('hi again'), page)).status).toBe(200);
  });

  it('serves an allowed origin with routing headers naming the provider and model', async () => {
    const { engine, fetch } = await engineWithKeys(
      () => jsonResponse(completion('hello')),
      [{ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' }],
    );
    await engine.origins.allow('https://app.example/some/page');
    const answer = await engine.chat(ask('hi'), page);
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({
      'x-freellm-provider': 'groq',
      'x-freellm-model': 'openai/gpt-oss-120b',
      'x-freellm-attempts': '1',
      'x-freellm-cache': 'miss',
    });
    expect(answer.headers['x-request-id']).toMatch(/^req_/);
    expect(fetch.calls[0]?.headers.get('authorization')).toBe('Bearer gsk_aaaaaaaaaaaa');
  });

  it('fails over at once from a rate-limited key to the next one', async () => {
    const { engine, fetch } = await engineWithKeys(
      (_call, index) => (index === 0 ? rateLimited() : jsonResponse(completion('from cerebras'))),
      [
        { providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' },
        { providerId: 'cerebras', secret: 'csk-bbbbbbbbbbbb' },
      ],
    );
    const answer = await engine.chat(ask('hi'), extension);
    expect(answer).toMatchObject({
      status: 200,
      headers: { 'x-freellm-provider': 'cerebras', 'x-freellm-attempts': '2' },
    });
    expect(fetch.calls.map((call) => new URL(call.url).host)).toEqual(['api.groq.com', 'api.cerebras.ai']);
    const [entry] = await engine.requestLog();
    expect(entry?.attempts.map((attempt) => attempt.outcome)).toEqual(['rate_limit', 'ok']);
  });

  it('answers 429 with Retry-After and the attempts when every candidate is rate-limited', async () => {
    const { engine } = await engineWithKeys(
      () => rateLimited(),
      [
        { providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' },
        { providerId: 'cerebras', secret: 'csk-bbbbbbbbbbbb' },
      ],
    );
    const answer = await engine.chat(ask('hi'), extension);
    expect(answer).toMatchObject({ status: 429, headers: { 'retry-after': '7', 'x-freellm-attempts': '2' } });
    expect(JSON.stringify(answer.kind === 'json' && answer.body)).toContain(
      'Groq · openai/gpt-oss-120b: rate_limit',
    );
  });

  it('does not fail over a bad request: the caller gets the provider’s 400', async () => {
    const { engine, fetch } = await engineWithKeys(
      () =>
        jsonResponse(
          { error: { message: 'temperature must be <= 2', type: 'invalid_request_error', code: null } },
          400,
        ),
      [
        { providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' },
        { providerId: 'cerebras', secret: 'csk-bbbbbbbbbbbb' },
      ],
    );
    const answer = await engine.chat(ask('hi'), extension);
    expect(answer.status).toBe(400);
    expect(fetch.calls).toHaveLength(1);
  });

  it('rejects an invalid request with a 400 naming the field, before any upstream call', async () => {
    const { engine, fetch } = await engineWithKeys(
      () => jsonResponse(completion('x')),
      [{ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' }],
    );
    const answer = await engine.chat(
      { model: 'auto', messages: [{ role: 'wizard', content: 'hi' }] },
      extension,
    );
    expect(answer).toMatchObject({
      status: 400,
      body: { error: { type: 'invalid_request_error', param: 'messages.0.role' } },
    });
    expect(fetch.calls).toHaveLength(0);
  });

  it('says how to fix it when no key is configured', async () => {
    const { engine } = await engineWithKeys(() => jsonResponse(completion('x')), []);
    const answer = await engine.chat(ask('hi'), extension);
    expect(answer).toMatchObject({ status: 503, body: { error: { code: 'no_keys' } } });
  });

  it('pins a provider with provider/model', async () => {
    const { engine, fetch } = await engineWithKeys(
      () => jsonResponse(completion('x')),
      [
        { providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' },
        { providerId: 'cerebras', secret: 'csk-bbbbbbbbbbbb' },
      ],
    );
    await engine.chat({ ...ask('hi'), model: 'cerebras/qwen-3-32b' }, extension);
    expect(fetch.calls[0]?.url).toBe('https://api.cerebras.ai/v1/chat/completions');
    expect(fetch.calls[0]?.body.model).toBe('qwen-3-32b');
  });

  it('fails a stream over before its first chunk, and passes a later failure as an error chunk', async () => {
    const { engine } = await engineWithKeys(
      (_call, index) =>
        index === 0
          ? rateLimited()
          : sseResponse([chunk({ role: 'assistant', content: '' }), chunk({ content: 'Hi' })], {
              done: false,
            }),
      [
        { providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' },
        { providerId: 'cerebras', secret: 'csk-bbbbbbbbbbbb' },
      ],
    );
    const answer = await engine.chat({ ...ask('hi'), stream: true }, extension);
    if (answer.kind !== 'stream') throw new Error(`expected a stream, got ${answer.status}`);
    expect(answer.headers['x-freellm-provider']).toBe('cerebras');
    const chunks = await collect(answer.chunks);
    expect(chunks).toHaveLength(3);
    expect(chunks.at(-1)).toMatchObject({ error: { code: 'upstream_malformed' } });
    const [entry] = await engine.requestLog();
    expect(entry?.status).toBe(502);
  });

  it('never puts a key in the request log or in an answer', async () => {
    const secret = 'gsk_never_logged_123456';
    const { engine } = await engineWithKeys(
      () => jsonResponse({ error: { message: 'Invalid API Key', code: 'invalid_api_key' } }, 401),
      [{ providerId: 'groq', secret }],
    );
    const answer = await engine.chat(ask('hi'), extension);
    expect(answer.status).toBe(401);
    expect(JSON.stringify(answer)).not.toContain(secret);
    expect(JSON.stringify(await engine.requestLog())).not.toContain(secret);
    expect(JSON.stringify(await engine.keys.list())).not.toContain(secret);
  });
});

describe('engine.chat with the response cache', () => {
  it('answers a repeated request from the cache, streamed or not, without calling upstream again', async () => {
    const { engine, fetch } = await engineWithKeys(
      () => jsonResponse(completion('cached answer')),
      [{ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' }],
    );
    const first = await engine.chat(ask('same question'), extension);
    const second = await engine.chat(ask('same question'), extension);
    expect(first.headers['x-freellm-cache']).toBe('miss');
    expect(second).toMatchObject({
      status: 200,
      headers: { 'x-freellm-cache': 'hit', 'x-freellm-provider': 'groq' },
    });
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    const streamed = await engine.chat({ ...ask('same question'), stream: true }, extension);
    if (streamed.kind !== 'stream') throw new Error('expected a stream');
    const chunks = await collect(streamed.chunks);
    expect(
      chunks.map((item) => ('choices' in item ? (item.choices[0]?.delta.content ?? '') : '')).join(''),
    ).toBe('cached answer');
    expect(fetch.calls).toHaveLength(1);
    expect(await engine.cache.stats()).toMatchObject({ hits: 2, misses: 1 });
  });

  it('asks upstream again when the request says Cache-Control: no-store, or freellm.cache is refresh', async () => {
    const { engine, fetch } = await engineWithKeys(
      () => jsonResponse(completion('fresh')),
      [{ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' }],
    );
    await engine.chat(ask('q'), extension);
    const noStore = await engine.chat(ask('q'), extension, undefined, {
      headers: { 'cache-control': 'no-store' },
    });
    const refresh = await engine.chat({ ...ask('q'), freellm: { cache: 'refresh' } }, extension);
    expect([noStore.headers['x-freellm-cache'], refresh.headers['x-freellm-cache']]).toEqual([
      'miss',
      'miss',
    ]);
    expect(fetch.calls).toHaveLength(3);
    expect(fetch.calls.every((call) => !('freellm' in call.body))).toBe(true);
  });

  it('rejects a misspelt freellm option with a 400 naming it', async () => {
    const { engine, fetch } = await engineWithKeys(
      () => jsonResponse(completion('x')),
      [{ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' }],
    );
    const answer = await engine.chat({ ...ask('q'), freellm: { cahce: 'no-store' } }, extension);
    expect(answer).toMatchObject({ status: 400, body: { error: { param: 'freellm' } } });
    expect(fetch.calls).toHaveLength(0);
  });

  it('keeps a native provider’s usage with a streamed answer the caller took without usage', async () => {
    const { chunkLines } = readFixtures(
      new URL('../providers/gemini/gemini-adapter.test.ts', import.meta.url).href,
    );
    const { engine } = await engineWithKeys(
      () => sseResponse(chunkLines('text.chunks.txt'), { done: false }),
      [{ providerId: 'gemini', secret: 'AIzaSyA-test-key-000000000000000000000' }],
    );
    const streamed = await engine.chat({ ...ask('hello'), stream: true }, extension);
    if (streamed.kind !== 'stream') throw new Error('expected a stream');
    const chunks = await collect(streamed.chunks);
    // Not asked for: no usage chunk for this caller.
    expect(chunks.every((item) => 'choices' in item && item.choices.length > 0)).toBe(true);
    const later = await engine.chat(ask('hello'), extension);
    expect(later).toMatchObject({
      headers: { 'x-freellm-cache': 'hit' },
      body: { usage: { prompt_tokens: 4, completion_tokens: 29, total_tokens: 33 } },
    });
    const replay = await engine.chat(
      { ...ask('hello'), stream: true, stream_options: { include_usage: true } },
      extension,
    );
    if (replay.kind !== 'stream') throw new Error('expected a stream');
    expect((await collect(replay.chunks)).at(-1)).toMatchObject({ choices: [], usage: { total_tokens: 33 } });
  });

  it('shares one upstream call between identical concurrent streams', async () => {
    const upstream = gate();
    const { engine, fetch } = await engineWithKeys(async () => {
      await upstream.opened;
      return sseResponse([
        chunk({ role: 'assistant', content: '' }),
        chunk({ content: 'together' }),
        chunk({}, 'stop'),
      ]);
    }, [{ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' }]);
    const pending = Array.from({ length: 5 }, () => engine.chat({ ...ask('same'), stream: true }, extension));
    await new Promise((resolve) => setTimeout(resolve, 20));
    upstream.open();
    const answers = await Promise.all(pending);
    const texts = await Promise.all(
      answers.map(async (answer) =>
        answer.kind === 'stream'
          ? (await collect(answer.chunks))
              .map((item) => ('choices' in item ? (item.choices[0]?.delta.content ?? '') : ''))
              .join('')
          : '',
      ),
    );
    expect(texts).toEqual(Array(5).fill('together'));
    expect(answers.map((answer) => answer.headers['x-freellm-cache']).sort()).toEqual([
      'miss',
      'shared',
      'shared',
      'shared',
      'shared',
    ]);
    expect(fetch.calls).toHaveLength(1);
  });
});

describe('engine with a locked vault', () => {
  it('answers requests with a 423 telling the user to unlock, loses nothing, and serves again once unlocked', async () => {
    const { engine, fetch } = await engineWithKeys(
      () => jsonResponse(completion('after unlock')),
      [{ providerId: 'groq', secret: 'gsk_locked_key_1234' }],
    );
    await engine.vault.setPassphrase('correct horse battery staple');
    await engine.vault.lock();
    const locked = await engine.chat(ask('q1'), extension);
    expect(locked).toMatchObject({ status: 423, body: { error: { code: 'vault_locked' } } });
    expect(JSON.stringify(locked)).toMatch(/unlock/i);
    expect(fetch.calls).toHaveLength(0);
    expect(await engine.keys.list()).toHaveLength(1);
    await engine.vault.unlock('correct horse battery staple');
    expect((await engine.chat(ask('q2'), extension)).status).toBe(200);
  }, 20_000);

  it('keeps serving with the keys re-sealed by a new passphrase, and asks upstream again instead of using answers cached before it', async () => {
    const { engine, fetch } = await engineWithKeys(
      () => jsonResponse(completion('fresh')),
      [{ providerId: 'groq', secret: 'gsk_resealed_key_1234' }],
    );
    expect((await engine.chat(ask('same question'), extension)).headers['x-freellm-cache']).toBe('miss');
    await engine.settled();
    await engine.vault.setPassphrase('correct horse battery staple');
    await engine.settled();
    const after = await engine.chat(ask('same question'), extension);
    expect(after).toMatchObject({ status: 200, headers: { 'x-freellm-cache': 'miss' } });
    expect(fetch.calls.map((call) => call.headers.get('authorization'))).toEqual([
      'Bearer gsk_resealed_key_1234',
      'Bearer gsk_resealed_key_1234',
    ]);
  }, 20_000);
});

describe('the response cache, per caller and behind the lock', () => {
  const otherPage = { kind: 'page', origin: 'https://other.example' } as const;
  const cacheState = (answer: { headers: Record<string, string> }) => answer.headers['x-freellm-cache'];
  /** Both sites allowed; upstream answers `content` once the test opens the gate. */
  async function gatedEngine(content: string) {
    const upstream = gate();
    const { engine, fetch } = await engineWithKeys(async () => {
      await upstream.opened;
      return jsonResponse(completion(content));
    }, [{ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' }]);
    await engine.origins.allow(page.origin);
    await engine.origins.allow(otherPage.origin);
    return { engine, fetch, upstream };
  }

  it('never gives one site an answer that started from another site, nor the extension a site’s', async () => {
    const { engine, fetch } = await engineWithKeys(
      (call) => jsonResponse(completion(`answer ${fetch.calls.indexOf(call)}`)),
      [{ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' }],
    );
    await engine.origins.allow(page.origin);
    await engine.origins.allow(otherPage.origin);
    const first = await engine.chat(ask('same'), page);
    expect(cacheState(first)).toBe('miss');
    const other = await engine.chat(ask('same'), otherPage);
    expect(other).toMatchObject({
      headers: { 'x-freellm-cache': 'miss' },
      body: { choices: [{ message: { content: 'answer 1' } }] },
    });
    expect(cacheState(await engine.chat(ask('same'), extension))).toBe('miss');
    expect(await engine.chat(ask('same'), page)).toMatchObject({
      headers: { 'x-freellm-cache': 'hit' },
      body: { choices: [{ message: { content: 'answer 0' } }] },
    });
    expect(fetch.calls).toHaveLength(3);
  });

  it('logs each request under the site that asked, the extension’s pages under “extension”', async () => {
    const { engine } = await engineWithKeys(
      () => jsonResponse(completion('ok')),
      [{ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' }],
    );
    await engine.origins.allow(page.origin);
    await engine.chat(ask('from the site'), page);
    await engine.chat(ask('from the popup'), { kind: 'extension' });
    await engine.settled();
    const origins = (await engine.requestLog()).map((entry) => entry.origin);
    expect(origins.sort()).toEqual(['extension', page.origin]);
  });

  it('does not share a call in flight between two sites', async () => {
    const { engine, fetch, upstream } = await gatedEngine('together');
    const first = engine.chat(ask('same'), page);
    await vi.waitFor(() => expect(fetch.calls).toHaveLength(1));
    const second = engine.chat(ask('same'), otherPage);
    await vi.waitFor(() => expect(fetch.calls).toHaveLength(2));
    upstream.open();
    expect((await Promise.all([first, second])).map(cacheState)).toEqual(['miss', 'miss']);
  });

  it('while locked, answers a cached prompt with 423 and no upstream call, and serves it again once unlocked', async () => {
    const { engine, fetch } = await engineWithKeys(
      () => jsonResponse(completion('kept')),
      [{ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' }],
    );
    await engine.origins.allow(page.origin);
    // Set first: a new passphrase replaces the data key and drops the answers cached under the old one.
    await engine.vault.setPassphrase(PASSPHRASE);
    expect(cacheState(await engine.chat(ask('cached'), page))).toBe('miss');
    await engine.vault.lock();
    for (const caller of [page, extension]) {
      expect(await engine.chat(ask('cached'), caller)).toMatchObject({
        status: 423,
        body: { error: { code: 'vault_locked' } },
      });
    }
    expect(await engine.models(page)).toMatchObject({ status: 423 });
    expect(fetch.calls).toHaveLength(1);
    await engine.vault.unlock(PASSPHRASE);
    expect(cacheState(await engine.chat(ask('cached'), page))).toBe('hit');
  }, 20_000);

  it('while locked, does not let a request join a call that started before the lock', async () => {
    const { engine, fetch, upstream } = await gatedEngine('started unlocked');
    await engine.vault.setPassphrase(PASSPHRASE);
    const started = engine.chat(ask('in flight'), page);
    await vi.waitFor(() => expect(fetch.calls).toHaveLength(1));
    await engine.vault.lock();
    expect(await engine.chat(ask('in flight'), page)).toMatchObject({
      status: 423,
      body: { error: { code: 'vault_locked' } },
    });
    upstream.open();
    expect(await started).toMatchObject({ status: 200, headers: { 'x-freellm-cache': 'miss' } });
    expect(fetch.calls).toHaveLength(1);
  }, 20_000);
});

describe('local servers as the last resort', () => {
  it('adds a keyless local server without a key, sends it none, and uses it when every free tier refuses', async () => {
    const { engine, fetch } = await engineWithKeys(
      (call) =>
        new URL(call.url).hostname === 'localhost' ? jsonResponse(completion('from ollama')) : rateLimited(),
      [{ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' }],
    );
    const local = await engine.keys.add({ providerId: 'ollama', secret: '' });
    expect(local.label).toMatch(/Ollama/);
    const answer = await engine.chat(ask('anyone?'), extension);
    expect(answer).toMatchObject({
      status: 200,
      headers: { 'x-freellm-provider': 'ollama', 'x-freellm-attempts': '2' },
    });
    expect(fetch.calls[1]?.headers.get('authorization')).toBeNull();
  });

  it('still asks for a key for providers that need one', async () => {
    const { engine } = await engineWithKeys(() => jsonResponse(completion('x')), []);
    await expect(engine.keys.add({ providerId: 'groq', secret: '' })).rejects.toMatchObject({ status: 400 });
    await expect(engine.keys.add({ providerId: 'nope', secret: 'gsk_aaaaaaaaaaaa' })).rejects.toMatchObject({
      status: 400,
      param: 'providerId',
    });
  });
});

describe('engine.models', () => {
  it('merges a provider’s live model list with the catalog, and falls back to the catalog when the list fails', async () => {
    const { engine, fetch } = await engineWithKeys(
      (call) =>
        new URL(call.url).host === 'api.groq.com'
          ? jsonResponse({
              object: 'list',
              data: [
                { id: 'brand-new-model', object: 'model', created: 1, owned_by: 'groq' },
                { id: 'openai/gpt-oss-120b', object: 'model', created: 1, owned_by: 'openai' },
              ],
            })
          : jsonResponse({ error: { message: 'down' } }, 500),
      [
        { providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' },
        { providerId: 'cerebras', secret: 'csk-bbbbbbbbbbbb' },
      ],
    );
    const answer = await engine.models(extension);
    const ids = (answer.kind === 'json' ? (answer.body as { data: { id: string }[] }).data : []).map(
      (model) => model.id,
    );
    expect(ids.slice(0, 3)).toEqual(['auto', 'auto:fast', 'auto:smart']);
    expect(ids).toContain('groq/brand-new-model');
    expect(ids.indexOf('groq/openai/gpt-oss-120b')).toBeLessThan(ids.indexOf('groq/brand-new-model'));
    expect(ids).toContain('cerebras/gpt-oss-120b');
    expect(ids).toContain('gpt-oss-120b');
    await engine.models(extension);
    expect(fetch.calls.filter((call) => new URL(call.url).host === 'api.groq.com')).toHaveLength(1);
  });

  it('names the provider or the user’s endpoint of each provider/model entry, for people', async () => {
    const { engine } = await engineWithKeys(
      () => jsonResponse({ error: { message: 'down' } }, 500),
      [{ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' }],
    );
    const endpoint = await engine.providers.addCustom({
      name: 'My laptop',
      baseURL: 'https://llm.example/v1',
      defaultModel: 'qwen-small',
    });
    await engine.keys.add({ providerId: endpoint.id, secret: 'sk-laptop-1234567890' });
    const answer = await engine.models(extension);
    const models = answer.kind === 'json' ? (answer.body as { data: Record<string, unknown>[] }).data : [];
    expect(models.find((model) => model.id === `${endpoint.id}/qwen-small`)).toMatchObject({
      provider_name: 'My laptop',
    });
    expect(models.find((model) => String(model.id).startsWith('groq/'))).toMatchObject({
      provider_name: 'Groq',
    });
    expect(models.find((model) => model.id === 'auto')).not.toHaveProperty('provider_name');
  });
});

describe('the user’s own limits', () => {
  it('win over the catalog: a daily cap the user set is respected without asking the provider', async () => {
    const { engine, fetch } = await engineWithKeys(
      () => jsonResponse(completion('ok')),
      [{ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' }],
    );
    await engine.limits.save({ groq: { rpd: 1 } });
    expect((await engine.chat({ ...ask('one'), freellm: { cache: 'no-store' } }, extension)).status).toBe(
      200,
    );
    const second = await engine.chat({ ...ask('two'), freellm: { cache: 'no-store' } }, extension);
    expect(second.status).toBe(429);
    expect(fetch.calls).toHaveLength(1);
    expect(await engine.limits.get()).toEqual({ groq: { rpd: 1 } });
  });

  it('are on the dashboard as soon as the engine restarts, before any chat request', async () => {
    const kit = await routingKit(() => jsonResponse(completion('ok')), {
      keys: [{ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' }],
    });
    await kit.engine.limits.save({ groq: { rpd: 7, tpm: 900 } });
    await kit.engine.chat(ask('one'), extension);
    await kit.engine.settled();
    const restarted = kit.restart();
    const [groq] = (await restarted.health()).models;
    expect(groq?.limits).toMatchObject({ rpd: 7, tpm: 900 });
  });

  it('refuses an override that names no provider, naming the field', async () => {
    const { engine } = await engineWithKeys(() => jsonResponse(completion('ok')), []);
    await expect(engine.limits.save({ 'Not A Provider!': { rpm: 1 } })).rejects.toMatchObject({
      status: 400,
    });
    await expect(engine.limits.save({ groq: { rpm: -1 } })).rejects.toMatchObject({
      param: 'limits.groq.rpm',
    });
  });
});

describe('keys of one account', () => {
  it('share the account’s free tier; keys of different accounts each have their own', async () => {
    const ask = (engine: Awaited<ReturnType<typeof engineWithKeys>>['engine'], index: number) =>
      engine.chat(
        {
          model: 'openrouter/openai/gpt-oss-20b:free',
          messages: [{ role: 'user', content: `q${index}` }],
          freellm: { cache: 'no-store' },
        },
        extension,
      );
    const same = await engineWithKeys(() => jsonResponse(completion('ok')), []);
    await same.engine.keys.add({ providerId: 'openrouter', secret: 'sk-or-v1-aaaaaaaaaaaa', account: 'me' });
    await same.engine.keys.add({ providerId: 'openrouter', secret: 'sk-or-v1-bbbbbbbbbbbb', account: 'me' });
    const separate = await engineWithKeys(() => jsonResponse(completion('ok')), []);
    await separate.engine.keys.add({
      providerId: 'openrouter',
      secret: 'sk-or-v1-aaaaaaaaaaaa',
      account: 'me',
    });
    await separate.engine.keys.add({
      providerId: 'openrouter',
      secret: 'sk-or-v1-bbbbbbbbbbbb',
      account: 'colleague',
    });
    const statuses = async (target: typeof same) => {
      const seen: number[] = [];
      for (let index = 0; index < 30; index++) seen.push((await ask(target.engine, index)).status);
      return seen;
    };
    const shared = await statuses(same);
    expect(shared.filter((status) => status === 200)).toHaveLength(20);
    expect(same.fetch.calls).toHaveLength(20);
    expect((await statuses(separate)).every((status) => status === 200)).toBe(true);
  });
});

describe('a settings import', () => {
  it('shows in every part of a running engine at once, though each had already read its settings', async () => {
    const { engine } = await engineWithKeys(
      () => jsonResponse(completion('ok')),
      [{ providerId: 'cerebras', secret: 'csk-stored-secret-0001' }],
    );
    const before = await Promise.all([
      engine.keys.list(),
      engine.providers.list(),
      engine.origins.list(),
      engine.limits.get(),
      engine.routing.settings(),
    ]);
    expect(before[2]).toEqual([]);

    await engine.settings.import({
      format: 'freellm-settings',
      version: 1,
      exportedAt: '2026-11-25T12:00:00.000Z',
      providers: {
        overrides: { groq: { baseURL: 'https://proxy.example/openai/v1' } },
        custom: [
          {
            id: 'custom-local',
            name: 'Local llama',
            baseURL: 'http://127.0.0.1:8080/v1',
            defaultModel: 'qwen',
          },
        ],
      },
      priorities: [],
      limits: { groq: { rpm: 5 } },
      aliases: { fast: ['groq/llama-3.1-8b-instant'] },
      origins: ['https://app.example'],
      keyEncryption: null,
      keys: [
        {
          id: 'imported',
          providerId: 'groq',
          label: 'Imported',
          enabled: true,
          secret: 'gsk_imported_secret_1',
        },
      ],
    });

    expect((await engine.keys.list()).map((key) => key.label)).toEqual(['csk-…0001', 'Imported']);
    const providers = await engine.providers.list();
    expect(providers.find((provider) => provider.id === 'groq')?.baseURL).toBe(
      'https://proxy.example/openai/v1',
    );
    expect(providers.some((provider) => provider.id === 'custom-local')).toBe(true);
    expect((await engine.origins.list()).map((grant) => grant.origin)).toEqual(['https://app.example']);
    expect(await engine.limits.get()).toEqual({ groq: { rpm: 5 } });
    expect((await engine.routing.settings()).aliases).toEqual({ fast: ['groq/llama-3.1-8b-instant'] });
    expect((await engine.models(page)).status).toBe(200);
  });
});
