import { sql, type SQL } from 'drizzle-orm';
import type { Change, SyncedTable } from '../../shared/sync/protocol';

/**
 * A row whose number and time the database assigns in the transaction's final statement
 * (protocol registration, DPR 445/2000 art. 57): the insert runs there, so the counter lock is
 * held only for that statement and the commit. JSON written in the same statement (the entry's
 * change-log row, the stored mutation result) is patched at the given paths.
 */
export interface NumberedInsert {
  /** `insert … returning number, registered_at`. */
  insert: SQL;
  /** Index in `items` of the change-log row to patch at `number` and `registeredAt`. */
  itemIndex: number;
  /** Paths of the mutation result to patch, and the prefix of the segnatura string. */
  result: { number: string[]; registeredAt: string[]; segnatura: { path: string[]; prefix: string } };
  /** Called with the assigned values, so the objects already returned can be completed. */
  onAssigned(number: number, registeredAt: string): void;
}

/** Rows a transaction changed, collected while it runs and written at its very end. */
export class ChangeSet {
  readonly items: Array<Omit<Change, 'seq'>> = [];
  /**
   * Data-modifying CTEs (`name as (…)`) run in the same statement as the change-log write, e.g.
   * the stored mutation result: fewer round trips while the counter lock is held.
   */
  readonly tail: SQL[] = [];
  numbered: NumberedInsert | null = null;

  add(table: SyncedTable, key: string, row: object | null, version: number): number {
    // Rows travel as plain JSON: the shared DTOs (Date values become ISO strings).
    const plain = row === null ? null : (JSON.parse(JSON.stringify(row)) as Record<string, unknown>);
    this.items.push({ table, key, row: plain, version });
    return this.items.length - 1;
  }

  /** A JSON value for the final statement, with the late-assigned number and time patched in. */
  resultJson(value: unknown): SQL {
    const json = sql`${JSON.stringify(value ?? null)}::jsonb`;
    const n = this.numbered;
    if (!n) return json;
    const path = (p: string[]) => `{${p.join(',')}}`;
    return sql`jsonb_set(jsonb_set(jsonb_set(${json},
      ${path(n.result.number)}::text[], to_jsonb((select number from numbered))),
      ${path(n.result.registeredAt)}::text[], to_jsonb((select at from numbered))),
      ${path(n.result.segnatura.path)}::text[], to_jsonb(${n.result.segnatura.prefix} || lpad((select number from numbered)::text, 7, '0')))`;
  }
}
