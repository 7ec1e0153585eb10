/**
 * The dashboard's history as the engine answers it: each key's attempts, tokens, failures and
 * latency by hour and by day, and when each key's day runs out at its own pace; never a secret.
 */
import { describe, expect, it } from 'vitest';
import { ask, completion, errorResponse, extension } from '../testing/chat-builders';
import { createFakeFetch, jsonResponse } from '../testing/fake-fetch';
import { createTestEngine } from '../testing/test-engine';

const MINUTE = 60_000;
const answer = jsonResponse(
  completion('hi', { usage: { prompt_tokens: 40, completion_tokens: 10, total_tokens: 50 } }),
);

async function twoGroqKeys(handler: (index: number) => Response) {
  const test = createTestEngine(createFakeFetch((_call, index) => handler(index)));
  const first = await test.engine.keys.add({
    providerId: 'groq',
    label: 'first',
    secret: 'gsk_first_aaaaaaaa',
  });
  const second = await test.engine.keys.add({
    providerId: 'groq',
    label: 'second',
    secret: 'gsk_second_bbbbbbb',
  });
  return { ...test, first: first.id, second: second.id };
}

describe('engine.usageHistory', () => {
  it('counts each key’s attempts, failures, tokens and latency in its hour and day, by key id only', async () => {
    const { engine, clock, first, second } = await twoGroqKeys((index) =>
      index === 0 ? errorResponse(500, 'boom') : answer.clone(),
    );
    await engine.chat(ask('one'), extension);
    clock.now += 10 * MINUTE;
    await engine.chat(ask('two'), extension);
    await engine.settled();
    const history = await engine.usageHistory();
    const sum = (keyId: string, field: 'requests' | 'failed' | 'tokens') =>
      history.hours.filter((row) => row.keyId === keyId).reduce((total, row) => total + row[field], 0);
    expect(sum(first, 'requests') + sum(second, 'requests')).toBe(3);
    expect(sum(first, 'failed') + sum(second, 'failed')).toBe(1);
    expect(sum(first, 'tokens') + sum(second, 'tokens')).toBe(100);
    expect(history.hours.every((row) => row.providerId === 'groq')).toBe(true);
    expect(history.days.map((row) => row.requests).reduce((a, b) => a + b)).toBe(3);
    expect(history.timeZone).toBe('UTC');
    expect(JSON.stringify(history)).not.toContain('gsk_');
  });

  it('says when each key’s daily allowance runs out at its own pace, and that an unused key is idle', async () => {
    const { engine, clock, first, second } = await twoGroqKeys(() => answer.clone());
    await engine.limits.save({
      'groq/openai/gpt-oss-120b': { rpd: 10 },
      'groq/openai/gpt-oss-20b': { rpd: 10 },
      'groq/qwen/qwen3.8-27b': { rpd: 10 },
    });
    const now = clock.now;
    await engine.chat(ask('one'), extension);
    await engine.chat(ask('two'), extension);
    await engine.settled();
    const { keys } = await engine.usageHistory();
    // The first key took both: 8 of its 10 left at 2 per 15 minutes, one hour.
    expect(keys.find((key) => key.keyId === first)).toMatchObject({
      providerId: 'groq',
      requests: { used: 2 },
      forecast: { status: 'runs_out', runs_out_at: (now + 60 * MINUTE) / 1000 },
    });
    expect(keys.find((key) => key.keyId === second)?.forecast.status).toBe('idle');
  });
});
