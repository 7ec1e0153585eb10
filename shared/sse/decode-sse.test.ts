import { describe, expect, it } from 'vitest';
import { collect, streamOf } from '../testing/fake-fetch';
import { decodeSse } from './decode-sse';

describe('decodeSse', () => {
  it('yields one event per blank-line-terminated block, with event names', async () => {
    const events = await collect(decodeSse(streamOf(['event: ping\ndata: {}\n\ndata: {"a":1}\n\n'])));
    expect(events).toEqual([
      { event: 'ping', data: '{}' },
      { event: 'message', data: '{"a":1}' },
    ]);
  });

  it('reassembles lines and multi-byte characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('data: {"text":"héllo 👋"}\r\n\r\n');
    const cuts = [3, 9, 17, 18, 20, bytes.length - 1];
    const pieces = cuts.map((end, index) => bytes.slice(index === 0 ? 0 : cuts[index - 1], end));
    pieces.push(bytes.slice(bytes.length - 1));
    const events = await collect(decodeSse(streamOf(pieces)));
    expect(events).toEqual([{ event: 'message', data: '{"text":"héllo 👋"}' }]);
  });

  it('skips comments, joins multi-line data, and treats a lone \\r as a line end', async () => {
    const events = await collect(decodeSse(streamOf([': keep-alive\r', 'data: one\rdata: two\r', '\r'])));
    expect(events).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('delivers a last event that lacks the closing blank line', async () => {
    const events = await collect(decodeSse(streamOf(['data: [DONE]'])));
    expect(events).toEqual([{ event: 'message', data: '[DONE]' }]);
  });
});
