import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import { syncedTables, type Change, type SyncedTable } from '../../shared/sync/protocol';
import type { Db } from './client';
import { changeLog, changeLogHead } from './schema';

/** Rows a transaction changed, collected while it runs and written at its very end. */
export class ChangeSet {
  readonly items: Array<Omit<Change, 'seq'>> = [];

  add(table: SyncedTable, key: string, row: object | null, version: number): void {
    // Rows travel as plain JSON: the shared DTOs (Date values become ISO strings).
    const plain = row === null ? null : (JSON.parse(JSON.stringify(row)) as Record<string, unknown>);
    this.items.push({ table, key, row: plain, version });
  }
}

/**
 * Appends the collected changes to the change log and returns the new head position.
 * Must be the LAST statement of the writing transaction: the row lock on change_log_head is
 * held until commit, so positions become visible strictly in commit order
 * (docs/decisions/0001-commit-ordered-change-log.md). Returns null when nothing changed.
 */
export async function appendChanges(tx: Db, changes: ChangeSet): Promise<number | null> {
  const n = changes.items.length;
  if (n === 0) return null;
  const [head] = await tx
    .update(changeLogHead)
    .set({ last: sql`${changeLogHead.last} + ${n}` })
    .where(eq(changeLogHead.id, 1))
    .returning({ last: changeLogHead.last });
  if (!head) throw new Error('change_log_head mancante');
  const txLast = Number(head.last);
  const first = txLast - n + 1;
  await tx.insert(changeLog).values(
    changes.items.map((c, i) => ({ seq: first + i, txLast, tableName: c.table, rowKey: c.key, row: c.row, version: c.version })),
  );
  return txLast;
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
