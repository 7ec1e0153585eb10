import { describe, expect, it } from 'vitest';
import { keptResponsesOf, MAX_KEPT } from './kept-responses';

const item = (text: string) => ({ type: 'message' as const, role: 'assistant' as const, content: text });

describe('kept responses', () => {
  it(`keep the last ${MAX_KEPT} responses of a caller, with their items, and nothing of others`, () => {
    const engine = {};
    const kept = keptResponsesOf(engine, { kind: 'extension' });
    for (let index = 0; index <= MAX_KEPT; index += 1)
      kept.keep(
        `resp_${index}`,
        [{ role: 'user', content: `n${index}` }],
        new Map([[`msg_${index}`, item(`a${index}`)]]),
      );
    expect(kept.conversation('resp_0')).toBeUndefined();
    expect(kept.item('msg_0')).toBeUndefined();
    expect(kept.conversation('resp_1')).toEqual([{ role: 'user', content: 'n1' }]);
    expect(kept.item('msg_1')).toEqual(item('a1'));
    expect(keptResponsesOf(engine, { kind: 'extension' })).toBe(kept);
    const site = keptResponsesOf(engine, { kind: 'page', origin: 'https://app.example' });
    expect(site.conversation('resp_1')).toBeUndefined();
    expect(keptResponsesOf({}, { kind: 'extension' }).conversation('resp_1')).toBeUndefined();
  });
});
