/** @module The vault's errors, worded for the person who has to act on them. */
import { errorWithCode, FreeLLMError } from '../openai/error';

/** 423 Locked: the keys are intact, they just cannot be opened until the user unlocks. */
export function vaultLocked(): FreeLLMError {
  return errorWithCode(
    'vault_locked',
    'FreeLLM is locked. Unlock it with your passphrase from the FreeLLM options page or the popup; your keys are safe and nothing was lost.',
  );
}

export function isVaultLocked(error: unknown): boolean {
  return error instanceof FreeLLMError && error.code === 'vault_locked';
}

export function wrongPassphrase(param: string = 'passphrase'): FreeLLMError {
  return errorWithCode('wrong_passphrase', 'That passphrase is not the right one. Nothing was changed.', {
    param,
  });
}

export function noPassphrase(): FreeLLMError {
  return errorWithCode(
    'no_passphrase',
    'FreeLLM has no passphrase yet. Set one first; without it there is nothing to lock or change.',
  );
}

export function passphraseAlreadySet(): FreeLLMError {
  return errorWithCode(
    'passphrase_exists',
    'FreeLLM already has a passphrase. Change it or remove it instead.',
  );
}

export function vaultChangedMeanwhile(): FreeLLMError {
  return errorWithCode(
    'vault_changed',
    'The lock settings changed in another window while this was running. Nothing was changed here; try again.',
  );
}
