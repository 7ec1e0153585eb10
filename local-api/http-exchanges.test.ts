import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createHttpExchanges } from './http-exchanges.mjs';

/** A request whose body arrives in the pieces the test writes, as Node hands a body over. */
function incoming(): PassThrough & IncomingMessage {
  return Object.assign(new PassThrough(), {
    method: 'POST',
    url: '/v1/chat/completions',
    headers: { authorization: 'Bearer t' },
  }) as unknown as PassThrough & IncomingMessage;
}

describe('the daemon’s HTTP exchanges', () => {
  it('hand the browser a usual request in one write, so the worker starts on it without waiting for more', async () => {
    const writes: { type: string }[][] = [];
    const req = incoming();
    createHttpExchanges().forward(req, new EventEmitter() as ServerResponse, {
      send: (...messages: { type: string }[]) => writes.push(messages),
    });
    req.write('{"model":');
    await new Promise((resolve) => setImmediate(resolve));
    req.end('"auto"}');
    await new Promise((resolve) => req.once('end', resolve));
    expect(writes.map((messages) => messages.map(({ type }) => type))).toEqual([
      ['request', 'body', 'body', 'request-end'],
    ]);
  });
});
