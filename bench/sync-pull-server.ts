import { performance } from 'node:perf_hooks';
import { clerk, seedEntries, startBenchServer } from './sync-fixture';
import type { LoginResult } from '../src/shared/contract';

/** Server side of the initial sync alone: pages fetched back to back, nothing applied. */
const ROWS = Number(process.env.BENCH_SYNC_ROWS ?? 100_000);
const server = await startBenchServer();
try {
  await seedEntries(server, ROWS);
  const login = (await (await fetch(`${server.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(clerk) })).json()) as LoginResult;
  const clientId = crypto.randomUUID();
  let cursor = 0;
  let bytes = 0;
  const started = performance.now();
  for (;;) {
    const res = await fetch(`${server.url}/sync/pull?cursor=${cursor}&clientId=${clientId}&ackedSeq=0&limit=10000`, { headers: { authorization: `Bearer ${login.token}` } });
    const text = await res.text();
    bytes += text.length;
    const page = JSON.parse(text) as { cursor: number; hasMore: boolean };
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const ms = performance.now() - started;
  console.log(`${ROWS} righe: ${(ms / 1000).toFixed(2)} s, ${(ROWS / (ms / 1000)).toFixed(0)} righe/s, ${(bytes / 1e6).toFixed(1)} MB`);
} finally {
  await server.close();
}
