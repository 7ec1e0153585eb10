import { describe, expect, it } from 'vitest';
import type { HttpAnswer } from '../../shared/http/handle-http';
import type { BackgroundToPage } from '../../shared/protocol/page-port';
import { createPageAnswerWriter } from './page-answer-writer';

const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8' };

function setup() {
  const sent: BackgroundToPage[] = [];
  const closed = new AbortController();
  return { sent, closed, writer: createPageAnswerWriter((message) => sent.push(message), closed.signal) };
}

/** A stream whose texts come in the groups given: each group is what one network read brought. */
function streamOf(groups: string[][]) {
  const arrivals = groups.map(() => () => undefined as void);
  const reads = groups.map((_group, index) => new Promise<void>((arrive) => (arrivals[index] = arrive)));
  arrivals[0]!();
  async function* body() {
    for (const [index, group] of groups.entries()) {
      await reads[index];
      yield* group;
    }
  }
  return { body: body(), arrive: (index: number) => arrivals[index]!() };
}

describe('the page answer writer', () => {
  it('sends what a stream already holds in one message, and what comes later in the next', async () => {
    const { sent, writer } = setup();
    const stream = streamOf([['first token'], ['b', 'c', 'd'], ['e']]);
    const written = writer.write({ status: 200, headers: SSE_HEADERS, body: stream.body });
    await Promise.resolve();
    stream.arrive(1);
    await new Promise((settle) => setTimeout(settle));
    stream.arrive(2);
    await written;
    expect(sent).toEqual([
      { type: 'head', status: 200, headers: SSE_HEADERS, text: 'first token', end: false },
      { type: 'data', text: 'bcd' },
      { type: 'data', text: 'e' },
      { type: 'end' },
    ]);
  });

  it('sends a JSON answer as one head carrying the whole body', async () => {
    const { sent, writer } = setup();
    const answer: HttpAnswer = {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: streamOf([['{"a":', '1}']]).body,
    };
    await writer.write(answer);
    expect(sent).toEqual([
      { type: 'head', status: 200, headers: answer.headers, text: '{"a":1}', end: true },
    ]);
  });

  it('stops reading a stream once the port has closed', async () => {
    const { sent, closed, writer } = setup();
    const stream = streamOf([['first token'], ['never read']]);
    const written = writer.write({ status: 200, headers: SSE_HEADERS, body: stream.body });
    await Promise.resolve();
    closed.abort();
    stream.arrive(1);
    await written;
    expect(sent.map((message) => message.type)).toEqual(['head', 'end']);
  });
});
