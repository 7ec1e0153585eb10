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

/** Is this literal the key of an entry in a table (`{ 'name and prefix': … }`), which is never shown? */
function isTableKey(node: ts.Node): boolean {
  return ts.isPropertyAssignment(node.parent) && node.parent.name === node;
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
      !isTableKey(node) &&
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
    expect(files.filter((file) => !apiAnswers.includes(file)).flatMap(wordsWrittenIn)).toEqual([]);
  });

  it('finds words written in the code (the check above can fail)', () => {
    expect(wordsWrittenIn(apiAnswers[0]!)).not.toEqual([]);
  });

  it('lists only files that exist and still hold written words', () => {
    for (const file of apiAnswers) {
      expect(files, file).toContain(file);
      expect(wordsWrittenIn(file), file).not.toEqual([]);
    }
  });
});
