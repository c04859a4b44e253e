import { drizzle } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Pool, PoolClient } from 'pg';
import type { Db } from './client';
import { appendChanges, finalResult, finalStatement } from './change-log';
import { ChangeSet } from './change-set';
import * as schema from './schema';

/**
 * One drizzle instance per pooled connection, built on first use: building it (relational
 * config of the whole schema) cost as much as a statement of the push it served.
 */
const drizzleByClient = new WeakMap<PoolClient, Db>();
function drizzleOf(client: PoolClient): Db {
  let db = drizzleByClient.get(client);
  if (!db) drizzleByClient.set(client, (db = drizzle({ client, schema })));
  return db;
}

/** The one write path of the register: every writing transaction ends by recording its changes. */
export interface Writer {
  readonly db: Db;
  write<T>(fn: (tx: Db, changes: ChangeSet) => Promise<T>): Promise<T>;
  /** As `write`, also giving the change-log head this commit produced (null: nothing logged). */
  writeWithHead<T>(fn: (tx: Db, changes: ChangeSet) => Promise<T>): Promise<{ out: T; head: number | null }>;
}

/**
 * `onCommit` hears the new change-log head after each commit that changed synced rows.
 * With a PostgreSQL pool (in pipeline mode, see client.ts) the final statement and COMMIT are
 * written together: the counter and head locks are then held for the statement and the commit
 * only, not for an extra trip through a busy event loop.
 */
export function createWriter(db: Db, onCommit: (cursor: number) => void, pool?: Pool): Writer {
  const dialect = new PgDialect();
  const viaDrizzle = async <T>(fn: (tx: Db, changes: ChangeSet) => Promise<T>): Promise<{ out: T; head: number | null }> =>
    db.transaction(async (tx) => {
      const changes = new ChangeSet();
      const out = await fn(tx, changes);
      return { out, head: await appendChanges(tx, changes) };
    });

  const viaPool = async <T>(p: Pool, fn: (tx: Db, changes: ChangeSet) => Promise<T>): Promise<{ out: T; head: number | null }> => {
    const client = await p.connect();
    try {
      // BEGIN is queued, not awaited: the first query of `fn` follows it on the connection.
      const begin = client.query('BEGIN');
      begin.catch(() => undefined);
      const changes = new ChangeSet();
      const out = await fn(drizzleOf(client), changes);
      await begin;
      const stmt = finalStatement(changes);
      if (!stmt) {
        await client.query('COMMIT');
        return { out, head: null };
      }
      const q = dialect.sqlToQuery(stmt);
      // A failed final statement turns this COMMIT into a ROLLBACK (PostgreSQL semantics).
      const [final, commit] = await Promise.allSettled([client.query(q.sql, q.params), client.query('COMMIT')]);
      if (final.status === 'rejected') throw final.reason;
      if (commit.status === 'rejected') throw commit.reason;
      return { out, head: finalResult(changes, final.value.rows) };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };

  const writeWithHead = async <T>(fn: (tx: Db, changes: ChangeSet) => Promise<T>): Promise<{ out: T; head: number | null }> => {
    const done = pool ? await viaPool(pool, fn) : await viaDrizzle(fn);
    if (done.head !== null) onCommit(done.head);
    return done;
  };
  return {
    db,
    writeWithHead,
    async write(fn) {
      return (await writeWithHead(fn)).out;
    },
  };
}
