/**
 * @module The playground ships the English messages its own code names, not the whole file: most
 * keys are the options page's, which a web page never shows. A key is kept when any source the page
 * can import (web/, shared/) names it in quotes — the way shared/i18n/messages.test.ts proves every
 * key is named somewhere — so a key only the extension names is left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const ENGLISH = 'shared/i18n/locales/en/messages.json';

function sourcesIn(root: string, folders: string[]): string[] {
  return folders.flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name))
      .map((name) => readFileSync(join(root, folder, name), 'utf8')),
  );
}

/** The messages named in `sources`, in the file's order. */
export function messagesNamedIn<T>(messages: Record<string, T>, sources: string[]): Record<string, T> {
  return Object.fromEntries(
    Object.entries(messages).filter(([key]) => sources.some((text) => text.includes(`'${key}'`))),
  );
}

/** Loads the English messages for a page built from `folders` of the repository at `root`. */
export function pageMessages(root: string, folders: string[]): Plugin {
  const file = join(root, ENGLISH);
  return {
    name: 'freellm-page-messages',
    enforce: 'pre',
    load(id) {
      if (id !== file) return null;
      const english = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      return JSON.stringify(messagesNamedIn(english, sourcesIn(root, folders)));
    },
  };
}
