import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'extension/**/*.test.ts',
      'web/**/*.test.ts',
      'scripts/**/*.test.ts',
      'test/mock-provider/**/*.test.ts',
      'bench/**/*.test.ts',
      'local-api/**/*.test.ts',
    ],
    setupFiles: ['fake-indexeddb/auto', 'shared/testing/english-messages.ts'],
    environment: 'node',
  },
});
