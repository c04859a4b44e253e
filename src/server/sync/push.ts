import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/contract/errors';
import type { SessionUser } from '../../shared/contract/auth';
import { isAllowed } from '../../shared/domain/permissions';
import { mutationVersions, type MutationEnvelope, type MutationResult, type PushRequest, type PushResponse } from '../../shared/sync/protocol';
import { ChangeSet, headCursor } from '../db/change-log';
import { mapDbError } from '../db/errors';
import type { Writer } from '../db/write';
import { mutationResults, syncClients } from '../db/schema';
import { handlerOf } from './mutations';

type Outcome = { kind: 'result'; result: MutationResult } | { kind: 'gap'; lastSeq: number };

/** A stored mutation result as the desk receives it (push retry, pull acks). */
export function storedResult(r: typeof mutationResults.$inferSelect): MutationResult {
  const out: MutationResult = { id: r.mutationId, seq: r.seq, status: r.status === 'applied' ? 'applied' : 'rejected' };
  if (r.result !== null) out.result = r.result;
  if (r.error !== null) out.error = r.error as MutationResult['error'];
  return out;
}

function checkMutation(m: MutationEnvelope, user: SessionUser): void {
  const known = Object.prototype.hasOwnProperty.call(mutationVersions, m.name) ? mutationVersions[m.name as keyof typeof mutationVersions] : undefined;
  if (known === undefined) throw new AppError('UNKNOWN_PROCEDURE', `Operazione sconosciuta al server del registro: ${m.name}.`);
  if (m.version > known) throw new AppError('VERSION_SKEW');
  if (!isAllowed(m.name, user.roles)) throw new AppError('FORBIDDEN');
}

/**
 * Applies one mutation in one transaction with its change-log rows, the client's lastSeq and the
 * stored result. A user error rolls back the handler's writes (savepoint) and is stored as
 * `rejected`: the sequence advances and the desk never retries it. Anything else propagates
 * and nothing is stored.
 */
async function pushOne(writer: Writer, clientId: string, user: SessionUser, m: MutationEnvelope, clock: () => Date): Promise<Outcome> {
  return writer.write(async (tx, changes) => {
    const now = clock();
    await tx.insert(syncClients).values({ clientId, userId: user.id, lastSeq: 0, updatedAt: now }).onConflictDoNothing();
    const [client] = await tx.select().from(syncClients).where(eq(syncClients.clientId, clientId)).for('update');
    const [known] = await tx.select().from(mutationResults).where(eq(mutationResults.mutationId, m.id));
    if (known) return { kind: 'result', result: storedResult(known) };
    const lastSeq = client?.lastSeq ?? 0;
    if (m.seq !== lastSeq + 1) return { kind: 'gap', lastSeq };

    let result: MutationResult;
    try {
      checkMutation(m, user);
      const own = new ChangeSet();
      const value = await tx.transaction((sp) => handlerOf(m.name)!({ tx: sp, changes: own, user, now, clock }, m.args));
      changes.items.push(...own.items);
      result = { id: m.id, seq: m.seq, status: 'applied', result: JSON.parse(JSON.stringify(value ?? null)) };
    } catch (err) {
      const mapped = mapDbError(err);
      if (!(mapped instanceof AppError)) throw err;
      result = { id: m.id, seq: m.seq, status: 'rejected', error: mapped.toEnvelope() };
    }
    await tx.insert(mutationResults).values({
      mutationId: m.id,
      clientId,
      seq: m.seq,
      name: m.name,
      status: result.status,
      result: result.result ?? null,
      error: result.error ?? null,
      at: now,
    });
    await tx.update(syncClients).set({ lastSeq: m.seq, userId: user.id, updatedAt: now }).where(eq(syncClients.clientId, clientId));
    return { kind: 'result', result };
  });
}

/** Applies a push in client order; a sequence gap stops it with CONFLICT and the server's lastSeq. */
export async function push(writer: Writer, req: PushRequest, user: SessionUser, clock: () => Date): Promise<PushResponse> {
  const results: MutationResult[] = [];
  for (const m of req.mutations) {
    const outcome = await pushOne(writer, req.clientId, user, m, clock);
    if (outcome.kind === 'gap') {
      throw new AppError('CONFLICT', `Sequenza delle operazioni interrotta: il server ha ricevuto fino alla n. ${outcome.lastSeq}, è arrivata la n. ${m.seq}.`, {
        lastSeq: outcome.lastSeq,
        results,
      });
    }
    results.push(outcome.result);
  }
  const [client] = await writer.db.select({ lastSeq: syncClients.lastSeq }).from(syncClients).where(eq(syncClients.clientId, req.clientId));
  return { results, lastSeq: client?.lastSeq ?? 0, cursor: await headCursor(writer.db) };
}
