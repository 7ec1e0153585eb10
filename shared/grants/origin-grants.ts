/**
 * @module The allowed-origins list and each origin's own limits. The origin, tab and frame
 * always come from the host (the browser-reported sender), never from what a page says.
 */
import { errorWithCode, FreeLLMError, invalidRequest } from '../openai/error';
import type { FreeLLMDatabase } from '../store/database';
import {
  originGrantSchema,
  originSchema,
  type OriginGrant,
  type OriginLimits,
  type OriginUsage,
} from './origin-grant';
import { siteOriginSchema } from './site-origin';
import { createWriteBehind, type WriteBehind } from '../store/write-behind';
import { keepCopy } from '../store/kept-copies';
import { parseOrInvalidRequest } from '../openai/parse-or-invalid-request';

export interface PageCaller {
  origin: string;
  tabId?: number;
  /** True when the request comes from an embedded frame rather than the tab's top frame. */
  embedded?: boolean;
}

export interface OriginGrants {
  list(): Promise<OriginGrant[]>;
  allow(origin: string): Promise<OriginGrant>;
  /** "Allow once": this tab only, until it closes. */
  allowTab(origin: string, tabId: number): Promise<OriginGrant>;
  forgetTab(tabId: number): Promise<void>;
  revoke(origin: string): Promise<void>;
  configure(
    origin: string,
    change: { allowFrames?: boolean; limits?: Partial<OriginLimits> },
  ): Promise<OriginGrant>;
  isAllowed(caller: PageCaller): Promise<boolean>;
  /** Throws the 403 a caller that is not allowed gets. */
  check(caller: PageCaller): Promise<void>;
  /** Checks, then counts one request against the origin's limits, or throws the 403/429 the caller gets. */
  admit(caller: PageCaller): Promise<void>;
  /** Takes back a request counted at `at` that never reached a provider, while its windows last. */
  release(caller: PageCaller, at: number): Promise<void>;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

function normalize(origin: string): string {
  return parseOrInvalidRequest(originSchema, origin, { param: 'origin' });
}

function covers(grant: OriginGrant | undefined, caller: PageCaller): grant is OriginGrant {
  if (!grant) return false;
  if (caller.embedded && !grant.allowFrames) return false;
  return grant.scope === 'always' || (caller.tabId !== undefined && grant.tabIds.includes(caller.tabId));
}

function nextUsage(usage: OriginUsage | undefined, now: number): OriginUsage {
  const minuteStart = Math.floor(now / MINUTE) * MINUTE;
  const dayStart = Math.floor(now / DAY) * DAY;
  return {
    minuteStart,
    minuteCount: usage?.minuteStart === minuteStart ? usage.minuteCount : 0,
    dayStart,
    dayCount: usage?.dayStart === dayStart ? usage.dayCount : 0,
  };
}

/** A site's own windows as of `at`: the user's limits, what it used, and when each window starts again. */
export function siteWindows(grant: OriginGrant, at: number) {
  const usage = nextUsage(grant.usage, at);
  return {
    minute: {
      limit: grant.limits.requestsPerMinute,
      used: usage.minuteCount,
      resetsAt: usage.minuteStart + MINUTE,
    },
    day: { limit: grant.limits.requestsPerDay, used: usage.dayCount, resetsAt: usage.dayStart + DAY },
  };
}

function refusal(caller: PageCaller): FreeLLMError {
  const where = caller.embedded ? `An embedded frame of ${caller.origin}` : caller.origin;
  const fix = caller.embedded
    ? 'Allow embedded frames for this site in the FreeLLM options page (Sites).'
    : 'Call freellm.requestAccess() or allow it in the FreeLLM options page (Sites).';
  return errorWithCode(
    caller.embedded ? 'frame_not_allowed' : 'origin_not_allowed',
    `${where} is not allowed to use FreeLLM. ${fix}`,
  );
}

/**
 * Grants live in memory, loaded once and written behind: every page request checks (and counts
 * against) its grant, and an IndexedDB round trip per request would be most of the extension's
 * overhead. The engine owns its database, so the memory copy stays authoritative (a settings
 * import, which writes around it, makes it read again); a change the user makes is on disk
 * before the call returns.
 */
export function createOriginGrants(
  db: FreeLLMDatabase,
  now: () => number,
  writeBehind: WriteBehind = createWriteBehind(),
): OriginGrants {
  let loaded: Promise<Map<string, OriginGrant>> | undefined;
  const grants = () =>
    (loaded ??= db.grants.toArray().then(
      (rows) =>
        new Map(
          rows.flatMap((row) => {
            const parsed = originGrantSchema.safeParse(row);
            return parsed.success ? [[parsed.data.origin, parsed.data] as const] : [];
          }),
        ),
    ));
  // A writer elsewhere (a settings import) changed the table.
  keepCopy(db, () => {
    loaded = undefined;
  });
  const read = async (origin: string) => (await grants()).get(origin);
  /** Origins whose grant changed since the last write; a batch writes each one's latest state. */
  const dirty = new Set<string>();
  const writeDirty = async () => {
    const map = await grants();
    const origins = [...dirty];
    dirty.clear();
    await db.grants.bulkPut(origins.flatMap((origin) => map.get(origin) ?? []));
    await db.grants.bulkDelete(origins.filter((origin) => !map.has(origin)));
  };
  const persist = (origin: string) => {
    dirty.add(origin);
    void writeBehind.once(writeDirty);
  };
  async function update(
    origin: string,
    change: (grant: OriginGrant | undefined) => OriginGrant | undefined,
    wait = true,
  ): Promise<OriginGrant | undefined> {
    const map = await grants();
    const next = change(map.get(origin));
    if (next) map.set(origin, next);
    else map.delete(origin);
    persist(origin);
    if (wait) await writeBehind.settled();
    return next;
  }
  const fresh = (origin: string, scope: OriginGrant['scope']): OriginGrant =>
    originGrantSchema.parse({ origin, grantedAt: now(), scope });

  return {
    async list() {
      return [...(await grants()).values()].sort((a, b) => a.origin.localeCompare(b.origin));
    },
    async allow(origin) {
      // Typed by the user or asked by a page: either way a site the page API runs on.
      const key = parseOrInvalidRequest(siteOriginSchema, origin, { param: 'origin' });
      return (await update(key, (grant) => ({
        ...(grant ?? fresh(key, 'always')),
        scope: 'always',
        tabIds: [],
      }))) as OriginGrant;
    },
    async allowTab(origin, tabId) {
      const key = normalize(origin);
      return (await update(key, (grant) => {
        const base = grant ?? fresh(key, 'tabs');
        return base.scope === 'always' ? base : { ...base, tabIds: [...new Set([...base.tabIds, tabId])] };
      })) as OriginGrant;
    },
    async forgetTab(tabId) {
      const rows = await this.list();
      for (const grant of rows.filter((row) => row.scope === 'tabs' && row.tabIds.includes(tabId))) {
        await update(grant.origin, (current) => {
          if (!current) return undefined;
          const tabIds = current.tabIds.filter((id) => id !== tabId);
          return tabIds.length > 0 ? { ...current, tabIds } : undefined;
        });
      }
    },
    async revoke(origin) {
      await update(normalize(origin), () => undefined);
    },
    async configure(origin, change) {
      const key = normalize(origin);
      const next = await update(
        key,
        (grant) =>
          grant && {
            ...grant,
            allowFrames: change.allowFrames ?? grant.allowFrames,
            limits: { ...grant.limits, ...change.limits },
          },
      );
      if (!next)
        throw invalidRequest(`${key} is not an allowed site.`, 'origin', {
          reason: 'not_allowed',
          origin: key,
        });
      return next;
    },
    async isAllowed(caller) {
      const parsed = originSchema.safeParse(caller.origin);
      return parsed.success && parsed.data === caller.origin && covers(await read(caller.origin), caller);
    },
    async check(caller) {
      if (!(await this.isAllowed(caller))) throw refusal(caller);
    },
    async admit(caller) {
      await this.check(caller);
      const at = now();
      await update(
        caller.origin,
        (grant) => grant && { ...grant, usage: countRequest(caller.origin, grant, at) },
        false,
      );
    },
    async release(caller, at) {
      await update(
        caller.origin,
        (grant) => {
          if (!grant?.usage) return grant;
          const { usage } = grant;
          const current = nextUsage(usage, at);
          return {
            ...grant,
            usage: {
              ...usage,
              minuteCount:
                current.minuteStart === usage.minuteStart
                  ? Math.max(0, usage.minuteCount - 1)
                  : usage.minuteCount,
              dayCount:
                current.dayStart === usage.dayStart ? Math.max(0, usage.dayCount - 1) : usage.dayCount,
            },
          };
        },
        false,
      );
    },
  };
}

/**
 * The caller's windows with one more request counted, or the 429 it gets when one of its own
 * limits is reached (a site's, or the local endpoint's).
 */
export function countRequest(
  who: string,
  { limits, usage: before }: { limits: OriginLimits; usage?: OriginUsage },
  at: number,
  section = 'Sites',
): OriginUsage {
  const usage = nextUsage(before, at);
  const { requestsPerMinute, requestsPerDay } = limits;
  if (requestsPerMinute !== null && usage.minuteCount >= requestsPerMinute)
    throw originLimited(
      who,
      `${requestsPerMinute} requests per minute`,
      usage.minuteStart + MINUTE - at,
      section,
    );
  if (requestsPerDay !== null && usage.dayCount >= requestsPerDay)
    throw originLimited(who, `${requestsPerDay} requests per day`, usage.dayStart + DAY - at, section);
  return { ...usage, minuteCount: usage.minuteCount + 1, dayCount: usage.dayCount + 1 };
}

function originLimited(origin: string, limit: string, retryAfterMs: number, section: string): FreeLLMError {
  return errorWithCode(
    'origin_rate_limited',
    `${origin} reached the limit you set for it in FreeLLM (${limit}). Change it in the options page (${section}).`,
    { retryAfterMs },
  );
}
