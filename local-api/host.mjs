#!/usr/bin/env node
/**
 * FreeLLM's local endpoint host. The browser starts it through native messaging (see
 * docs/local-endpoint.md); it relays to a daemon, started here with `--daemon` when none runs,
 * which serves HTTP on 127.0.0.1. Plain Node 20+, no dependencies.
 */
import { fileURLToPath } from 'node:url';
import { startDaemon } from './daemon.mjs';
import { runRelay } from './relay.mjs';
import { socketPath } from './socket-path.mjs';

/** Ten minutes without a browser, then the port is given back. */
const IDLE_MS = Number(process.env.FREELLM_LOCAL_API_IDLE_MS) || 10 * 60_000;

if (process.argv.includes('--daemon')) {
  await startDaemon({ socketPath: socketPath(), idleMs: IDLE_MS, onExit: () => process.exit(0) });
} else {
  await runRelay({ socketPath: socketPath(), daemonArgs: [fileURLToPath(import.meta.url), '--daemon'] });
}
