/**
 * @module Whether a fetched `catalog.json` may replace the catalog in use: it must be signed by
 * the key this build ships, parse strictly (only data fields), name only built-in providers, and
 * not be older than the catalog in use. The first failed check is the reason given to the user.
 */
import type { z } from 'zod';
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

export type CatalogVerdict =
  | { accepted: true; payload: CatalogUpdatePayload }
  | { accepted: false; current: true }
  | { accepted: false; current?: false; reason: string };

interface AcceptInput {
  crypto: Crypto;
  publicKey: string;
  /** Provider ids of the built-in catalog: an update cannot add a provider (nor its host). */
  knownProviders: ReadonlySet<string>;
  inUse: CatalogVersion;
}

const refused = (reason: string): CatalogVerdict => ({ accepted: false, reason });

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const at = issue?.path.join('.') || 'the top level';
  if (issue?.code === 'unrecognized_keys')
    return `it tries to set ${issue.keys.join(', ')} at ${at}, which only a release may change`;
  return `it is not a valid catalog update (${at}: ${issue?.message})`;
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
  if (!envelope.success) return refused('it is not a catalog file (expected { payload, signature })');
  const { payload, signature } = envelope.data;
  if (signature === null) return refused('it is not signed');
  if (!(await verifyCatalogSignature(input.crypto, input.publicKey, payload, signature)))
    return refused("its signature does not match FreeLLM's catalog key");
  const parsed = catalogUpdatePayloadSchema.safeParse(parseJson(payload));
  if (!parsed.success) return refused(describeIssue(parsed.error));
  const unknown = Object.keys(parsed.data.providers).filter((id) => !input.knownProviders.has(id));
  if (unknown.length > 0)
    return refused(`it adds providers (${unknown.join(', ')}); new providers come only with a release`);
  if (parsed.data.date === input.inUse.date && parsed.data.issuedAt === input.inUse.issuedAt)
    return { accepted: false, current: true };
  if (isOlder(parsed.data, input.inUse))
    return refused(`it is older (${parsed.data.date}) than the catalog in use (${input.inUse.date})`);
  return { accepted: true, payload: parsed.data };
}
