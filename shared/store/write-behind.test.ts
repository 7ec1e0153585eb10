import { describe, expect, it } from 'vitest';
import { createWriteBehind } from './write-behind';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createWriteBehind', () => {
  it('writes nothing until the delay has passed, then everything queued, in order', async () => {
    const writeBehind = createWriteBehind(20);
    const written: string[] = [];
    const usage = writeBehind.queue(() => written.push('usage'));
    void writeBehind.queue(async () => {
      await Promise.resolve();
      written.push('log');
    });
    await sleep(5);
    expect(written).toEqual([]);
    await usage;
    await sleep(5);
    expect(written).toEqual(['usage', 'log']);
  });

  it('settled() writes at once, without waiting for the delay', async () => {
    const writeBehind = createWriteBehind(60_000);
    const written: string[] = [];
    void writeBehind.queue(() => written.push('grant'));
    await writeBehind.settled();
    expect(written).toEqual(['grant']);
  });

  it('a failed write loses only itself', async () => {
    const writeBehind = createWriteBehind(60_000);
    const written: string[] = [];
    const failed = writeBehind.queue(() => {
      throw new Error('disk full');
    });
    void writeBehind.queue(() => written.push('after'));
    await writeBehind.settled();
    await expect(failed).resolves.toBeUndefined();
    expect(written).toEqual(['after']);
  });

  it('a write queued while a batch is being written runs after that batch', async () => {
    const writeBehind = createWriteBehind(60_000);
    const written: number[] = [];
    void writeBehind.queue(async () => {
      void writeBehind.queue(() => written.push(2));
      await sleep(5);
      written.push(1);
    });
    const first = writeBehind.settled();
    await sleep(1);
    await writeBehind.settled();
    await first;
    expect(written).toEqual([1, 2]);
  });

  it('once() queues a write only while it is not already waiting, so it runs once per batch', async () => {
    const writeBehind = createWriteBehind(60_000);
    const state = { changes: 0, written: [] as number[] };
    const writeState = () => state.written.push(state.changes);
    for (let change = 1; change <= 5; change++) {
      state.changes = change;
      void writeBehind.once(writeState);
    }
    await writeBehind.settled();
    expect(state.written).toEqual([5]);
    state.changes = 6;
    await Promise.all([writeBehind.once(writeState), writeBehind.settled()]);
    expect(state.written).toEqual([5, 6]);
  });
});
