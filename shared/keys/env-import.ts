/**
 * @module Bulk import from pasted `.env` text, in two steps: `preview` says what would be
 * imported (provider, masked hint, how the provider was recognised) and what is skipped and why;
 * `apply` imports exactly that, after the user's choices. Secrets stay inside the engine: the
 * preview carries masked hints only, and duplicates are found by comparing in memory.
 */
import { z } from 'zod';
import { invalidRequest } from '../openai/error';
import { detectKeyProvider, type DetectedBy, type DetectionWarning } from './detect-key-provider';
import { keySecretSchema, type KeyManager } from './key-ring';
import { parseEnvText, type EnvLineProblem } from './parse-env-text';
import { maskKey, type KeySummary } from './stored-key';
import { parseOrInvalidRequest } from '../openai/parse-or-invalid-request';

export interface EnvImportItem {
  line: number;
  variable: string;
  providerId: string;
  providerName: string;
  /** What the key will be called: the variable's name. */
  label: string;
  hint: string;
  detectedBy: DetectedBy | 'you';
  warning?: DetectionWarning;
}

/** Why a line is not imported: a code and the values its words need, worded by the page. */
export type EnvSkipReason =
  | EnvLineProblem
  | {
      code:
        | 'left-out'
        | 'empty'
        | 'not-a-key'
        | 'provider-unknown'
        | 'key-too-short'
        | 'key-too-long'
        | 'key-has-spaces';
    }
  | { code: 'provider-unavailable'; provider: string }
  | { code: 'already-stored'; label: string; hint: string }
  | { code: 'same-as-line'; line: number };

export interface EnvSkippedLine {
  line: number;
  variable: string | null;
  /** Masked, and only for values that look like keys. */
  hint: string | null;
  reason: EnvSkipReason;
}

export interface EnvImportPreview {
  toImport: EnvImportItem[];
  skipped: EnvSkippedLine[];
}

export const envImportChoicesSchema = z.strictObject({
  /** Line numbers the user unticked. */
  exclude: z.array(z.number().int().positive()).optional(),
  /** Provider picked by the user, by line number, where detection failed or guessed wrong. */
  providers: z.record(z.string().regex(/^\d+$/), z.string().min(1)).optional(),
});
export type EnvImportChoices = z.infer<typeof envImportChoicesSchema>;

export interface EnvImport {
  preview(text: string, choices?: EnvImportChoices): Promise<EnvImportPreview>;
  /** Imports what `preview` lists with the same text and choices, all or nothing. */
  apply(
    text: string,
    choices?: EnvImportChoices,
  ): Promise<{ imported: KeySummary[]; skipped: EnvSkippedLine[] }>;
}

/** Generous for any real `.env`, small enough that a stray paste cannot stall the worker. */
const MAX_TEXT_LENGTH = 200_000;

interface Planned extends EnvImportItem {
  secret: string;
}

export function createEnvImport(
  keyRing: KeyManager,
  providers: { list(): Promise<{ id: string; name: string }[]> },
): EnvImport {
  async function plan(
    text: string,
    rawChoices: EnvImportChoices = {},
  ): Promise<{ planned: Planned[]; skipped: EnvSkippedLine[] }> {
    if (typeof text !== 'string' || text.length > MAX_TEXT_LENGTH)
      throw invalidRequest(`Paste at most ${MAX_TEXT_LENGTH} characters of .env text`, 'text', {
        reason: 'too_big',
        maximum: MAX_TEXT_LENGTH,
      });
    const choices = parseOrInvalidRequest(envImportChoicesSchema, rawChoices, {
      what: 'Invalid import choices',
      param: 'choices',
    });
    const known = new Map((await providers.list()).map((provider) => [provider.id, provider.name]));
    const excluded = new Set(choices.exclude ?? []);
    const planned: Planned[] = [];
    const skipped: EnvSkippedLine[] = [];
    const skip = (line: number, variable: string | null, hint: string | null, reason: EnvSkipReason) =>
      skipped.push({ line, variable, hint, reason });

    for (const entry of parseEnvText(text)) {
      if (entry.kind === 'malformed') {
        skip(entry.line, null, null, entry.reason);
        continue;
      }
      const { line, name: variable, value } = entry;
      const chosen = choices.providers?.[String(line)];
      if (chosen !== undefined && !known.has(chosen))
        throw invalidRequest(`Line ${line}: there is no provider "${chosen}"`, `choices.providers.${line}`);
      const detection = detectKeyProvider(variable, value);
      const source =
        chosen !== undefined
          ? { providerId: chosen, detectedBy: 'you' as const }
          : detection.found
            ? {
                providerId: detection.preset.id,
                detectedBy: detection.detectedBy,
                warning: detection.warning,
              }
            : undefined;
      const hint =
        (source || detection.found || detection.keyLike) && value.trim() !== ''
          ? maskKey(value.trim())
          : null;
      const secret = keySecretSchema.safeParse(value);
      if (excluded.has(line)) skip(line, variable, hint, { code: 'left-out' });
      else if (value.trim() === '') skip(line, variable, null, { code: 'empty' });
      else if (hint === null) skip(line, variable, null, { code: 'not-a-key' });
      else if (!source) skip(line, variable, hint, { code: 'provider-unknown' });
      else if (!known.has(source.providerId))
        skip(line, variable, hint, {
          code: 'provider-unavailable',
          provider: detection.found ? detection.preset.name : source.providerId,
        });
      else if (!secret.success) skip(line, variable, hint, secretProblem(secret.error));
      else {
        const { providerId, detectedBy, warning } = { warning: undefined, ...source };
        planned.push({
          line,
          variable,
          providerId,
          providerName: known.get(providerId)!,
          label: variable.slice(0, 80),
          hint: maskKey(secret.data),
          detectedBy,
          ...(warning ? { warning } : {}),
          secret: secret.data,
        });
      }
    }
    return dropDuplicates(planned, skipped, await keyRing.matchStored(planned.map((item) => item.secret)));
  }

  return {
    async preview(text, choices) {
      const { planned, skipped } = await plan(text, choices);
      return { toImport: planned.map(({ secret: _secret, ...item }) => item), skipped };
    },
    async apply(text, choices) {
      const { planned, skipped } = await plan(text, choices);
      const imported = await keyRing.addMany(
        planned.map(({ providerId, label, secret }) => ({ providerId, label, secret })),
      );
      return { imported, skipped };
    },
  };
}

/** What keeps a value from being a key, as `keySecretSchema` checks it. */
function secretProblem(error: z.ZodError): EnvSkipReason {
  const issue = error.issues[0];
  if (issue?.code === 'too_small') return { code: 'key-too-short' };
  if (issue?.code === 'too_big') return { code: 'key-too-long' };
  return { code: 'key-has-spaces' };
}

/** Keeps the first of identical keys in the text, and none already stored. */
function dropDuplicates(planned: Planned[], skipped: EnvSkippedLine[], stored: (KeySummary | undefined)[]) {
  const firstLine = new Map<string, number>();
  const kept: Planned[] = [];
  for (const [index, item] of planned.entries()) {
    const match = stored[index];
    const earlier = firstLine.get(item.secret);
    const reason: EnvSkipReason | undefined = match
      ? { code: 'already-stored', label: match.label, hint: match.hint }
      : earlier !== undefined
        ? { code: 'same-as-line', line: earlier }
        : undefined;
    if (reason) {
      skipped.push({ line: item.line, variable: item.variable, hint: item.hint, reason });
      continue;
    }
    firstLine.set(item.secret, item.line);
    kept.push(item);
  }
  skipped.sort((a, b) => a.line - b.line);
  return { planned: kept, skipped };
}
