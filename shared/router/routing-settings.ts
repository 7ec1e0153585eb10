/**
 * @module The user's routing preferences, stored as the value of one row (`id: 'routing'`) of the `settings`
 * table: default strategy, aliases and groups, affinity, pacing and time limits. Parsed on read,
 * so a damaged row falls back to the defaults instead of breaking every request.
 */
import { z } from 'zod';
import type { FreeLLMDatabase } from '../store/database';
import { keptSetting, readSetting, writeSetting, type KeptSetting } from '../store/kept-setting';

import { firstByteTimeoutSchema, strategySchema } from '../openai/freellm-options';
import { parseOrInvalidRequest } from '../openai/parse-or-invalid-request';

export { STRATEGIES, strategySchema, type Strategy } from '../openai/freellm-options';

export const routingSettingsSchema = z.object({
  strategy: strategySchema.default('priority'),
  /** Name → targets: one target is an alias, several a group tried as one pool. */
  aliases: z
    .record(z.string().min(1).max(200), z.array(z.string().min(1).max(300)).min(1).max(50))
    .default({}),
  /** Keep follow-up turns of a conversation on the provider that answered before. */
  affinity: z.boolean().default(true),
  /** Spread the daily cap of `smart` models across the day. */
  pacing: z.boolean().default(false),
  /**
   * How long a provider may take to start answering (its body's first byte; a stream's first token)
   * before the next is tried, so a hung provider costs seconds. A provider the catalog knows to
   * be slow to start gets its own, longer limit.
   */
  firstByteTimeoutMs: firstByteTimeoutSchema.default(12_000),
  attemptTimeoutMs: z.number().int().min(100).max(600_000).default(60_000),
  deadlineMs: z.number().int().min(100).max(900_000).default(120_000),
  /** A stream that sends nothing for this long after its first token ends with an error chunk. */
  streamStallMs: z.number().int().min(100).max(600_000).default(30_000),
});
export type RoutingSettings = z.infer<typeof routingSettingsSchema>;
export type RoutingSettingsInput = z.input<typeof routingSettingsSchema>;

const ROW_ID = 'routing';
const DEFAULTS = routingSettingsSchema.parse({});

/** Throws the 400 a caller that sent invalid settings gets. */
export function parseRoutingSettings(input: unknown): RoutingSettings {
  return parseOrInvalidRequest(routingSettingsSchema, input, { what: 'Invalid routing settings' });
}

export const readRoutingSettings = (db: FreeLLMDatabase): Promise<RoutingSettings> =>
  readSetting(db, ROW_ID, routingSettingsSchema, DEFAULTS);

export async function writeRoutingSettings(db: FreeLLMDatabase, input: unknown): Promise<RoutingSettings> {
  return writeSetting(db, ROW_ID, parseRoutingSettings(input));
}

/** The copy the router keeps: every request reads it. */
export const keptRoutingSettings = (db: FreeLLMDatabase): KeptSetting<RoutingSettings> =>
  keptSetting(db, ROW_ID, routingSettingsSchema, DEFAULTS);
