import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDesk } from '../src/main/core/desk';
import type { LoginResult, SyncStatus } from '../src/shared/contract';

/**
 * The desk of the initial-sync benchmark, in its own process so that its peak memory (RSS
 * high-water, from the kernel) is its own: opens a new desk, logs in, pulls everything, and
 * prints one JSON line with the time, the rows received and the peak RSS.
 * `tsx bench/sync-desk-child.ts <serverUrl> <username> <password>`
 */
const [serverUrl, username, password] = process.argv.slice(2);
if (!serverUrl || !username || !password) throw new Error('uso: sync-desk-child <serverUrl> <username> <password>');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-bench-desk-'));
try {
  const desk = await openDesk({ dataDir, serverUrl, live: false });
  const started = performance.now();
  const login = (await desk.call('auth.login', { username, password }, {})) as LoginResult;
  // Login starts the first round; syncNow waits for it under the sync mutex, then confirms.
  const status: SyncStatus = await desk.syncNow();
  const ms = performance.now() - started;
  const search = (await desk.call('protocol.search', { limit: 1 }, { token: login.token })) as { total?: number };
  await desk.close();
  process.stdout.write(
    `${JSON.stringify({ ms, cursor: status.cursor, lastError: status.lastError, total: search.total ?? null, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
