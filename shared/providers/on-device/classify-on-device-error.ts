/**
 * @module The Prompt API's failures (DOMExceptions, by name) in the one error vocabulary: a
 * prompt over the session's quota is `context_length`, a policy or user refusal `forbidden`, an
 * unsupported language or option a bad `request`; anything else the browser's own fault.
 */
import { upstreamError, type FreeLLMError } from '../../openai/error';
import type { UpstreamErrorKind } from '../../openai/error-codes';

export const ON_DEVICE_PROVIDER_ID = 'on-device';

const BY_NAME: Record<string, { status: number; kind: UpstreamErrorKind }> = {
  QuotaExceededError: { status: 400, kind: 'context_length' },
  NotAllowedError: { status: 403, kind: 'forbidden' },
  NotSupportedError: { status: 400, kind: 'request' },
};

export function classifyOnDeviceError(thrown: unknown): FreeLLMError {
  const name = thrown instanceof Error ? thrown.name : 'UnknownError';
  const words = thrown instanceof Error ? thrown.message : String(thrown);
  const { status, kind } = BY_NAME[name] ?? { status: 500, kind: 'server' };
  return upstreamError({
    status,
    kind,
    provider: ON_DEVICE_PROVIDER_ID,
    code: name,
    message: `The on-device model refused: ${words || name}`,
  });
}
