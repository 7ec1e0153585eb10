/**
 * @module Whether a fetched `catalog.json` may replace the catalog in use: it must be signed by
 * the key this build ships, parse strictly (only data fields), name only built-in providers, and
 * not be older than the catalog in use. The first failed check is the reason given to the user,
 * as a code and values that the options page words (the reason is kept with the last attempt).
 */
import { z } from 'zod';
import {
  catalogEnvelopeSchema,
  catalogUpdatePayloadSchema,
  type CatalogUpdatePayload,
} from './catalog-update-schema';
import { verifyCatalogSignature } from './catalog-signature';

/** The catalog in use, as updates are ordered: by day, then by when it was issued (none: built-in). */
export interface CatalogVersion {
  date: string;
  issuedAt?: string;
}

/** Why an update was refused. `at` is the path in the update; absent, its top level. */
export const catalogRefusalSchema = z.union([
  z.object({ code: z.enum(['not-a-catalog-file', 'not-signed', 'bad-signature']) }),
  z.object({ code: z.literal('sets-fixed-fields'), fields: z.array(z.string()), at: z.string().optional() }),
  /** `detail` is the schema's own message, for the catalog's maintainers. */
  z.object({ code: z.literal('invalid'), detail: z.string(), at: z.string().optional() }),
  z.object({ code: z.literal('adds-providers'), providers: z.array(z.string()) }),
  z.object({ code: z.literal('older'), date: z.string(), inUse: z.string() }),
]);
export type CatalogRefusal = z.infer<typeof catalogRefusalSchema>;

export type CatalogVerdict =
  | { accepted: true; payload: CatalogUpdatePayload }
  | { accepted: false; current: true }
  | { accepted: false; current?: false; reason: CatalogRefusal };

interface AcceptInput {
  crypto: Crypto;
  publicKey: string;
  /** Provider ids of the built-in catalog: an update cannot add a provider (nor its host). */
  knownProviders: ReadonlySet<string>;
  inUse: CatalogVersion;
}

const refused = (reason: CatalogRefusal): CatalogVerdict => ({ accepted: false, reason });

function describeIssue(error: z.ZodError): CatalogRefusal {
  const issue = error.issues[0];
  const path = issue?.path.join('.');
  const at = path ? { at: path } : {};
  if (issue?.code === 'unrecognized_keys') return { code: 'sets-fixed-fields', fields: issue.keys, ...at };
  return { code: 'invalid', detail: issue?.message ?? '', ...at };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isOlder(update: CatalogUpdatePayload, inUse: CatalogVersion): boolean {
  if (update.date !== inUse.date) return update.date < inUse.date;
  return inUse.issuedAt !== undefined && update.issuedAt < inUse.issuedAt;
}

export async function acceptCatalogUpdate(text: string, input: AcceptInput): Promise<CatalogVerdict> {
  const envelope = catalogEnvelopeSchema.safeParse(parseJson(text));
  if (!envelope.success) return refused({ code: 'not-a-catalog-file' });
  const { payload, signature } = envelope.data;
  if (signature === null) return refused({ code: 'not-signed' });
  if (!(await verifyCatalogSignature(input.crypto, input.publicKey, payload, signature)))
    return refused({ code: 'bad-signature' });
  const parsed = catalogUpdatePayloadSchema.safeParse(parseJson(payload));
  if (!parsed.success) return refused(describeIssue(parsed.error));
  const unknown = Object.keys(parsed.data.providers).filter((id) => !input.knownProviders.has(id));
  if (unknown.length > 0) return refused({ code: 'adds-providers', providers: unknown });
  if (parsed.data.date === input.inUse.date && parsed.data.issuedAt === input.inUse.issuedAt)
    return { accepted: false, current: true };
  if (isOlder(parsed.data, input.inUse))
    return refused({ code: 'older', date: parsed.data.date, inUse: input.inUse.date });
  return { accepted: true, payload: parsed.data };
}
