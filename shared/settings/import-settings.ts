/**
 * @module Reads a settings document and merges it into the database: everything is checked first
 * (schema, cross-field rules, decrypting every key), then written in one transaction, so a bad
 * file changes nothing. Merge rules: lists (keys, custom providers, origins) by id, records
 * (overrides, limits, aliases) by entry; the file wins where both have the same id or entry.
 */
import { readRoutingSettings, writeRoutingSettings } from '../router/routing-settings';
import { z } from 'zod';
import { originGrantSchema } from '../grants/origin-grant';
import { sealNewKey, type SealedKeyFields } from '../keys/key-ring';
import { storedKeySchema, type StoredKey } from '../keys/stored-key';
import { errorWithCode, FreeLLMError, type ErrorValues } from '../openai/error';
import { forgetKeptCopies } from '../store/kept-copies';
import { readSetting, writeSetting } from '../store/kept-setting';
import { LIMITS_SETTING_ID } from '../usage/user-limits-store';
import { CATALOG_UPDATES_SETTING_ID } from '../catalog/updates/catalog-update-setting';
import { settingsDocumentSchema, type SettingsDocument } from './settings-document';
import { decryptSecrets } from './settings-key-encryption';
import type { SettingsHost } from './settings-host';

export interface ImportOptions {
  /** Required when the file's keys are encrypted. */
  passphrase?: string;
}

export interface ImportSummary {
  /** A key is skipped when another stored key holds the same secret: that one is named. */
  keys: {
    added: number;
    replaced: number;
    skipped: { id: string; sameKeyAs: { label: string; hint: string } }[];
  };
  customProviders: number;
  providerOverrides: number;
  origins: number;
}

function invalidSettings(message: string, param: string | null, values: ErrorValues): FreeLLMError {
  return errorWithCode('invalid_settings', message, { param, values });
}

function parseDocument(input: unknown): SettingsDocument {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw invalidSettings(
        'This is not a FreeLLM settings file: it is not valid JSON. Nothing was imported.',
        null,
        { reason: 'not_json' },
      );
    }
  }
  const parsed = settingsDocumentSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const [first, ...others] = parsed.error.issues;
  const param = first?.path.length ? z.core.toDotPath(first.path) : null;
  const more = others.length > 0 ? ` (and ${others.length} more problem${others.length > 1 ? 's' : ''})` : '';
  throw invalidSettings(
    `Invalid settings file${param ? ` at ${param}` : ''}: ${first?.message}${more}. Nothing was imported.`,
    param,
    // zod's own words for the problem stay English: they name the file's fields and values.
    { reason: 'does_not_parse', problem: first?.message ?? '', more: others.length },
  );
}

async function readSecrets(
  host: SettingsHost,
  document: SettingsDocument,
  passphrase: string | undefined,
): Promise<string[]> {
  if (document.keyEncryption === null) return document.keys.map((key) => key.secret ?? '');
  if (document.keys.length === 0) return [];
  if (!passphrase) {
    throw errorWithCode(
      'passphrase_required',
      'The keys in this file are encrypted: give the passphrase they were exported with. Nothing was imported.',
      { param: 'passphrase' },
    );
  }
  const encrypted = document.keys.map((key) => ({ iv: key.iv ?? '', ciphertext: key.ciphertext ?? '' }));
  return decryptSecrets(host.crypto, passphrase, document.keyEncryption, encrypted);
}

/** The file's keys in its priority order: the listed ids first, then the rest in file order. */
function inPriorityOrder<T extends { id: string }>(document: SettingsDocument, keys: T[]): T[] {
  const rank = new Map(document.priorities.map((id, index) => [id, index]));
  return keys
    .map((key, index) => ({ key, rank: rank.get(key.id) ?? document.priorities.length + index }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ key }) => key);
}

export async function importSettings(
  host: Required<SettingsHost>,
  input: unknown,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const document = parseDocument(input);
  const secrets = await readSecrets(host, document, options.passphrase);
  const matches = await host.keyRing.matchStored(secrets);
  const skipped: ImportSummary['keys']['skipped'] = [];
  const incoming: (SealedKeyFields & { id: string; enabled: boolean })[] = [];
  for (const [index, key] of document.keys.entries()) {
    const match = matches[index];
    if (match && match.id !== key.id) {
      skipped.push({ id: key.id, sameKeyAs: { label: match.label, hint: match.hint } });
      continue;
    }
    const fields = await sealNewKey(
      host.vault,
      { providerId: key.providerId, label: key.label, account: key.account, secret: secrets[index] ?? '' },
      `keys[${index}]`,
    );
    incoming.push({ ...fields, id: key.id, enabled: key.enabled });
  }

  const { db, now } = host;
  const replaced = await db.transaction(
    'rw',
    [db.keys, db.customProviders, db.grants, db.providerSettings, db.settings],
    async () => {
      await db.customProviders.bulkPut(document.providers.custom);
      for (const [providerId, override] of Object.entries(document.providers.overrides)) {
        const { baseURL: _old, ...rest } = (await db.providerSettings.get(providerId)) ?? { providerId };
        await db.providerSettings.put({ ...rest, providerId, ...override });
      }
      // Merged entry by entry with whatever is stored, even entries this version would not parse.
      const stored = await readSetting(db, LIMITS_SETTING_ID, z.record(z.string(), z.unknown()), {});
      await writeSetting(db, LIMITS_SETTING_ID, { ...stored, ...document.limits });
      const routing = await readRoutingSettings(db);
      await writeRoutingSettings(db, { ...routing, aliases: { ...routing.aliases, ...document.aliases } });
      if (document.catalogUpdates)
        await writeSetting(db, CATALOG_UPDATES_SETTING_ID, document.catalogUpdates);
      for (const origin of document.origins) {
        if (!(await db.grants.get(origin)))
          await db.grants.add(originGrantSchema.parse({ origin, grantedAt: now() }));
      }
      const existing = (await db.keys.orderBy('priority').toArray()).flatMap((row) => {
        const parsed = storedKeySchema.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      });
      // A key removed moments ago (still undoable) that the file brings back is added, not replaced.
      const existingById = new Map(
        existing.filter((key) => key.removedAt === undefined).map((key) => [key.id, key]),
      );
      const incomingIds = new Set(incoming.map((key) => key.id));
      const ordered: StoredKey[] = [
        ...existing.filter((key) => !incomingIds.has(key.id)),
        ...inPriorityOrder(document, incoming).map((key) => ({
          ...key,
          priority: 0,
          createdAt: existingById.get(key.id)?.createdAt ?? now(),
        })),
      ];
      await db.keys.bulkPut(ordered.map((key, index) => ({ ...key, priority: index + 1 })));
      return incoming.filter((key) => existingById.has(key.id)).length;
    },
  );
  // Written around the modules that keep these tables: each reads them again.
  forgetKeptCopies(db);

  return {
    keys: { added: incoming.length - replaced, replaced, skipped },
    customProviders: document.providers.custom.length,
    providerOverrides: Object.keys(document.providers.overrides).length,
    origins: document.origins.length,
  };
}
