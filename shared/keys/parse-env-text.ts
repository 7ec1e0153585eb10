/**
 * @module Reads pasted `.env` text into `NAME=value` entries, following dotenv's rules: `#`
 * comments, blank lines, an optional `export `, single, double or backtick quotes, an inline
 * comment after an unquoted value, and LF, CRLF or CR line ends. A line it cannot read is
 * reported with its number and why (a code the page words), never with its content (it may hold a key).
 * @see https://github.com/motdotla/dotenv#what-rules-does-the-parsing-engine-follow
 */

/** Why a line cannot be read. */
export type EnvLineProblem = { code: 'not-an-assignment' } | { code: 'quote-not-closed'; variable: string };

export type EnvLine =
  | { kind: 'entry'; line: number; name: string; value: string }
  | { kind: 'malformed'; line: number; reason: EnvLineProblem };

const ASSIGNMENT = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/;
const QUOTES = new Set(['"', "'", '`']);

/** Entries and unreadable lines, in order; blank lines and comments are left out. */
export function parseEnvText(text: string): EnvLine[] {
  return text.split(/\r\n|\n|\r/).flatMap((raw, index): EnvLine[] => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return [];
    const match = ASSIGNMENT.exec(trimmed);
    if (!match) return [{ kind: 'malformed', line, reason: { code: 'not-an-assignment' } }];
    const [, name = '', rest = ''] = match;
    const value = readValue(rest);
    return value === undefined
      ? [{ kind: 'malformed', line, reason: { code: 'quote-not-closed', variable: name } }]
      : [{ kind: 'entry', line, name, value }];
  });
}

/** The value after `=`: quoted up to its closing quote, or unquoted up to a comment. */
function readValue(rest: string): string | undefined {
  const quote = rest[0];
  if (quote === undefined || !QUOTES.has(quote)) return rest.replace(/\s+#.*$/, '').trim();
  let value = '';
  for (let index = 1; index < rest.length; index += 1) {
    const char = rest[index];
    if (char === quote) {
      const after = rest.slice(index + 1).trim();
      return after === '' || after.startsWith('#') ? value : undefined;
    }
    // Only double quotes take escapes, as in dotenv: \" and \n.
    if (char === '\\' && quote === '"' && index + 1 < rest.length) {
      const next = rest[index + 1];
      value += next === 'n' ? '\n' : next;
      index += 1;
      continue;
    }
    value += char;
  }
  return undefined;
}
