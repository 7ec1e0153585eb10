/**
 * The fault matrix in the real browser: every way a provider can fail (hang, slow first byte,
 * silence after its head, a cut before or after the first token, invalid JSON, an HTML error
 * page, 500/503/529, no connection at all), streamed and not. With a healthy second provider the
 * caller gets its answer (a stream cut after its first token is committed and ends with an
 * error); with only the faulty one, a clear error, and the next request is served normally.
 * Hang-like faults use a 1.5 s first-byte limit per request, to keep the suite fast; the times
 * under the default limit are measured by `npm run bench`. The time to each answer is noted in
 * the test's annotations and in test/.artifacts/fault-matrix-times.txt.
 */
import type { Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { FAULTS } from '../mock-provider/fault-modes';
import { startOpenAIMock, type OpenAIMock } from '../mock-provider/openai-mock';
import { OptionsPage } from './pages/options-page';
import { openTestPage } from './pages/test-page';
import { expect, test, useExtensionSuite } from './support/fixtures';

test.describe.configure({ mode: 'serial' });
const suite = useExtensionSuite();
let faulty: OpenAIMock;
let page: Page;

const FIRST_BYTE_MS = 1_500;
const TIMES_FILE = 'test/.artifacts/fault-matrix-times.txt';
const MODES = [
  { stream: false, name: 'not streamed' },
  { stream: true, name: 'streamed' },
] as const;

interface Outcome {
  content: string;
  provider: string | null;
  ms: number;
  error?: { status?: number; code?: string | null; message: string };
}

/** One request through the official `openai` client, as a page sends it; never throws. */
function ask(model: string, stream: boolean): Promise<Outcome> {
  return page.evaluate(
    async ({ model, stream, firstByteTimeoutMs }) => {
      const started = performance.now();
      let content = '';
      let provider: string | null = null;
      const body = {
        model,
        stream,
        messages: [{ role: 'user' as const, content: 'fault question' }],
        freellm: { firstByteTimeoutMs },
      };
      try {
        if (stream) {
          const { data, response } = await window
            .freellmClient()
            .chat.completions.create({ ...body, stream: true })
            .withResponse();
          provider = response.headers.get('x-freellm-provider');
          for await (const chunk of data) content += chunk.choices[0]?.delta.content ?? '';
        } else {
          const { data, response } = await window
            .freellmClient()
            .chat.completions.create({ ...body, stream: false })
            .withResponse();
          provider = response.headers.get('x-freellm-provider');
          content = data.choices[0]?.message.content ?? '';
        }
        return { content, provider, ms: Math.round(performance.now() - started) };
      } catch (thrown) {
        const error = thrown as { status?: number; code?: string | null; message: string };
        return {
          content,
          provider,
          ms: Math.round(performance.now() - started),
          error: { status: error.status, code: error.code, message: error.message },
        };
      }
    },
    { model, stream, firstByteTimeoutMs: FIRST_BYTE_MS },
  );
}

const times: string[] = [];
const note = (what: string, outcome: Outcome) =>
  times.push(`${what}: ${outcome.ms} ms${outcome.error ? ` (${outcome.error.message})` : ''}`);

test.beforeAll(async () => {
  faulty = await startOpenAIMock({ faults: true });
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.addKeyForNewEndpoint({
    name: 'Faulty provider',
    baseURL: faulty.baseURL,
    model: 'fine',
    secret: 'mock-good-faulty-key',
    label: 'faulty key',
  });
  await options.addKeyForNewEndpoint({
    name: 'Spare provider',
    baseURL: suite.mock.baseURL,
    model: 'spare-model',
    secret: 'mock-good-spare-key',
    label: 'spare key',
  });
  await options.allowSite(`http://127.0.0.1:${suite.pagePort}`);
  await options.page.close();
  page = await openTestPage(suite.context, `http://127.0.0.1:${suite.pagePort}`);
});

test.afterAll(async () => {
  test.info().annotations.push({ type: 'time to answer', description: times.join('; ') });
  await writeFile(
    TIMES_FILE,
    `Fault matrix, time to the answer (first-byte limit ${FIRST_BYTE_MS} ms):\n  ${times.join('\n  ')}\n`,
  );
  await faulty.close();
});

const served = (outcome: Outcome) => ({
  content: outcome.content,
  spare: outcome.provider?.startsWith('custom-spare-provider'),
  error: outcome.error,
});

test('with a healthy second provider, every fault before the first token still gets the caller its answer', async () => {
  test.setTimeout(120_000);
  for (const { stream, name } of MODES) {
    for (const fault of FAULTS) {
      // A unique model per case: each case's cool-down stays its own.
      const outcome = await ask(`${fault}.failover-${stream}`, stream);
      note(`${fault}, ${name}, failover`, outcome);
      if (stream && fault === 'truncate-after-token') {
        // Committed at its first token: the partial answer, then an error, and no second provider.
        expect(outcome.content, fault).toBe('Echo: ');
        expect(outcome.error?.message, fault).toBeTruthy();
      } else {
        expect(served(outcome), `${fault}, ${name}`).toEqual({
          content: 'Echo: fault question',
          spare: true,
          error: undefined,
        });
      }
    }
  }
});

test('with only the faulty provider, each fault is one clear error, and the next request is served normally', async () => {
  test.setTimeout(120_000);
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.setKeyEnabled('spare key', false);
  await options.page.close();
  for (const { stream, name } of MODES) {
    for (const fault of FAULTS) {
      const outcome = await ask(`${fault}.solo-${stream}`, stream);
      note(`${fault}, ${name}, alone`, outcome);
      if (fault === 'slow-first-byte' || fault === 'hang' || fault === 'silent-after-head') {
        expect(outcome.error, fault).toMatchObject({
          status: 504,
          code: 'upstream_timeout',
          message: '504 Faulty provider did not start answering within 1.5 s.',
        });
      } else if (stream && fault === 'truncate-after-token') {
        expect(outcome.content, fault).toBe('Echo: ');
        expect(outcome.error?.message, fault).toBeTruthy();
      } else {
        expect(outcome.error, `${fault}, ${name}`).toMatchObject({
          status: expect.any(Number),
          message: expect.stringMatching(/faulty[- ]provider/i),
        });
      }
      const next = await ask(`fine.after-${fault}-${stream}`, stream);
      expect({ content: next.content, error: next.error }, `after ${fault}, ${name}`).toEqual({
        content: 'Echo: fault question',
        error: undefined,
      });
    }
  }
});

test('network down: a provider not reached fails over; none reached is one network error that cools nothing down', async () => {
  const port = new URL(faulty.baseURL).port;
  await faulty.close();
  const options = await OptionsPage.open(suite.context, suite.extensionId);
  await options.setKeyEnabled('spare key', true);
  for (const { stream, name } of MODES) {
    const outcome = await ask(`fine.down-${stream}`, stream);
    note(`network down, ${name}, failover`, outcome);
    expect(served(outcome), name).toEqual({ content: 'Echo: fault question', spare: true, error: undefined });
  }
  await options.setKeyEnabled('spare key', false);
  for (const { stream, name } of MODES) {
    const outcome = await ask(`fine.offline-${stream}`, stream);
    note(`network down, ${name}, alone`, outcome);
    expect(outcome.error, name).toEqual({
      status: 503,
      code: 'network_unreachable',
      message: '503 The network seems unreachable: no provider could be reached. Check your connection.',
    });
  }
  // The connection is back: the same provider and model answer at once, nothing cooled down or counted.
  faulty = await startOpenAIMock({ faults: true, port: Number(port) });
  for (const { stream, name } of MODES) {
    const outcome = await ask(`fine.offline-${stream}`, stream);
    expect({ content: outcome.content, error: outcome.error }, name).toEqual({
      content: 'Echo: fault question',
      error: undefined,
    });
  }
  const health = await options.page.evaluate(async () => {
    const runtime = (
      globalThis as unknown as {
        chrome: {
          runtime: {
            sendMessage(message: unknown): Promise<{
              data: { models: { model: string; ok: number; failed: number; day: { requests: number } }[] };
            }>;
          };
        };
      }
    ).chrome.runtime;
    return (await runtime.sendMessage({ type: 'health' })).data.models.filter((entry) =>
      entry.model.startsWith('fine.offline'),
    );
  });
  expect(health.map(({ ok, failed, day }) => ({ ok, failed, requests: day.requests }))).toEqual([
    { ok: 1, failed: 0, requests: 1 },
    { ok: 1, failed: 0, requests: 1 },
  ]);
  await options.page.close();
});
