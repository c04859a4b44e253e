import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/contract/errors';
import type { SessionUser } from '../../shared/contract/auth';
import { isAllowed } from '../../shared/domain/permissions';
import { mutationVersions, PROTOCOL_VERSION, type MutationEnvelope, type MutationResult, type PushRequest, type PushResponse } from '../../shared/sync/protocol';
import { headCursor, rowsOf } from '../db/change-log';
import type { ChangeSet } from '../db/change-set';
import type { Db } from '../db/client';
import { mapDbError } from '../db/errors';
import type { Writer } from '../db/write';
import { mutationResults, syncClients } from '../db/schema';
import { isNewerThanServer, resolveHandler } from './mutations';
import type { MutationHandler } from './mutation-handler';
import { reemitTouchedRow } from './touched-row';

type Outcome = { kind: 'result'; result: MutationResult; lastSeq: number } | { kind: 'gap'; lastSeq: number };
type Gate = { kind: 'go' } | Outcome;
/** An outcome with the change-log head its commit produced (null: nothing logged). */
type Pushed = { outcome: Outcome; head: number | null };

/** A stored mutation result as the desk receives it (push retry, pull acks). */
export function storedResult(r: Pick<typeof mutationResults.$inferSelect, 'mutationId' | 'seq' | 'status' | 'result' | 'error'>): MutationResult {
  const out: MutationResult = { id: r.mutationId, seq: r.seq, status: r.status === 'applied' ? 'applied' : 'rejected' };
  if (r.result !== null) out.result = r.result;
  if (r.error !== null) out.error = r.error as MutationResult['error'];
  return out;
}

/** The handler for the mutation's name and version (older versions upgraded), if the user may run it. */
function checkMutation(m: MutationEnvelope, user: SessionUser): MutationHandler {
  const handler = resolveHandler(m.name, m.version);
  if (!isAllowed(m.name, user.roles)) throw new AppError('FORBIDDEN');
  return handler;
}

/**
 * A desk newer than the server (protocol or a mutation version) must not lose its outbox: the
 * push stops before that mutation with VERSION_SKEW, nothing of it is stored, and the desk asks
 * for the server to be upgraded; mutations before it in the batch are applied as usual.
 */
function versionSkew(req: PushRequest, m: MutationEnvelope | null, results: MutationResult[]): AppError {
  const what = m ? `l'operazione ${m.name} v${m.version} (il server arriva alla v${mutationVersions[m.name as keyof typeof mutationVersions]})` : `il protocollo v${req.protocolVersion} (il server usa la v${PROTOCOL_VERSION})`;
  return new AppError('VERSION_SKEW', `Questa postazione usa una versione più recente del server del registro per ${what}: aggiorna il server. Le modifiche restano in attesa.`, {
    serverProtocolVersion: PROTOCOL_VERSION,
    serverMutationVersions: mutationVersions,
    results,
  });
}

/**
 * Locks the client's row (creating it on first contact) and decides: replay a known mutation,
 * refuse a sequence gap, or go on. The lock serialises pushes of one desk.
 */
async function gate(tx: Db, clientId: string, user: SessionUser, m: MutationEnvelope, now: Date): Promise<Gate> {
  // One statement: the client's row (created on first contact, and locked, which serialises
  // the pushes of one desk) and the stored result of this mutation if it is a retry. Both
  // drivers hand jsonb columns back parsed.
  const [row] = rowsOf(
    await tx.execute(sql`
      with client as (
        insert into sync_clients (client_id, user_id, last_seq, updated_at) values (${clientId}, ${user.id}, 0, ${now.toISOString()})
        on conflict (client_id) do update set client_id = excluded.client_id
        returning last_seq)
      select (select last_seq from client) as last_seq, k.seq, k.status, k.result, k.error
        from (select 1) as one left join mutation_results k on k.mutation_id = ${m.id}`),
  );
  const lastSeq = Number(row?.last_seq ?? 0);
  if (row && row.status !== null && row.status !== undefined) {
    const known = { mutationId: m.id, seq: Number(row.seq), status: String(row.status), result: row.result ?? null, error: row.error ?? null };
    return { kind: 'result', result: storedResult(known), lastSeq };
  }
  return m.seq === lastSeq + 1 ? { kind: 'go' } : { kind: 'gap', lastSeq };
}

/** Stores the result and advances the client's lastSeq, in the transaction's final statement. */
function record(changes: ChangeSet, clientId: string, user: SessionUser, m: MutationEnvelope, result: MutationResult, now: Date): void {
  changes.tail.push(
    sql`sync_client as (update sync_clients set last_seq = ${m.seq}, user_id = ${user.id}, updated_at = ${now.toISOString()} where client_id = ${clientId})`,
    sql`mutation_result as (insert into mutation_results (mutation_id, client_id, seq, name, status, result, error, at)
      values (${m.id}, ${clientId}, ${m.seq}, ${m.name}, ${result.status}, ${changes.resultJson(result.result)},
              ${result.error ? JSON.stringify(result.error) : null}::jsonb, ${now.toISOString()}))`,
  );
}

/**
 * Applies one mutation in one transaction with its change-log rows, the client's lastSeq and the
 * stored result. A user error (AppError, or the database's own refusal) rolls that transaction
 * back and is stored as `rejected` in a second one: the sequence advances and the desk never
 * retries it. Any other failure propagates and nothing is stored.
 */
async function pushOne(writer: Writer, clientId: string, user: SessionUser, m: MutationEnvelope, clock: () => Date): Promise<Pushed> {
  let rejection: AppError;
  try {
    return toPushed(await writer.writeWithHead(async (tx, changes): Promise<Outcome> => {
      const now = clock();
      const g = await gate(tx, clientId, user, m, now);
      if (g.kind !== 'go') return g;
      const handler = checkMutation(m, user);
      const value = await handler({ tx, changes, user, now, mutationId: m.id, clientId, baseVersions: m.baseVersions }, m.args);
      // The value may still be completed by the final statement (the assigned protocol number).
      const result: MutationResult = { id: m.id, seq: m.seq, status: 'applied', result: value ?? null };
      record(changes, clientId, user, m, result, now);
      return { kind: 'result', result, lastSeq: m.seq };
    }));
  } catch (err) {
    const mapped = mapDbError(err);
    if (!(mapped instanceof AppError)) throw err;
    rejection = mapped;
  }
  return toPushed(await writer.writeWithHead(async (tx, changes): Promise<Outcome> => {
    const now = clock();
    const g = await gate(tx, clientId, user, m, now);
    if (g.kind !== 'go') return g;
    const result: MutationResult = { id: m.id, seq: m.seq, status: 'rejected', error: rejection.toEnvelope() };
    await reemitTouchedRow(tx, changes, m.name, m.args, m.id);
    record(changes, clientId, user, m, result, now);
    return { kind: 'result', result, lastSeq: m.seq };
  }));
}

function toPushed(done: { out: Outcome; head: number | null }): Pushed {
  return { outcome: done.out, head: done.head };
}

/** Applies a push in client order; a sequence gap stops it with CONFLICT and the server's lastSeq. */
export async function push(writer: Writer, req: PushRequest, user: SessionUser, clock: () => Date): Promise<PushResponse> {
  const results: MutationResult[] = [];
  if (req.protocolVersion > PROTOCOL_VERSION) throw versionSkew(req, null, results);
  // Known from the transactions themselves: no reads after them unless nothing was logged.
  let lastSeq: number | null = null;
  let cursor: number | null = null;
  for (const m of req.mutations) {
    if (isNewerThanServer(m.name, m.version)) throw versionSkew(req, m, results);
    const { outcome, head } = await pushOne(writer, req.clientId, user, m, clock);
    if (head !== null) cursor = Math.max(cursor ?? 0, head);
    if (outcome.kind === 'gap') {
      throw new AppError('CONFLICT', `Sequenza delle operazioni interrotta: il server ha ricevuto fino alla n. ${outcome.lastSeq}, è arrivata la n. ${m.seq}.`, {
        lastSeq: outcome.lastSeq,
        results,
      });
    }
    results.push(outcome.result);
    lastSeq = Math.max(lastSeq ?? 0, outcome.lastSeq);
  }
  const [[client], head] = await Promise.all([
    lastSeq === null ? writer.db.select({ lastSeq: syncClients.lastSeq }).from(syncClients).where(eq(syncClients.clientId, req.clientId)) : [{ lastSeq }],
    cursor === null ? headCursor(writer.db) : cursor,
  ]);
  return { results, lastSeq: client?.lastSeq ?? 0, cursor: head };
}
