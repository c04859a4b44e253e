import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { openDesk, type Desk } from '../src/main/core/desk';
import type { LoginResult, ProtocolEntryDetail, SearchResult } from '../src/shared/contract';
import { machineLine, percentile, printTable, type BenchRow } from './lib';
import { clerk, seedEntries, startBenchServer } from './sync-fixture';

/**
 * A change on desk A visible on desk B, on loopback: A reclassifies an entry (local write,
 * push), the server pokes B over SSE, B pulls and applies. Measured from A's call until B's
 * local row carries the new value. Target: p95 ≤ 500 ms. BENCH_LATENCY_SAMPLES (default 100).
 */
const SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 100);

async function liveDesk(url: string): Promise<{ desk: Desk; token: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-bench-latency-'));
  const desk = await openDesk({ dataDir: dir, serverUrl: url, live: true });
  const login = (await desk.call('auth.login', clerk, {})) as LoginResult;
  await desk.syncNow();
  return { desk, token: login.token, dir };
}

export async function run(): Promise<BenchRow[]> {
  const server = await startBenchServer();
  const opened: Array<{ desk: Desk; dir: string }> = [];
  const samples: number[] = [];
  try {
    await seedEntries(server, SAMPLES);
    const a = await liveDesk(server.url);
    const b = await liveDesk(server.url);
    opened.push(a, b);
    const list = (await b.desk.call('protocol.search', { limit: SAMPLES }, { token: b.token })) as SearchResult;
    const ids = list.items.map((e) => e.id);
    if (ids.length < SAMPLES) throw new Error(`solo ${ids.length} registrazioni sul desk B`);
    // Let the SSE subscriptions settle before measuring.
    await new Promise((r) => setTimeout(r, 500));
    for (const id of ids) {
      const code = 'II.1';
      const seen = new Promise<void>((resolve) => {
        const check = async () => {
          const e = (await b.desk.call('protocol.get', { id }, { token: b.token })) as ProtocolEntryDetail;
          if (e.classificationCode === code) {
            off();
            resolve();
          }
        };
        const off = b.desk.onEvent((ev) => {
          if (ev.type === 'data-changed' && ev.domains.includes('protocol')) void check();
        });
      });
      const started = performance.now();
      await a.desk.call('protocol.update', { id, classificationCode: code }, { token: a.token });
      await seen;
      samples.push(performance.now() - started);
    }
  } finally {
    for (const o of opened) {
      await o.desk.close();
      fs.rmSync(o.dir, { recursive: true, force: true });
    }
    await server.close();
  }
  const p95 = percentile(samples, 95);
  console.log(`\n(${server.backend}; ${samples.length} modifiche; mediana ${percentile(samples, 50).toFixed(0)} ms, massimo ${Math.max(...samples).toFixed(0)} ms)`);
  return [
    { name: 'da A a B, p50', value: percentile(samples, 50), unit: 'ms', target: 'riferimento', pass: true },
    { name: 'da A a B, p95', value: p95, unit: 'ms', target: '≤ 500 ms', pass: p95 <= 500 },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`Macchina: ${machineLine()}`);
  printTable('Modifica sul desk A visibile sul desk B', await run());
}
