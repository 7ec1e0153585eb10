/** @module The one key both extension benches pool: an endpoint on the OpenAI-format mock. */
import type { OptionsPage } from '../test/e2e/pages/options-page';

/** The model the bench key's endpoint serves, which the benches ask for by name. */
export const BENCH_MODEL = 'bench-model';

export function addBenchKey(options: OptionsPage, baseURL: string): Promise<void> {
  return options.addKeyForNewEndpoint({
    name: 'Bench mock',
    baseURL,
    model: BENCH_MODEL,
    secret: 'mock-good-bench-key-1',
    label: 'bench',
  });
}
