import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLocalDatabase } from '../src/main/core/db/open';
import { installWriteGate } from '../src/main/core/db/write-gate';
import { applyPullPage } from '../src/main/core/sync/pull-applier';
import { closeFtsCatchUp, openFtsCatchUp } from '../src/main/core/sync/fts-catch-up';
import type { Change, PullResponse } from '../src/shared/sync/protocol';

/**
 * Desk side of the initial sync alone, without a server: pages of register entries shaped like
 * bench/sync-fixture.ts are applied as the sync engine does (BENCH_SYNC_ROWS, default 200,000;
 * BENCH_NO_DEFER=1 keeps the per-row FTS triggers). Prints the time and the peak RSS.
 */
const ROWS = Number(process.env.BENCH_SYNC_ROWS ?? 200_000);
const PAGE = Number(process.env.BENCH_PAGE ?? 2_000);
const subjects = ['Richiesta contributo manifestazione', 'Invito inaugurazione', 'Istanza di patrocinio', 'Convocazione conferenza dei servizi', 'Segnalazione buche via Roma'];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-bench-apply-'));
try {
  const db = openLocalDatabase(path.join(dir, 'gonfalone.db'));
  installWriteGate(db.$client);
  if (process.env.BENCH_PRAGMAS) for (const p of process.env.BENCH_PRAGMAS.split(';')) db.$client.pragma(p);
  const pageText = (from: number): string => {
    const changes: Change[] = [];
    for (let n = from + 1; n <= Math.min(from + PAGE, ROWS); n++) {
      const id = `01900000-0000-7000-8${(2026).toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;
      changes.push({ seq: n, table: 'protocol_entries', key: id, version: 1, row: {
        id, aooCode: 'AOO1', registerCode: 'REG', year: 2026, number: n, registeredAt: new Date(Date.UTC(2026, 0, 1, 8) + n * 1000).toISOString(),
        direction: n % 2 ? 'entrata' : 'uscita', oggetto: `${subjects[n % 5]} n. ${n}`,
        correspondents: [{ contactId: null, name: `Bianchi Anna ${n % 997}`, kind: 'persona', pec: null, email: null, ipaCode: null, address: null }],
        means: 'pec', receivedDocDate: null, receivedDocNumber: null, classificationCode: 'I.13', assignments: [], documents: [], paperAttachments: { count: 0, description: '' },
        riservato: false, notes: null, status: 'registrato', annulment: null, registeredBy: 'u1', registeredByName: 'Paola Protocollista', version: 1 } });
    }
    return JSON.stringify({ changes, cursor: Math.min(from + PAGE, ROWS), hasMore: from + PAGE < ROWS, acks: [], serverTime: new Date().toISOString() });
  };
  const started = performance.now();
  let applyMs = 0;
  if (!process.env.BENCH_NO_DEFER) openFtsCatchUp(db.$client);
  for (let from = 0; from < ROWS; from += PAGE) {
    const page = JSON.parse(pageText(from)) as PullResponse;
    const t0 = performance.now();
    applyPullPage(db, page, (id) => ({ id, username: '', fullName: '', roles: [], officeId: null }));
    applyMs += performance.now() - t0;
  }
  const rssBeforeFtsMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const t1 = performance.now();
  closeFtsCatchUp(db.$client);
  const ftsMs = performance.now() - t1;
  const ms = performance.now() - started;
  const found = db.$client.prepare("SELECT count(*) FROM protocol_fts WHERE protocol_fts MATCH 'patrocinio'").pluck().get();
  db.$client.close();
  console.log(JSON.stringify({ rows: ROWS, applyRowsPerS: Math.round(ROWS / (applyMs / 1000)), ftsMs: Math.round(ftsMs), rssBeforeFtsMb, totalS: +(ms / 1000).toFixed(2), found, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
