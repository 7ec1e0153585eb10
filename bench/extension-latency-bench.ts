/**
 * @module What the extension path costs a page, in real Chromium: the same mock provider called
 * directly with `fetch` and through `window.freellm.fetch`, one after the other in pairs (see
 * `paired-comparison.ts`), for non-streamed latency and time to first token; one request that
 * meets a chain of refusing providers, against a page trying the same providers itself; and a
 * cache hit's end-to-end latency. Needs `npm run build:e2e` first (the benchmark runner does it).
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
import { addBenchKey, BENCH_MODEL } from './bench-key';
import { measurePairs, spread, type PairedComparison, type Spread } from './paired-comparison';

export interface PathFigures {
  nonStreamed: PairedComparison;
  timeToFirstToken: PairedComparison;
}

export interface ExtensionLatencyResult {
  /** Requests as an OpenAI client sends them: cacheable, each a new question (a cache miss that is stored). */
  cacheMiss: PathFigures;
  /** With `Cache-Control: no-store`: the cache is skipped. */
  noStore: PathFigures;
  cacheHit: Spread & { samples: number; hits: number };
  /** A page trying the refusing providers itself, then the answering one, against one request through the extension. */
  failover: PairedComparison;
}

const PAIRS = 300;
const WARM_UP = 10;
const FAILOVER_ROUNDS = 60;
export const FAILOVER_CHAIN = 5;

/** One timed request, as the page sees it. */
interface PageCall {
  via: 'direct' | 'extension';
  mockBaseURL: string;
  content: string;
  stream: boolean;
  /** Direct only: tried in order until one answers, as a page doing its own failover would. */
  keys?: readonly string[];
  model?: string;
  cache?: string;
}

interface Timed {
  /** To the complete answer, or to the first content token of a stream. */
  ms: number;
  cache: string | null;
  attempts: number;
}

/** Runs in the page, serialized by Playwright: it may use nothing from this module's scope. */
async function timeInPage(call: PageCall): Promise<Timed> {
  const body = JSON.stringify({
    ...(call.model ? { model: call.model } : {}),
    stream: call.stream,
    messages: [{ role: 'user', content: call.content }],
  });
  const send = (key: string) =>
    call.via === 'direct'
      ? fetch(`${call.mockBaseURL}/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body,
        })
      : window.freellm!.fetch(`${window.freellm!.baseURL}/chat/completions`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(call.cache ? { 'cache-control': call.cache } : {}),
          },
          body,
        });
  const started = performance.now();
  let response: Response | undefined;
  for (const key of call.via === 'direct' ? (call.keys ?? []) : ['']) {
    response = await send(key);
    if (response.ok) break;
    await response.text();
  }
  if (!response?.ok) throw new Error(`${call.via} call answered ${response?.status}`);
  const answer = {
    cache: response.headers.get('x-freellm-cache'),
    attempts: Number(response.headers.get('x-freellm-attempts')),
  };
  if (!call.stream) {
    await response.text();
    return { ms: performance.now() - started, ...answer };
  }
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let seen = '';
  let firstToken = Number.NaN;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    seen += decoder.decode(value, { stream: true });
    if (Number.isNaN(firstToken) && /"content":"[^"]/.test(seen)) firstToken = performance.now() - started;
  }
  return { ms: firstToken, ...answer };
}

type BenchContext = Awaited<ReturnType<typeof launchExtension>>['context'];
type BenchPage = Awaited<ReturnType<typeof openTestPage>>;
type TimeInPage = (call: Omit<PageCall, 'mockBaseURL'>) => Promise<Timed>;

export async function runExtensionLatencyBench(): Promise<ExtensionLatencyResult> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'freellm-bench-'));
  const mock = await startOpenAIMock({ cors: true });
  const server = await startStaticServer(fileURLToPath(new URL('../test/.artifacts', import.meta.url)));
  const { context, extensionId } = await launchExtension(userDataDir);
  try {
    const origin = `http://127.0.0.1:${server.port}`;
    const options = await OptionsPage.open(context, extensionId);
    await addBenchKey(options, mock.baseURL);
    await options.allowSite(origin);
    await options.page.close();
    const page = await openTestPage(context, origin);
    // tsx names functions with an `__name` helper that a serialized page function lacks.
    await page.evaluate('globalThis.__name = (fn) => fn');
    const time: TimeInPage = (call) => page.evaluate(timeInPage, { ...call, mockBaseURL: mock.baseURL });
    const ms = async (call: Omit<PageCall, 'mockBaseURL'>) => (await time(call)).ms;
    const compare = (label: string, stream: boolean, cache?: string) =>
      measurePairs({
        pairs: PAIRS,
        warmUp: WARM_UP,
        baseline: (index) =>
          ms({
            via: 'direct',
            content: `direct ${label} ${index}`,
            stream,
            keys: ['mock-good-bench-key-1'],
            model: BENCH_MODEL,
          }),
        candidate: (index) =>
          ms({
            via: 'extension',
            content: `extension ${label} ${index}`,
            stream,
            model: BENCH_MODEL,
            cache,
          }),
      });
    const measurePath = async (label: string, cache?: string): Promise<PathFigures> => ({
      nonStreamed: await compare(label, false, cache),
      timeToFirstToken: await compare(`stream ${label}`, true, cache),
    });
    const cacheMiss = await measurePath('miss');
    const noStore = await measurePath('no-store', 'no-store');
    const cached = {
      via: 'extension',
      content: 'the cached question',
      stream: false,
      model: BENCH_MODEL,
      cache: 'max-age=3600',
    } as const;
    for (let index = 0; index < WARM_UP; index++) await time(cached); // the first stores the answer
    const hits: Timed[] = [];
    for (let index = 0; index < PAIRS; index++) hits.push(await time(cached));
    const cacheHit = {
      ...spread(hits.map((hit) => hit.ms)),
      samples: hits.length,
      hits: hits.filter((hit) => hit.cache === 'hit').length,
    };
    return {
      cacheMiss,
      noStore,
      cacheHit,
      failover: await measureFailover(context, extensionId, mock.baseURL, time),
    };
  } finally {
    await context.close();
    await server.close();
    await mock.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

/**
 * A refused provider cools down, so each round brings a fresh chain: it disables the keys in use,
 * adds FAILOVER_CHAIN providers that answer 429 in front of one that answers, and pairs one
 * request through the extension with a page calling the same keys directly, in turn. The
 * extension's request also carries every first use of its keys, so the figure errs high.
 */
async function measureFailover(
  context: BenchContext,
  extensionId: string,
  mockBaseURL: string,
  time: TimeInPage,
): Promise<ExtensionLatencyResult['failover']> {
  const options: BenchPage = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.evaluate('globalThis.__name = (fn) => fn');
  const chainKeys = (round: number) => [
    ...Array.from({ length: FAILOVER_CHAIN }, (_, link) => `mock-limited-${round}-${link}-key`),
    `mock-good-${round}-key`,
  ];
  const setUpRound = (round: number) =>
    options.evaluate(
      async ({ baseURL, round: index, keys }) => {
        const runtime = (
          globalThis as unknown as {
            chrome: {
              runtime: {
                sendMessage(
                  message: unknown,
                ): Promise<{ ok: boolean; data: { id: string } & Record<string, unknown> }>;
              };
            };
          }
        ).chrome.runtime;
        const call = async (message: unknown) => (await runtime.sendMessage(message)).data;
        for (const key of (await call({ type: 'keys.list' })) as unknown as {
          id: string;
          enabled: boolean;
        }[])
          if (key.enabled) await call({ type: 'keys.setEnabled', id: key.id, enabled: false });
        for (const [link, secret] of keys.entries()) {
          const provider = await call({
            type: 'providers.addCustom',
            name: `round ${index} link ${link}`,
            baseURL,
            defaultModel: BENCH_MODEL,
          });
          await call({ type: 'keys.add', providerId: provider.id, secret });
        }
      },
      { baseURL: mockBaseURL, round, keys: chainKeys(round) },
    );
  const failover = await measurePairs({
    pairs: FAILOVER_ROUNDS,
    warmUp: 1,
    baseline: async (round) =>
      (
        await time({
          via: 'direct',
          content: `direct failover ${round}`,
          stream: false,
          keys: chainKeys(round),
        })
      ).ms,
    candidate: async (round) => {
      await setUpRound(round);
      const chained = await time({
        via: 'extension',
        content: `extension failover ${round}`,
        stream: false,
        cache: 'no-store',
      });
      if (chained.attempts !== FAILOVER_CHAIN + 1)
        throw new Error(`round ${round}: expected ${FAILOVER_CHAIN + 1} attempts, got ${chained.attempts}`);
      return chained.ms;
    },
  });
  await options.close();
  return failover;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runExtensionLatencyBench(), null, 2));
}
