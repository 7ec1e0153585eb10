/** @module The allowed-origins list. The origin always comes from the host (the port's sender). */
import { invalidRequest } from '../openai/error';
import type { FreeLLMDatabase } from '../store/database';
import { originSchema, type OriginGrant } from './origin-grant';

export interface OriginGrants {
  list(): Promise<OriginGrant[]>;
  allow(origin: string): Promise<OriginGrant>;
  revoke(origin: string): Promise<void>;
  isAllowed(origin: string): Promise<boolean>;
}

export function createOriginGrants(db: FreeLLMDatabase, now: () => number): OriginGrants {
  function normalize(origin: string): string {
    const parsed = originSchema.safeParse(origin);
    if (!parsed.success) throw invalidRequest(parsed.error.issues[0]?.message ?? 'Invalid origin', 'origin');
    return parsed.data;
  }
  return {
    list: () => db.grants.orderBy('origin').toArray(),
    async allow(origin) {
      const grant = { origin: normalize(origin), grantedAt: now() };
      await db.grants.put(grant);
      return grant;
    },
    async revoke(origin) {
      await db.grants.delete(normalize(origin));
    },
    async isAllowed(origin) {
      const parsed = originSchema.safeParse(origin);
      return parsed.success && parsed.data === origin && (await db.grants.get(origin)) !== undefined;
    },
  };
}
