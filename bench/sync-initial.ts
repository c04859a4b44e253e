import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { machineLine, printTable, type BenchRow } from './lib';
import { runChild } from './sync-child';
import { clerk, seedEntries, startBenchServer } from './sync-fixture';
import { startPouchServer, type PouchAdapter } from './sync-pouch';

/**
 * Initial sync of a new desk: 1,000,000 register entries (BENCH_SYNC_ROWS to change it) pulled
 * over loopback by a desk in its own process. Targets: ≥ 40,000 rows/s and a desk peak RSS
 * ≤ 300 MB. Then PouchDB (express-pouchdb on loopback) replicates documents of
 * the same shape to a client process, on the same machine in the same run; BENCH_POUCH_ROWS
 * (default 100,000, at most the same count) bounds it, since it runs at a few thousand docs/s.
 * The ratio compares rates; the goal is ≥ 9× PouchDB's replication as it comes on Node (LevelDB
 * on disk on both sides, default batches: the "about 4,500 docs/s"); PouchDB at its best
 * here (memory on both sides, large batches) and in memory with default batches are printed beside it.
 */
const ROWS = Number(process.env.BENCH_SYNC_ROWS ?? 1_000_000);
const POUCH_ROWS = Math.min(ROWS, Number(process.env.BENCH_POUCH_ROWS ?? 100_000));

interface PouchRun {
  ms: number;
  docs: number;
  maxRssMb: number;
}

interface DeskRun {
  ms: number;
  cursor: number;
  lastError: string | null;
  total: number | null;
  maxRssMb: number;
  searchP95: number;
}

/** PouchDB replication of POUCH_ROWS documents, server and client on `adapter`. */
async function replicatePouch(adapter: PouchAdapter, batches: 'default' | 'large'): Promise<PouchRun> {
  const pouch = await startPouchServer(POUCH_ROWS, adapter);
  try {
    return await runChild<PouchRun>('sync-pouch-child.ts', [pouch.url, adapter, batches]);
  } finally {
    await pouch.close();
  }
}

export async function run(): Promise<BenchRow[]> {
  const server = await startBenchServer();
  let ours: DeskRun;
  let seedMs: number;
  try {
    const seedStart = performance.now();
    await seedEntries(server, ROWS);
    seedMs = performance.now() - seedStart;
    // DESK_PROF=DIR writes a CPU profile of the desk process (to find the slow part of the pull).
    const prof = process.env.DESK_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.DESK_PROF}`] : [];
    ours = await runChild<DeskRun>('sync-desk-child.ts', [server.url, clerk.username, clerk.password], prof);
    if (ours.lastError) throw new Error(`sincronizzazione non riuscita: ${ours.lastError}`);
  } finally {
    await server.close();
  }
  const rate = ROWS / (ours.ms / 1000);

  const pouchDefault = await replicatePouch('leveldb', 'default');
  const pouchMemory = await replicatePouch('memory', 'default');
  const pouchTuned = await replicatePouch('memory', 'large');
  const pouchRate = (r: PouchRun) => r.docs / (r.ms / 1000);
  console.log(
    `\n(${server.backend}; ${ROWS} righe generate in ${(seedMs / 1000).toFixed(1)} s; desk: ${ours.total} registrazioni in locale, cursore ${ours.cursor}; ` +
      `PouchDB: ${pouchDefault.docs} documenti in ${(pouchDefault.ms / 1000).toFixed(1)} s, picco RSS ${pouchDefault.maxRssMb.toFixed(0)} MB)`,
  );
  return [
    { name: `sincronizzazione iniziale, ${ROWS} registrazioni`, value: rate, unit: 'righe/s', target: '≥ 40000 righe/s', pass: rate >= 40_000 },
    { name: 'tempo totale del desk', value: ours.ms / 1000, unit: 's', target: `≤ ${(ROWS / 40_000).toFixed(0)} s`, pass: ours.ms / 1000 <= ROWS / 40_000 },
    { name: 'picco di memoria del processo desk (RSS)', value: ours.maxRssMb, unit: 'MB', target: '≤ 300 MB', pass: ours.maxRssMb <= 300 },
    { name: 'ricerca full-text subito dopo, p95', value: ours.searchP95, unit: 'ms', target: '≤ 20 ms', pass: ours.searchP95 <= 20 },
    { name: `PouchDB come viene, LevelDB (${pouchDefault.docs} documenti)`, value: pouchRate(pouchDefault), unit: 'doc/s', target: 'riferimento', pass: true },
    { name: 'rapporto Gonfalone / PouchDB predefinito', value: rate / pouchRate(pouchDefault), unit: '×', target: '≥ 9×', pass: rate / pouchRate(pouchDefault) >= 9 },
    { name: 'PouchDB in memoria, lotti predefiniti', value: pouchRate(pouchMemory), unit: 'doc/s', target: 'informativo', pass: true },
    { name: 'rapporto Gonfalone / PouchDB in memoria', value: rate / pouchRate(pouchMemory), unit: '×', target: 'informativo', pass: true },
    { name: 'PouchDB in memoria, lotti da 1.000, 10 in volo', value: pouchRate(pouchTuned), unit: 'doc/s', target: 'informativo', pass: true },
    { name: 'rapporto Gonfalone / PouchDB con lotti grandi', value: rate / pouchRate(pouchTuned), unit: '×', target: 'informativo', pass: true },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`Macchina: ${machineLine()}`);
  printTable('Sincronizzazione iniziale di un nuovo desk', await run());
}
