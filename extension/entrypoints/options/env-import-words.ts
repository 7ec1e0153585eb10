/** @module The .env preview's skip reasons and warnings, from the engine's codes, in the user's language. */
import type { DetectionWarning } from '../../../shared/keys/detect-key-provider';
import type { EnvSkippedLine, EnvSkipReason } from '../../../shared/keys/env-import';
import { t } from '../../../shared/i18n/t';

export function skipReasonWords(reason: EnvSkipReason): string {
  switch (reason.code) {
    case 'left-out':
      return t('envImportSkipLeftOut');
    case 'empty':
      return t('envImportSkipEmpty');
    case 'not-a-key':
      return t('envImportSkipNotAKey');
    case 'provider-unknown':
      return t('envImportSkipProviderUnknown');
    case 'provider-unavailable':
      return t('envImportSkipProviderUnavailable', reason.provider);
    case 'key-too-short':
      return t('errorKeyTooShort');
    case 'key-too-long':
      return t('envImportSkipKeyTooLong');
    case 'key-has-spaces':
      return t('errorKeyHasSpaces');
    case 'not-an-assignment':
      return t('envImportSkipNotAnAssignment');
    case 'quote-not-closed':
      return t('envImportSkipQuoteNotClosed', reason.variable);
    case 'already-stored':
      return t('envImportSkipAlreadyStored', reason.label, reason.hint);
    case 'same-as-line':
      return t('envImportSkipSameAsLine', String(reason.line));
  }
}

export function warningWords(warning: DetectionWarning): string {
  if (warning.code === 'named-for-another')
    return t('envImportWarnNamedForAnother', warning.named, warning.looksLike);
  const prefixes = warning.prefixes.reduce((either, or) => t('envImportEitherOr', either, or));
  return t('envImportWarnUnusualPrefix', warning.provider, prefixes);
}

/** A duplicate stays one whatever the provider, so only another skipped key gets a provider picker. */
export function offersProviderPicker(skipped: EnvSkippedLine): boolean {
  return skipped.hint !== null && !['already-stored', 'same-as-line'].includes(skipped.reason.code);
}
