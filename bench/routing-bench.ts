/**
 * @module Routing benchmark: the real engine (createEngine on fake-indexeddb) in front
 * of eight mock providers with the seed free-tier limits, fed 300 requests a minute for 60
 * simulated minutes. Reports the share of the pool's capacity served, upstream 429s per success
 * and the routing decision time (real time). Run through `bench/run.ts`.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../shared/engine/create-engine';
import type { LimitSource } from '../shared/usage/usage-limits';
import { createTableLimitSource } from '../shared/usage/usage-limits';
import { openDatabase } from '../shared/store/database';
import { spread } from './paired-comparison';
import { createMockUpstreams, mockBaseURL, poolCapacity, SEED_PROVIDERS } from './mock-upstreams';

const MINUTES = 60;
const PER_MINUTE = 300;
/** Requests arriving in the same simulated second run concurrently, as real callers would. */
const PER_SECOND = PER_MINUTE / 60;

export interface RoutingBenchResult {
  scenario: string;
  requests: number;
  served: number;
  capacity: number;
  capacityShare: number;
  upstream429PerSuccess: number;
  decisionP50Ms: number;
  decisionP95Ms: number;
  wallSeconds: number;
}

async function simulate(scenario: string, knowLimits: boolean): Promise<RoutingBenchResult> {
  const clock = { now: Date.parse('2026-11-25T09:00:00Z') };
  const upstreams = createMockUpstreams(SEED_PROVIDERS, () => clock.now);
  const decisions: number[] = [];
  const db = openDatabase(`routing-bench-${scenario}-${crypto.randomUUID()}`);
  const setup = createEngine({ fetch: upstreams.fetch, now: () => clock.now, db, crypto });
  const byId: Record<string, { rpm: number; rpd?: number; scope: 'key' }> = {};
  for (const provider of SEED_PROVIDERS) {
    const custom = await setup.providers.addCustom({
      name: provider.name,
      baseURL: mockBaseURL(provider),
      defaultModel: `${provider.name}-model`,
    });
    await setup.keys.add({ providerId: custom.id, secret: `${provider.name}-bench-key-0000` });
    byId[custom.id] = { rpm: provider.rpm, rpd: provider.rpd, scope: 'key' };
  }
  const limits: LimitSource = knowLimits ? createTableLimitSource(byId) : { limitsFor: () => undefined };
  const engine = createEngine({
    fetch: upstreams.fetch,
    now: () => clock.now,
    db,
    crypto,
    limits,
    models: { models: () => [] },
    measure: (_label, work) => {
      const started = performance.now();
      try {
        return work();
      } finally {
        decisions.push(performance.now() - started);
      }
    },
  });
  const wallStart = performance.now();
  let served = 0;
  let requests = 0;
  const start = clock.now;
  for (let second = 0; second < MINUTES * 60; second++) {
    clock.now = start + second * 1000;
    const batch = Array.from({ length: PER_SECOND }, (_, index) =>
      engine.chat(
        { model: 'auto', messages: [{ role: 'user', content: `request ${second}.${index}` }] },
        { kind: 'extension' },
      ),
    );
    for (const answer of await Promise.all(batch)) {
      requests += 1;
      if (answer.status === 200) served += 1;
    }
  }
  const capacity = poolCapacity(SEED_PROVIDERS, MINUTES);
  const decision = spread(decisions);
  db.close();
  return {
    scenario,
    requests,
    served,
    capacity,
    capacityShare: served / capacity,
    upstream429PerSuccess: upstreams.counters.refused / Math.max(1, upstreams.counters.served),
    decisionP50Ms: decision.p50,
    decisionP95Ms: decision.p95,
    wallSeconds: (performance.now() - wallStart) / 1000,
  };
}

/** The scenario (limits from the catalog), then the same pool with no limits known. */
export async function runRoutingBench(): Promise<RoutingBenchResult[]> {
  return [await simulate('catalog-limits', true), await simulate('limits-unknown', false)];
}
