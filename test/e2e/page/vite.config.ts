import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { quietRollupWarnings } from '../../../scripts/quiet-rollup-warnings';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  // The page bundles three client libraries on purpose; its size does not matter.
  build: {
    outDir: fileURLToPath(new URL('../../.artifacts/page', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    rollupOptions: { onwarn: quietRollupWarnings },
  },
});
