/** @module Writes the settings document from the database; the only way keys leave the vault, and encrypted unless asked otherwise. */
import { readRoutingSettings } from '../router/routing-settings';
import { readUserLimits } from '../usage/user-limits-store';
import { keptCatalogUpdateSetting } from '../catalog/updates/catalog-update-setting';
import { z } from 'zod';
import { providerSettingsSchema } from '../catalog/provider-settings';
import { storedKeySchema } from '../keys/stored-key';
import { invalidRequest } from '../openai/error';
import { newPassphraseSchema } from '../vault/aes-gcm';
import {
  SETTINGS_FORMAT,
  SETTINGS_FORMAT_VERSION,
  type SettingsDocument,
  type SettingsKey,
} from './settings-document';
import { encryptSecrets } from './settings-key-encryption';
import type { SettingsHost } from './settings-host';

export const exportOptionsSchema = z.union([
  z.strictObject({ passphrase: newPassphraseSchema }),
  z.strictObject({ clearKeys: z.literal(true) }),
]);
export type ExportOptions = z.input<typeof exportOptionsSchema>;

const standingGrantSchema = z.object({ origin: z.string(), scope: z.string().optional() });

export async function exportSettings(
  host: Required<SettingsHost>,
  options: ExportOptions,
): Promise<SettingsDocument> {
  const parsedOptions = exportOptionsSchema.safeParse(options);
  if (!parsedOptions.success) {
    throw invalidRequest(
      'Give a passphrase of at least 8 characters to encrypt the keys, or choose explicitly to export them in clear',
      'passphrase',
    );
  }
  const { db, vault } = host;
  const rows = (await db.keys.orderBy('priority').toArray()).flatMap((row) => {
    const parsed = storedKeySchema.safeParse(row);
    // A key removed moments ago (still undoable) is not the user's any more.
    return parsed.success && parsed.data.removedAt === undefined ? [parsed.data] : [];
  });
  const secrets: string[] = [];
  for (const row of rows) secrets.push(await vault.open(row.sealed));

  const overrides: SettingsDocument['providers']['overrides'] = {};
  for (const row of await db.providerSettings.toArray()) {
    const parsed = providerSettingsSchema.safeParse(row);
    if (parsed.success && parsed.data.baseURL !== undefined)
      overrides[parsed.data.providerId] = { baseURL: parsed.data.baseURL };
  }

  const meta = rows.map(({ id, providerId, label, account, enabled }) => ({
    id,
    providerId,
    label,
    ...(account ? { account } : {}),
    enabled,
  }));
  let keyEncryption: SettingsDocument['keyEncryption'] = null;
  let keys: SettingsKey[];
  if ('passphrase' in parsedOptions.data) {
    const result = await encryptSecrets(host.crypto, parsedOptions.data.passphrase, host.iterations, secrets);
    keyEncryption = result.keyEncryption;
    keys = meta.map((key, index) => ({ ...key, ...result.encrypted[index] }));
  } else {
    keys = meta.map((key, index) => ({ ...key, secret: secrets[index] }));
  }

  return {
    format: SETTINGS_FORMAT,
    version: SETTINGS_FORMAT_VERSION,
    exportedAt: new Date(host.now()).toISOString(),
    providers: { overrides, custom: await db.customProviders.toArray() },
    priorities: rows.map((row) => row.id),
    limits: await readUserLimits(db),
    aliases: (await readRoutingSettings(db)).aliases,
    origins: (await db.grants.orderBy('origin').toArray()).flatMap((row) => {
      // "Allow once" grants belong to open tabs of this browser, not to the user's settings.
      const grant = standingGrantSchema.safeParse(row);
      return grant.success && grant.data.scope !== 'tabs' ? [grant.data.origin] : [];
    }),
    catalogUpdates: await keptCatalogUpdateSetting(db).get(),
    keyEncryption,
    keys,
  };
}
