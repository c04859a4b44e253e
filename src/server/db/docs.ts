import { sql } from 'drizzle-orm';
import type { DocTable } from '../../shared/sync/protocol';
import type { ChangeSet } from './change-set';
import type { Db } from './client';
import { rowsOf } from './change-log';

/**
 * Reading and writing the document tables (issues 4 and 5; src/server/db/doc-table.ts): the row is
 * its shared DTO in `data`, versioned per row for conflicts, and every write goes out through the
 * change log in the same transaction.
 */
export type StoredDoc<T> = T & { id: string; version: number };

/** One document, optionally locked for the rest of the transaction (`for update`). */
export async function loadDoc<T>(tx: Db, table: DocTable, id: string, opts: { forUpdate?: boolean } = {}): Promise<StoredDoc<T> | null> {
  const lock = opts.forUpdate ? sql` for update` : sql``;
  const [row] = rowsOf(await tx.execute(sql`select data, version from ${sql.identifier(table)} where id = ${id}${lock}`));
  if (!row) return null;
  return { ...(row.data as T), id, version: Number(row.version) };
}

/** Documents matching a raw condition on the table's columns (e.g. `state <> 'chiusa'`). */
export async function listDocs<T>(tx: Db, table: DocTable, where = sql`true`): Promise<Array<StoredDoc<T>>> {
  const rows = rowsOf(await tx.execute(sql`select id, data, version from ${sql.identifier(table)} where ${where} order by id`));
  return rows.map((r) => ({ ...(r.data as T), id: String(r.id), version: Number(r.version) }));
}

/**
 * Inserts or replaces a document with the next version and records the change. `columns` are the
 * table's query columns (SQL name → value), kept in step with the DTO.
 */
export async function saveDoc<T extends { id: string }>(
  ctx: { tx: Db; changes: ChangeSet; now: Date },
  table: DocTable,
  doc: T,
  opts: { columns?: Record<string, unknown>; previousVersion?: number } = {},
): Promise<StoredDoc<T>> {
  const version = (opts.previousVersion ?? 0) + 1;
  const stored = { ...doc, version } as StoredDoc<T>;
  const data = JSON.stringify(stored);
  const extra = Object.entries(opts.columns ?? {});
  const names = [sql.identifier('id'), sql.identifier('data'), sql.identifier('version'), sql.identifier('updated_at'), ...extra.map(([c]) => sql.identifier(c))];
  const values = [sql`${doc.id}`, sql`${data}::jsonb`, sql`${version}`, sql`${ctx.now.toISOString()}::timestamptz`, ...extra.map(([, v]) => sql`${v instanceof Date ? v.toISOString() : (v ?? null)}`)];
  const updates = names.slice(1).map((n) => sql`${n} = excluded.${n}`);
  await ctx.tx.execute(
    sql`insert into ${sql.identifier(table)} (${sql.join(names, sql`, `)}) values (${sql.join(values, sql`, `)})
        on conflict (id) do update set ${sql.join(updates, sql`, `)}`,
  );
  ctx.changes.add(table, doc.id, stored, version);
  return stored;
}
