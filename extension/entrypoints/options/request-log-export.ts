/**
 * @module The request log as a file: CSV in the page's words, or JSON as the log keeps it. The log
 * holds no key secret and no prompt, so neither does the file; keys appear by id only. The CSV's
 * cells are for a person and read as the table does, in the user's language; its column names are
 * for programs reading the file and stay the same in every language.
 */
import type { RequestLogEntry } from '../../../shared/request-log/request-log-entry';
import { requestOutcome } from '../../../shared/request-log/request-outcome';
import { attemptsInWords, requestOutcomeWords } from './request-log-words';

const HEADER = [
  'time',
  'site',
  'model asked',
  'stream',
  'status',
  'outcome',
  'served by',
  'latency ms',
  'attempts',
];

/** Quoted when needed, and never read as a formula by a spreadsheet (a site or model is someone else's text). */
function cell(value: string | number | boolean): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function logAsCsv(entries: RequestLogEntry[], providerName: (id: string) => string): string {
  const rows = entries.map((entry) => [
    new Date(entry.at).toISOString(),
    entry.origin,
    entry.model,
    entry.stream,
    entry.status,
    requestOutcomeWords(requestOutcome(entry)),
    entry.provider ? `${providerName(entry.provider)} / ${entry.servedModel ?? ''}` : '',
    entry.latencyMs,
    attemptsInWords(entry.attempts, providerName),
  ]);
  return [HEADER, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function logAsJson(entries: RequestLogEntry[]): string {
  const lines = entries.map(({ id: _id, ...entry }) => ({ ...entry, outcome: requestOutcome(entry) }));
  return JSON.stringify({ object: 'freellm.request_log', entries: lines }, null, 2);
}

/** Hands the text to the browser as a download. */
export function download(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
