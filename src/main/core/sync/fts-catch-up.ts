import type Database from 'better-sqlite3';
import { useMemoryFor } from '../db/open';
import { dropEntryIndexes, restoreEntryIndexes } from './entry-indexes';

/**
 * Bulk maintenance of the register's full-text index during a big catch-up (a new desk's
 * initial sync: a million entries). Per-row FTS triggers cost three times the write itself;
 * while a catch-up is open they stand aside (drizzle/client/0007_fts_catch_up.sql) and the
 * index is brought up to date in bulk when it closes. The open flag lives in the database, so
 * a catch-up cut short by a crash or a lost connection is closed by the next pull.
 */

/** The indexed text of an entry: the same expression as the triggers of 0012_fts_lean.sql. */
const BODY_SQL = `e.oggetto || ' ' || coalesce((SELECT group_concat(json_extract(value, '$.name'), ' ') FROM json_each(e.correspondents)), '')
    || ' ' || CASE WHEN e.number IS NULL THEN '' ELSE printf('%07d', e.number) END || ' ' || e.year`;

/** Whether a catch-up is open (its index work deferred). */
export function ftsCatchUpOpen(sqlite: Database.Database): boolean {
  return sqlite.prepare('SELECT 1 FROM protocol_fts_catch_up').get() !== undefined;
}

/**
 * Opens a catch-up: an empty register is re-indexed whole at the end (`full`), a populated one
 * only for the sort keys the catch-up touches; one left open by a crash goes on. A full one also
 * drops the register's secondary indexes until it closes (entry-indexes.ts). The connection
 * switches to the catch-up's memory settings until closeFtsCatchUp.
 */
export function openFtsCatchUp(sqlite: Database.Database): void {
  useMemoryFor(sqlite, 'catch-up');
  const empty = sqlite.prepare('SELECT NOT EXISTS (SELECT 1 FROM protocol_entries)').pluck().get() === 1;
  sqlite.prepare('INSERT OR IGNORE INTO protocol_fts_catch_up (id, full) VALUES (1, ?)').run(empty ? 1 : 0);
  if (sqlite.prepare('SELECT full FROM protocol_fts_catch_up').pluck().get() === 1) dropEntryIndexes(sqlite);
}

/**
 * Closes the open catch-up, if any, in one transaction: the index entries of the touched rows
 * (or all of them) are replaced by one INSERT … SELECT in sort-key order, which FTS5 writes as
 * a few large segments instead of a million small ones.
 */
export function closeFtsCatchUp(sqlite: Database.Database): void {
  const open = sqlite.prepare('SELECT full FROM protocol_fts_catch_up').pluck().get() as number | undefined;
  if (open === undefined) return;
  // Still with the catch-up's small cache and no memory mapping: the sort stays out of RSS.
  restoreEntryIndexes(sqlite);
  sqlite.transaction(() => {
    if (open === 1) {
      // Contentless tables cannot 'rebuild'; 'delete-all' empties them.
      sqlite.prepare("INSERT INTO protocol_fts (protocol_fts) VALUES ('delete-all')").run();
      sqlite.prepare(`INSERT INTO protocol_fts (rowid, body) SELECT e.sort_key, ${BODY_SQL} FROM protocol_entries e ORDER BY e.sort_key`).run();
    } else {
      const remove = sqlite.prepare('DELETE FROM protocol_fts WHERE rowid = ?');
      for (const key of sqlite.prepare('SELECT sort_key FROM protocol_fts_backlog').pluck().all()) remove.run(key);
      sqlite
        .prepare(
          `INSERT INTO protocol_fts (rowid, body) SELECT e.sort_key, ${BODY_SQL}
             FROM protocol_fts_backlog b JOIN protocol_entries e ON e.sort_key = b.sort_key ORDER BY e.sort_key`,
        )
        .run();
    }
    sqlite.prepare('DELETE FROM protocol_fts_backlog').run();
    sqlite.prepare('DELETE FROM protocol_fts_catch_up').run();
  })();
  useMemoryFor(sqlite, 'reading');
}
