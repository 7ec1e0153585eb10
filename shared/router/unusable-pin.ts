/**
 * @module Why a `provider/model` pin cannot be served: its provider has no key, only keys that
 * are turned off, or only keys cooling down, or FreeLLM retired the model. The answer names the provider and the reason, and
 * is given before anything is sent anywhere — a pin never falls back to another provider.
 *
 * A missing or turned-off key is a 400: retrying cannot help until the user acts, and OpenAI
 * clients show a 400's message instead of retrying it (they retry 408/409/429/5xx). Cooling down
 * is a 429 with Retry-After, which the same clients wait for and retry on their own.
 */
import type { KeySummary } from '../keys/stored-key';
import { errorWithCode, FreeLLMError } from '../openai/error';
import type { ProviderSummary } from '../providers/provider-directory';
import type { KeyNotice, KeyRefusal } from '../usage/key-notice';
import type { Waiting } from './order-candidates';

const NOTHING_SENT = 'Nothing was sent to any provider.';

/** Why the router turned a key off, in the English of an API answer (the options page says it in the user's language). */
function refusalInEnglish(providerName: string, refusal: KeyRefusal): string {
  return refusal.kind === 'credits_exhausted'
    ? `${providerName} says this key is out of credits (HTTP ${refusal.status}). Top it up, then enable the key again.`
    : `${providerName} rejected this key (HTTP ${refusal.status}, ${refusal.code ?? 'invalid key'}). Check or replace it, then enable it again.`;
}

function whyOff(providerName: string, notice: KeyNotice | undefined): string {
  if (notice?.refusal) return refusalInEnglish(providerName, notice.refusal);
  return notice?.reason ?? 'switched off in the options page.';
}

/** The error when no key of the pinned provider is enabled: none was added, or all are turned off. */
export function pinWithoutKey(
  model: string,
  provider: ProviderSummary,
  keys: readonly KeySummary[],
  notices: readonly KeyNotice[],
): FreeLLMError {
  const asks = `"${model}" asks for ${provider.name}`;
  if (keys.length === 0) {
    const missing = provider.keyless ? `${provider.name} is not set up` : `no ${provider.name} key was added`;
    return errorWithCode(
      'provider_has_no_key',
      `${asks}, but ${missing}. Add it in the FreeLLM options page, or ask for another model. ${NOTHING_SENT}`,
      { param: 'model' },
    );
  }
  const reasons = [
    ...new Set(
      keys.map((key) =>
        whyOff(
          provider.name,
          notices.find((notice) => notice.keyId === key.id),
        ),
      ),
    ),
  ];
  const off = keys.length === 1 ? 'its key is turned off' : `all ${keys.length} of its keys are turned off`;
  return errorWithCode('provider_key_disabled', `${asks}, but ${off}: ${reasons.join(' ')} ${NOTHING_SENT}`, {
    param: 'model',
  });
}

/** The 429 when every key of the pinned provider is only busy; undefined if none frees up at all (a request too large). */
export function pinCoolingDown(
  model: string,
  provider: ProviderSummary,
  waiting: readonly Waiting[],
  now: number,
): FreeLLMError | undefined {
  const until = Math.min(...waiting.map((item) => item.freeAt));
  if (!Number.isFinite(until)) return undefined;
  return errorWithCode(
    'provider_cooling_down',
    `"${model}" asks for ${provider.name}, which is cooling down until ${new Date(until).toISOString()} (its limits are used up, or it failed just now). ${NOTHING_SENT}`,
    { provider: provider.id, retryAfterMs: Math.max(0, until - now) },
  );
}

/**
 * The 404 when FreeLLM retired the pinned model for its provider: it answered "not found" twice,
 * so asking again would only spend a request. It comes back once the provider lists it again.
 */
export function pinRetired(model: string, provider: ProviderSummary, retiredAt: number): FreeLLMError {
  return errorWithCode(
    'model_not_found',
    `"${model}" is retired: ${provider.name} answered "not found" for it twice (last on ${new Date(retiredAt).toISOString().slice(0, 10)}). Ask for another ${provider.name} model or for "auto"; FreeLLM uses it again once ${provider.name} lists it. ${NOTHING_SENT}`,
    { param: 'model', provider: provider.id },
  );
}
