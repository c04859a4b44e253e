import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { openDesk } from '../src/main/core/desk';
import type { LoginResult, SearchResult, SyncStatus } from '../src/shared/contract';
import { headCursor } from '../src/server/db/change-log';
import { uuidv7 } from '../src/shared/domain/ids';
import { startChaosProxy } from '../test/chaos/proxy';
import { machineLine, printTable, type BenchRow } from './lib';
import { clerk, seedEntries, startBenchServer } from './sync-fixture';

/**
 * A laptop back after a week: while it was away it made 5,000 changes (new contacts and
 * reclassifications) and the register grew by 200,000 changes. From reconnection until its
 * outbox is empty and it holds the server's head cursor: target ≤ 3 minutes.
 * BENCH_WEEK_UP / BENCH_WEEK_DOWN change the sizes. The network is cut by the chaos proxy.
 */
const UP = Number(process.env.BENCH_WEEK_UP ?? 5000);
const DOWN = Number(process.env.BENCH_WEEK_DOWN ?? 200_000);
const BEFORE = 2000;

export async function run(): Promise<BenchRow[]> {
  const server = await startBenchServer();
  const proxy = await startChaosProxy({ targetPort: Number(new URL(server.url).port), seed: 1 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-bench-week-'));
  const desk = await openDesk({ dataDir: dir, serverUrl: proxy.url, live: false });
  let ms: number;
  let final: SyncStatus;
  let head: number;
  try {
    await seedEntries(server, BEFORE);
    const { token } = (await desk.call('auth.login', clerk, {})) as LoginResult;
    await desk.syncNow();
    const list = (await desk.call('protocol.search', { limit: 500 }, { token })) as SearchResult;

    proxy.down();
    const codes = ['II.1', 'II.2', 'I.1', 'I.2'];
    for (let i = 0; i < UP; i++) {
      if (i % 2 === 0) {
        await desk.call('directory.create', { id: uuidv7(), kind: 'impresa', name: `Fornitore ${i} S.r.l.`, ignoreDuplicates: true }, { token });
      } else {
        const e = list.items[(i >> 1) % list.items.length]!;
        await desk.call('protocol.update', { id: e.id, classificationCode: codes[Math.floor(i / (2 * list.items.length)) % codes.length] }, { token });
      }
    }
    const away = await desk.syncNow();
    if (away.pendingCount !== UP) throw new Error(`attese ${UP} modifiche in coda, trovate ${away.pendingCount}`);
    await seedEntries(server, DOWN);
    head = await headCursor(server.server.context.db);

    proxy.up();
    const started = performance.now();
    // A round that fails (e.g. a 1000-mutation push outlasting the client's 15 s timeout on a
    // busy machine) is retried, as the live engine would; the clock keeps running meanwhile.
    for (let failures = 0; ; ) {
      final = await desk.syncNow();
      if (final.lastError) {
        failures += 1;
        console.log(`(tentativo non riuscito: ${final.lastError})`);
        if (failures > 20) throw new Error(`sincronizzazione non riuscita: ${final.lastError}`);
        continue;
      }
      if (final.pendingCount === 0 && final.cursor >= head) break;
    }
    ms = performance.now() - started;
  } finally {
    await desk.close();
    fs.rmSync(dir, { recursive: true, force: true });
    await proxy.close();
    await server.close();
  }
  console.log(`\n(${server.backend}; ${UP} modifiche inviate, ${DOWN} registrazioni ricevute; cursore ${final.cursor}/${head}; rifiutate ${final.rejectedCount})`);
  return [
    { name: `in pari dopo una settimana (${UP} su, ${DOWN} giù)`, value: ms / 1000, unit: 's', target: '≤ 180 s', pass: ms / 1000 <= 180 },
    { name: 'modifiche rifiutate', value: final.rejectedCount, unit: '', target: '0', pass: final.rejectedCount === 0 },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`Macchina: ${machineLine()}`);
  printTable('Portatile di ritorno dopo una settimana', await run());
}
