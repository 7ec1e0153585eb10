/**
 * @module Runs every benchmark: routing (issue 5) and the response cache (issue 7), printing
 * each result with its target. Run: `node --import tsx bench/run.ts` (`npm run bench`).
 */
import { runCacheBench } from './cache-bench';
import { runRoutingBench } from './routing-bench';

const TARGETS = { capacityShare: 0.98, upstream429PerSuccess: 0.01, decisionP50Ms: 0.5 };

const mark = (pass: boolean) => (pass ? 'ok  ' : 'MISS');

async function main(): Promise<void> {
  console.log('Routing: 8 mock providers (seed free-tier limits, ~148 RPM), 300 requests/min for 60 simulated minutes');
  let failed = false;
  for (const result of await runRoutingBench()) {
    const primary = result.scenario === 'catalog-limits';
    console.log(`\n  scenario ${result.scenario}: ${result.served}/${result.requests} requests served, pool capacity ${result.capacity} (${result.wallSeconds.toFixed(1)} s real time)`);
    const rows: [string, number, boolean, string][] = [
      ['share of pool capacity served', result.capacityShare, result.capacityShare >= TARGETS.capacityShare, `>= ${TARGETS.capacityShare}`],
      ['upstream 429s per success', result.upstream429PerSuccess, result.upstream429PerSuccess <= TARGETS.upstream429PerSuccess, `<= ${TARGETS.upstream429PerSuccess}`],
      ['routing decision p50 (ms, real)', result.decisionP50Ms, result.decisionP50Ms < TARGETS.decisionP50Ms, `< ${TARGETS.decisionP50Ms}`],
      ['routing decision p95 (ms, real)', result.decisionP95Ms, true, 'reported'],
    ];
    for (const [name, value, pass, target] of rows) {
      console.log(`  ${primary ? mark(pass) : '    '} ${name.padEnd(34)} ${value.toFixed(4).padStart(10)}   target ${target}${primary ? '' : ' (informational)'}`);
      if (primary && !pass) failed = true;
    }
  }
  console.log('\nResponse cache');
  for (const [name, value] of Object.entries(await runCacheBench())) console.log(`  ${name.padEnd(40)} ${value}`);
  if (failed) process.exitCode = 1;
}

await main();
