import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

/** Where the words people read on screen are written. */
const screenFolders = ['extension/entrypoints', 'extension/lib', 'shared/ui', 'shared/chats', 'web'];

/**
 * Files whose sentences are API answers (OpenAI-shaped errors a page or a client program reads, in
 * English as OpenAI's own are), not words a page of ours shows, and not all made by an error builder
 * (`apiErrorBuilders` below): the reasons an exchange ends.
 */
const apiAnswers = [
  'extension/lib/serve-page-port.ts',
  'extension/lib/page-api/port-exchange.ts',
  'extension/lib/local-endpoint/serve-native-exchanges.ts',
];

/** Not yet through i18n: each file leaves this list when its words move to messages.json. */
const notYetThroughI18n = [
  'extension/entrypoints/options/dashboard-section-forecast.tsx',
  'extension/entrypoints/options/dashboard-section.tsx',
  'extension/entrypoints/options/env-import-form.tsx',
  'extension/entrypoints/options/keys-section.tsx',
  'extension/entrypoints/options/request-log-section.tsx',
  'extension/entrypoints/options/request-log-words.ts',
  'extension/entrypoints/options/usage-history-panel.tsx',
  'extension/entrypoints/options/usage-history-series.ts',
  'shared/ui/outcome-words.ts',
  'web/chat/answer-figures.tsx',
  'web/chat/playground-chat.tsx',
  'web/compare/compare-column.tsx',
  'web/compare/compare-view.tsx',
  'web/explorer/api-explorer.tsx',
  'web/explorer/snippet-panel.tsx',
  'web/extension-access.tsx',
  'web/playground-app.tsx',
  'web/providers/standalone-providers.tsx',
];

/** Attributes a person reads or hears. */
const spokenAttributes = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description']);

/** A capitalised phrase, or three words (not a class list, a path or a command). */
const phrase = /^[A-Z][a-z’']*\s+[a-z(]|^[a-z][a-z’']*\s+[a-z’']+\s+[a-z]/;
const code = /[:/=<>{}_@#]|^[a-z]+(-[a-z]+)+( |$)/;

function sourceFiles(): string[] {
  return screenFolders.flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name))
      .map((name) => join(folder, name)),
  );
}

/** Text in a `<code>` element is code (a translation keeps it), not words. */
function isCode(node: ts.JsxText): boolean {
  return ts.isJsxElement(node.parent) && node.parent.openingElement.tagName.getText() === 'code';
}

/** What builds an API's error: OpenAI-shaped, in English as OpenAI's own are (see `apiAnswers`). */
const apiErrorBuilders =
  /^(errorWithCode|invalidRequest|invalidRequestFrom|parseOrInvalidRequest|upstreamError)$/;

/**
 * Is this literal a class name, the text of a thrown Error or of an API's error, or a console line
 * (for developers and programs)?
 */
function forDevelopers(node: ts.Node): boolean {
  for (let parent = node.parent; parent && !ts.isSourceFile(parent); parent = parent.parent) {
    if (ts.isJsxAttribute(parent) && /^(class|className)$/.test(parent.name.getText())) return true;
    if (ts.isNewExpression(parent) && /Error$/.test(parent.expression.getText())) return true;
    if (ts.isCallExpression(parent) && apiErrorBuilders.test(parent.expression.getText())) return true;
    if (ts.isCallExpression(parent) && /^console\./.test(parent.expression.getText())) return true;
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return true;
  }
  return false;
}

/** Each English word written in the code rather than looked up: `file:line: text`. */
function wordsWrittenIn(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const note = (node: ts.Node, words: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${file}:${line + 1}: ${words.trim().replace(/\s+/g, ' ')}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (/[A-Za-z]{2,}/.test(node.text) && !isCode(node)) note(node, node.text);
    } else if (ts.isJsxAttribute(node) && spokenAttributes.has(node.name.getText())) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value) && /[A-Za-z]{2,}/.test(value.text)) note(node, value.text);
    } else if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateLiteralToken(node)) &&
      phrase.test(node.text) &&
      !code.test(node.text) &&
      !forDevelopers(node)
    ) {
      note(node, node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('words on screen', () => {
  const files = sourceFiles().map((file) => relative(root, join(root, file)));

  it('are looked up in messages.json, not written in the code', () => {
    const skipped = new Set([...apiAnswers, ...notYetThroughI18n]);
    expect(files.filter((file) => !skipped.has(file)).flatMap(wordsWrittenIn)).toEqual([]);
  });

  it('finds words written in the code (the check above can fail)', () => {
    expect(wordsWrittenIn('shared/ui/outcome-words.ts')).not.toEqual([]);
  });

  it('lists only files that exist and still hold written words', () => {
    for (const file of [...apiAnswers, ...notYetThroughI18n]) {
      expect(files, file).toContain(file);
      expect(wordsWrittenIn(file), file).not.toEqual([]);
    }
  });
});
