/** @module The user's cache settings (TTL, stored-size cap), kept in the `settings` row `cache`. */
import { z } from 'zod';
import type { FreeLLMDatabase } from '../store/database';
import { keptSetting } from '../store/kept-setting';

export const cacheSettingsSchema = z.object({
  ttlMs: z.number().int().positive().optional(),
  maxStoredBytes: z.number().int().positive().optional(),
});

export const keptCacheSettings = (db: FreeLLMDatabase) => keptSetting(db, 'cache', cacheSettingsSchema, {});
