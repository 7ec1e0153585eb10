import { describe, expect, it } from 'vitest';
import { showingNewest } from './use-offered-models';

/** A read the test answers when it wants. */
function pendingRead() {
  let answer: (list: string) => void = () => undefined;
  const read = new Promise<string>((resolve) => (answer = resolve));
  return { read, answer: (list: string) => answer(list) };
}

const settled = () => new Promise((resolve) => setTimeout(resolve));

describe('showingNewest', () => {
  it('shows each list as it comes while the reads answer in order', async () => {
    const shown: string[] = [];
    const show = showingNewest<string>((list) => shown.push(list));
    const [first, second] = [pendingRead(), pendingRead()];
    show(first.read);
    show(second.read);
    first.answer('before the key');
    await settled();
    expect(shown).toEqual(['before the key']);
    second.answer('with the key');
    await settled();
    expect(shown).toEqual(['before the key', 'with the key']);
  });

  it('drops an older list that answers after a newer one', async () => {
    const shown: string[] = [];
    const show = showingNewest<string>((list) => shown.push(list));
    const [slow, fast] = [pendingRead(), pendingRead()];
    show(slow.read);
    show(fast.read);
    fast.answer('with the key');
    await settled();
    slow.answer('before the key');
    await settled();
    expect(shown).toEqual(['with the key']);
  });
});
