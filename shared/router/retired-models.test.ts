import { describe, expect, it } from 'vitest';
import { jsonResponse, type RecordedCall } from '../testing/fake-fetch';
import { ask, completion, errorResponse, extension } from '../testing/chat-builders';
import { routingKit } from '../testing/routing-test-kit';

const GROQ = { providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' };
/** Shut down 2026-04 to 2026-09 (/work/shared/docs/providers.md, section 2b). */
const DECOMMISSIONED = [
  'llama-3.3-70b-versatile',
  'llama-3.1-8b-instant',
  'moonshotai/kimi-k2-instruct-0905',
  'qwen/qwen3.6-27b',
  'groq/compound',
  'groq/compound-mini',
];

/** Groq as it answers today: its decommissioned models answer 404, the others serve. */
function groqToday(call: RecordedCall) {
  const model = String(call.body.model);
  return DECOMMISSIONED.includes(model)
    ? errorResponse(
        404,
        `The model \`${model}\` has been decommissioned and is no longer supported.`,
        'model_decommissioned',
      )
    : jsonResponse(completion(`from ${model}`));
}

describe('models a provider has retired', () => {
  it.each(['auto', 'auto:fast', 'auto:smart', 'gpt-oss-120b'])(
    'a Groq-only user asking for %s is served by a model Groq still has',
    async (model) => {
      const kit = await routingKit(groqToday, { keys: [GROQ] });
      const answer = await kit.engine.chat({ ...ask('hi'), model }, extension);
      expect(answer.status).toBe(200);
      expect(
        kit.fetch.calls
          .map((call) => call.body.model)
          .filter((sent) => DECOMMISSIONED.includes(String(sent))),
      ).toEqual([]);
    },
  );

  it('a shared name whose Groq model is retired no longer reaches Groq', async () => {
    const kit = await routingKit(groqToday, { keys: [GROQ] });
    const answer = await kit.engine.chat({ ...ask('hi'), model: 'llama-3.3-70b' }, extension);
    expect(kit.fetch.calls).toEqual([]);
    expect(answer.status).toBeGreaterThanOrEqual(400);
  });

  it('still sends a retired model the user pinned, and lets Groq’s answer decide', async () => {
    const kit = await routingKit(groqToday, { keys: [GROQ] });
    const answer = await kit.engine.chat({ ...ask('hi'), model: 'groq/llama-3.3-70b-versatile' }, extension);
    expect(kit.fetch.calls.map((call) => call.body.model)).toEqual(['llama-3.3-70b-versatile']);
    expect(answer.status).toBe(404);
  });
});
