/**
 * @module The quota report from plain inputs (allowances read from the usage ledger, attempts from
 * the request log, the site's own windows), so it can be computed and tested without an engine.
 * An allowance shared by several models or keys (a key-wide or account-wide limit) is counted
 * once wherever they are added up.
 */
import { MINUTE_MS } from '../usage/usage-bucket';
import type { Allowance } from '../usage/usage-ledger';
import type { Limits } from '../usage/usage-limits';
import { forecastRunOut } from './forecast-run-out';
import type { Headroom, QuotaReport, QuotaWindow } from './quota-report';

export interface QuotaInputs {
  now: number;
  /** How far back the pace is measured. */
  paceWindowMs: number;
  providers: {
    id: string;
    name: string | null;
    keys: number;
    /** Each model the site may use, its default first, with the allowance of every enabled key for it. */
    models: { id: string; allowances: Allowance[] }[];
  }[];
  /** Every attempt sent upstream within the pace window. */
  attempts: { provider: string; model: string }[];
  /** The asking site's own limits; null for the extension's pages. */
  site: {
    origin: string;
    minute: SiteWindow;
    day: SiteWindow;
  } | null;
}

export interface SiteWindow {
  limit: number | null;
  used: number;
  resetsAt: number;
}

const toSeconds = (ms: number) => Math.ceil(ms / 1000);

function earliest(times: (number | null)[]): number | null {
  const known = times.filter((time): time is number => time !== null);
  return known.length > 0 ? Math.min(...known) : null;
}

/** A window over several allowances: limits add up only when every one has one. */
function sumWindow(
  allowances: Allowance[],
  limitName: keyof Limits,
  used: (allowance: Allowance) => number,
  resetsAt: (allowance: Allowance) => number | null,
): QuotaWindow {
  const limits = allowances.map((allowance) => allowance.limits[limitName]);
  const known = limits.every((limit) => limit !== undefined);
  const remaining = allowances.reduce(
    (sum, allowance, index) => sum + Math.max(0, (limits[index] ?? 0) - used(allowance)),
    0,
  );
  const resets = earliest(allowances.map(resetsAt));
  return {
    limit: known ? limits.reduce<number>((sum, limit) => sum + (limit ?? 0), 0) : null,
    used: allowances.reduce((sum, allowance) => sum + used(allowance), 0),
    remaining: known ? remaining : null,
    resets_at: resets === null ? null : toSeconds(resets),
  };
}

const distinct = (allowances: Allowance[]) => [
  ...new Map(allowances.map((allowance) => [allowance.id, allowance])).values(),
];
const freesAt = (allowance: Allowance) => allowance.minute.freesAt;
const resetsAt = (allowance: Allowance) => allowance.day.resetsAt;
const dayRequests = (allowances: Allowance[]) =>
  sumWindow(allowances, 'rpd', (allowance) => allowance.day.requests, resetsAt);
const dayTokens = (allowances: Allowance[]) =>
  sumWindow(allowances, 'tpd', (allowance) => allowance.day.tokens, resetsAt);

/**
 * The figures add up every allowance of the level; the forecast only those `inPlay` (serving the
 * current traffic), since an allowance nobody is spending does not slow the others' running out.
 */
function headroomOf(all: Allowance[], inPlay: Allowance[], attempts: number, inputs: QuotaInputs): Headroom {
  const counted = distinct(all);
  const requests = {
    minute: sumWindow(counted, 'rpm', (allowance) => allowance.minute.requests, freesAt),
    day: dayRequests(counted),
  };
  const tokens = {
    minute: sumWindow(counted, 'tpm', (allowance) => allowance.minute.tokens, freesAt),
    day: dayTokens(counted),
  };
  const spending = inPlay.length > 0 ? distinct(inPlay) : counted;
  const requestsPerMinute = attempts / (inputs.paceWindowMs / MINUTE_MS);
  const tokensPerRequest = requests.day.used > 0 ? tokens.day.used / requests.day.used : 0;
  const forecast = forecastRunOut(
    inputs.now,
    {
      requests: dayRequests(spending).remaining,
      tokens: dayTokens(spending).remaining,
      resetsAt: earliest(spending.map(resetsAt)) ?? inputs.now,
    },
    { requestsPerMinute, tokensPerMinute: requestsPerMinute * tokensPerRequest },
  );
  return { requests, tokens, forecast };
}

function siteWindow(window: SiteWindow): QuotaWindow {
  return {
    limit: window.limit,
    used: window.used,
    remaining: window.limit === null ? null : Math.max(0, window.limit - window.used),
    resets_at: toSeconds(window.resetsAt),
  };
}

/**
 * A model's forecast spends its own allowances. A provider's spends those of the models it is
 * serving now; the pool's, those and every provider's default model, where `auto` moves traffic
 * when a provider runs out.
 */
export function buildQuotaReport(inputs: QuotaInputs): QuotaReport {
  const attemptsOf = (provider: string, model?: string) =>
    inputs.attempts.filter(
      (attempt) => attempt.provider === provider && (model === undefined || attempt.model === model),
    ).length;
  const everyAllowance: Allowance[] = [];
  const poolInPlay: Allowance[] = [];
  let poolAttempts = 0;
  const providers = inputs.providers.map((provider) => {
    const served = provider.models.filter((model) => attemptsOf(provider.id, model.id) > 0);
    const all = provider.models.flatMap((model) => model.allowances);
    const inPlay = served.flatMap((model) => model.allowances);
    everyAllowance.push(...all);
    poolInPlay.push(...inPlay, ...(provider.models[0]?.allowances ?? []));
    poolAttempts += attemptsOf(provider.id);
    return {
      id: provider.id,
      name: provider.name,
      keys: provider.keys,
      ...headroomOf(all, inPlay, attemptsOf(provider.id), inputs),
      models: provider.models.map((model) => ({
        id: model.id,
        ...headroomOf(model.allowances, model.allowances, attemptsOf(provider.id, model.id), inputs),
      })),
    };
  });
  const { site } = inputs;
  return {
    object: 'freellm.quota',
    created: Math.floor(inputs.now / 1000),
    pace_window_seconds: Math.round(inputs.paceWindowMs / 1000),
    pool: headroomOf(everyAllowance, poolInPlay, poolAttempts, inputs),
    site: site && {
      origin: site.origin,
      requests: { minute: siteWindow(site.minute), day: siteWindow(site.day) },
    },
    providers,
  };
}
