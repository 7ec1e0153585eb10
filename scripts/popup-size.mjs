// The popup's first load, gzip: every script and stylesheet its page loads before it can show
// anything (the chat's markdown renderer and highlighter come later, when used). Budget: 60 KB; the build fails above it.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 60 * 1024;

export function printPopupSize(extensionDir) {
  const html = readFileSync(`${extensionDir}/popup.html`, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((match) => match[1]);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const gzipped = files.map((file) => gzipSync(readFileSync(`${extensionDir}/${file}`), { level: 9 }).length);
  const total = gzipped.reduce((sum, bytes) => sum + bytes, 0);
  console.log('\nPopup first load (gzip):');
  files.forEach((file, index) => console.log(`  ${file.padEnd(44)} ${kb(gzipped[index])}`));
  console.log(
    `  total ${kb(total)} of a ${kb(BUDGET_BYTES)} budget${total > BUDGET_BYTES ? ' — OVER' : ''}\n`,
  );
  // Over budget fails the build (and so the test run), not only a line someone may not read.
  if (total > BUDGET_BYTES) process.exitCode = 1;
}
