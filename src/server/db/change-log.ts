import { and, asc, eq, gt, lte, sql, type SQL } from 'drizzle-orm';
import type { ChangeSet } from './change-set';
import { syncedTables, type Change, type SyncedTable } from '../../shared/sync/protocol';
import type { Db } from './client';
import { changeLog, changeLogHead } from './schema';

/**
 * The transaction's final statement: the numbered insert if any, the tail CTEs, and the
 * change-log rows with their positions. It must be the LAST statement of the writing
 * transaction: the row lock on change_log_head is held until commit, so positions become
 * visible strictly in commit order (docs/decisions/0001-commit-ordered-change-log.md).
 * Null when the transaction wrote nothing to record.
 */
export function finalStatement(changes: ChangeSet): SQL | null {
  const n = changes.items.length;
  const numbered = changes.numbered;
  if (n === 0 && !numbered) {
    return changes.tail.length ? sql`with ${sql.join(changes.tail, sql`, `)} select null as tx_last` : null;
  }
  const ctes: SQL[] = [];
  if (numbered) {
    // Art. 57: the number comes from the insert trigger; the ISO time matches Date.toISOString().
    ctes.push(sql`inserted as (${numbered.insert})`);
    ctes.push(sql`numbered as (select number, to_char(registered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at from inserted)`);
  }
  ctes.push(...changes.tail);
  const items = JSON.stringify(changes.items.map((c, i) => ({ ord: i + 1, t: c.table, k: c.key, r: c.row, v: c.version, late: i === numbered?.itemIndex })));
  // The counter lock (inside `numbered`) is always taken before the head lock: one order, no deadlock.
  const afterNumbered = numbered ? sql` and exists (select 1 from numbered)` : sql``;
  const row = numbered
    ? sql`case when x.late then jsonb_set(jsonb_set(x.r, '{number}', to_jsonb((select number from numbered))), '{registeredAt}', to_jsonb((select at from numbered))) else x.r end`
    : sql`x.r`;
  ctes.push(sql`head as (update change_log_head set last = last + ${n} where id = 1${afterNumbered} returning last)`);
  ctes.push(sql`log as (insert into change_log (seq, tx_last, table_name, row_key, row, version)
    select head.last - ${n} + x.ord, head.last, x.t, x.k, ${row}, x.v
      from head, jsonb_to_recordset(${items}::jsonb) as x(ord int, t text, k text, r jsonb, v int, late boolean))`);
  const select = numbered
    ? sql`select (select last from head) as tx_last, (select number from numbered) as number, (select at from numbered) as at`
    : sql`select (select last from head) as tx_last`;
  return sql`with ${sql.join(ctes, sql`, `)} ${select}`;
}

/** Reads the final statement's answer: completes the numbered entry, returns the new head. */
export function finalResult(changes: ChangeSet, rows: Array<Record<string, unknown>>): number | null {
  const first = rows[0];
  if (!first || first.tx_last === null || first.tx_last === undefined) {
    if (changes.items.length > 0) throw new Error('change_log_head mancante');
    return null;
  }
  if (changes.numbered) changes.numbered.onAssigned(Number(first.number), String(first.at));
  return Number(first.tx_last);
}

/** Runs the final statement inside `tx` (see finalStatement) and returns the new head. */
export async function appendChanges(tx: Db, changes: ChangeSet): Promise<number | null> {
  const stmt = finalStatement(changes);
  if (!stmt) return null;
  return finalResult(changes, rowsOf(await tx.execute(stmt)));
}

/** Rows of a raw query: node-postgres and PGlite both answer `{ rows }`. */
export function rowsOf(result: unknown): Array<Record<string, unknown>> {
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as Array<Record<string, unknown>>) : [];
}

/** The newest committed change-log position. */
export async function headCursor(db: Db): Promise<number> {
  const [head] = await db.select({ last: changeLogHead.last }).from(changeLogHead).where(eq(changeLogHead.id, 1));
  return Number(head?.last ?? 0);
}

/**
 * Changes after `cursor`, at most about `limit`, cut on a transaction boundary. A transaction
 * larger than the limit is returned whole: a page never splits one.
 */
export async function readChanges(db: Db, cursor: number, limit: number): Promise<{ changes: Change[]; cursor: number; hasMore: boolean }> {
  let rows = await db.select().from(changeLog).where(gt(changeLog.seq, cursor)).orderBy(asc(changeLog.seq)).limit(limit + 1);
  const hasMoreRows = rows.length > limit;
  if (hasMoreRows) rows = rows.slice(0, limit);
  const last = rows.at(-1);
  if (last && Number(last.txLast) > Number(last.seq)) {
    const complete = rows.filter((r) => Number(r.txLast) <= Number(last.seq));
    if (complete.length > 0) rows = complete;
    else {
      rows = await db
        .select()
        .from(changeLog)
        .where(and(gt(changeLog.seq, cursor), lte(changeLog.seq, Number(last.txLast))))
        .orderBy(asc(changeLog.seq));
    }
  }
  const newCursor = rows.length > 0 ? Number(rows.at(-1)!.seq) : cursor;
  const changes: Change[] = rows.map((r) => ({
    seq: Number(r.seq),
    table: toSyncedTable(r.tableName),
    key: r.rowKey,
    row: (r.row as Record<string, unknown> | null) ?? null,
    version: r.version,
  }));
  const [next] = hasMoreRows ? await db.select({ seq: changeLog.seq }).from(changeLog).where(gt(changeLog.seq, newCursor)).limit(1) : [];
  return { changes, cursor: newCursor, hasMore: next !== undefined };
}

function toSyncedTable(name: string): SyncedTable {
  const found = syncedTables.find((t) => t === name);
  if (!found) throw new Error(`Tabella sconosciuta nel change log: ${name}`);
  return found;
}

/** A page of the change log as JSON text, one change per line (see readChangesJson). */
export interface ChangePageJson {
  /** Each change as the JSON of a `Change`, in commit order. */
  lines: string[];
  seqs: number[];
  /** Per line: true for an unreserved register entry, the bulk of any page (no parsing needed). */
  plainEntry: boolean[];
  cursor: number;
  hasMore: boolean;
}

/**
 * The same page as readChanges (same transaction-boundary rule), built as JSON text by the
 * database in ONE row: per-row result rows and jsonb parsing cost four times the query itself
 * on PGlite (bench/sync-pull-server.ts). jsonb text never holds a raw newline, so lines split.
 * Positions and kinds are read back from the text (one aggregate instead of three: a third of
 * the query's time on a million-entry catch-up). `has_more` looks up the next position through
 * the primary key: as `exists (…)` the planner may scan the table from its start, a cost that
 * grew with the cursor (a quarter of a page's time at 100,000, most of it near a million).
 * `lim` (the first `limit` candidates) drops the extra one instead of sorting them again.
 */
export async function readChangesJson(db: Db, cursor: number, limit: number): Promise<ChangePageJson> {
  const rows = rowsOf(
    await db.execute(sql`
      with cand as (select seq, tx_last from change_log where seq > ${cursor} order by seq limit ${limit + 1}),
      lim as (select seq, tx_last from cand where (select count(*) from cand) <= ${limit} or seq < (select max(seq) from cand)),
      bound as (select coalesce(
          (select max(seq) from lim where tx_last <= (select max(seq) from lim)),
          (select tx_last from cand order by seq limit 1)) as upto),
      page as (select * from change_log where seq > ${cursor} and seq <= (select upto from bound))
      select (select upto from bound)::text as upto,
             (select seq from change_log where seq > (select upto from bound) order by seq limit 1) is not null as has_more,
             string_agg(concat('{"seq":', seq, ',"table":', to_json(table_name), ',"key":', to_json(row_key),
               ',"row":', coalesce(row::text, 'null'), ',"version":', version, '}'), E'\n' order by seq) as body
        from page`),
  );
  const r = rows[0];
  const body = r?.body;
  if (!r || typeof body !== 'string' || body === '') return { lines: [], seqs: [], plainEntry: [], cursor, hasMore: false };
  const lines = body.split('\n');
  return {
    lines,
    seqs: lines.map((line) => Number(line.slice(SEQ_AT, line.indexOf(',', SEQ_AT)))),
    plainEntry: lines.map(isPlainEntryLine),
    cursor: Number(r.upto),
    hasMore: r.has_more === true,
  };
}

const SEQ_AT = '{"seq":'.length;
const ENTRY_TABLE = ',"table":"protocol_entries","key":';
/** Written only by the query's own wrapper: jsonb text always has a space after a colon. */
const NULL_ROW = ',"row":null,"version":';
const RESERVED_KEY = '"riservato": ';

/**
 * An unreserved register entry (a row whose `riservato` is false or absent). Conservative: a
 * `riservato` key at any depth with any other value makes the line go through the full scope
 * filter (src/server/sync/pull.ts), so a reserved entry can never pass as a plain one.
 */
function isPlainEntryLine(line: string): boolean {
  if (!line.startsWith(ENTRY_TABLE, line.indexOf(',', SEQ_AT)) || line.includes(NULL_ROW)) return false;
  for (let at = line.indexOf(RESERVED_KEY); at >= 0; at = line.indexOf(RESERVED_KEY, at + 1)) {
    const value = at + RESERVED_KEY.length;
    if (!line.startsWith('false', value) && !line.startsWith('null', value)) return false;
  }
  return true;
}
