// `npm run build`: the release artefacts, each listed with its size — the Chrome Web Store zip,
// the addons.mozilla.org zip, the sources zip AMO asks for because the code is bundled (rebuilt
// as README-BUILD.md says), and the static playground folder.
import { execFileSync } from 'node:child_process';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { printChartSize } from './chart-size.mjs';
import { printPlaygroundSize } from './playground-size.mjs';
import { printPopupSize } from './popup-size.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { name, version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const zips = ['chrome', 'firefox', 'sources'].map((kind) =>
  join(root, '.output', `${name}-${version}-${kind}.zip`),
);
const playground = join(root, 'dist/web');

// A zip left from another version would be listed as if just built.
await Promise.all(zips.map((zip) => rm(zip, { force: true })));
execFileSync('npx', ['wxt', 'zip'], { cwd: root, stdio: 'inherit' });
printPopupSize(join(root, '.output/chrome-mv3'));
printChartSize(join(root, '.output/chrome-mv3'));
// Firefox's zip comes with the sources zip (WXT makes one for Firefox builds).
execFileSync('npx', ['wxt', 'zip', '-b', 'firefox', '--mv3'], { cwd: root, stdio: 'inherit' });
// What addons.mozilla.org runs on upload: an error here would be a rejected submission.
execFileSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--no-config-discovery'], {
  cwd: root,
  stdio: 'inherit',
});
await build({ configFile: join(root, 'web/vite.config.ts'), logLevel: 'warn' });
// The catalog's data for updates without a release, published with the playground; signed only
// when FREELLM_CATALOG_SIGNING_KEY is set (docs/providers.md, "Catalog updates").
execFileSync('node', ['--import', 'tsx', 'scripts/write-catalog.ts', 'dist/web'], {
  cwd: root,
  stdio: 'inherit',
});
printPlaygroundSize(playground, root);

async function sizeOf(path) {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  const files = entries.filter((entry) => entry.isFile());
  const sizes = await Promise.all(
    files.map(async (file) => (await stat(join(file.parentPath, file.name))).size),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

const artefacts = [
  ['Chrome Web Store zip', zips[0]],
  ['addons.mozilla.org zip', zips[1]],
  ['sources zip (for AMO)', zips[2]],
  ['static playground', playground],
  ['catalog update', join(playground, 'catalog.json')],
];
console.log('\nRelease build done:');
for (const [label, path] of artefacts)
  console.log(
    `  ${label.padEnd(24)} ${relative(root, path).padEnd(36)} ${((await sizeOf(path)) / 1024).toFixed(1)} KiB`,
  );
