/**
 * @module Settings export and import, the engine's side: `export` writes a format-1 settings
 * document, `import` validates one completely and then applies it in a single transaction.
 */
import { PBKDF2_ITERATIONS } from '../vault/aes-gcm';
import { exportSettings, type ExportOptions } from './export-settings';
import { importSettings, type ImportOptions, type ImportSummary } from './import-settings';
import type { SettingsDocument } from './settings-document';
import type { SettingsHost } from './settings-host';

export interface SettingsTransfer {
  /** Keys are encrypted with `passphrase`; in clear only with `{ clearKeys: true }`. Throws 423 while locked. */
  export(options: ExportOptions): Promise<SettingsDocument>;
  /** Accepts the document or its JSON text. All or nothing; errors name the field (e.g. `keys[2].providerId`). */
  import(document: unknown, options?: ImportOptions): Promise<ImportSummary>;
}

export function createSettingsTransfer(host: SettingsHost): SettingsTransfer {
  const resolved = { ...host, iterations: host.iterations ?? PBKDF2_ITERATIONS };
  return {
    export: (options) => exportSettings(resolved, options),
    import: (document, options) => importSettings(resolved, document, options),
  };
}
