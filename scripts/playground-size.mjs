// The static playground's size, gzip: what its page loads first, and the parts it loads later
// (markdown renderer, highlighter), each file listed. The folder works from any path (relative base).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export function printPlaygroundSize(folder, root) {
  const html = readFileSync(join(folder, 'index.html'), 'utf8');
  const firstLoad = new Set(
    [...html.matchAll(/(?:src|href)="\.\/([^"]+\.(?:js|css))"/g)].map((match) => match[1]),
  );
  const files = readdirSync(join(folder, 'assets'))
    .filter((name) => /\.(?:js|css)$/.test(name))
    .map((name) => `assets/${name}`);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const gzipped = new Map(
    files.map((file) => [file, gzipSync(readFileSync(join(folder, file)), { level: 9 }).length]),
  );
  const sum = (list) => list.reduce((total, file) => total + gzipped.get(file), 0);
  const lazy = files.filter((file) => !firstLoad.has(file));
  console.log(
    `\nPlayground: a static site in ${relative(root, folder)}/ (publish that folder, at any path):`,
  );
  for (const file of files)
    console.log(
      `  ${file.padEnd(44)} ${kb(gzipped.get(file)).padStart(9)}${firstLoad.has(file) ? '' : '  (lazy)'}`,
    );
  console.log(
    `  gzip: first load ${kb(sum([...firstLoad]))}, lazy parts ${kb(sum(lazy))}, all ${kb(sum(files))}\n`,
  );
}
