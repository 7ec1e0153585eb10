/** @module The last catalog update attempt, from the engine's codes, in the user's language. */
import type { CatalogRefusal } from '../../../shared/catalog/updates/accept-catalog-update';
import type { CatalogCheck } from '../../../shared/catalog/updates/catalog-updates';
import { t } from '../../../shared/i18n/t';

function refusalWords(reason: CatalogRefusal): string {
  switch (reason.code) {
    case 'not-a-catalog-file':
      return t('catalogRefusedNotAFile');
    case 'not-signed':
      return t('catalogRefusedNotSigned');
    case 'bad-signature':
      return t('catalogRefusedBadSignature');
    case 'sets-fixed-fields': {
      // Field names are the file's own, the same in every language.
      const fields = reason.fields.join(', ');
      return reason.at
        ? t('catalogRefusedFixedFields', fields, reason.at)
        : t('catalogRefusedFixedFieldsAtTop', fields);
    }
    case 'invalid':
      return reason.at
        ? t('catalogRefusedInvalid', reason.at, reason.detail)
        : t('catalogRefusedInvalidAtTop', reason.detail);
    case 'adds-providers':
      return t('catalogRefusedAddsProviders', reason.providers.join(', '));
    case 'older':
      return t('catalogRefusedOlder', reason.date, reason.inUse);
  }
}

/** `url`: where updates come from, named when it could not be reached. */
export function catalogCheckWords(check: CatalogCheck, url: string): string {
  // A check kept before the codes holds its English words.
  if ('message' in check) return check.message;
  switch (check.outcome) {
    case 'accepted':
      return t('catalogCheckAccepted', check.date);
    case 'current':
      return t('catalogCheckCurrent');
    case 'refused':
      return t('catalogCheckRefused', refusalWords(check.reason));
    case 'failed':
      return check.status === undefined
        ? t('catalogCheckUnreachable', url)
        : t('catalogCheckHttpError', String(check.status));
  }
}
