/**
 * @module What the extension path costs a page: the same mock provider called directly with
 * `fetch` and through `window.freellm.fetch`, in real Chromium, sequentially; non-streamed
 * latency and time to first token (p50/p95), and a cache hit's end-to-end latency.
 * Needs `npm run build:e2e` first (the benchmark runner does it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startOpenAIMock } from '../test/mock-provider/openai-mock';
import { OptionsPage } from '../test/e2e/pages/options-page';
import { openTestPage } from '../test/e2e/pages/test-page';
import { launchExtension } from '../test/e2e/support/launch-extension';
import { startStaticServer } from '../test/e2e/support/static-server';

export interface LatencyFigures {
  direct: { p50: number; p95: number };
  extension: { p50: number; p95: number };
  addedP50: number;
}

export interface PathFigures {
  nonStreamed: LatencyFigures;
  timeToFirstToken: LatencyFigures;
}

export interface ExtensionLatencyResult {
  /** Requests as an OpenAI client sends them: cacheable, each a new question (a cache miss that is stored). */
  cacheMiss: PathFigures;
  /** With `Cache-Control: no-store`: the cache is skipped. */
  noStore: PathFigures;
  cacheHit: { p50: number; p95: number; hits: number };
  /** What one failover costs beyond the refusing provider's own answer time (a 429 fetched directly). */
  failover: { perFailoverP50: number; perFailoverP95: number; refusalDirectP50: number; rounds: number; chain: number };
}

const FAILOVER_ROUNDS = 15;
const FAILOVER_CHAIN = 5;

const SAMPLES = 200;

export async function runExtensionLatencyBench(): Promise<ExtensionLatencyResult> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'freellm-bench-'));
  const mock = await startOpenAIMock({ cors: true });
  const server = await startStaticServer(fileURLToPath(new URL('../test/.artifacts', import.meta.url)));
  const { context, extensionId } = await launchExtension(userDataDir);
  try {
    const origin = `http://127.0.0.1:${server.port}`;
    const options = await OptionsPage.open(context, extensionId);
    await options.addKeyForNewEndpoint({ name: 'Bench mock', baseURL: mock.baseURL, model: 'bench-model', secret: 'mock-good-bench-key-1', label: 'bench' });
    await options.allowSite(origin);
    await options.page.close();
    const page = await openTestPage(context, origin);
    // tsx names functions with an `__name` helper that a serialized page function lacks.
    await page.evaluate('globalThis.__name = (fn) => fn');
    const latency = await page.evaluate(async ({ mockBaseURL, samples }) => {
      const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;
      const summary = (values: number[]) => ({ p50: quantile(values, 0.5), p95: quantile(values, 0.95) });
      const compare = (direct: number[], extension: number[]) => {
        const figures = { direct: summary(direct), extension: summary(extension) };
        return { ...figures, addedP50: figures.extension.p50 - figures.direct.p50 };
      };
      const body = (content: string, stream: boolean) => JSON.stringify({ model: 'bench-model', stream, messages: [{ role: 'user', content }] });
      const headers = { 'content-type': 'application/json', authorization: 'Bearer mock-good-bench-key-1', 'cache-control': 'no-store' };
      const direct = (content: string, stream: boolean) => fetch(`${mockBaseURL}/chat/completions`, { method: 'POST', headers, body: body(content, stream) });
      const viaExtension = (content: string, stream: boolean, cache?: string) =>
        window.freellm!.fetch(`${window.freellm!.baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cache ? { 'cache-control': cache } : {}) }, body: body(content, stream) });
      const timeWhole = async (call: () => Promise<Response>) => {
        const started = performance.now();
        await (await call()).text();
        return performance.now() - started;
      };
      const timeFirstToken = async (call: () => Promise<Response>) => {
        const started = performance.now();
        const response = await call();
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        let seen = '';
        let firstToken = NaN;
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          seen += decoder.decode(value, { stream: true });
          if (Number.isNaN(firstToken) && /"content":"[^"]/.test(seen)) firstToken = performance.now() - started;
        }
        return firstToken;
      };
      const series = async (measure: (index: number) => Promise<number>) => {
        for (let index = 0; index < 10; index++) await measure(index); // warm-up
        const values: number[] = [];
        for (let index = 0; index < samples; index++) values.push(await measure(index));
        return values;
      };
      const measurePath = async (label: string, cache?: string) => ({
        nonStreamed: compare(
          await series((index) => timeWhole(() => direct(`direct ${label} ${index}`, false))),
          await series((index) => timeWhole(() => viaExtension(`extension ${label} ${index}`, false, cache))),
        ),
        timeToFirstToken: compare(
          await series((index) => timeFirstToken(() => direct(`direct stream ${label} ${index}`, true))),
          await series((index) => timeFirstToken(() => viaExtension(`extension stream ${label} ${index}`, true, cache))),
        ),
      });
      const cacheMiss = await measurePath('miss');
      const noStore = await measurePath('no-store', 'no-store');
      await (await viaExtension('the cached question', false, 'max-age=3600')).text();
      let hits = 0;
      const cacheHits = await series(async () => {
        const started = performance.now();
        const response = await viaExtension('the cached question', false, 'max-age=3600');
        await response.text();
        if (response.headers.get('x-freellm-cache') === 'hit') hits += 1;
        return performance.now() - started;
      });
      return { cacheMiss, noStore, cacheHit: { ...summary(cacheHits), hits } };
    }, { mockBaseURL: mock.baseURL, samples: SAMPLES });
    return { ...latency, failover: await measureFailover(context, extensionId, page, mock.baseURL) };
  } finally {
    await context.close();
    await server.close();
    await mock.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

type BenchContext = Awaited<ReturnType<typeof launchExtension>>['context'];
type BenchPage = Awaited<ReturnType<typeof openTestPage>>;

/**
 * Each round disables the earlier keys, adds a chain of providers that answer 429 in front of
 * one that answers, and times one request through them; a refused provider cools down, so every
 * round needs fresh ones. Per failover = (chain time − one good request) / chain − a 429's own time.
 */
async function measureFailover(context: BenchContext, extensionId: string, page: BenchPage, mockBaseURL: string): Promise<ExtensionLatencyResult['failover']> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.evaluate('globalThis.__name = (fn) => fn');
  const setUpRound = (round: number) =>
    options.evaluate(async ({ baseURL, round: index, chain }) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; data: { id: string } & Record<string, unknown> }> } } }).chrome.runtime;
      const call = async (message: unknown) => (await runtime.sendMessage(message)).data;
      for (const key of (await call({ type: 'keys.list' })) as unknown as { id: string }[]) await call({ type: 'keys.setEnabled', id: key.id, enabled: false });
      for (let link = 0; link <= chain; link++) {
        const provider = await call({ type: 'providers.addCustom', name: `round ${index} link ${link}`, baseURL, defaultModel: 'bench-model' });
        const secret = link < chain ? `mock-limited-${index}-${link}-key` : `mock-good-${index}-key`;
        await call({ type: 'keys.add', providerId: provider.id, secret });
      }
    }, { baseURL: mockBaseURL, round, chain: FAILOVER_CHAIN });
  const timeOne = (content: string) =>
    page.evaluate(async (text) => {
      const started = performance.now();
      const response = await window.freellm!.fetch(`${window.freellm!.baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: JSON.stringify({ messages: [{ role: 'user', content: text }] }) });
      await response.text();
      return { ms: performance.now() - started, attempts: Number(response.headers.get('x-freellm-attempts')) };
    }, content);
  const refusalDirect = await page.evaluate(async (baseURL) => {
    const values: number[] = [];
    for (let index = 0; index < 40; index++) {
      const started = performance.now();
      await (await fetch(`${baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer mock-limited-direct' }, body: '{"messages":[]}' })).text();
      values.push(performance.now() - started);
    }
    return values.sort((a, b) => a - b)[20]!;
  }, mockBaseURL);
  const perFailover: number[] = [];
  for (let round = 0; round < FAILOVER_ROUNDS; round++) {
    await setUpRound(round);
    const chained = await timeOne(`failover round ${round}`);
    if (chained.attempts !== FAILOVER_CHAIN + 1) throw new Error(`round ${round}: expected ${FAILOVER_CHAIN + 1} attempts, got ${chained.attempts}`);
    const single = await timeOne(`single round ${round}`);
    perFailover.push((chained.ms - single.ms) / FAILOVER_CHAIN - refusalDirect);
  }
  await options.close();
  const sorted = [...perFailover].sort((a, b) => a - b);
  return {
    perFailoverP50: sorted[Math.floor(sorted.length / 2)]!,
    perFailoverP95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!,
    refusalDirectP50: refusalDirect,
    rounds: FAILOVER_ROUNDS,
    chain: FAILOVER_CHAIN,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runExtensionLatencyBench(), null, 2));
}
