import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, type RecordedCall } from '../testing/fake-fetch';
import { servedDefault } from './available-models';
import type { ModelInfo } from './model-equivalence';
import { ask, completion, errorResponse, extension } from '../testing/chat-builders';
import { routingKit } from '../testing/routing-test-kit';

const GROQ = { providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' };
const SECOND_GROQ = { providerId: 'groq', secret: 'gsk_bbbbbbbbbbbb' };
const isList = (call: RecordedCall) => call.url.endsWith('/models');
const sentModels = (calls: RecordedCall[]) =>
  calls.filter((call) => !isList(call)).map((call) => call.body.model);

/** Groq as a list that no longer has the catalog's default (`openai/gpt-oss-120b`) describes it. */
function groqWithout(gone: string, listed: string[]) {
  return (call: RecordedCall) => {
    if (isList(call))
      return jsonResponse({
        object: 'list',
        data: listed.map((id) => ({ id, object: 'model', owned_by: 'x' })),
      });
    const model = String(call.body.model);
    return model === gone
      ? errorResponse(
          404,
          `The model \`${model}\` does not exist or you do not have access to it.`,
          'model_not_found',
        )
      : jsonResponse(completion(`from ${model}`));
  };
}

describe('the live model list decides', () => {
  it('auto uses the best model Groq lists when the catalog default is not in its list', async () => {
    const kit = await routingKit(
      groqWithout('openai/gpt-oss-120b', ['whisper-large-v3', 'qwen/qwen3.8-27b', 'openai/gpt-oss-20b']),
      { keys: [GROQ] },
    );
    await kit.engine.models(extension);
    const answer = await kit.engine.chat(ask('hi'), extension);
    expect(answer).toMatchObject({ status: 200, headers: { 'x-freellm-model': 'openai/gpt-oss-20b' } });
    expect(sentModels(kit.fetch.calls)).toEqual(['openai/gpt-oss-20b']);
  });

  it('reads a missing list in the background, without making the request wait, then follows it', async () => {
    const kit = await routingKit(groqWithout('openai/gpt-oss-120b', ['openai/gpt-oss-20b']), {
      keys: [GROQ],
      backgroundReads: true,
    });
    // No list is known yet: the catalog decides this one, and the list is asked for meanwhile.
    expect((await kit.engine.chat(ask('first'), extension)).status).toBe(404);
    await vi.waitFor(async () =>
      expect((await kit.engine.modelStatus()).replaced).toEqual([
        {
          providerId: 'groq',
          providerName: 'Groq',
          catalogDefault: 'openai/gpt-oss-120b',
          using: 'openai/gpt-oss-20b',
        },
      ]),
    );
    const answer = await kit.engine.chat(ask('second'), extension);
    expect(answer).toMatchObject({ status: 200, headers: { 'x-freellm-model': 'openai/gpt-oss-20b' } });
    // A list read a moment ago is not read again on the next request.
    expect(kit.fetch.calls.filter(isList)).toHaveLength(1);
  });

  it('falls back to the catalog when the list cannot be read', async () => {
    const kit = await routingKit(
      (call) => (isList(call) ? errorResponse(500, 'down') : jsonResponse(completion('ok'))),
      { keys: [GROQ] },
    );
    await kit.engine.models(extension);
    const answer = await kit.engine.chat(ask('hi'), extension);
    expect(answer).toMatchObject({ status: 200, headers: { 'x-freellm-model': 'openai/gpt-oss-120b' } });
  });

  it('picks the replacement by tier first, then the capabilities the default had, then catalog order', () => {
    const model = (id: string, extra: Partial<ModelInfo>): ModelInfo => ({ id, ...extra });
    const source = {
      models: () => [
        model('default', { tier: 'smart', tools: true, automatic: false }),
        model('fast-with-tools', { tier: 'fast', tools: true }),
        model('smart-without-tools', { tier: 'smart', tools: false }),
        model('smart-with-tools', { tier: 'smart', tools: true }),
      ],
    };
    expect(servedDefault('p', 'default', source)).toBe('smart-with-tools');
    expect(servedDefault('p', 'not-in-the-catalog', source)).toBe('not-in-the-catalog');
  });

  it('never replaces the default with an embedding model, whatever else is served', () => {
    const source = {
      models: () => [
        { id: 'default', tier: 'smart' as const, automatic: false },
        { id: 'embed', embedding: { dimensions: 1_024, maxBatch: 96 } },
        { id: 'small-chat', tier: 'fast' as const },
      ],
    };
    expect(servedDefault('p', 'default', source)).toBe('small-chat');
  });
});

describe('a model that answers "not found" twice is retired for its provider', () => {
  // A new prompt each time: a repeated one would be answered from the response cache.
  let asked = 0;
  const pinned = () => ({ ...ask(`question ${++asked}`), model: 'groq/qwen/qwen3.8-27b' });

  it('is still tried after the first not-found, and retired (persisted) after the second', async () => {
    const kit = await routingKit(groqWithout('qwen/qwen3.8-27b', []), { keys: [GROQ, SECOND_GROQ] });
    const first = await kit.engine.chat(pinned(), extension);
    expect(first.status).toBe(404);
    // One request, two keys: the first 404 alone retires nothing, so the second key is asked too.
    expect(sentModels(kit.fetch.calls)).toEqual(['qwen/qwen3.8-27b', 'qwen/qwen3.8-27b']);
    await kit.engine.settled();

    const restarted = kit.restart();
    const again = await restarted.chat(pinned(), extension);
    expect(again).toMatchObject({
      status: 404,
      body: {
        error: {
          code: 'model_not_found',
          message: expect.stringMatching(/retired.*answered "not found" for it twice.*2026-11-25/),
        },
      },
    });
    expect(sentModels(kit.fetch.calls)).toHaveLength(2);
    expect((await restarted.modelStatus()).retired).toEqual([
      { providerId: 'groq', providerName: 'Groq', model: 'qwen/qwen3.8-27b', at: kit.clock.now },
    ]);
  });

  it('one not-found, then an answer, retires nothing', async () => {
    let gone = true;
    const kit = await routingKit(
      () =>
        gone
          ? errorResponse(404, 'The model does not exist.', 'model_not_found')
          : jsonResponse(completion('back')),
      { keys: [GROQ] },
    );
    await kit.engine.chat(pinned(), extension);
    gone = false;
    kit.clock.now += 2 * 3_600_000;
    expect((await kit.engine.chat(pinned(), extension)).status).toBe(200);
    gone = true;
    kit.clock.now += 2 * 3_600_000;
    await kit.engine.chat(pinned(), extension);
    kit.clock.now += 2 * 3_600_000;
    expect((await kit.engine.chat(pinned(), extension)).status).toBe(404);
    expect(sentModels(kit.fetch.calls)).toHaveLength(4);
  });

  it('Groq’s own wording (400 model_decommissioned) counts as not found, and auto stops sending it', async () => {
    const kit = await routingKit(
      (call) =>
        call.body.model === 'openai/gpt-oss-120b'
          ? errorResponse(
              400,
              'The model `openai/gpt-oss-120b` has been decommissioned and is no longer supported.',
              'model_decommissioned',
            )
          : jsonResponse(completion(`from ${String(call.body.model)}`)),
      { keys: [GROQ, SECOND_GROQ] },
    );
    await kit.engine.chat(ask('one'), extension);
    const sentBefore = sentModels(kit.fetch.calls).length;
    const answer = await kit.engine.chat(ask('two'), extension);
    expect(answer).toMatchObject({ status: 200, headers: { 'x-freellm-model': 'openai/gpt-oss-20b' } });
    expect(sentModels(kit.fetch.calls).slice(sentBefore)).toEqual(['openai/gpt-oss-20b']);
  });

  it('is restored when the provider lists it again', async () => {
    let listed: string[] = [];
    const kit = await routingKit(
      (call) =>
        isList(call)
          ? jsonResponse({ data: listed.map((id) => ({ id, object: 'model' })) })
          : errorResponse(404, 'The model does not exist.', 'model_not_found'),
      { keys: [GROQ, SECOND_GROQ] },
    );
    await kit.engine.chat(pinned(), extension);
    expect((await kit.engine.modelStatus()).retired).toHaveLength(1);
    listed = ['qwen/qwen3.8-27b'];
    kit.clock.now += 11 * 60_000;
    await kit.engine.models(extension);
    expect((await kit.engine.modelStatus()).retired).toEqual([]);
    kit.clock.now += 2 * 3_600_000;
    await kit.engine.chat(pinned(), extension);
    expect(sentModels(kit.fetch.calls)).toHaveLength(4);
  });
});
