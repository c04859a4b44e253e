import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import * as casesSchema from './cases-schema';
import * as agendaSchema from './agenda-schema';
import { StartupError } from '../errors';

/** `PRAGMA application_id` of a Gonfalone desk database ("GFLN"). */
export const GONFALONE_APPLICATION_ID = 0x47464c4e;

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../drizzle/client');

// The document tables of issues 4 and 5 are the desk's own too (a reopened desk must not refuse them).
const ownTables = new Set([...[schema, casesSchema, agendaSchema].flatMap((m) => Object.values(m).map((t) => tableName(t))), '__drizzle_migrations', 'sqlite_sequence']);

/**
 * Opens (creating if needed) the local database, refusing a foreign or corrupt file before
 * anything writes to it, then applies the shipped migrations.
 */
export function openLocalDatabase(file: string | ':memory:', migrationsFolder = DEFAULT_MIGRATIONS_FOLDER): Db {
  if (file !== ':memory:') checkExistingFile(file);
  const sqlite = new Database(file);
  try {
    if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    useMemoryFor(sqlite, 'reading');
    sqlite.pragma(`application_id = ${GONFALONE_APPLICATION_ID}`);
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder });
    return db;
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

/**
 * Reads dominate ordinary use (search on a million entries): a 64 MB page cache and
 * memory-mapped I/O. A bulk catch-up (a new desk's initial sync) writes, and every mapped page
 * it touches counts toward the process's memory: it runs with a small cache and no mapping
 * (bench/sync-initial.ts, peak RSS ≤ 300 MB). WAL with synchronous=NORMAL in both: a commit
 * survives a crash of the program; only a power cut may lose the last ones, which the server
 * still holds and the next pull brings back.
 */
export function useMemoryFor(sqlite: Database.Database, work: 'reading' | 'catch-up'): void {
  sqlite.pragma(`cache_size = ${work === 'reading' ? -65536 : -8192}`);
  // A catch-up commits a page every few tens of milliseconds: checkpointing every 40 MB instead
  // of every 4 MB copies the pages it keeps rewriting (the ends of its B-trees) fewer times
  // (bench/sync-apply-desk.ts: 9% faster writes).
  sqlite.pragma(`wal_autocheckpoint = ${work === 'reading' ? 1000 : 10000}`);
  if (sqlite.name !== ':memory:') sqlite.pragma(`mmap_size = ${work === 'reading' ? 268435456 : 0}`);
}

/** Read-only inspection: a text file, a corrupt file or another application's SQLite is refused. */
function checkExistingFile(file: string): void {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return;
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1') !== 'SQLite format 3\0') {
    throw new StartupError(file, `Il file dati «${file}» non è un database di Gonfalone (formato non riconosciuto): non è stato modificato.`);
  }
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    const appId = probe.pragma('application_id', { simple: true });
    const tables = probe
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'protocol_fts%'")
      .pluck()
      .all() as string[];
    const foreign = tables.filter((t) => !ownTables.has(t));
    if (appId !== GONFALONE_APPLICATION_ID && (appId !== 0 || foreign.length > 0 || tables.length > 0)) {
      throw new StartupError(file, `Il file dati «${file}» appartiene a un'altra applicazione: non è stato modificato.`);
    }
    if (foreign.length > 0) {
      throw new StartupError(file, `Il file dati «${file}» contiene tabelle sconosciute (${foreign.slice(0, 3).join(', ')}): non è stato modificato.`);
    }
    const check = probe.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new StartupError(file, `Il file dati «${file}» è danneggiato: non è stato modificato.`);
  } catch (err) {
    if (err instanceof StartupError) throw err;
    throw new StartupError(file, `Il file dati «${file}» è danneggiato o illeggibile: non è stato modificato.`);
  } finally {
    probe?.close();
  }
}

function tableName(t: unknown): string {
  const sym = Object.getOwnPropertySymbols(t as object).find((s) => s.description === 'drizzle:Name');
  return sym ? String((t as Record<symbol, unknown>)[sym]) : '';
}
