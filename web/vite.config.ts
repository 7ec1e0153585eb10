import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { catalogDefines } from '../scripts/catalog-build-env';
import { pageMessages } from '../scripts/page-messages';
import { quietRollupWarnings } from '../scripts/quiet-rollup-warnings';

const root = fileURLToPath(new URL('.', import.meta.url));
const repository = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  base: './',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  define: catalogDefines(),
  plugins: [pageMessages(repository, ['web', 'shared'])],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: { onwarn: quietRollupWarnings },
  },
});
