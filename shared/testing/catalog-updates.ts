/**
 * Signed catalog updates for tests: the committed test key pair (never trusted outside tests),
 * the published catalog dated after the built-in one, and hostile variants built from it.
 */
import { readFileSync } from 'node:fs';
import { PROVIDER_PRESETS } from '../catalog/provider-presets';
import { catalogDateOf, catalogPayloadOf } from '../catalog/updates/catalog-data';
import { signCatalogPayload } from '../catalog/updates/catalog-signature';
import type { CatalogProviderData, CatalogUpdatePayload } from '../catalog/updates/catalog-update-schema';

export const TEST_CATALOG_KEY = JSON.parse(
  readFileSync(new URL('../catalog/updates/__fixtures__/test-signing-key.json', import.meta.url), 'utf8'),
) as { publicKey: string; privateKeyPkcs8: string };

export const GROQ_DEFAULT = 'openai/gpt-oss-120b';

/** The day `days` after the built-in catalog's, `YYYY-MM-DD`. */
export function dayAfterBuiltIn(days: number): string {
  return new Date(Date.parse(catalogDateOf(PROVIDER_PRESETS)) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A payload as a hostile server may write it: with fields the schema refuses. */
export type TestPayload = Omit<CatalogUpdatePayload, 'providers'> & {
  providers: Record<string, CatalogProviderData & { baseURL?: string }>;
};

export function groqOf(payload: TestPayload) {
  const groq = payload.providers.groq;
  if (!groq) throw new Error('The published catalog has no Groq');
  return groq;
}

/** The published catalog of `date`, changed by `change`. */
export function catalogPayloadWith(change: (payload: TestPayload) => void, date: string): TestPayload {
  const payload = structuredClone(
    catalogPayloadOf(PROVIDER_PRESETS, { issuedAt: `${date}T08:00:00.000Z`, source: 'test' }),
  ) as TestPayload;
  payload.date = date;
  change(payload);
  return payload;
}

/** Sets the requests-per-minute limit of Groq's default model. */
export const groqRpm = (rpm: number) => (payload: TestPayload) => {
  const limits = groqOf(payload).models.find((model) => model.id === GROQ_DEFAULT)?.freeTier;
  if (!limits?.rpm) throw new Error("The published catalog has no RPM for Groq's default");
  limits.rpm.value = rpm;
};

/** `catalog.json` as the build writes it, signed with the test key unless another is given. */
export async function signedCatalog(
  payload: TestPayload,
  pkcs8 = TEST_CATALOG_KEY.privateKeyPkcs8,
): Promise<string> {
  const text = JSON.stringify(payload);
  return JSON.stringify({ payload: text, signature: await signCatalogPayload(crypto, pkcs8, text) });
}

/** A signed `catalog.json` whose payload was then changed: `"value":<from>,` (the first) becomes `<to>`. */
export async function tamperedCatalog(payload: TestPayload, from: number, to: number): Promise<string> {
  const envelope = JSON.parse(await signedCatalog(payload)) as { payload: string; signature: string };
  const changed = envelope.payload.replace(`"value":${from},`, `"value":${to},`);
  if (changed === envelope.payload) throw new Error(`No "value":${from} to tamper with`);
  return JSON.stringify({ ...envelope, payload: changed });
}
