// `npm run build`: the release artefacts — the extension zip and the static playground folder.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { printPopupSize } from './popup-size.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync('npx', ['wxt', 'zip'], { cwd: root, stdio: 'inherit' });
printPopupSize(`${root}.output/chrome-mv3`);
await build({ configFile: `${root}web/vite.config.ts` });
console.log(`
Release build done:
  extension zip:     ${root}.output/ (freellm-*-chrome.zip)
  static playground: ${root}dist/web/ (plain files; host them anywhere)
`);
