import type Database from 'better-sqlite3';
import { syncedTables } from '../../../shared/sync/protocol';

/**
 * Enforces the one write path (STYLE.md): TEMP triggers refuse any INSERT/UPDATE/DELETE on a
 * synced table unless the write path or the pull applier has opened the gate for the current
 * transaction. A stray `db.insert(contacts)` anywhere else fails at once, in tests and in use.
 */
export function installWriteGate(sqlite: Database.Database): void {
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS write_gate (opened INTEGER NOT NULL)');
  for (const table of syncedTables) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE'] as const) {
      sqlite.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS gate_${table}_${op.toLowerCase()} BEFORE ${op} ON main.${table}
         WHEN NOT EXISTS (SELECT 1 FROM temp.write_gate)
         BEGIN SELECT RAISE(ABORT, 'scrittura fuori dal percorso unico: ${table}'); END`,
      );
    }
  }
}

/** Runs `fn` in one transaction with the gate open; only the write path and pull applier call it. */
export function throughWriteGate<T>(sqlite: Database.Database, fn: () => T): T {
  return sqlite.transaction(() => {
    // Already open by an enclosing call in this transaction: nothing to open or close.
    if (sqlite.prepare('SELECT count(*) FROM temp.write_gate').pluck().get() !== 0) return fn();
    sqlite.prepare('INSERT INTO temp.write_gate (opened) VALUES (1)').run();
    try {
      return fn();
    } finally {
      sqlite.prepare('DELETE FROM temp.write_gate').run();
    }
  })();
}
