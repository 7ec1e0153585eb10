import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch } from '../testing/fake-fetch';
import { createTestEngine } from '../testing/test-engine';
import { upstreamCompletion } from '../testing/upstream-answers';
import { createEngineFetch } from '../http/engine-fetch';
import { openDatabase } from '../store/database';
import { createWriteBehind } from '../store/write-behind';
import { createLocalEndpoint } from './local-endpoint';

const chatBody = JSON.stringify({ model: 'auto', messages: [{ role: 'user', content: 'hi' }] });

async function localEndpoint() {
  const upstream = createFakeFetch(() => upstreamCompletion('hello'));
  const test = createTestEngine(upstream);
  const { engine } = test;
  await engine.keys.add({ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' });
  const fetch = createEngineFetch(engine, { kind: 'local' });
  const chat = async (headers: Record<string, string>) => {
    const response = await fetch('http://127.0.0.1/v1/chat/completions', {
      method: 'POST',
      body: chatBody,
      headers,
    });
    const body = (await response.json()) as { error?: { code: string; message: string } };
    return body.error ? `${response.status} ${body.error.code}` : String(response.status);
  };
  return { ...test, upstream, chat };
}

describe('the local endpoint’s door', () => {
  it('is shut while turned off, and then wants the token, as a bearer token or x-api-key', async () => {
    const { engine, chat, upstream } = await localEndpoint();
    expect(await chat({})).toBe('503 local_endpoint_off');
    await engine.localEndpoint.configure({ enabled: true });
    const token = await engine.localEndpoint.token();
    expect(await chat({})).toBe('401 local_token_missing');
    expect(await chat({ authorization: 'Bearer freellm-guess' })).toBe('401 local_token_invalid');
    expect(upstream.calls).toHaveLength(0);
    expect(await chat({ authorization: `Bearer ${token}` })).toBe('200');
    expect(await chat({ 'x-api-key': token })).toBe('200');
    expect((await engine.requestLog(1))[0]?.origin).toBe('local endpoint');
  });

  it('refuses the old token after a rotation, and keeps the token across a new passphrase and a restart', async () => {
    const { engine, chat, restart } = await localEndpoint();
    await engine.localEndpoint.configure({ enabled: true });
    const old = await engine.localEndpoint.token();
    const rotated = await engine.localEndpoint.rotateToken();
    expect(await chat({ authorization: `Bearer ${old}` })).toBe('401 local_token_invalid');
    expect(await chat({ authorization: `Bearer ${rotated}` })).toBe('200');
    // A passphrase makes a new data key: the token is sealed again under it, not lost.
    await engine.vault.setPassphrase('correct horse battery staple');
    const restarted = restart();
    await restarted.vault.unlock('correct horse battery staple');
    expect(await restarted.localEndpoint.token()).toBe(rotated);
  });

  it('refuses a web page’s Origin unless allowed for the endpoint, and a locked vault with the 423', async () => {
    const { engine, chat } = await localEndpoint();
    await engine.localEndpoint.configure({ enabled: true, allowedOrigins: ['https://notebook.example'] });
    const authorization = `Bearer ${await engine.localEndpoint.token()}`;
    expect(await chat({ authorization, origin: 'https://evil.example' })).toBe(
      '403 local_origin_not_allowed',
    );
    expect(await chat({ authorization, origin: 'https://notebook.example' })).toBe('200');
    await engine.vault.setPassphrase('correct horse battery staple');
    await engine.vault.lock();
    expect(await chat({ authorization })).toBe('423 vault_locked');
  });

  it('counts chat requests against its own limit', async () => {
    const { engine, chat } = await localEndpoint();
    await engine.localEndpoint.configure({ enabled: true, limits: { requestsPerMinute: 1 } });
    const authorization = `Bearer ${await engine.localEndpoint.token()}`;
    expect(await chat({ authorization })).toBe('200');
    expect(await chat({ authorization })).toBe('429 origin_rate_limited');
  });

  it('writes its counts once per batch of requests, and they outlast a restart', async () => {
    const db = openDatabase(`local-endpoint-test-${crypto.randomUUID()}`);
    const writeBehind = createWriteBehind();
    const open = () =>
      createLocalEndpoint({ db, vault: { seal: vi.fn(), open: vi.fn() }, crypto, now: () => 0, writeBehind });
    const endpoint = open();
    await endpoint.configure({ limits: { requestsPerMinute: 5 } });
    const put = vi.spyOn(db.settings, 'put');
    for (let request = 0; request < 5; request++) await endpoint.count();
    await writeBehind.settled();
    // Each write costs the worker IndexedDB time between answers: a busy tool would pay it per request.
    expect(put).toHaveBeenCalledTimes(1);
    await expect(open().count()).rejects.toMatchObject({ status: 429 });
  });

  it('binds to loopback by default and takes only an IP address', async () => {
    const { engine } = await localEndpoint();
    expect(await engine.localEndpoint.settings()).toMatchObject({
      address: '127.0.0.1',
      port: 11440,
      enabled: false,
    });
    await expect(engine.localEndpoint.configure({ address: 'example.com' })).rejects.toMatchObject({
      status: 400,
    });
  });
});
