import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openLocalDatabase } from '../../../src/main/core/db/open';
import { openDesk } from '../../../src/main/core/desk';
import { closeFtsCatchUp, openFtsCatchUp } from '../../../src/main/core/sync/fts-catch-up';

/**
 * A full catch-up (empty register) drops the register's secondary indexes and puts them back
 * when it closes, or at the next start if the desk stopped half-way (src/main/core/sync/entry-indexes.ts).
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Each index of protocol_entries with its columns, as SQLite reports them. */
function indexes(sqlite: Database.Database): Record<string, string[]> {
  const names = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'protocol_entries' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(names.map((n) => [n, (sqlite.pragma(`index_info("${n}")`) as Array<{ name: string }>).map((c) => c.name)]));
}

describe('register indexes during a catch-up', () => {
  it('a full catch-up keeps only the keys it needs and restores the same indexes when it closes', () => {
    const db = openLocalDatabase(':memory:');
    const before = indexes(db.$client);
    expect(before.protocol_entries_number).toEqual(['number', 'sort_key']);

    openFtsCatchUp(db.$client);
    const during = indexes(db.$client);
    expect(Object.keys(during).sort()).toEqual(['protocol_entries_sort_key', 'sqlite_autoindex_protocol_entries_1']);

    closeFtsCatchUp(db.$client);
    expect(indexes(db.$client)).toEqual(before);
    db.$client.close();
  });

  it('a catch-up of a register that already holds entries keeps every index', () => {
    const db = openLocalDatabase(':memory:');
    const before = indexes(db.$client);
    db.$client.exec("INSERT INTO protocol_fts_catch_up (id, full) VALUES (1, 0)");
    openFtsCatchUp(db.$client);
    expect(indexes(db.$client)).toEqual(before);
    closeFtsCatchUp(db.$client);
    db.$client.close();
  });

  it('a desk stopped in the middle of a full catch-up gets its indexes back at the next start', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-catch-up-idx-'));
    dirs.push(dataDir);
    const first = await openDesk({ dataDir, serverUrl: 'http://127.0.0.1:9', live: false });
    await first.close();
    const file = path.join(dataDir, 'gonfalone.db');
    const expected = (() => {
      const db = openLocalDatabase(file);
      const all = indexes(db.$client);
      openFtsCatchUp(db.$client); // then "crashes": the catch-up is never closed
      expect(indexes(db.$client).protocol_entries_registered_at).toBeUndefined();
      db.$client.close();
      return all;
    })();

    const desk = await openDesk({ dataDir, serverUrl: 'http://127.0.0.1:9', live: false });
    await desk.close();
    const db = openLocalDatabase(file);
    expect(indexes(db.$client)).toEqual(expected);
    // The catch-up itself stays open: the next pull completes its full-text index.
    expect(db.$client.prepare('SELECT full FROM protocol_fts_catch_up').pluck().get()).toBe(1);
    db.$client.close();
  });
});
