/**
 * Thousands of malformed messages thrown at every boundary a page or a bug could reach — the
 * bridge (window messages), the background (request ports and management messages) and the
 * fetch shim — and the worker keeps answering valid requests afterwards.
 */
import fc from 'fast-check';
import { OptionsPage } from './pages/options-page';
import { openTestPage } from './pages/test-page';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();

const junk = (count: number, seed: number): string =>
  JSON.stringify(
    fc.sample(
      fc.oneof(
        fc.jsonValue(),
        fc.record(
          {
            type: fc.constantFrom('request', 'abort', 'access', 'keys.add', 'origins.allow'),
            freellm: fc.constantFrom('freellm:main-hello', 'freellm:bridge-port'),
          },
          { requiredKeys: [] },
        ),
      ),
      { numRuns: count, seed },
    ),
  );

/** The bits of the extension runtime API an extension page uses here. */
interface RuntimeApi {
  connect(info: { name: string }): {
    postMessage(message: unknown): void;
    disconnect(): void;
    onMessage: { addListener(listener: (reply: { type: string; status?: number }) => void): void };
    onDisconnect: { addListener(listener: () => void): void };
  };
  sendMessage(message: unknown): Promise<{ ok: boolean } | undefined>;
}

test.beforeAll(async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.addKeyForNewEndpoint({
    name: 'Mock provider',
    baseURL: suite.mock.baseURL,
    model: 'mock-model',
    secret: 'mock-good-robust-key-1',
    label: 'robust key',
  });
  await options.allowSite(`http://127.0.0.1:${suite.pagePort}`);
  await options.page.close();
});

test('malformed request-port and management messages are refused and the worker keeps serving', async () => {
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  const outcome = await options.page.evaluate(
    async (serialized) => {
      const messages = JSON.parse(serialized) as unknown[];
      const runtime = (globalThis as unknown as { chrome: { runtime: RuntimeApi } }).chrome.runtime;
      const statuses: number[] = [];
      await Promise.all(
        messages.map(
          (message) =>
            new Promise<void>((resolve) => {
              const port = runtime.connect({ name: 'freellm:request' });
              port.onMessage.addListener((reply) => {
                if (reply.type === 'head' && reply.status !== undefined) statuses.push(reply.status);
              });
              port.onDisconnect.addListener(() => resolve());
              port.postMessage(message);
              setTimeout(() => {
                port.disconnect();
                resolve();
              }, 3000);
            }),
        ),
      );
      const replies = await Promise.all(messages.map((message) => runtime.sendMessage(message)));
      return { statuses, managementOk: replies.filter((reply) => reply?.ok).length };
    },
    junk(1500, 1),
  );
  expect(outcome.statuses.every((status) => status < 500)).toBe(true);
  // The only well-formed management messages in the junk are list-less shapes; none may succeed by accident.
  expect(outcome.managementOk).toBe(0);
  await options.page.close();

  const page = await openTestPage(suite.context, `http://127.0.0.1:${suite.pagePort}`);
  const answer = await page.evaluate(() =>
    window.freellm!.chat.completions.create({ messages: [{ role: 'user', content: 'still answering' }] }),
  );
  expect(answer.choices[0]?.message.content).toBe('Echo: still answering');
  await page.close();
});

test('junk window messages and malformed fetch calls from a page do not break its bridge', async () => {
  const page = await openTestPage(suite.context, `http://127.0.0.1:${suite.pagePort}`);
  const outcome = await page.evaluate(
    async (serialized) => {
      for (const message of JSON.parse(serialized) as unknown[]) window.postMessage(message, '*');
      const channel = new MessageChannel();
      window.postMessage({ freellm: 'freellm:bridge-port' }, '/', [channel.port2]);
      window.postMessage({ freellm: 'freellm:main-hello' }, '/');
      const methods = ['GET', 'POST', 'DELETE', 'PATCH'];
      const paths = [
        '/chat/completions',
        '/models',
        '/embeddings',
        '/../../etc',
        '/chat/completions?x=1',
        '/%ZZ',
      ];
      const bodies = [
        '',
        '{',
        'null',
        '[]',
        '{"messages":5}',
        '{"model":1,"messages":[{"role":"user","content":"x"}]}',
        'x'.repeat(100_000),
      ];
      const statuses: number[] = [];
      const calls = methods.flatMap((method) =>
        paths.flatMap((path) => bodies.map((body) => ({ method, path, body }))),
      );
      for (const { method, path, body } of calls) {
        try {
          const response = await window.freellm!.fetch(`${window.freellm!.baseURL}${path}`, {
            method,
            body: method === 'GET' ? undefined : body,
          });
          statuses.push(response.status);
          await response.text();
        } catch {
          statuses.push(0);
        }
      }
      const answer = await window.freellm!.chat.completions.create({
        messages: [{ role: 'user', content: 'after the junk' }],
      });
      return { statuses, answer: answer.choices[0]?.message.content };
    },
    junk(2000, 2),
  );
  expect(outcome.statuses.filter((status) => status >= 500)).toEqual([]);
  expect(outcome.statuses).toContain(404);
  expect(outcome.statuses).toContain(400);
  expect(outcome.answer).toBe('Echo: after the junk');
  await page.close();
});
