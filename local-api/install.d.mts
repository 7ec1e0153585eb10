/** Types for install.mjs (plain JavaScript, so it runs with `node` alone). */
export const HOST_NAME: string;
export interface InstallOptions {
  /** One Chromium manifest, in this folder only (a custom profile's `NativeMessagingHosts`). */
  manifestDir?: string;
  /** Where the host's files and launcher go. */
  dataDir?: string;
}
export function install(
  options?: InstallOptions,
): Promise<{ launcher: string; manifests: { browser: string; path: string }[] }>;
export function uninstall(options?: InstallOptions): Promise<void>;
