import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLocalDatabase, type Db } from '../../../src/main/core/db/open';
import { installWriteGate } from '../../../src/main/core/db/write-gate';
import * as t from '../../../src/main/core/db/schema';
import { applyPullPage } from '../../../src/main/core/sync/pull-applier';
import { closeFtsCatchUp, openFtsCatchUp } from '../../../src/main/core/sync/fts-catch-up';
import { startFtsDrainer, type FtsDrainer } from '../../../src/main/core/sync/fts-drainer';
import { toFtsQuery } from '../../../src/main/core/modules/protocol/fts-query';
import type { ProtocolEntry } from '../../../src/shared/contract';
import { clerk, entry, entryChange, page } from './fixtures';

/**
 * A new desk's catch-up indexes each page on a second thread while the next one travels
 * (src/main/core/sync/fts-drainer.ts). Rows updated, removed or re-inserted between drains must
 * leave the index exactly as the per-row triggers would have: old words gone, new ones found.
 */
let dir: string;
let db: Db;
let drainer: FtsDrainer | undefined;
let cursor = 0;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-fts-drain-'));
  db = openLocalDatabase(path.join(dir, 'gonfalone.db'));
  installWriteGate(db.$client);
  db.insert(t.syncState).values({ id: 1, clientId: '01900000-0000-7000-8000-0000000000aa' }).run();
  cursor = 0;
});

afterEach(async () => {
  await drainer?.close();
  drainer = undefined;
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const lookupUser = () => clerk;
function apply(changes: Parameters<typeof page>[0]): void {
  cursor += changes.length;
  applyPullPage(db, page(changes, cursor), lookupUser);
}
const gone = (e: ProtocolEntry) => ({ table: 'protocol_entries' as const, key: e.id, row: null, version: e.version + 1 });
/** Sort keys the index itself answers for these words (not joined to the entries). */
const indexed = (text: string) =>
  (db.$client.prepare('SELECT rowid FROM protocol_fts WHERE protocol_fts MATCH ? ORDER BY rowid').pluck().all(toFtsQuery(text)) as number[]).map((k) => k % 100_000_000);

async function drain(): Promise<void> {
  drainer!.request();
  await drainer!.settled();
}

describe('page-by-page indexing of a new desk', () => {
  it('indexes each page on the second thread, following updates, removals and reused rowids', async () => {
    openFtsCatchUp(db.$client);
    drainer = startFtsDrainer(db.$client, (err) => {
      throw err;
    });
    apply([1, 2, 3, 4, 5, 6].map((n) => entryChange(entry(2026, n))));
    expect(indexed('concerto')).toEqual([]); // triggers stand aside until the drain
    await drain();
    expect(indexed('concerto')).toEqual([1, 2, 3, 4, 5, 6]);

    // Entry 2 gets a new oggetto, entry 3 leaves the desk's scope, 7 and 8 arrive.
    apply([
      entryChange(entry(2026, 2, { oggetto: 'Invito inaugurazione biblioteca', version: 2 })),
      gone(entry(2026, 3)),
      entryChange(entry(2026, 7)),
      entryChange(entry(2026, 8)),
    ]);
    await drain();
    expect(indexed('biblioteca')).toEqual([2]);
    expect(indexed('concerto')).toEqual([1, 4, 5, 6, 8]);
    expect(indexed('sagra')).toEqual([7]);
    expect(indexed('0000003')).toEqual([]);

    // Removing the newest row lets SQLite hand its rowid to the next insert, below the mark.
    apply([gone(entry(2026, 8)), entryChange(entry(2026, 9, { oggetto: 'Segnalazione buche via Roma' }))]);
    await drain();
    expect(indexed('buche')).toEqual([9]);
    expect(indexed('0000008')).toEqual([]);

    await drainer.close();
    drainer = undefined;
    closeFtsCatchUp(db.$client);
    expect(db.$client.prepare('SELECT count(*) FROM protocol_fts_catch_up').pluck().get()).toBe(0);
    // Closed: the per-row triggers index again.
    apply([entryChange(entry(2026, 10, { oggetto: 'Convocazione conferenza dei servizi' }))]);
    expect(indexed('conferenza')).toEqual([10]);
  });

  it('a catch-up cut short goes on from its mark: nothing indexed twice, nothing missed', async () => {
    openFtsCatchUp(db.$client);
    drainer = startFtsDrainer(db.$client, (err) => {
      throw err;
    });
    apply([1, 2, 3].map((n) => entryChange(entry(2026, n))));
    await drain();
    await drainer.close();
    drainer = undefined;
    // The desk stops here (crash); the next pull brings more and closes the catch-up.
    apply([4, 5].map((n) => entryChange(entry(2026, n))));
    closeFtsCatchUp(db.$client);
    expect(indexed('concerto')).toEqual([1, 2, 3, 4, 5]);
    db.$client.exec("INSERT INTO protocol_fts(protocol_fts) VALUES ('integrity-check')");
  });

  it('a desk that already holds entries re-indexes at the end only what its catch-up touched', () => {
    apply([1, 2].map((n) => entryChange(entry(2026, n))));
    openFtsCatchUp(db.$client);
    apply([entryChange(entry(2026, 1, { oggetto: 'Istanza di patrocinio', version: 2 })), entryChange(entry(2026, 3))]);
    expect(indexed('patrocinio')).toEqual([]);
    closeFtsCatchUp(db.$client);
    expect(indexed('patrocinio')).toEqual([1]);
    expect(indexed('concerto')).toEqual([2, 3]);
  });
});
