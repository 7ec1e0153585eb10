/**
 * @module The user's own rate-limit overrides, kept in the `settings` row `limits` (the row the
 * settings file exports): `{ "groq": { "rpd": 500 }, "gemini/gemini-2.5-flash": { "rpm": 5 } }`.
 * Read once and kept in memory, because the accounting asks for limits synchronously.
 */
import { invalidRequest } from '../openai/error';
import { LIMITS_SETTING_ID } from '../settings/settings-document';
import type { FreeLLMDatabase } from '../store/database';
import { userLimitsSchema, type UserLimits } from './usage-limits';

export interface UserLimitsStore {
  /** Loads the row once; call before the first request. */
  load(): Promise<void>;
  current(): UserLimits;
  save(input: unknown): Promise<UserLimits>;
  /** Reads the row again (after a settings import wrote it). */
  forget(): void;
}

/** The stored overrides; a row that does not parse counts as none. */
export async function readUserLimits(db: FreeLLMDatabase): Promise<UserLimits> {
  const parsed = userLimitsSchema.safeParse((await db.settings.get(LIMITS_SETTING_ID))?.value);
  return parsed.success ? parsed.data : {};
}

export function createUserLimitsStore(db: FreeLLMDatabase): UserLimitsStore {
  let limits: UserLimits = {};
  let loading: Promise<void> | undefined;
  return {
    load() {
      loading ??= readUserLimits(db).then((stored) => {
        limits = stored;
      }, () => undefined);
      return loading;
    },
    current: () => limits,
    async save(input) {
      const parsed = userLimitsSchema.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw invalidRequest(`Invalid limits: ${issue?.message}`, ['limits', ...(issue?.path ?? [])].join('.'));
      }
      await db.settings.put({ id: LIMITS_SETTING_ID, value: parsed.data });
      limits = parsed.data;
      return limits;
    },
    forget() {
      loading = undefined;
    },
  };
}
