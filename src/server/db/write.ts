import type { Db } from './client';
import { appendChanges } from './change-log';
import { ChangeSet } from './change-set';

/** The one write path of the register: every writing transaction ends by recording its changes. */
export interface Writer {
  readonly db: Db;
  write<T>(fn: (tx: Db, changes: ChangeSet) => Promise<T>): Promise<T>;
}

/** `onCommit` hears the new change-log head after each commit that changed synced rows. */
export function createWriter(db: Db, onCommit: (cursor: number) => void): Writer {
  return {
    db,
    async write(fn) {
      let head: number | null = null;
      const result = await db.transaction(async (tx) => {
        const changes = new ChangeSet();
        const out = await fn(tx, changes);
        head = await appendChanges(tx, changes);
        return out;
      });
      if (head !== null) onCommit(head);
      return result;
    },
  };
}
