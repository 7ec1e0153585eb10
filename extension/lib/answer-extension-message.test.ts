import { describe, expect, it } from 'vitest';
import { createFakeFetch } from '../../shared/testing/fake-fetch';
import { createTestEngine } from '../../shared/testing/test-engine';
import { createAccessRequests } from './access-requests';
import { createActiveRequests } from './active-requests';
import { createExtensionMessageAnswer } from './answer-extension-message';

function setup(onPoolChange?: () => void) {
  const { engine } = createTestEngine(
    createFakeFetch(() => Promise.reject(new Error('no upstream in these tests'))),
  );
  const active = createActiveRequests();
  const access = createAccessRequests({
    grants: engine.origins,
    newId: () => crypto.randomUUID(),
    openPrompt: async () => undefined,
  });
  return {
    engine,
    active,
    answer: createExtensionMessageAnswer(
      engine,
      access,
      active,
      { sync: async () => undefined, state: () => ({ state: 'off' }) },
      onPoolChange,
    ),
  };
}

describe('the background’s answer to a management message', () => {
  it('runs the named call with its input and replies with what it returns; nothing returned arrives as null', async () => {
    const { answer } = setup();
    const added = await answer({
      type: 'keys.add',
      providerId: 'groq',
      secret: 'gsk_message_key_123456',
      label: 'work',
    });
    expect(added).toMatchObject({ ok: true, data: { providerId: 'groq', label: 'work' } });
    const listed = await answer({ type: 'keys.list' });
    expect(listed).toMatchObject({ ok: true, data: [{ providerId: 'groq', label: 'work' }] });
    expect(JSON.stringify(listed)).not.toContain('gsk_message_key_123456');
    expect(await answer({ type: 'keys.remove', id: (added as { data: { id: string } }).data.id })).toEqual({
      ok: true,
      data: null,
    });
    expect(await answer({ type: 'keys.list' })).toEqual({ ok: true, data: [] });
  });

  it('tells open pages after a call that changed the keys or access, not after a read or a refused change', async () => {
    let told = 0;
    const { answer } = setup(() => told++);
    await answer({ type: 'keys.list' });
    await answer({ type: 'keys.add', providerId: 'groq' });
    expect(told).toBe(0);
    const added = await answer({ type: 'keys.add', providerId: 'groq', secret: 'gsk_pool_key_1234567890' });
    expect(told).toBe(1);
    await answer({ type: 'keys.remove', id: (added as { data: { id: string } }).data.id });
    await answer({ type: 'origins.allow', origin: 'https://app.example' });
    await answer({ type: 'origins.revoke', origin: 'https://app.example' });
    expect(told).toBe(4);
    await answer({ type: 'chats.list' });
    expect(told).toBe(4);
  });

  it('refuses an unknown call, including the names every object inherits, with an OpenAI-shaped error', async () => {
    const { answer } = setup();
    for (const message of [
      { type: 'keys.steal' },
      { type: 'constructor' },
      { type: 'toString' },
      { type: '__proto__' },
      { type: 'hasOwnProperty' },
      { kind: 'keys.list' },
      null,
      'keys.list',
    ]) {
      expect(await answer(message)).toMatchObject({
        ok: false,
        error: {
          type: 'invalid_request_error',
          message: expect.stringContaining('Unknown or malformed message'),
        },
      });
    }
  });

  it('refuses input its call’s schema rejects, names the field, and runs nothing', async () => {
    const { answer } = setup();
    expect(await answer({ type: 'keys.add', providerId: 'groq' })).toMatchObject({
      ok: false,
      error: { type: 'invalid_request_error', param: 'secret' },
    });
    expect(
      await answer({
        type: 'env.apply',
        text: 'GROQ_API_KEY=gsk_env_key_1234567890',
        choices: { exclude: 'all' },
      }),
    ).toMatchObject({ ok: false, error: { param: 'choices.exclude' } });
    expect(await answer({ type: 'keys.list' })).toEqual({ ok: true, data: [] });
  });

  it('revoking a site cuts its live requests; a revoke that fails cuts nothing', async () => {
    const { engine, active, answer } = setup();
    await engine.origins.allow('https://app.example');
    const cuts: string[] = [];
    active.add('https://app.example', (error) => cuts.push(error.code ?? ''));
    expect(await answer({ type: 'origins.revoke', origin: 'not a url' })).toMatchObject({ ok: false });
    expect(cuts).toEqual([]);
    expect(await answer({ type: 'origins.revoke', origin: 'https://app.example' })).toEqual({
      ok: true,
      data: null,
    });
    expect(cuts).toEqual(['origin_revoked']);
    expect(await engine.origins.list()).toEqual([]);
  });

  it('answers access prompts from the host: an unknown request is refused', async () => {
    const { answer } = setup();
    expect(await answer({ type: 'access.pending', requestId: 'gone' })).toMatchObject({
      ok: false,
      error: { message: 'This request was already answered or has expired.' },
    });
    expect(await answer({ type: 'access.decide', requestId: 'gone', decision: 'always' })).toEqual({
      ok: true,
      data: false,
    });
  });
});
