/**
 * @module What the local endpoint costs a tool outside the browser: the same mock provider called
 * from Node directly and through the endpoint (HTTP → daemon → relay → native messaging → service
 * worker → mock, and back), in alternating pairs (`paired-comparison.ts`), for the complete
 * answer and for time to first token. Each question is new, so every call goes upstream. Needs
 * `npm run build:e2e` first (the benchmark runner does it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { install } from '../local-api/install.mjs';
import { startOpenAIMock } from '../test/mock-provider/openai-mock';
import { OptionsPage } from '../test/e2e/pages/options-page';
import { freePort } from '../test/e2e/support/free-port';
import { launchExtension } from '../test/e2e/support/launch-extension';
import { addBenchKey, BENCH_MODEL } from './bench-key';
import { measurePairs, type PairedComparison } from './paired-comparison';

export interface LocalEndpointResult {
  nonStreamed: PairedComparison;
  timeToFirstToken: PairedComparison;
}

const PAIRS = 200;
const WARM_UP = 10;

/** Milliseconds to the complete answer, or to the first content token of a stream. */
async function timedCall(url: string, token: string, content: string, stream: boolean): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ model: BENCH_MODEL, stream, messages: [{ role: 'user', content }] }),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  if (!stream) {
    await response.text();
    return performance.now() - started;
  }
  const decoder = new TextDecoder();
  let seen = '';
  let firstToken = Number.NaN;
  for await (const bytes of response.body!) {
    seen += decoder.decode(bytes, { stream: true });
    if (Number.isNaN(firstToken) && /"content":"[^"]/.test(seen)) firstToken = performance.now() - started;
  }
  return firstToken;
}

export async function runLocalEndpointBench(): Promise<LocalEndpointResult> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'freellm-bench-'));
  await install({
    manifestDir: join(userDataDir, 'NativeMessagingHosts'),
    dataDir: join(userDataDir, 'local-api-host'),
  });
  const mock = await startOpenAIMock();
  const { context, extensionId } = await launchExtension(userDataDir, {
    FREELLM_LOCAL_API_SOCKET: join(userDataDir, 'local-api.sock'),
    FREELLM_LOCAL_API_IDLE_MS: '3000',
  });
  try {
    const options = await OptionsPage.open(context, extensionId);
    await addBenchKey(options, mock.baseURL);
    const port = await freePort();
    await options.turnOnLocalEndpoint(port);
    const token = await options.localEndpointToken();
    await options.page.close();
    const endpoint = `http://127.0.0.1:${port}/v1`;
    const compare = (label: string, stream: boolean) =>
      measurePairs({
        pairs: PAIRS,
        warmUp: WARM_UP,
        baseline: (index) =>
          timedCall(mock.baseURL, 'mock-good-bench-key-1', `direct ${label} ${index}`, stream),
        candidate: (index) => timedCall(endpoint, token, `local ${label} ${index}`, stream),
      });
    return { nonStreamed: await compare('json', false), timeToFirstToken: await compare('stream', true) };
  } finally {
    await context.close();
    await mock.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runLocalEndpointBench(), null, 2));
}
