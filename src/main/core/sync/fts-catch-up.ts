import type Database from 'better-sqlite3';
import { useMemoryFor } from '../db/open';
import { dropEntryIndexes, restoreEntryIndexes } from './entry-indexes';

/**
 * Bulk maintenance of the register's full-text index during a big catch-up (a new desk's
 * initial sync: a million entries). Per-row FTS triggers cost three times the write itself;
 * while a catch-up is open they stand aside (drizzle/client/0007_fts_catch_up.sql, 0013) and
 * the index is brought up to date in bulk: page by page for a new desk, at the end otherwise.
 * The open flag and the indexing mark live in the database, so a catch-up cut short by a crash
 * or a lost connection is closed by the next pull.
 */

/** The indexed text of an entry: the same expression as the triggers of 0012_fts_lean.sql. */
const BODY_SQL = `e.oggetto || ' ' || coalesce((SELECT group_concat(json_extract(value, '$.name'), ' ') FROM json_each(e.correspondents)), '')
    || ' ' || CASE WHEN e.number IS NULL THEN '' ELSE printf('%07d', e.number) END || ' ' || e.year`;

/** Whether a catch-up is open (its index work deferred). */
export function ftsCatchUpOpen(sqlite: Database.Database): boolean {
  return sqlite.prepare('SELECT 1 FROM protocol_fts_catch_up').get() !== undefined;
}

/**
 * Opens a catch-up: an empty register is indexed page by page as it arrives (`full`, see
 * drainFtsCatchUp), a populated one only for the sort keys the catch-up touches, at its end; one
 * left open by a crash goes on. A full one also drops the register's secondary indexes until it
 * closes (entry-indexes.ts). The connection switches to the catch-up's memory settings until
 * closeFtsCatchUp.
 */
export function openFtsCatchUp(sqlite: Database.Database): { full: boolean } {
  useMemoryFor(sqlite, 'catch-up');
  const empty = sqlite.prepare('SELECT NOT EXISTS (SELECT 1 FROM protocol_entries)').pluck().get() === 1;
  sqlite.prepare('INSERT OR IGNORE INTO protocol_fts_catch_up (id, full) VALUES (1, ?)').run(empty ? 1 : 0);
  const full = sqlite.prepare('SELECT full FROM protocol_fts_catch_up').pluck().get() === 1;
  if (full) {
    dropEntryIndexes(sqlite);
    setMerging(sqlite, CATCH_UP_MERGING);
  }
  return { full };
}

/**
 * FTS5's segment merging. Page by page, the default (merge every 4 segments of a level) spends
 * more on merging than on indexing a million entries: while a new desk catches up, segments are
 * merged only when a level holds 64 (about 40% less work; searches stay well under a
 * millisecond on the index it leaves), and the defaults come back when it closes.
 */
const CATCH_UP_MERGING = { automerge: 0, crisismerge: 64 };
const DEFAULT_MERGING = { automerge: 4, crisismerge: 16 };

function setMerging(sqlite: Database.Database, m: { automerge: number; crisismerge: number }): void {
  // FTS5 wants integers here, and a bound JavaScript number arrives as a REAL.
  const set = sqlite.prepare('INSERT INTO protocol_fts (protocol_fts, rank) VALUES (?, ?)');
  set.run('automerge', BigInt(m.automerge));
  set.run('crisismerge', BigInt(m.crisismerge));
}

/**
 * Indexes what the open catch-up wrote since the last drain: the backlog's rows (updated,
 * deleted, or inserted in a partial catch-up or below the mark), whose old index entries go
 * first, and in a full one the rows inserted above the mark (`indexed_rowid`). In sort-key
 * order, so FTS5 writes one segment per drain.
 * Self-contained (no imports, no closures): fts-drainer.ts runs its source on a second thread,
 * with that thread's own connection. The caller opens the transaction. Returns the rows indexed.
 */
export function drainIndexInto(sqlite: Database.Database, bodySql: string): number {
  const open = sqlite.prepare('SELECT full, indexed_rowid AS mark FROM protocol_fts_catch_up').get() as { full: number; mark: number } | undefined;
  if (!open) return 0;
  const top = open.full === 1 ? ((sqlite.prepare('SELECT coalesce(max(rowid), 0) FROM protocol_entries').pluck().get() as number) ?? 0) : open.mark;
  const remove = sqlite.prepare('DELETE FROM protocol_fts WHERE rowid = ?');
  const backlog = sqlite.prepare('SELECT sort_key FROM protocol_fts_backlog').pluck().all() as number[];
  for (const key of backlog) remove.run(key);
  const indexed = sqlite
    .prepare(
      `INSERT INTO protocol_fts (rowid, body) SELECT e.sort_key, ${bodySql} FROM protocol_entries e
        WHERE (e.rowid > ? AND e.rowid <= ?) OR e.sort_key IN (SELECT sort_key FROM protocol_fts_backlog) ORDER BY e.sort_key`,
    )
    .run(open.mark, top).changes;
  sqlite.prepare('DELETE FROM protocol_fts_backlog').run();
  sqlite.prepare('UPDATE protocol_fts_catch_up SET indexed_rowid = ?').run(Math.max(open.mark, top));
  return indexed;
}

/** drainIndexInto on this connection, in its own transaction. */
export function drainFtsCatchUp(sqlite: Database.Database): void {
  sqlite.transaction(() => drainIndexInto(sqlite, BODY_SQL))();
}

/** The indexed text, for a drain on another connection (fts-drainer.ts). */
export const INDEXED_BODY_SQL = BODY_SQL;

/**
 * Closes the open catch-up, if any, in one transaction: what is left is drained (for a partial
 * one, every row it touched, by one INSERT … SELECT in sort-key order, which FTS5 writes as a
 * few large segments instead of thousands of small ones).
 */
export function closeFtsCatchUp(sqlite: Database.Database): void {
  const open = sqlite.prepare('SELECT full FROM protocol_fts_catch_up').pluck().get() as number | undefined;
  if (open === undefined) return;
  // Still with the catch-up's small cache and no memory mapping: the sort stays out of RSS.
  restoreEntryIndexes(sqlite);
  sqlite.transaction(() => {
    drainIndexInto(sqlite, BODY_SQL);
    if (open === 1) setMerging(sqlite, DEFAULT_MERGING);
    sqlite.prepare('DELETE FROM protocol_fts_catch_up').run();
  })();
  useMemoryFor(sqlite, 'reading');
}
