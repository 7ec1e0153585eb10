/**
 * The libraries the playground's snippets import from esm.sh, built as ES modules that the e2e
 * tests serve in esm.sh's place (tests never reach the internet).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { quietRollupWarnings } from '../../../scripts/quiet-rollup-warnings';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export default defineConfig({
  logLevel: 'warn',
  build: {
    outDir: here('../../.artifacts/esm'),
    emptyOutDir: true,
    minify: false,
    chunkSizeWarningLimit: 4096,
    lib: {
      formats: ['es'],
      entry: {
        openai: here('openai.ts'),
        ai: here('ai.ts'),
        'ai-sdk-openai-compatible': here('ai-sdk-openai-compatible.ts'),
        'langchain-openai': here('langchain-openai.ts'),
      },
    },
    rollupOptions: { onwarn: quietRollupWarnings },
  },
});
