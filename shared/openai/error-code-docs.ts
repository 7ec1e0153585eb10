/**
 * @module The error table as docs/page-api.md shows it and the code union freellm.d.ts gives page
 * authors, both rendered from error-codes.ts into marked regions of those files
 * (scripts/generate-error-docs.ts writes them; error-code-docs.test.ts fails while they are stale).
 */
import { ERROR_CODES, type ErrorCode, type ErrorCodeEntry } from './error-codes';

export type PageErrorCode = {
  [Code in ErrorCode]: (typeof ERROR_CODES)[Code]['scope'] extends 'request' ? Code : never;
}[ErrorCode];

const BEGIN = 'generated from shared/openai/error-codes.ts by scripts/generate-error-docs.ts: do not edit';
const END = 'end of generated';

const inScope = (scope: ErrorCodeEntry['scope']) =>
  (Object.entries(ERROR_CODES) as [ErrorCode, ErrorCodeEntry][])
    .filter(([, entry]) => entry.scope === scope)
    .sort(([, a], [, b]) => a.status - b.status);

const cell = (text: string) => text.replaceAll('|', '\\|');

function markdownTable(scope: ErrorCodeEntry['scope']): string {
  const rows = inScope(scope).map(
    ([code, entry]) =>
      `| ${entry.status} | \`${entry.type}\` / \`${code}\` | ${cell(entry.meaning)} | ${cell(entry.remedy)} |`,
  );
  return ['| status | `type` / `code` | when | what to do |', '|---|---|---|---|', ...rows].join('\n');
}

export function errorTableMarkdown(): string {
  return [
    markdownTable('request'),
    '',
    "The extension's own pages (options, popup) can also meet these, never a web page:",
    '',
    markdownTable('management'),
  ].join('\n');
}

export function pageErrorCodeUnion(): string {
  const codes = inScope('request').map(([code]) => `  | '${code}'`);
  return (
    [
      "/** The codes of FreeLLM's own errors; docs/page-api.md says what each means and what to do. */",
      'export type FreeLLMErrorCode =',
      ...codes,
    ].join('\n') + ';'
  );
}

/** `text` with the region between the generated markers (in `comment` syntax) holding `content`. */
export function withGeneratedRegion(
  text: string,
  content: string,
  comment: (line: string) => string,
): string {
  const begin = comment(BEGIN);
  const end = comment(END);
  const from = text.indexOf(begin);
  const to = text.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`No generated region marked "${begin}" … "${end}"`);
  return `${text.slice(0, from + begin.length)}\n${content}\n${text.slice(to)}`;
}

export const markdownComment = (line: string) => `<!-- ${line} -->`;
export const typescriptComment = (line: string) => `// ${line}`;
