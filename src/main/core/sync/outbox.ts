import { and, asc, count, eq, min } from 'drizzle-orm';
import type { MutationEnvelope } from '../../../shared/sync/protocol';
import type { Db } from '../db/open';
import { outbox } from '../db/schema';

export type OutboxRow = typeof outbox.$inferSelect;

/** About 1 MB of arguments per push request (ARCHITECTURE.md, batches capped). */
export const MAX_BATCH_BYTES = 1_000_000;
export const MAX_BATCH_COUNT = 1000;

/**
 * The next batch to push: pending mutations in seq order, all by the same author (each run is
 * pushed with that author's token), at most ~1 MB and 1000 mutations, at least one.
 */
export function nextBatch(db: Db): OutboxRow[] {
  const pending = db.select().from(outbox).where(eq(outbox.status, 'pending')).orderBy(asc(outbox.seq)).limit(MAX_BATCH_COUNT).all();
  return takeBatch(pending);
}

/** Pure part of `nextBatch`, unit-tested on its own. */
export function takeBatch(pending: OutboxRow[]): OutboxRow[] {
  const batch: OutboxRow[] = [];
  let bytes = 0;
  for (const m of pending) {
    if (batch.length > 0 && m.userId !== batch[0]!.userId) break;
    if (batch.length > 0 && bytes + m.args.length > MAX_BATCH_BYTES) break;
    if (batch.length >= MAX_BATCH_COUNT) break;
    batch.push(m);
    bytes += m.args.length;
  }
  return batch;
}

export function toEnvelope(m: OutboxRow): MutationEnvelope {
  return {
    id: m.mutationId,
    seq: m.seq,
    name: m.name,
    version: m.version,
    args: JSON.parse(m.args) as unknown,
    baseVersions: JSON.parse(m.baseVersions) as Record<string, number>,
    createdAt: m.createdAt,
  };
}

export function outboxCounts(db: Db): { pending: number; rejected: number; oldestPendingAt: string | null } {
  const p = db.select({ n: count(), oldest: min(outbox.createdAt) }).from(outbox).where(eq(outbox.status, 'pending')).get();
  const r = db.select({ n: count() }).from(outbox).where(and(eq(outbox.status, 'rejected'))).get();
  return { pending: p?.n ?? 0, rejected: r?.n ?? 0, oldestPendingAt: p?.oldest ?? null };
}
