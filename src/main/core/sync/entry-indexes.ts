import type Database from 'better-sqlite3';
import { getTableConfig, SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { protocolEntries } from '../db/schema';

/**
 * The register's secondary indexes during a new desk's initial sync (a million entries): each
 * non-unique index costs about as much as the row write itself, while one CREATE INDEX over the
 * loaded table is a single sorted pass (bench/sync-initial.ts). A full catch-up drops them and
 * puts them back when it closes; the definitions are the schema's own (db/schema.ts), so they
 * come back exactly as the migrations made them. The primary key and the unique sort key stay:
 * the upsert and the FTS rowid need them.
 */
const secondary = getTableConfig(protocolEntries)
  .indexes.filter((i) => !i.config.unique && !i.config.where && i.config.columns.every((c) => c instanceof SQLiteColumn))
  .map((i) => ({ name: i.config.name, columns: i.config.columns.map((c) => `"${(c as SQLiteColumn).name}"`).join(', ') }));

/** Drops the secondary indexes; only a full catch-up (empty register) calls it. */
export function dropEntryIndexes(sqlite: Database.Database): void {
  for (const i of secondary) sqlite.exec(`DROP INDEX IF EXISTS "${i.name}"`);
}

/**
 * Creates the secondary indexes that are missing: at the end of a catch-up, and at every start,
 * so a desk that stopped half-way through one (crash, power cut) gets them back at once.
 */
export function restoreEntryIndexes(sqlite: Database.Database): void {
  const present = new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'protocol_entries'").pluck().all());
  const missing = secondary.filter((i) => !present.has(i.name));
  if (missing.length === 0) return;
  sqlite.transaction(() => {
    for (const i of missing) sqlite.exec(`CREATE INDEX IF NOT EXISTS "${i.name}" ON "protocol_entries" (${i.columns})`);
  })();
}
