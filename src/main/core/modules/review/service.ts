import {
  AppError,
  contract,
  isErrorEnvelope,
  isProcedureName,
  parseInput,
  type ErrorEnvelope,
  type ReviewItem,
  type ReviewList,
  type ReviewResolveResult,
  type SessionUser,
} from '../../../../shared/contract';
import { isAllowed } from '../../../../shared/domain/permissions';
import type { DeskDeps } from '../../deps';
import { outbox, reviewLog } from '../../db/schema';
import { applyMutation, isMutationName } from '../../write/apply-mutation';
import { eq } from 'drizzle-orm';
import { describePayload, mutationTitle, targetOf } from './describe';
import * as repo from './repository';

/**
 * The "Da verificare" inbox (issue 3). A refused mutation leaves the outbox only when a person
 * decides: "Risolvi" writes it again as a new mutation, "Scarta" closes it. Either way the
 * original is copied to the review log with who and when, in the same transaction that removes
 * it from the outbox: nothing is dropped silently, and nothing pending can be thrown away here.
 */

export function list(d: DeskDeps, opts: { includeLog: boolean; logLimit: number }): ReviewList {
  const open = repo.rejectedMutations(d.db).map((row) => toItem(d, { ...row, decision: null }));
  const log = opts.includeLog ? repo.recentDecisions(d.db, opts.logLimit).map((row) => toItem(d, row)) : [];
  return { open, log };
}

export function resolve(
  d: DeskDeps,
  input: { mutationId: string; edits?: Record<string, unknown> | undefined; note?: string | undefined },
  user: SessionUser,
): ReviewResolveResult {
  const row = requireRejected(d, input.mutationId);
  const name = row.name;
  if (!isMutationName(name)) {
    throw new AppError('INVALID_STATE', `Questa versione di Gonfalone non sa più eseguire «${mutationTitle(name)}»: puoi solo scartarla.`);
  }
  if (!isAllowed(name, user.roles)) throw new AppError('FORBIDDEN', `Il tuo profilo non consente di ripetere «${mutationTitle(name)}».`);
  const original = parseJson(row.args);
  const args = withEdits(name, original, input.edits);
  const baseVersions = refreshBaseVersions(d, name, args, parseJson(row.baseVersions));
  const now = d.clock();
  const newMutationId = d.db.$client.transaction(() => {
    const applied = applyMutation(d.db, name, args, user, { now, baseVersions });
    logDecision(d, row, user, 'resubmitted', input.note, applied.mutationId);
    return applied.mutationId;
  })();
  afterDecision(d);
  return { item: toItem(d, requireLogged(d, row.mutationId)), newMutationId };
}

export function discard(d: DeskDeps, input: { mutationId: string; note?: string | undefined }, user: SessionUser): ReviewItem {
  const row = requireRejected(d, input.mutationId);
  d.db.$client.transaction(() => logDecision(d, row, user, 'discarded', input.note, null))();
  afterDecision(d);
  return toItem(d, requireLogged(d, row.mutationId));
}

function requireRejected(d: DeskDeps, mutationId: string): repo.OutboxRow {
  const row = repo.rejectedMutation(d.db, mutationId);
  if (row) return row;
  const logged = repo.loggedDecision(d.db, mutationId);
  if (logged) {
    const what = logged.decision === 'discarded' ? 'scartata' : 'inviata di nuovo';
    throw new AppError('INVALID_STATE', `Questa modifica è già stata ${what} da ${logged.decidedByName}.`);
  }
  throw new AppError('NOT_FOUND', 'Modifica non trovata tra quelle da verificare.');
}

function requireLogged(d: DeskDeps, mutationId: string): repo.ReviewLogRow {
  const row = repo.loggedDecision(d.db, mutationId);
  if (!row) throw new AppError('INTERNAL');
  return row;
}

/** Top-level edits over the original arguments; the row's identity never changes. */
function withEdits(name: string, original: unknown, edits: Record<string, unknown> | undefined): object {
  const base = original && typeof original === 'object' && !Array.isArray(original) ? (original as Record<string, unknown>) : {};
  if (!edits || Object.keys(edits).length === 0) return base;
  for (const key of ['id', 'code', 'conflictId']) {
    if (key in edits && edits[key] !== base[key]) throw new AppError('VALIDATION', `Il campo «${key}» identifica la riga e non si può cambiare.`);
  }
  const merged = { ...base, ...edits };
  // Checked against the procedure's own schema: the same Italian messages as the original form.
  if (isProcedureName(name)) parseInput(contract[name].input, merged);
  return merged;
}

/**
 * A retry is decided by a person who has seen the row's current state: it is based on the
 * version this desk holds now, so the server judges it against what was shown.
 */
function refreshBaseVersions(d: DeskDeps, name: string, args: object, original: unknown): Record<string, number> {
  const base: Record<string, number> = {};
  if (original && typeof original === 'object') {
    for (const [k, v] of Object.entries(original)) if (typeof v === 'number') base[k] = v;
  }
  const target = targetOf(name, args);
  if (target) {
    const key = `${target.table}:${target.key}`;
    const version = repo.currentState(d.db, target.table, target.key).version;
    if (key in base && version !== null) base[key] = version;
  }
  return base;
}

function logDecision(d: DeskDeps, row: repo.OutboxRow, user: SessionUser, decision: 'discarded' | 'resubmitted', note: string | undefined, newMutationId: string | null): void {
  d.db
    .insert(reviewLog)
    .values({
      mutationId: row.mutationId,
      seq: row.seq,
      name: row.name,
      version: row.version,
      args: row.args,
      baseVersions: row.baseVersions,
      userId: row.userId,
      createdAt: row.createdAt,
      error: row.error,
      decision,
      decidedBy: user.id,
      decidedByName: user.fullName,
      decidedAt: d.clock().toISOString(),
      note: note ?? null,
      newMutationId,
    })
    .run();
  d.db.delete(outbox).where(eq(outbox.mutationId, row.mutationId)).run();
}

/** The round that follows reports the new counts (and pushes a re-submitted change). */
function afterDecision(d: DeskDeps): void {
  d.emit({ type: 'data-changed', domains: ['protocol', 'directory'] });
  void d.engine.round();
}

type ItemSource = Omit<repo.OutboxRow, 'status'> & {
  decision: 'discarded' | 'resubmitted' | null;
  decidedBy?: string;
  decidedByName?: string;
  decidedAt?: string;
  note?: string | null;
  newMutationId?: string | null;
};

function toItem(d: DeskDeps, row: ItemSource): ReviewItem {
  const args = parseJson(row.args);
  const target = targetOf(row.name, args);
  return {
    mutationId: row.mutationId,
    seq: row.seq,
    name: row.name,
    title: mutationTitle(row.name),
    authorId: row.userId,
    authorName: repo.userName(d.db, row.userId) ?? 'utente sconosciuto',
    createdAt: row.createdAt,
    args,
    payload: describePayload(row.name, args, { contactName: (id) => repo.contactName(d.db, id) }),
    error: errorOf(row.error),
    target: target ? repo.currentState(d.db, target.table, target.key) : null,
    state: row.decision ?? 'rejected',
    decidedBy: row.decidedBy ?? null,
    decidedByName: row.decidedByName ?? null,
    decidedAt: row.decidedAt ?? null,
    note: row.note ?? null,
    newMutationId: row.newMutationId ?? null,
  };
}

function errorOf(text: string | null): ErrorEnvelope {
  const parsed = text ? parseJson(text) : null;
  if (isErrorEnvelope(parsed)) return parsed;
  return { code: 'INTERNAL', message: 'Rifiutata dal server senza motivo indicato.' };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
