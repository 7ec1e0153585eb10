import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import english from './locales/en/messages.json';
import { bundledMessages } from './t';

const root = join(import.meta.dirname, '../..');
const sourceFolders = ['extension', 'shared', 'web'];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
    .map((name) => join(root, folder, name));
}

const sources = [...sourceFolders.flatMap(sourceFiles), join(root, 'wxt.config.ts')].map((file) =>
  readFileSync(file, 'utf8'),
);
const keys = Object.keys(english);

describe('the English messages', () => {
  it('has every key the code looks up', () => {
    const lookedUp = sources.flatMap((text) =>
      [...text.matchAll(/\b(?:t|messageWith)\(\s*'([^']+)'/g)].map((match) => match[1]),
    );
    expect(lookedUp.length).toBeGreaterThan(0);
    expect(lookedUp.filter((key) => !keys.includes(key!))).toEqual([]);
  });

  it('has no key the code never names', () => {
    // Named in a t() call, in a table of keys ('key'), or in the manifest (__MSG_key__).
    const named = (key: string) =>
      sources.some((text) => text.includes(`'${key}'`) || text.includes(`__MSG_${key}__`));
    expect(keys.filter((key) => !named(key))).toEqual([]);
  });

  it('uses only what the browsers read: plain keys, $1…$9 in order, $$ for a dollar', () => {
    for (const [key, { message }] of Object.entries(english)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      const marks = [...message.matchAll(/\$(\$|\d+|[A-Za-z_]\w*\$?)?/g)].map((match) => match[1]);
      expect(
        marks.every((mark) => mark === '$' || /^[1-9]$/.test(mark ?? '')),
        `${key}: ${message}`,
      ).toBe(true);
      const numbers = [...new Set(marks.filter((mark) => mark !== '$').map(Number))].sort();
      expect(numbers, key).toEqual(numbers.map((_, index) => index + 1));
    }
  });

  it('has no two marks back to back: Chrome reads `$3$4` as a named placeholder and refuses the extension', () => {
    const misread = Object.entries(english).filter(([, { message }]) =>
      /\$[A-Za-z0-9_@]+\$/.test(message.replaceAll('$$', '')),
    );
    expect(misread).toEqual([]);
  });
});

describe('the bundled messages (the playground)', () => {
  const read = bundledMessages({
    waiting: { message: 'Waiting for $1… $2' },
    price: { message: 'Costs $$0, says $1' },
  });

  it('puts the substitutions in their places', () => {
    expect(read('waiting' as never, ['Groq', '3 s'])).toBe('Waiting for Groq… 3 s');
  });

  it('reads $$ as a dollar and leaves a substitution that looks like a mark alone', () => {
    expect(read('price' as never, ['$1'])).toBe('Costs $0, says $1');
  });

  it('reads the English file as the browser would', () => {
    expect(bundledMessages(english)('poolStatusLocked', ['2 keys in the pool'])).toBe(
      '2 keys in the pool · locked',
    );
  });
});
