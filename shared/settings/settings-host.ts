/** @module What settings export and import work with (kept apart so neither imports the transfer that uses them). */
import type { KeyManager } from '../keys/key-ring';
import type { FreeLLMDatabase } from '../store/database';
import type { Vault } from '../vault/vault';

export interface SettingsHost {
  db: FreeLLMDatabase;
  vault: Vault;
  keyRing: KeyManager;
  crypto: Crypto;
  now: () => number;
  newId: () => string;
  /** PBKDF2 iterations for exported files. Tests pass fewer; the product keeps the default (600,000). */
  iterations?: number;
}
