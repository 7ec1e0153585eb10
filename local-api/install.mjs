#!/usr/bin/env node
/**
 * Installs (or with `uninstall`, removes) FreeLLM's local endpoint host for the current user:
 * copies the host into a folder of FreeLLM's own, writes a launcher that starts it with this
 * Node (browsers do not pass a usable PATH), and writes the native-messaging manifest for
 * Chrome, Chromium and Firefox. No root needed.
 *
 *   node local-api/install.mjs [install|uninstall] [--manifest-dir DIR] [--data-dir DIR]
 *
 * `--manifest-dir` writes one Chromium manifest there only (a custom profile's
 * `<user-data-dir>/NativeMessagingHosts`); `--data-dir` moves the host's folder.
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const HOST_NAME = 'dev.freellm.local_api';
const HOST_FILES = [
  'host.mjs',
  'relay.mjs',
  'daemon.mjs',
  'http-exchanges.mjs',
  'native-frames.mjs',
  'socket-path.mjs',
];
const here = dirname(fileURLToPath(import.meta.url));

/** Where each browser reads a user's native-messaging manifests. */
function manifestDirs(home = homedir()) {
  if (platform() === 'darwin') {
    const support = join(home, 'Library', 'Application Support');
    return [
      { browser: 'Chrome', dir: join(support, 'Google', 'Chrome', 'NativeMessagingHosts'), gecko: false },
      { browser: 'Chromium', dir: join(support, 'Chromium', 'NativeMessagingHosts'), gecko: false },
      { browser: 'Firefox', dir: join(support, 'Mozilla', 'NativeMessagingHosts'), gecko: true },
    ];
  }
  return [
    { browser: 'Chrome', dir: join(home, '.config', 'google-chrome', 'NativeMessagingHosts'), gecko: false },
    { browser: 'Chromium', dir: join(home, '.config', 'chromium', 'NativeMessagingHosts'), gecko: false },
    { browser: 'Firefox', dir: join(home, '.mozilla', 'native-messaging-hosts'), gecko: true },
  ];
}

function defaultDataDir(home = homedir()) {
  return platform() === 'darwin'
    ? join(home, 'Library', 'Application Support', 'FreeLLM', 'local-api')
    : join(process.env.XDG_DATA_HOME || join(home, '.local', 'share'), 'freellm', 'local-api');
}

/** @param {{ manifestDir?: string, dataDir?: string }} options */
export async function install({ manifestDir, dataDir = defaultDataDir() } = {}) {
  const ids = JSON.parse(await readFile(join(here, 'extension-ids.json'), 'utf8'));
  await mkdir(dataDir, { recursive: true });
  for (const file of HOST_FILES) await copyFile(join(here, file), join(dataDir, file));
  const launcher = join(dataDir, 'freellm-local-api');
  await writeFile(
    launcher,
    `#!/bin/sh\n# Written by FreeLLM's local-api install: this Node, this host.\nexec "${process.execPath}" "${join(dataDir, 'host.mjs')}" "$@"\n`,
    { mode: 0o755 },
  );
  const manifest = (/** @type {boolean} */ gecko) => ({
    name: HOST_NAME,
    description: 'FreeLLM local endpoint',
    path: launcher,
    type: 'stdio',
    ...(gecko
      ? { allowed_extensions: [ids.firefox] }
      : { allowed_origins: [`chrome-extension://${ids.chromium}/`] }),
  });
  const targets = manifestDir
    ? [{ browser: 'Chromium profile', dir: manifestDir, gecko: false }]
    : manifestDirs();
  for (const { dir, gecko } of targets) {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${HOST_NAME}.json`), `${JSON.stringify(manifest(gecko), null, 2)}\n`);
  }
  return {
    launcher,
    manifests: targets.map(({ browser, dir }) => ({ browser, path: join(dir, `${HOST_NAME}.json`) })),
  };
}

/** @param {{ manifestDir?: string, dataDir?: string }} options */
export async function uninstall({ manifestDir, dataDir = defaultDataDir() } = {}) {
  const targets = manifestDir ? [{ dir: manifestDir }] : manifestDirs();
  for (const { dir } of targets) await rm(join(dir, `${HOST_NAME}.json`), { force: true });
  await rm(dataDir, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'manifest-dir': { type: 'string' }, 'data-dir': { type: 'string' } },
  });
  const options = { manifestDir: values['manifest-dir'], dataDir: values['data-dir'] };
  const write = (/** @type {string} */ text) => process.stdout.write(`${text}\n`);
  if (platform() === 'win32') {
    write(
      'Windows needs the manifest in the registry; FreeLLM does not install it there yet (docs/local-endpoint.md).',
    );
    process.exit(1);
  }
  if (positionals[0] === 'uninstall') {
    await uninstall(options);
    write('Removed FreeLLM’s local endpoint host. A daemon still running exits within ten minutes.');
  } else {
    const { launcher, manifests } = await install(options);
    write(`Installed FreeLLM’s local endpoint host: ${launcher}`);
    for (const { browser, path } of manifests) write(`  ${browser}: ${path}`);
    write('Turn the endpoint on in FreeLLM’s options page (Local endpoint).');
  }
}
