import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { Annulment, annulInput, AssignmentInput, HistoryItem, ProtocolEntry, requestAnnulmentInput, updateInput } from '../../../shared/contract/protocol';
import { mergeFields, recordFieldVersions, type FieldProposal } from '../../sync/field-merge';
import { uuidv7 } from '../../../shared/domain/ids';
import { protocolEntries, protocolHistory } from '../../db/schema';
import { checkClassification } from '../organisation/titolario';
import { toHistoryItem, toProtocolEntry, type EntryRow } from './mappers';
import { resolveAssignments, type ProtocolCtx } from './register';

async function lockEntry(ctx: ProtocolCtx, id: string): Promise<EntryRow> {
  const [row] = await ctx.tx.select().from(protocolEntries).where(eq(protocolEntries.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND', 'Registrazione di protocollo non trovata.');
  return row;
}

/** Every change after registration is kept with old value, new value, operator and time. */
async function recordHistory(ctx: ProtocolCtx, entryId: string, field: HistoryItem['field'], oldValue: unknown, newValue: unknown): Promise<void> {
  const [row] = await ctx.tx
    .insert(protocolHistory)
    .values({ id: uuidv7(ctx.now.getTime()), entryId, at: ctx.now, by: ctx.user.id, byName: ctx.user.fullName, field, oldValue, newValue })
    .returning();
  const item = toHistoryItem(row!);
  ctx.changes.add('protocol_history', item.id, item, 1);
}

async function save(ctx: ProtocolCtx, id: string, patch: Partial<EntryRow>, version: number): Promise<ProtocolEntry> {
  const [row] = await ctx.tx.update(protocolEntries).set({ ...patch, version: version + 1 }).where(eq(protocolEntries.id, id)).returning();
  const entry = toProtocolEntry(row!);
  ctx.changes.add('protocol_entries', entry.id, entry, entry.version);
  return entry;
}

/** Assignments compare by assignee and kind: names and states are the server's own. */
const assignmentKey = (v: unknown): string =>
  JSON.stringify(Array.isArray(v) ? (v as AssignmentInput[]).map((a) => `${a.assigneeType}:${a.assigneeId}:${a.kind}`) : null);

/**
 * Only classification and assignment change after registration (DPR 445/2000 art. 53 and
 * Linee guida AgID), each change with its history. An annulled entry is frozen. Changes based on
 * an older version merge field by field; the same field changed meanwhile is a conflict
 * (src/server/sync/field-merge.ts).
 */
export async function updateEntry(ctx: ProtocolCtx, input: z.output<typeof updateInput>): Promise<ProtocolEntry> {
  const current = await lockEntry(ctx, input.id);
  if (current.status === 'annullato') throw new AppError('INVALID_STATE', 'Una registrazione annullata non si modifica.');
  const proposals: FieldProposal[] = [];
  if (input.classificationCode !== undefined) proposals.push({ field: 'classificationCode', current: current.classificationCode, next: input.classificationCode });
  if (input.assignments !== undefined) proposals.push({ field: 'assignments', current: current.assignments, next: input.assignments });
  const merge = await mergeFields(ctx, 'protocol_entries', current.id, proposals, { assignments: assignmentKey });
  const patch: Partial<EntryRow> = {};
  if (merge.apply.has('classificationCode') && input.classificationCode !== undefined) {
    await checkClassification(ctx.tx, input.classificationCode);
    await recordHistory(ctx, current.id, 'classificazione', current.classificationCode, input.classificationCode);
    patch.classificationCode = input.classificationCode;
  }
  if (merge.apply.has('assignments') && input.assignments !== undefined) {
    const assignments = await resolveAssignments(ctx.tx, input.assignments);
    await recordHistory(ctx, current.id, 'assegnazione', current.assignments, assignments);
    patch.assignments = assignments;
  }
  if (Object.keys(patch).length === 0) {
    // Nothing applied (a lost conflict, or no real change): the current row goes out again so the
    // desk that changed it optimistically converges back to the server's value.
    const unchanged = toProtocolEntry(current);
    ctx.changes.add('protocol_entries', unchanged.id, unchanged, unchanged.version);
    return unchanged;
  }
  const saved = await save(ctx, current.id, patch, current.version);
  await recordFieldVersions(ctx, 'protocol_entries', current.id, Object.keys(patch), saved.version);
  return saved;
}

/** Applies a conflict's losing value to an entry (conflicts.resolve), with its history. */
export async function applyEntryField(ctx: ProtocolCtx, id: string, field: string, value: unknown): Promise<void> {
  if (field === 'classificationCode') await updateEntry({ ...ctx, baseVersions: {} }, { id, classificationCode: value as string | null });
  else if (field === 'assignments') await updateEntry({ ...ctx, baseVersions: {} }, { id, assignments: value as AssignmentInput[] });
  else throw new AppError('VALIDATION', `Campo non modificabile: ${field}.`);
}

function emptyAnnulment(): Annulment {
  return { requestedBy: null, requestedByName: null, requestedAt: null, requestReason: null, annulledBy: null, annulledByName: null, annulledAt: null, reason: null, act: null };
}

/** Any clerk may ask the responsabile to annul an entry (Linee guida AgID). */
export async function requestAnnulment(ctx: ProtocolCtx, input: z.output<typeof requestAnnulmentInput>): Promise<ProtocolEntry> {
  const current = await lockEntry(ctx, input.id);
  if (current.status === 'annullato') throw new AppError('INVALID_STATE', 'La registrazione è già annullata.');
  const annulment: Annulment = {
    ...((current.annulment as Annulment | null) ?? emptyAnnulment()),
    requestedBy: ctx.user.id,
    requestedByName: ctx.user.fullName,
    requestedAt: ctx.now.toISOString(),
    requestReason: input.reason,
  };
  await recordHistory(ctx, current.id, 'richiesta_annullamento', current.status, { status: 'annullamento_richiesto', reason: input.reason });
  return save(ctx, current.id, { status: 'annullamento_richiesto', annulment }, current.version);
}

/**
 * Art. 54: the responsabile annuls with reason and authorising act; the entry stays visible,
 * marked ANNULLATO, and its number is never reused.
 */
export async function annulEntry(ctx: ProtocolCtx, input: z.output<typeof annulInput>): Promise<ProtocolEntry> {
  const current = await lockEntry(ctx, input.id);
  if (current.status === 'annullato') throw new AppError('INVALID_STATE', 'La registrazione è già annullata.');
  const annulment: Annulment = {
    ...((current.annulment as Annulment | null) ?? emptyAnnulment()),
    annulledBy: ctx.user.id,
    annulledByName: ctx.user.fullName,
    annulledAt: ctx.now.toISOString(),
    reason: input.reason,
    act: input.act,
  };
  await recordHistory(ctx, current.id, 'annullamento', current.status, { status: 'annullato', reason: input.reason, act: input.act });
  return save(ctx, current.id, { status: 'annullato', annulment }, current.version);
}
