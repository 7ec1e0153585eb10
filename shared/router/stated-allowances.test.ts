import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, type RecordedCall } from '../testing/fake-fetch';
import { ask, completion, extension } from '../testing/chat-builders';
import { routingKit } from '../testing/routing-test-kit';

const OPENROUTER = { providerId: 'openrouter', secret: 'sk-or-v1-aaaaaaaaaaaa' };
const KEY_URL = 'https://openrouter.ai/api/v1/key';

/** OpenRouter, whose `GET /key` says whether the account bought credits (openai-mock.ts has the same). */
function openRouter(isFreeTier: boolean) {
  return (call: RecordedCall) => {
    if (call.url === KEY_URL)
      return jsonResponse({
        data: {
          label: 'sk-or-v1-aaa...aaa',
          limit: null,
          limit_remaining: null,
          usage: 0,
          is_free_tier: isFreeTier,
        },
      });
    if (call.url.endsWith('/models')) return jsonResponse({ data: [] }, 404);
    return jsonResponse(completion('ok'));
  };
}

async function dailyLimitAfterOneRequest(isFreeTier: boolean) {
  const kit = await routingKit(openRouter(isFreeTier), { keys: [OPENROUTER], backgroundReads: true });
  expect((await kit.engine.chat(ask('hi'), extension)).status).toBe(200);
  await vi.waitFor(() => expect(kit.fetch.calls.some((call) => call.url === KEY_URL)).toBe(true));
  const keyCall = kit.fetch.calls.find((call) => call.url === KEY_URL);
  expect(keyCall?.headers.get('authorization')).toBe(`Bearer ${OPENROUTER.secret}`);
  return vi.waitFor(async () => {
    const entry = (await kit.engine.health()).models.find((model) => model.providerId === 'openrouter');
    expect(entry?.limits.rpd).toBeDefined();
    return entry?.limits.rpd;
  });
}

describe('an allowance the provider states beats the catalog', () => {
  it('OpenRouter says the account bought credits: its free models get 1,000 requests a day', async () => {
    expect(await dailyLimitAfterOneRequest(false)).toBe(1_000);
  });

  it('OpenRouter says the key is on its free tier: 50 a day', async () => {
    expect(await dailyLimitAfterOneRequest(true)).toBe(50);
  });
});
