// `npm run build`: the release artefacts — the extension zip and the static playground folder.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync('npx', ['wxt', 'zip'], { cwd: root, stdio: 'inherit' });
await build({ configFile: `${root}web/vite.config.ts` });
// The catalog's data for updates without a release, published with the playground.
execFileSync('node', ['--import', 'tsx', 'scripts/write-catalog.ts', 'dist/web'], {
  cwd: root,
  stdio: 'inherit',
});
console.log(`
Release build done:
  extension zip:     ${root}.output/ (freellm-*-chrome.zip)
  static playground: ${root}dist/web/ (plain files; host them anywhere)
  catalog update:    ${root}dist/web/catalog.json (signed only with FREELLM_CATALOG_SIGNING_KEY)
`);
