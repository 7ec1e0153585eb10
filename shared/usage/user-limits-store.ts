/**
 * @module The user's own rate-limit overrides, kept in the `settings` row `limits` (the row the
 * settings file exports): `{ "groq": { "rpd": 500 }, "gemini/gemini-2.5-flash": { "rpm": 5 } }`.
 * Read once and kept in memory, because the accounting asks for limits synchronously.
 */
import type { FreeLLMDatabase } from '../store/database';
import { keptSetting, readSetting } from '../store/kept-setting';
import { userLimitsSchema, type UserLimits } from './usage-limits';
import { parseOrInvalidRequest } from '../openai/parse-or-invalid-request';

export const LIMITS_SETTING_ID = 'limits';

export interface UserLimitsStore {
  /** Reads the row if it is not kept (first use, or after a settings import wrote it); call before each request. */
  load(): Promise<void>;
  current(): UserLimits;
  save(input: unknown): Promise<UserLimits>;
}

/** The stored overrides; a row that does not parse counts as none. */
export const readUserLimits = (db: FreeLLMDatabase): Promise<UserLimits> =>
  readSetting(db, LIMITS_SETTING_ID, userLimitsSchema, {});

export function createUserLimitsStore(db: FreeLLMDatabase): UserLimitsStore {
  const kept = keptSetting(db, LIMITS_SETTING_ID, userLimitsSchema, {});
  let limits: UserLimits = {};
  return {
    async load() {
      limits = await kept.get();
    },
    current: () => limits,
    async save(input) {
      limits = await kept.save(
        parseOrInvalidRequest(userLimitsSchema, input, { what: 'Invalid limits', param: 'limits' }),
      );
      return limits;
    },
  };
}
