import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The Firefox e2e suite: needs `npm run build:e2e` first, runs one file at a time (one Firefox each). */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
