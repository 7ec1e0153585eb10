/**
 * @module The settings file, format version 1: a JSON document that carries providers, key order,
 * limits, aliases, allowed origins and keys from one FreeLLM to another. Keys are encrypted with a
 * passphrase unless the user explicitly asked for them in clear. docs/settings.md describes every
 * field; docs/settings.schema.json is generated from this schema.
 */
import { z } from 'zod';
import { PROVIDER_PRESETS } from '../catalog/provider-presets';
import { baseURLSchema } from '../catalog/provider-settings';
import { catalogUpdateSettingSchema } from '../catalog/updates/catalog-update-setting';
import { originSchema } from '../grants/origin-grant';
import { keySecretSchema } from '../keys/key-ring';
import { customProviderSchema } from '../providers/custom-provider';
import { routingSettingsSchema } from '../router/routing-settings';
import { userLimitsSchema } from '../usage/usage-limits';
import { PBKDF2_MAX_ITERATIONS } from '../vault/aes-gcm';

export const SETTINGS_FORMAT = 'freellm-settings';
export const SETTINGS_FORMAT_VERSION = 1;

const providerIdSchema = z
  .string()
  .min(1)
  .max(100)
  .describe('A built-in provider id (e.g. "groq") or the id of a custom provider in this file');

export const keyEncryptionSchema = z
  .strictObject({
    kdf: z.literal('PBKDF2-SHA-256'),
    iterations: z
      .number()
      .int()
      .min(1)
      .max(PBKDF2_MAX_ITERATIONS)
      .describe('PBKDF2 iterations; FreeLLM writes 600000'),
    salt: z.base64().describe('16 random bytes, base64'),
    cipher: z.literal('AES-GCM-256'),
  })
  .describe("How the keys' secrets are encrypted; null when they are in clear");
export type KeyEncryption = z.infer<typeof keyEncryptionSchema>;

export const settingsKeySchema = z
  .strictObject({
    id: z
      .string()
      .min(1)
      .max(200)
      .describe('Stable id; importing a key with an id already stored replaces that key'),
    providerId: providerIdSchema,
    label: z.string().trim().min(1).max(80),
    account: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .optional()
      .describe('Keys with the same account share its free tier'),
    enabled: z.boolean(),
    secret: keySecretSchema.optional().describe('The key in clear: only when keyEncryption is null'),
    iv: z.base64().optional().describe('AES-GCM IV (12 bytes, base64): only when keyEncryption is set'),
    ciphertext: z
      .base64()
      .optional()
      .describe('AES-GCM ciphertext and tag of the key, base64: only when keyEncryption is set'),
  })
  .describe('One provider key');
export type SettingsKey = z.infer<typeof settingsKeySchema>;

export const providerOverrideSchema = z
  .strictObject({
    baseURL: baseURLSchema
      .optional()
      .describe("Replaces the provider's base URL (e.g. a proxy); absent: the default"),
  })
  .describe('Settings that change a built-in provider');

const documentShape = z.strictObject({
  format: z.literal(SETTINGS_FORMAT),
  version: z.literal(SETTINGS_FORMAT_VERSION),
  exportedAt: z.iso.datetime().describe('When the file was written (informational)'),
  providers: z.strictObject({
    overrides: z.record(providerIdSchema, providerOverrideSchema).describe('By provider id'),
    custom: z
      .array(z.strictObject(customProviderSchema.shape))
      .describe('User-defined OpenAI-compatible endpoints'),
  }),
  priorities: z
    .array(z.string())
    .describe('Key ids in the order the router tries them; keys not listed come after, in file order'),
  limits: userLimitsSchema.describe(
    'Rate-limit overrides by provider (groq) or model (groq/openai/gpt-oss-120b): rpm, rpd, tpm, tpd; null removes a limit',
  ),
  aliases: routingSettingsSchema.shape.aliases.describe(
    'Model aliases: a name and the models it stands for, tried in order',
  ),
  origins: z.array(originSchema).describe('Web origins allowed to use FreeLLM, e.g. https://example.com'),
  catalogUpdates: catalogUpdateSettingSchema
    .optional()
    .describe('Signed catalog updates; absent (files from before): left as they are'),
  keyEncryption: keyEncryptionSchema.nullable(),
  keys: z.array(settingsKeySchema),
});

/** Rules that span fields: each carries the path of the field to fix. */
export const settingsDocumentSchema = documentShape.superRefine((document, context) => {
  const issue = (path: (string | number)[], message: string) =>
    context.addIssue({ code: 'custom', path, message });
  const customIds = new Set<string>();
  document.providers.custom.forEach((custom, index) => {
    if (customIds.has(custom.id))
      issue(['providers', 'custom', index, 'id'], `Duplicate custom provider id "${custom.id}"`);
    customIds.add(custom.id);
  });
  const knownProvider = (id: string) =>
    customIds.has(id) || PROVIDER_PRESETS.some((preset) => preset.id === id);
  for (const id of Object.keys(document.providers.overrides)) {
    if (!knownProvider(id)) issue(['providers', 'overrides', id], `Unknown provider "${id}"`);
  }
  const keyIds = new Set<string>();
  document.keys.forEach((key, index) => {
    if (keyIds.has(key.id)) issue(['keys', index, 'id'], `Duplicate key id "${key.id}"`);
    keyIds.add(key.id);
    if (!knownProvider(key.providerId))
      issue(['keys', index, 'providerId'], `Unknown provider "${key.providerId}"`);
    if (document.keyEncryption === null) {
      if (key.secret === undefined) issue(['keys', index, 'secret'], 'Required when keyEncryption is null');
      if (key.iv !== undefined || key.ciphertext !== undefined)
        issue(['keys', index, 'ciphertext'], 'Only allowed when keyEncryption is set');
    } else {
      if (key.secret !== undefined)
        issue(['keys', index, 'secret'], 'Must not be in clear when keyEncryption is set');
      if (key.iv === undefined) issue(['keys', index, 'iv'], 'Required when keyEncryption is set');
      if (key.ciphertext === undefined)
        issue(['keys', index, 'ciphertext'], 'Required when keyEncryption is set');
    }
  });
  const listed = new Set<string>();
  document.priorities.forEach((id, index) => {
    if (!keyIds.has(id)) issue(['priorities', index], `No key in this file has the id "${id}"`);
    if (listed.has(id)) issue(['priorities', index], `Key id "${id}" is listed twice`);
    listed.add(id);
  });
});
export type SettingsDocument = z.infer<typeof settingsDocumentSchema>;
