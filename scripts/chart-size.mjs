// The usage charts' chunk, gzip: uPlot, its stylesheet and the code drawing with it, loaded only
// when the options page's usage history comes into view (extension/entrypoints/options/usage-history-panel.tsx).
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export function printChartSize(extensionDir) {
  const files = ['chunks', 'assets'].flatMap((folder) =>
    readdirSync(`${extensionDir}/${folder}`)
      .filter((file) => file.startsWith('usage-chart-'))
      .map((file) => `${folder}/${file}`),
  );
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const gzipped = files.map((file) => gzipSync(readFileSync(`${extensionDir}/${file}`), { level: 9 }).length);
  console.log('Usage charts, loaded when shown (gzip):');
  files.forEach((file, index) => console.log(`  ${file.padEnd(44)} ${kb(gzipped[index])}`));
  if (files.length === 0) console.log('  not found: is the chart still a chunk of its own?');
  else console.log(`  total ${kb(gzipped.reduce((sum, bytes) => sum + bytes, 0))}`);
  console.log();
}
