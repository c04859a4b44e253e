import { and, asc, eq, gt } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../../shared/contract/auth';
import type { MutationResult, PullResponse, pullQuery } from '../../shared/sync/protocol';
import { readChanges } from '../db/change-log';
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
  let acks: MutationResult[] = [];
  if (q.clientId) {
    const rows = await db
      .select()
      .from(mutationResults)
      .where(and(eq(mutationResults.clientId, q.clientId), gt(mutationResults.seq, q.ackedSeq)))
      .orderBy(asc(mutationResults.seq))
      .limit(MAX_ACKS);
    acks = rows.map(storedResult);
  }
  const out: PullResponse = { changes, cursor: page.cursor, hasMore: page.hasMore, acks, serverTime: now.toISOString() };
  if (scope) out.scopeKey = scope.key;
  return out;
}
