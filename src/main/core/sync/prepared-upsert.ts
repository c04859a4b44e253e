import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';

/**
 * The pull applier's upsert, as one prepared statement per table and row shape instead of a
 * drizzle query built per row: building it cost ~20× the write itself (a million entries in an
 * initial sync, bench/sync-initial.ts; a hundred contacts in the pull after a burst of
 * registrations, bench/registration-roundtrip.ts). Same statement as drizzle's
 * `insert(table).values(v).onConflictDoUpdate({ target, set: v })`: values are converted by each
 * column's own mapToDriverValue; columns the row does not carry keep their defaults on insert
 * and their value on update.
 */
const statements = new WeakMap<object, Map<string, Statement>>();
const columnsOf = new WeakMap<SQLiteTable, Array<[string, SQLiteColumn]>>();

export function upsertPrepared(db: Db, table: SQLiteTable, target: SQLiteColumn, values: object): void {
  let columns = columnsOf.get(table);
  if (!columns) columnsOf.set(table, (columns = Object.entries(getTableColumns(table)) as Array<[string, SQLiteColumn]>));
  const row = values as Record<string, unknown>;
  const params: unknown[] = [];
  // The shape is named by the columns the row leaves out: '' for the usual complete row.
  let absent = '';
  for (const [key, col] of columns) {
    const v = row[key];
    if (v === undefined) absent += `${key},`;
    else params.push(v === null ? null : col.mapToDriverValue(v));
  }
  let byShape = statements.get(db.$client);
  if (!byShape) statements.set(db.$client, (byShape = new Map()));
  const shape = `${getTableName(table)}|${absent}`;
  let stmt = byShape.get(shape);
  if (!stmt) {
    const names = columns.filter(([key]) => row[key] !== undefined).map(([, col]) => `"${col.name}"`);
    const updates = names.filter((n) => n !== `"${target.name}"`).map((n) => `${n} = excluded.${n}`);
    stmt = db.$client.prepare(
      `insert into "${getTableName(table)}" (${names.join(', ')}) values (${names.map(() => '?').join(', ')})
       on conflict ("${target.name}") do ${updates.length ? `update set ${updates.join(', ')}` : 'nothing'}`,
    );
    byShape.set(shape, stmt);
  }
  stmt.run(params);
}
