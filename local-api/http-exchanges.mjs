/**
 * @module The HTTP side of the daemon: each request is forwarded to the browser as it arrives
 * (head, body pieces, end) and answered from what the browser sends back (head, data, end).
 * While no browser is attached, and for requests the browser dropped, the answer says so plainly.
 */
import { MAX_MESSAGE_BYTES } from './native-frames.mjs';

/**
 * Node reads a request body in pieces of at most 64 KiB; a piece is sent as it comes, so each
 * message stays far under the browser's limit even with every character escaped (6 bytes each).
 */
const MAX_PIECE_CHARS = Math.floor(MAX_MESSAGE_BYTES / 8);

const JSON_TYPE = { 'content-type': 'application/json' };

/**
 * @param {number} status
 * @param {string} code
 * @param {string} message
 */
const errorBody = (status, code, message) => ({
  status,
  text: JSON.stringify({ error: { message, type: 'server_error', param: null, code } }),
});

export const NOT_RUNNING = errorBody(
  503,
  'freellm_not_running',
  'FreeLLM is not running: the browser with FreeLLM is closed, or its local endpoint is turned off. ' +
    'Open the browser (FreeLLM reconnects within a minute) and try again.',
);

const STOPPED = errorBody(
  503,
  'freellm_stopped',
  'FreeLLM stopped before it answered (the browser closed or the extension restarted). Try again.',
);

/**
 * @typedef {{ send(...messages: unknown[]): void }} BrowserLink
 * @typedef {{ res: import('node:http').ServerResponse, headSent: boolean }} Exchange
 */

export function createHttpExchanges() {
  /** @type {Map<number, Exchange>} */
  const open = new Map();
  let lastId = 0;

  return {
    /**
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     * @param {BrowserLink | undefined} link
     */
    forward(req, res, link) {
      if (!link) return answer(res, NOT_RUNNING);
      const id = ++lastId;
      /** @type {Exchange} */
      const exchange = { res, headSent: false };
      open.set(id, exchange);
      res.on('close', () => {
        // Closed before the browser's end: the client went away, so the browser stops working on it.
        if (open.delete(id)) link.send({ type: 'abort', id });
      });
      /**
       * Held until the body ends or fills a message: a usual request then reaches the worker in
       * one write, which it starts on at once, instead of a head, a body and an end a hop apart.
       */
      /** @type {unknown[]} */
      let held = [{ type: 'request', id, method: req.method, path: req.url, headers: flatHeaders(req) }];
      let heldChars = 0;
      const release = () => {
        if (open.has(id)) link.send(...held);
        held = [];
        heldChars = 0;
      };
      req.setEncoding('utf8');
      req.on('data', (/** @type {string} */ text) => {
        for (let start = 0; start < text.length; start += MAX_PIECE_CHARS)
          held.push({ type: 'body', id, text: text.slice(start, start + MAX_PIECE_CHARS) });
        heldChars += text.length;
        if (heldChars >= MAX_PIECE_CHARS) release();
      });
      req.on('end', () => {
        held.push({ type: 'request-end', id });
        release();
      });
    },

    /** A message from the browser about one exchange. @param {any} message */
    reply(message) {
      const exchange = open.get(message.id);
      if (!exchange) return;
      const { res } = exchange;
      if (message.type === 'head' && !exchange.headSent) {
        exchange.headSent = true;
        res.writeHead(message.status, message.headers);
        if (typeof message.text === 'string') res.write(message.text);
        if (message.end) finish(message.id);
      } else if (message.type === 'data' && exchange.headSent) {
        res.write(message.text);
      } else if (message.type === 'end') {
        finish(message.id);
      }
    },

    /**
     * The browser went away: an answer not begun gets a clear 503; one under way is cut off
     * (no last chunk), so the client sees a broken body, not a clean end.
     */
    dropAll() {
      for (const [id, { res, headSent }] of open) {
        open.delete(id);
        if (headSent) res.destroy();
        else answer(res, STOPPED);
      }
    },
  };

  /** @param {number} id */
  function finish(id) {
    const exchange = open.get(id);
    open.delete(id);
    exchange?.res.end();
  }
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {{ status: number, text: string }} body
 */
export function answer(res, { status, text }) {
  res.writeHead(status, JSON_TYPE).end(text);
}

/** @param {import('node:http').IncomingMessage} req */
function flatHeaders(req) {
  /** @type {Record<string, string>} */
  const headers = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
