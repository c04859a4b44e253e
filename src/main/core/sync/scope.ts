import { eq, sql } from 'drizzle-orm';
import { scopedTables } from '../../../shared/domain/scopes';
import type { PullResponse } from '../../../shared/sync/protocol';
import type { Db } from '../db/open';
import { scopeResyncSeen, syncScope, syncState } from '../db/schema';
import { throughWriteGate } from '../db/write-gate';

/**
 * Scope changes on the desk (docs/decisions/0003-scopes.md). The server names the scope of each
 * pull with `scopeKey`; when it changes (a role, an office, another user on this desk) the
 * desk pulls again from 0 and, at the end of that re-pull, drops the rows of scoped tables it
 * did not receive. Rows of still-pending local mutations come back at once: the same
 * transaction re-applies the outbox on top.
 */

const scopedSet = new Set<string>(scopedTables);

function current(db: Db) {
  return db.select().from(syncScope).where(eq(syncScope.id, 1)).get() ?? null;
}

/**
 * Called with each fetched page before applying it: true when the scope changed and the desk has
 * just restarted from position 0 (the page must then be discarded and fetched again).
 */
export function restartIfScopeChanged(db: Db, page: PullResponse, cursor: number): boolean {
  if (page.scopeKey === undefined) return false;
  const s = current(db);
  if (s?.scopeKey === page.scopeKey) return false;
  // First pull ever: nothing held yet, just remember the scope.
  if (!s?.scopeKey && cursor === 0) {
    db.insert(syncScope).values({ id: 1, scopeKey: page.scopeKey, resyncing: false }).onConflictDoUpdate({ target: syncScope.id, set: { scopeKey: page.scopeKey } }).run();
    return false;
  }
  db.transaction(() => {
    db.insert(syncScope).values({ id: 1, scopeKey: page.scopeKey!, resyncing: true }).onConflictDoUpdate({ target: syncScope.id, set: { scopeKey: page.scopeKey!, resyncing: true } }).run();
    db.delete(scopeResyncSeen).run();
    db.update(syncState).set({ cursor: 0 }).where(eq(syncState.id, 1)).run();
  });
  return true;
}

/** Inside the pull transaction: remembers the scoped rows of a re-pull and sweeps at its end. */
export function trackScopedRows(db: Db, page: PullResponse): void {
  const s = current(db);
  if (!s?.resyncing) return;
  for (const c of page.changes) {
    if (c.row && scopedSet.has(c.table)) db.insert(scopeResyncSeen).values({ tableName: c.table, rowKey: c.key }).onConflictDoNothing().run();
  }
  if (page.hasMore) return;
  throughWriteGate(db.$client, () => {
    for (const table of scopedTables) {
      // Every scoped table is keyed by `id`.
      db.run(sql`delete from ${sql.identifier(table)} where id not in (select row_key from scope_resync_seen where table_name = ${table})`);
    }
  });
  db.delete(scopeResyncSeen).run();
  db.update(syncScope).set({ resyncing: false }).where(eq(syncScope.id, 1)).run();
}
