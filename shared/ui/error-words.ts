/**
 * @module What the user is told about a failed call, in their language: FreeLLM's own errors
 * worded from their code, field and values (`ErrorValues`), anything else (a provider's words, a
 * failure FreeLLM did not foresee) as its own message. Reads the error's fields, so it words the
 * background's replies (`UiCallError`) and the playground's own engine (`FreeLLMError`) alike.
 */
import { t } from '../i18n/t';
import type { ErrorCode } from '../openai/error-codes';
import type { ErrorValues } from '../openai/error';
import { messageOf } from './message-of';

interface CodedError {
  code?: string | null;
  param?: string | null;
  values?: ErrorValues;
}

type Wording = (error: { param: string; values: ErrorValues }) => string | undefined;

const text = (value: string | number | undefined) => String(value ?? '');

/** The field a problem is about, without where it sits: `keys[2].secret` → `secret`. */
const fieldOf = (param: string) => param.split('.').at(-1) ?? '';

/** Problems with a field of the input, by the field and why (zod's issue code, or the engine's). */
const FIELD_PROBLEMS: Record<string, (values: ErrorValues) => string> = {
  'secret.too_small': () => t('errorKeyTooShort'),
  'secret.invalid_format': () => t('errorKeyHasSpaces'),
  'label.too_small': () => t('errorKeyNameMissing'),
  'label.too_big': ({ maximum }) => t('errorKeyNameTooLong', text(maximum)),
  'passphrase.too_small': ({ minimum }) => t('errorPassphraseTooShort', text(minimum)),
  'passphrase.too_big': ({ maximum }) => t('errorPassphraseTooLong', text(maximum)),
  'text.too_big': ({ maximum }) => t('errorEnvTextTooLong', text(maximum)),
  'origin.not_an_origin': ({ typed }) => t('errorNotAnOrigin', text(typed)),
  'origin.plain_http': ({ origin, host }) => t('errorPlainHttp', text(origin), text(host)),
  'origin.not_allowed': ({ origin }) => t('errorSiteNotAllowed', text(origin)),
  'name.too_small': () => t('errorEndpointNameMissing'),
  'baseURL.invalid_format': () => t('errorBaseUrlNotHttp'),
  'defaultModel.too_small': () => t('errorDefaultModelMissing'),
  '.request_gone': () => t('errorRequestGone'),
};

function settingsProblem(param: string, { problem, more }: ErrorValues): string {
  const others = Number(more);
  const told =
    others > 0
      ? t(others === 1 ? 'errorProblemAndMoreOne' : 'errorProblemAndMoreMany', text(problem), text(others))
      : text(problem);
  return param ? t('errorSettingsInvalidAt', param, told) : t('errorSettingsInvalid', told);
}

const BY_CODE: Partial<Record<ErrorCode, Wording>> = {
  vault_locked: () => t('errorVaultLocked'),
  no_passphrase: () => t('errorNoPassphrase'),
  passphrase_exists: () => t('errorPassphraseExists'),
  vault_changed: () => t('errorVaultChanged'),
  passphrase_required: () => t('errorPassphraseRequired'),
  wrong_passphrase: ({ param, values }) =>
    values.reason === 'not_decrypted' ? t('errorFileNotDecrypted', param) : t('errorWrongPassphrase'),
  key_not_found: ({ values }) => t('errorKeyNotFound', text(values.id)),
  invalid_settings: ({ param, values }) => {
    if (values.reason === 'not_json') return t('errorSettingsNotJson');
    if (values.reason === 'not_a_key') return t('errorSettingsNotAKey', param);
    if (values.reason === 'does_not_parse') return settingsProblem(param, values);
    return undefined;
  },
  invalid_request: ({ param, values }) =>
    FIELD_PROBLEMS[`${fieldOf(param)}.${text(values.reason)}`]?.(values),
};

export function errorWords(thrown: unknown): string {
  const { code, param, values } = (thrown instanceof Error ? thrown : {}) as CodedError;
  const wording = code ? BY_CODE[code as ErrorCode] : undefined;
  return wording?.({ param: param ?? '', values: values ?? {} }) ?? messageOf(thrown);
}
