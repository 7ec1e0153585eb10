/**
 * @module Where the daemon listens for the browser's host: one socket per user (a named pipe on
 * Windows). FREELLM_LOCAL_API_SOCKET overrides it (the browser passes its environment on), so
 * test browsers running side by side each get their own daemon.
 */
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export function socketPath(env = process.env) {
  if (env.FREELLM_LOCAL_API_SOCKET) return env.FREELLM_LOCAL_API_SOCKET;
  const user = userInfo();
  return process.platform === 'win32'
    ? `\\\\.\\pipe\\freellm-local-api-${user.username}`
    : join(tmpdir(), `freellm-local-api-${user.uid}.sock`);
}
