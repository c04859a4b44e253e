import { eq } from 'drizzle-orm';
import { offices, protocolEntries, users } from '../../db/schema';
import { entryFromRow } from '../../db/rows';
import type { Annulment, Assignment, AssignmentInput, RegisterInput } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import type { EffectContext } from '../../write/context';
import { createContactEffect } from '../directory/effects';

export type RegisterArgs = RegisterInput & { id: string };
export interface UpdateArgs { id: string; classificationCode?: string | null; assignments?: AssignmentInput[] }
export interface RequestAnnulmentArgs { id: string; reason: string }
export interface AnnulArgs { id: string; reason: string; act: string }

/**
 * Local effect of protocol.register: only the correspondents created inline appear at once.
 * The entry itself appears with the pull, because number and date are the server's (art. 57).
 */
export function registerEffect(args: RegisterArgs, ctx: EffectContext): void {
  for (const c of args.correspondents) {
    if ('newContact' in c && c.newContact.id) createContactEffect({ ...c.newContact, id: c.newContact.id }, ctx);
  }
}

/** Optimistic classification/assignment change; the server keeps the history. */
export function updateEffect(args: UpdateArgs, { db }: EffectContext): void {
  const set: Partial<typeof protocolEntries.$inferInsert> = {};
  if (args.classificationCode !== undefined) set.classificationCode = args.classificationCode;
  if (args.assignments !== undefined) set.assignments = JSON.stringify(resolveAssignments(db, args.assignments));
  db.update(protocolEntries).set(set).where(eq(protocolEntries.id, args.id)).run();
}

export function requestAnnulmentEffect(args: RequestAnnulmentArgs, { db, user, now }: EffectContext): void {
  const row = db.select().from(protocolEntries).where(eq(protocolEntries.id, args.id)).get();
  if (!row || row.status === 'annullato') return;
  const annulment: Annulment = {
    ...emptyAnnulment(),
    ...entryFromRow(row).annulment,
    requestedBy: user.id,
    requestedByName: user.fullName,
    requestedAt: now,
    requestReason: args.reason,
  };
  db.update(protocolEntries).set({ status: 'annullamento_richiesto', annulment: JSON.stringify(annulment) }).where(eq(protocolEntries.id, args.id)).run();
}

/** Art. 54: the entry stays, marked annullato with reason, author, time and act. */
export function annulEffect(args: AnnulArgs, { db, user, now }: EffectContext): void {
  const row = db.select().from(protocolEntries).where(eq(protocolEntries.id, args.id)).get();
  if (!row) return;
  const annulment: Annulment = {
    ...emptyAnnulment(),
    ...entryFromRow(row).annulment,
    annulledBy: user.id,
    annulledByName: user.fullName,
    annulledAt: now,
    reason: args.reason,
    act: args.act,
  };
  db.update(protocolEntries).set({ status: 'annullato', annulment: JSON.stringify(annulment) }).where(eq(protocolEntries.id, args.id)).run();
}

/** Names of assignees from the local copies of offices and users. */
export function resolveAssignments(db: Db, inputs: AssignmentInput[]): Assignment[] {
  return inputs.map((a) => {
    const name =
      a.assigneeType === 'ufficio'
        ? db.select({ n: offices.name }).from(offices).where(eq(offices.id, a.assigneeId)).get()?.n
        : db.select({ n: users.fullName }).from(users).where(eq(users.id, a.assigneeId)).get()?.n;
    return { ...a, assigneeName: name ?? '', state: 'assegnato' };
  });
}

function emptyAnnulment(): Annulment {
  return { requestedBy: null, requestedByName: null, requestedAt: null, requestReason: null, annulledBy: null, annulledByName: null, annulledAt: null, reason: null, act: null };
}
