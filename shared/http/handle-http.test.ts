import { describe, expect, it } from 'vitest';
import { createFakeFetch, jsonResponse } from '../testing/fake-fetch';
import { createTestEngine } from '../testing/test-engine';
import { quotaReportSchema } from '../quota/quota-report';
import { createEngineFetch } from './engine-fetch';

const origin = 'https://app.example';
const chatBody = JSON.stringify({ model: 'auto', messages: [{ role: 'user', content: 'hi' }] });

async function pageFetch(allowed: boolean) {
  const upstream = createFakeFetch(() => jsonResponse({ error: { message: 'must not be called' } }, 500));
  const { engine } = createTestEngine(upstream);
  await engine.keys.add({ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' });
  if (allowed) await engine.origins.allow(origin);
  const fetch = createEngineFetch(engine, { kind: 'page', origin });
  const answer = async (path: string, init?: RequestInit) => {
    const response = await fetch(`http://freellm.invalid${path}`, init);
    return {
      status: response.status,
      code: ((await response.json()) as { error: { code: string } }).error.code,
    };
  };
  return { answer, upstream };
}

describe('handleHttp for web pages', () => {
  it('answers a site that was never allowed with the 403 whatever it asks, unknown paths and bad bodies included', async () => {
    const { answer, upstream } = await pageFetch(false);
    const refused = { status: 403, code: 'origin_not_allowed' };
    expect(await answer('/v1/chat/completions', { method: 'POST', body: chatBody })).toEqual(refused);
    expect(await answer('/v1/chat/completions', { method: 'POST', body: 'not json' })).toEqual(refused);
    expect(await answer('/v1/models')).toEqual(refused);
    expect(await answer('/v1/quota')).toEqual(refused);
    expect(await answer('/v1/nope')).toEqual(refused);
    expect(await answer('/nope', { method: 'POST', body: '{}' })).toEqual(refused);
    expect(upstream.calls).toHaveLength(0);
  });

  it('tells an allowed site that a path does not exist', async () => {
    const { answer } = await pageFetch(true);
    expect(await answer('/v1/nope')).toEqual({ status: 404, code: 'unknown_url' });
    expect(await answer('/v1/chat/completions', { method: 'POST', body: 'not json' })).toMatchObject({
      status: 400,
    });
  });

  it('answers GET /quota for an allowed site with the quota object, and a locked vault with the 423', async () => {
    const upstream = createFakeFetch(() => jsonResponse({ error: { message: 'must not be called' } }, 500));
    const { engine } = createTestEngine(upstream);
    await engine.keys.add({ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' });
    await engine.origins.allow(origin);
    const fetch = createEngineFetch(engine, { kind: 'page', origin });
    const response = await fetch('http://freellm.invalid/v1/quota');
    expect(response.status).toBe(200);
    const report = quotaReportSchema.parse(await response.json());
    expect(report).toMatchObject({ object: 'freellm.quota', site: { origin } });
    expect(report.providers.map((provider) => provider.id)).toEqual(['groq']);
    await engine.vault.setPassphrase('correct horse battery staple');
    await engine.vault.lock();
    expect((await fetch('http://freellm.invalid/v1/quota')).status).toBe(423);
    expect(upstream.calls).toHaveLength(0);
  });
});
