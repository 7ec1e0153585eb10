/**
 * @module Reads the `__fixtures__` folder beside a test, as every provider test does:
 * `const { fixture, chunkLines } = readFixtures(import.meta.url)`.
 */
import { readFileSync } from 'node:fs';

export function readFixtures(testUrl: string): {
  fixture(name: string): string;
  chunkLines(name: string): string[];
} {
  const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, testUrl), 'utf8');
  return {
    fixture,
    /** A `.chunks.txt` fixture's payloads, one per non-blank line. */
    chunkLines: (name) =>
      fixture(name)
        .split('\n')
        .filter((line) => line.trim() !== ''),
  };
}
