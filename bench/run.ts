/**
 * @module Runs the benchmarks and prints each figure with its target: routing, the
 * response cache, failover under faults, the extension path in Chromium and the local endpoint.
 * `npm run bench` runs them all, `npm run bench -- cache browser` only those named. Exits 1 when a target is missed.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CONCURRENT, runCacheBench } from './cache-bench';
import { runFaultBench } from './fault-bench';
import { FAILOVER_CHAIN, type ExtensionLatencyResult } from './extension-latency-bench';
import { describeComparison, judge, type PairedComparison } from './paired-comparison';
import { runRoutingBench } from './routing-bench';
import type { LocalEndpointResult } from './local-endpoint-bench';

const TARGETS = {
  capacityShare: 0.98,
  upstream429PerSuccess: 0.01,
  decisionP50Ms: 0.5,
  cacheHitP50Ms: 2,
  addedP50Ms: 3,
  cacheHitEndToEndP50Ms: 5,
  perFailoverMs: 5,
  faultAnswerMs: 15_000,
};

let missed = false;

const mark = (pass: boolean) => (pass ? 'ok  ' : 'MISS');

/** A figure with a target: it can fail, and a miss fails the run. */
function checked(name: string, pass: boolean, figure: string, target: string): void {
  if (!pass) missed = true;
  console.log(`  ${mark(pass)} ${name}: ${figure}; target ${target}`);
}

function compared(
  name: string,
  comparison: PairedComparison,
  labels: readonly [string, string],
  targetMs?: number,
): void {
  if (judge(comparison, targetMs) === 'misses') missed = true;
  console.log(describeComparison(name, comparison, { labels, targetMs }));
}

async function routing(): Promise<void> {
  console.log(
    'Routing: 8 mock providers (seed free-tier limits, ~148 RPM), 300 requests/min for 60 simulated minutes',
  );
  for (const result of await runRoutingBench()) {
    const primary = result.scenario === 'catalog-limits';
    console.log(
      `\n  scenario ${result.scenario}: ${result.served}/${result.requests} requests served, pool capacity ${result.capacity} (${result.wallSeconds.toFixed(1)} s real time)`,
    );
    const rows: [string, number, boolean, string][] = [
      [
        'share of pool capacity served',
        result.capacityShare,
        result.capacityShare >= TARGETS.capacityShare,
        `>= ${TARGETS.capacityShare}`,
      ],
      [
        'upstream 429s per success',
        result.upstream429PerSuccess,
        result.upstream429PerSuccess <= TARGETS.upstream429PerSuccess,
        `<= ${TARGETS.upstream429PerSuccess}`,
      ],
      [
        'routing decision p50 (ms, real)',
        result.decisionP50Ms,
        result.decisionP50Ms < TARGETS.decisionP50Ms,
        `< ${TARGETS.decisionP50Ms}`,
      ],
    ];
    for (const [name, value, pass, target] of rows) {
      if (primary) checked(name, pass, value.toFixed(4), target);
      else console.log(`       ${name}: ${value.toFixed(4)} (informational, target ${target})`);
    }
    console.log(`       routing decision p95 (ms, real): ${result.decisionP95Ms.toFixed(4)}`);
  }
}

async function cache(): Promise<void> {
  console.log('\nResponse cache (Node, fake-indexeddb), ms');
  const result = await runCacheBench();
  for (const [name, figures] of [
    ['cache hit, JSON', result.hitJson],
    ['cache hit, replayed stream', result.hitStream],
  ] as const) {
    checked(
      `${name}, key to answer`,
      figures.p50 < TARGETS.cacheHitP50Ms,
      `p50 ${figures.p50.toFixed(4)}, p95 ${figures.p95.toFixed(4)}`,
      `p50 < ${TARGETS.cacheHitP50Ms}`,
    );
  }
  console.log(
    `       lookup from fake-indexeddb: p50 ${result.lookupFromDisk.p50.toFixed(4)}, p95 ${result.lookupFromDisk.p95.toFixed(4)} (informational)`,
  );
  compared('HMAC-SHA-256 (WebCrypto) over a sync hash (cyrb53), per key', result.hashing, [
    'cyrb53',
    'HMAC-SHA-256',
  ]);
  for (const [name, { upstreamCalls, identical }] of [
    ['JSON requests', result.concurrentJson],
    ['streams', result.concurrentStream],
  ] as const) {
    checked(
      `${CONCURRENT} identical concurrent ${name}`,
      upstreamCalls === 1 && identical,
      `${upstreamCalls} upstream call(s), ${identical ? 'all answers identical' : 'answers differ'}`,
      '1 call, identical answers',
    );
  }
}

async function faults(): Promise<void> {
  console.log(
    '\nFailover under faults, default limits (first byte 12 s): time until the caller has its answer (a stream: its first token)',
  );
  for (const timing of await runFaultBench()) {
    // A hang or slow first byte must cost seconds, not the minute-long attempt timeout.
    const name = `${timing.fault}, ${timing.stream ? 'streamed' : 'not streamed'}`;
    checked(
      name,
      timing.ms < TARGETS.faultAnswerMs && timing.servedBy !== 'error',
      `${timing.ms.toFixed(0)} ms, served by ${timing.servedBy}`,
      `< ${TARGETS.faultAnswerMs} ms`,
    );
  }
}

async function browser(): Promise<void> {
  console.log(
    '\nExtension path in Chromium (page -> window.freellm.fetch -> service worker -> mock on 127.0.0.1), ms',
  );
  console.log(
    '  each comparison: direct fetch (A) and window.freellm.fetch (B) in alternating pairs; B - A per pair',
  );
  const result = runWithExtension<ExtensionLatencyResult>('./extension-latency-bench.ts');
  const labels = ['direct', 'via extension'] as const;
  for (const [path, figures] of [
    ['cache miss', result.cacheMiss],
    ['no-store', result.noStore],
  ] as const) {
    compared(`${path}, complete answer`, figures.nonStreamed, labels, TARGETS.addedP50Ms);
    compared(`${path}, first token`, figures.timeToFirstToken, labels, TARGETS.addedP50Ms);
  }
  const { cacheHit, failover } = result;
  checked(
    'cache hit end to end',
    cacheHit.p50 < TARGETS.cacheHitEndToEndP50Ms && cacheHit.hits === cacheHit.samples,
    `p50 ${cacheHit.p50.toFixed(2)}, p95 ${cacheHit.p95.toFixed(2)} (${cacheHit.hits} of ${cacheHit.samples} answered from the cache)`,
    `p50 < ${TARGETS.cacheHitEndToEndP50Ms}, every one a hit`,
  );
  compared(
    `${FAILOVER_CHAIN} failovers (${FAILOVER_CHAIN} providers answer 429, the next answers; ${TARGETS.perFailoverMs} ms each at most)`,
    failover,
    ['page tries each itself', 'via extension'],
    FAILOVER_CHAIN * TARGETS.perFailoverMs,
  );
}

async function localEndpoint(): Promise<void> {
  console.log(
    '\nLocal endpoint (Node -> 127.0.0.1 -> host -> native messaging -> service worker -> mock on 127.0.0.1), ms',
  );
  console.log(
    '  each comparison: direct fetch (A) and through the local endpoint (B) in alternating pairs; B - A per pair',
  );
  const result = runWithExtension<LocalEndpointResult>('./local-endpoint-bench.ts');
  const labels = ['direct', 'via local endpoint'] as const;
  compared('complete answer', result.nonStreamed, labels);
  compared('first token', result.timeToFirstToken, labels);
}

/** Builds the e2e extension, then runs a benchmark that drives it and prints its figures as JSON. */
function runWithExtension<Result>(file: string): Result {
  // Its progress spinner stays quiet; a failed build throws with its output.
  execFileSync('npm', ['run', '--silent', 'build:e2e'], { stdio: ['ignore', 'ignore', 'pipe'] });
  // Its own process: the routing simulation leaves a large heap whose collection pauses would
  // land in the mock provider's answers (it runs in the benchmark's process).
  return JSON.parse(
    execFileSync('node', ['--import', 'tsx', fileURLToPath(new URL(file, import.meta.url))], {
      encoding: 'utf8',
    }),
  ) as Result;
}

const SECTIONS = { routing, cache, faults, browser, 'local-endpoint': localEndpoint };

const chosen = process.argv.slice(2);
for (const name of chosen)
  if (!(name in SECTIONS))
    throw new Error(`unknown benchmark "${name}"; choose from ${Object.keys(SECTIONS).join(', ')}`);
for (const [name, run] of Object.entries(SECTIONS))
  if (chosen.length === 0 || chosen.includes(name)) await run();
if (missed) process.exitCode = 1;
