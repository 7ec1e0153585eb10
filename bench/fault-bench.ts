/**
 * @module Failover under faults with the default time limits (a hung or slow provider must cost seconds): the real engine
 * in front of a faulty mock provider and a healthy one, both real HTTP servers on 127.0.0.1, for
 * every fault, streamed and not. Reports the time until the caller has its answer (a stream: its
 * first token). The e2e fault matrix checks the behaviour with a short limit; this measures the
 * default one. Every case has its own model, so all run at once. Run through `bench/run.ts`.
 */
import 'fake-indexeddb/auto';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createEngine, type Engine } from '../shared/engine/create-engine';
import { openDatabase } from '../shared/store/database';
import { FAULTS } from '../test/mock-provider/fault-modes';
import { startOpenAIMock } from '../test/mock-provider/openai-mock';

export interface FaultTiming {
  fault: string;
  stream: boolean;
  ms: number;
  servedBy: 'spare' | 'faulty' | 'error';
}

/** A 127.0.0.1 port nothing listens on: connecting is refused, as with no network. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function engineWith(endpoints: { name: string; baseURL: string }[]): Promise<Engine> {
  const engine = createEngine({
    fetch: (input, init) => fetch(input, init),
    now: Date.now,
    db: openDatabase(`fault-bench-${crypto.randomUUID()}`),
    crypto,
  });
  for (const { name, baseURL } of endpoints) {
    const custom = await engine.providers.addCustom({ name, baseURL, defaultModel: 'fine' });
    await engine.keys.add({ providerId: custom.id, secret: `mock-good-${name.toLowerCase()}-bench-key` });
  }
  return engine;
}

/** Time until the answer (a stream: its first token, read through the engine as a caller would). */
async function timeToAnswer(
  engine: Engine,
  model: string,
  stream: boolean,
): Promise<{ ms: number; provider: string | undefined }> {
  const started = performance.now();
  const answer = await engine.chat(
    { model, stream, messages: [{ role: 'user', content: 'fault question' }] },
    { kind: 'extension' },
  );
  if (answer.kind === 'stream') {
    const iterator = answer.chunks[Symbol.asyncIterator]();
    await iterator.next();
    const ms = performance.now() - started;
    await iterator.return?.();
    return { ms, provider: answer.headers['x-freellm-provider'] };
  }
  return {
    ms: performance.now() - started,
    provider: answer.status === 200 ? answer.headers['x-freellm-provider'] : undefined,
  };
}

export async function runFaultBench(): Promise<FaultTiming[]> {
  const faulty = await startOpenAIMock({ faults: true });
  const spare = await startOpenAIMock();
  try {
    const engine = await engineWith([
      { name: 'Faulty', baseURL: faulty.baseURL },
      { name: 'Spare', baseURL: spare.baseURL },
    ]);
    const down = await engineWith([
      { name: 'Down', baseURL: `http://127.0.0.1:${await closedPort()}/v1` },
      { name: 'Spare', baseURL: spare.baseURL },
    ]);
    const cases = [
      ...FAULTS.flatMap((fault) =>
        [false, true].map((stream) => ({
          fault: fault as string,
          stream,
          engine,
          model: `${fault}.bench-${stream}`,
        })),
      ),
      ...[false, true].map((stream) => ({
        fault: 'network-down',
        stream,
        engine: down,
        model: `fine.bench-${stream}`,
      })),
    ];
    return await Promise.all(
      cases.map(async ({ fault, stream, engine: used, model }) => {
        const { ms, provider } = await timeToAnswer(used, model, stream);
        const servedBy =
          provider === undefined ? 'error' : provider.startsWith('custom-spare') ? 'spare' : 'faulty';
        return { fault, stream, ms, servedBy } satisfies FaultTiming;
      }),
    );
  } finally {
    await Promise.all([faulty.close(), spare.close()]);
  }
}
