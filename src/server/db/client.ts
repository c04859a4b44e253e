import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Pool } from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** The database as services see it: PGlite and PostgreSQL alike (a transaction is one too). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface OpenedDatabase {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The PostgreSQL pool, for the writer's pipelined commit; absent on PGlite. */
  pool?: Pool;
  close(): Promise<void>;
}

const defaultMigrations = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle/server');

/**
 * Opens the register database and applies the shipped migrations (forward-only) before any
 * request is served: PostgreSQL when a URL is given, otherwise PGlite in `dataDir` or in memory.
 */
export async function openDatabase(opts: { databaseUrl?: string; pgDataDir?: string; migrationsFolder?: string }): Promise<OpenedDatabase> {
  const migrationsFolder = opts.migrationsFolder ?? defaultMigrations;
  if (opts.databaseUrl) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    // Pipeline mode: queries queued on a connection go out without waiting for the previous
    // answer, so a transaction's final statement and its COMMIT reach PostgreSQL together.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 20, pipeline: true });
    // An idle connection dropped by PostgreSQL (restart, admin command) must not crash the
    // server: the pool discards it and the next query opens a new one.
    pool.on('error', () => undefined);
    const db = drizzle({ client: pool, schema });
    try {
      await migrate(db, { migrationsFolder });
    } catch (err) {
      await pool.end();
      throw err;
    }
    return { db, kind: 'postgres', pool, close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = opts.pgDataDir ? new PGlite(opts.pgDataDir) : new PGlite();
  const db = drizzle({ client, schema });
  try {
    await migrate(db, { migrationsFolder });
  } catch (err) {
    await client.close();
    throw err;
  }
  return { db, kind: 'pglite', close: () => client.close() };
}
