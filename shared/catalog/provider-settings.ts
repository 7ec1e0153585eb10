/**
 * @module The user's own settings for a built-in provider, one record per provider in the
 * `providerSettings` table: for now a base-URL override (a regional host, a proxy, a local
 * server on another port). Records are parsed on read, so a bad one falls back to the preset.
 */
import { z } from 'zod';
import { customProviderSchema } from '../providers/custom-provider';

/** The same rule as a custom endpoint's: http(s), trailing slashes dropped. */
export const baseURLSchema = customProviderSchema.shape.baseURL;

export const providerSettingsSchema = z.object({
  providerId: z.string().min(1),
  baseURL: baseURLSchema.optional(),
});
export type ProviderSettings = z.infer<typeof providerSettingsSchema>;
