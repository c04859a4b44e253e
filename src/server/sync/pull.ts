import { and, asc, eq, gt } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../../shared/contract/auth';
import { syncedTables, type Change, type MutationResult, type PullResponse, type pullQuery } from '../../shared/sync/protocol';
import { readChanges, readChangesJson } from '../db/change-log';
import type { Db } from '../db/client';
import { mutationResults } from '../db/schema';
import { storedResult } from './push';
import { filterChanges, loadPullScope } from './scopes';

const MAX_ACKS = 1000;

/**
 * Changes after the cursor in commit order, filtered by the desk's scope (the cursor still
 * advances past the rows it may not hold), plus this client's acknowledgements after ackedSeq.
 */
export async function pull(db: Db, q: z.output<typeof pullQuery>, now: Date, user?: SessionUser): Promise<PullResponse> {
  const [page, scope] = await Promise.all([readChanges(db, q.cursor, q.limit), user ? loadPullScope(db, user, q.clientId, now) : null]);
  const changes = scope ? await filterChanges(db, scope, page.changes) : page.changes;
  const out: PullResponse = { changes, cursor: page.cursor, hasMore: page.hasMore, acks: await acksOf(db, q), serverTime: now.toISOString() };
  if (scope) out.scopeKey = scope.key;
  return out;
}

async function acksOf(db: Db, q: z.output<typeof pullQuery>): Promise<MutationResult[]> {
  if (!q.clientId) return [];
  const rows = await db
    .select()
    .from(mutationResults)
    .where(and(eq(mutationResults.clientId, q.clientId), gt(mutationResults.seq, q.ackedSeq)))
    .orderBy(asc(mutationResults.seq))
    .limit(MAX_ACKS);
  return rows.map(storedResult);
}

/** A page as JSON text, with the query a catching-up desk sends next (read-ahead.ts). */
export interface PageJson {
  body: string;
  /** The next page's query when there is more, as the desk will ask for it (engine.ts). */
  next: z.output<typeof pullQuery> | null;
}

/**
 * The same answer as `pull`, as JSON text: the database writes the rows' JSON and only the rows
 * that the scope filter must look at are parsed (bench/sync-initial.ts, a million entries).
 * Every change still goes through filterChanges: an unreserved entry travels as a stand-in row
 * with the fields that decide its visibility, and its text is sent untouched if it is kept as is.
 */
export async function pullPageJson(db: Db, q: z.output<typeof pullQuery>, now: Date, user?: SessionUser): Promise<PageJson> {
  const [page, scope] = await Promise.all([readChangesJson(db, q.cursor, q.limit), user ? loadPullScope(db, user, q.clientId, now) : null]);
  const candidates: Change[] = page.lines.map((line, i) =>
    page.plainEntry[i] ? { seq: page.seqs[i]!, table: 'protocol_entries', key: '', row: plainEntryRow, version: 0 } : parseChange(line),
  );
  const kept = scope ? await filterChanges(db, scope, candidates) : candidates;
  const lineOf = new Map(page.seqs.map((seq, i) => [seq, i]));
  const changes: string[] = [];
  for (const c of kept) {
    const i = lineOf.get(c.seq)!;
    if (c.row === plainEntryRow) changes.push(page.lines[i]!);
    else if (page.plainEntry[i]) changes.push(JSON.stringify({ ...parseChange(page.lines[i]!), row: c.row }));
    else changes.push(JSON.stringify(c));
  }
  const acks = await acksOf(db, q);
  const tail = { cursor: page.cursor, hasMore: page.hasMore, acks, serverTime: now.toISOString(), ...(scope ? { scopeKey: scope.key } : {}) };
  const body = `{"changes":[${changes.join(',')}],${JSON.stringify(tail).slice(1)}`;
  const more = page.hasMore && page.cursor !== q.cursor;
  const next = more ? { ...q, cursor: page.cursor, ackedSeq: acks.reduce((m, a) => Math.max(m, a.seq), q.ackedSeq) } : null;
  return { body, next };
}

/** What the scope filter reads of an unreserved entry (src/shared/domain/scopes.ts). */
const plainEntryRow: Record<string, unknown> = Object.freeze({ riservato: false, registeredBy: '', assignments: [] });

function parseChange(line: string): Change {
  const c = JSON.parse(line) as Change;
  if (!syncedTables.includes(c.table)) throw new Error(`Tabella sconosciuta nel change log: ${String(c.table)}`);
  return c;
}
