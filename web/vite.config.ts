import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { quietRollupWarnings } from '../scripts/quiet-rollup-warnings';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: { onwarn: quietRollupWarnings },
  },
});
