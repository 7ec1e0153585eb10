/** @module The user's switch for catalog updates (on unless turned off), kept in the `settings` row `catalogUpdates`. */
import { z } from 'zod';
import type { FreeLLMDatabase } from '../../store/database';
import { keptSetting } from '../../store/kept-setting';

export const CATALOG_UPDATES_SETTING_ID = 'catalogUpdates';

export const catalogUpdateSettingSchema = z.strictObject({
  enabled: z
    .boolean()
    .describe('Fetch signed catalog updates (at most daily); off: the built-in catalog only'),
});
export type CatalogUpdateSetting = z.infer<typeof catalogUpdateSettingSchema>;

export const keptCatalogUpdateSetting = (db: FreeLLMDatabase) =>
  keptSetting(db, CATALOG_UPDATES_SETTING_ID, catalogUpdateSettingSchema, { enabled: true });
