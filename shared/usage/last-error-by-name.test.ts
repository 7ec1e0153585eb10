import { describe, expect, it } from 'vitest';
import { errorResponse, ask, extension } from '../testing/chat-builders';
import { createFakeFetch } from '../testing/fake-fetch';
import { createTestEngine } from '../testing/test-engine';
import { openDatabase } from '../store/database';
import { providerNamesOf } from '../providers/provider-names';
import { lastErrorByName } from './last-error-by-name';
import type { HealthEntry } from './usage-ledger';

describe('a model’s last error kept from before messages named providers', () => {
  it('is shown on the dashboard with the endpoint’s name instead of its id', async () => {
    const db = openDatabase(`last-error-${crypto.randomUUID()}`);
    const fetch = createFakeFetch(() => errorResponse(401, 'Invalid API Key', 'invalid_api_key'));
    const { engine, restart } = createTestEngine(fetch, { db });
    const endpoint = await engine.providers.addCustom({
      name: 'My laptop',
      baseURL: 'https://laptop.example/v1',
      defaultModel: 'qwen-small',
    });
    const key = await engine.keys.add({ providerId: endpoint.id, secret: 'sk-laptop-1234567890' });
    await engine.chat(ask('hi'), extension);
    await engine.settled();
    // As an earlier version kept it.
    const bucket = await db.usage.get(`model:${endpoint.id}:${key.id}:qwen-small`);
    if (!bucket?.health.lastError) throw new Error('the failure was not kept');
    bucket.health.lastError.message = `${endpoint.id} answered HTTP 401: Invalid API Key`;
    await db.usage.put(bucket);
    const [entry] = (await restart().health()).models;
    expect(entry?.lastError?.message).toBe('My laptop answered HTTP 401: Invalid API Key');
  });

  it('keeps the id of an endpoint removed since: there is no name left to say', () => {
    const gone = 'custom-old-box-77aa00';
    const entry = {
      providerId: gone,
      lastError: { kind: 'unreachable', message: `${gone} could not be reached`, at: 1 },
    };
    expect(lastErrorByName(entry as HealthEntry, providerNamesOf([])).lastError?.message).toBe(
      `${gone} could not be reached`,
    );
  });
});
