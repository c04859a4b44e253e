import { and, asc, eq, gt } from 'drizzle-orm';
import type { z } from 'zod';
import type { MutationResult, PullResponse, pullQuery } from '../../shared/sync/protocol';
import { readChanges } from '../db/change-log';
import type { Db } from '../db/client';
import { mutationResults } from '../db/schema';
import { storedResult } from './push';

const MAX_ACKS = 1000;

/** Changes after the cursor in commit order, plus this client's acknowledgements after ackedSeq. */
export async function pull(db: Db, q: z.output<typeof pullQuery>, now: Date): Promise<PullResponse> {
  const page = await readChanges(db, q.cursor, q.limit);
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
  return { changes: page.changes, cursor: page.cursor, hasMore: page.hasMore, acks, serverTime: now.toISOString() };
}
