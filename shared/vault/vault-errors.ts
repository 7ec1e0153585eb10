/** @module The vault's errors, worded for the person who has to act on them. */
import { FreeLLMError } from '../openai/error';

/** 423 Locked: the keys are intact, they just cannot be opened until the user unlocks. */
export function vaultLocked(): FreeLLMError {
  return new FreeLLMError({
    status: 423,
    type: 'vault_locked',
    code: 'vault_locked',
    message:
      'FreeLLM is locked. Unlock it with your passphrase from the FreeLLM options page or the popup; your keys are safe and nothing was lost.',
  });
}

export function isVaultLocked(error: unknown): boolean {
  return error instanceof FreeLLMError && error.code === 'vault_locked';
}

export function wrongPassphrase(param: string = 'passphrase'): FreeLLMError {
  return new FreeLLMError({
    status: 403,
    type: 'permission_error',
    code: 'wrong_passphrase',
    param,
    message: 'That passphrase is not the right one. Nothing was changed.',
  });
}

export function noPassphrase(): FreeLLMError {
  return new FreeLLMError({
    status: 409,
    type: 'invalid_request_error',
    code: 'no_passphrase',
    message: 'FreeLLM has no passphrase yet. Set one first; without it there is nothing to lock or change.',
  });
}

export function passphraseAlreadySet(): FreeLLMError {
  return new FreeLLMError({
    status: 409,
    type: 'invalid_request_error',
    code: 'passphrase_exists',
    message: 'FreeLLM already has a passphrase. Change it or remove it instead.',
  });
}

export function vaultChangedMeanwhile(): FreeLLMError {
  return new FreeLLMError({
    status: 409,
    type: 'invalid_request_error',
    code: 'vault_changed',
    message:
      'The lock settings changed in another window while this was running. Nothing was changed here; try again.',
  });
}
