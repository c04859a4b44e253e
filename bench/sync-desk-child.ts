import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDesk } from '../src/main/core/desk';
import type { LoginResult, SyncStatus } from '../src/shared/contract';
import { peakRssMb } from './sync-child';

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
  // DESK_MEM=1: where the peak memory goes (heap, buffers, the rest is mostly SQLite), on stderr.
  let peak = process.memoryUsage();
  const sampler = process.env.DESK_MEM ? setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > peak.rss) peak = m;
  }, 100) : undefined;
  const desk = await openDesk({ dataDir, serverUrl, live: false });
  const started = performance.now();
  const login = (await desk.call('auth.login', { username, password }, {})) as LoginResult;
  // Login starts the first round; syncNow waits for it under the sync mutex, then confirms.
  const status: SyncStatus = await desk.syncNow();
  const ms = performance.now() - started;
  const rssAfterSyncMb = peakRssMb();
  const search = (await desk.call('protocol.search', { limit: 1 }, { token: login.token })) as { total?: number };
  // Searches on the index the catch-up built page by page (its segments are merged later).
  const searchMs: number[] = [];
  const words = ['patrocinio', 'bianchi anna', 'inaugurazione 12345', 'manif', '0000042', 'segnalazione buche', 'conv', 'anna 500'];
  for (let i = 0; i < 80; i++) {
    const t0 = performance.now();
    await desk.call('protocol.search', { text: words[i % words.length], limit: 50 }, { token: login.token });
    searchMs.push(performance.now() - t0);
  }
  searchMs.sort((a, b) => a - b);
  const searchP95 = searchMs[Math.ceil(searchMs.length * 0.95) - 1] ?? 0;
  await desk.close();
  if (sampler) {
    clearInterval(sampler);
    const mb = (n: number) => Math.round(n / 1048576);
    process.stderr.write(`picco: rss ${mb(peak.rss)} MB, heap ${mb(peak.heapUsed)}/${mb(peak.heapTotal)} MB, external ${mb(peak.external)} MB, arrayBuffers ${mb(peak.arrayBuffers)} MB; massimo dopo la sincronizzazione ${Math.round(rssAfterSyncMb)} MB (getrusage ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)\n`);
  }
  process.stdout.write(
    `${JSON.stringify({ ms, cursor: status.cursor, lastError: status.lastError, total: search.total ?? null, maxRssMb: rssAfterSyncMb, searchP95 })}\n`,
  );
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
