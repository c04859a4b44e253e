import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { CaseDto, SignatureItemDto, signatureDecideInput, signatureSubmitInput } from '../../../shared/contract/cases';
import { derivedId, type CaseEventDraft } from '../../../shared/domain/cases/reducer';
import { loadDoc, saveDoc } from '../../db/docs';
import { offices, protocolEntries } from '../../db/schema';
import type { MutationCtx } from '../../sync/mutation-handler';

/**
 * Libro firma: documents awaiting the Mayor's signature. Each decision is final (signed,
 * sent back for clarification, withdrawn); a new submission follows a clarification. When the
 * document belongs to a case, the case's timeline records it.
 */

const outcomeLabels: Record<SignatureItemDto['state'], string> = {
  in_attesa: 'inviato alla firma del Sindaco',
  firmato: 'firmato dal Sindaco',
  chiarimenti: "rinviato all'ufficio per chiarimenti",
  ritirato: 'ritirato dal libro firma',
};

function mutationKey(ctx: MutationCtx): string {
  return ctx.mutationId ?? `server-${ctx.now.getTime()}`;
}

/** A line on the case's timeline (the case row itself does not change). */
async function caseLine(ctx: MutationCtx, item: SignatureItemDto, text: string): Promise<void> {
  if (!item.caseId) return;
  const e: CaseEventDraft = {
    id: derivedId(mutationKey(ctx), 1),
    caseId: item.caseId,
    at: ctx.now.toISOString(),
    by: ctx.user.id,
    byName: ctx.user.fullName,
    kind: 'nota',
    text,
    data: { signatureItemId: item.id, state: item.state },
  };
  await saveDoc(ctx, 'case_events', e, { columns: { case_id: e.caseId } });
}

export async function submitSignature(ctx: MutationCtx, input: z.output<typeof signatureSubmitInput>): Promise<SignatureItemDto> {
  const id = input.id ?? derivedId(mutationKey(ctx), 0);
  if (await loadDoc(ctx.tx, 'signature_items', id)) throw new AppError('VALIDATION', 'Il documento è già nel libro firma.');
  const [c, entry, office] = await Promise.all([
    input.caseId ? loadDoc<CaseDto>(ctx.tx, 'cases', input.caseId) : null,
    input.entryId ? ctx.tx.select({ id: protocolEntries.id }).from(protocolEntries).where(eq(protocolEntries.id, input.entryId)) : null,
    input.officeId ? ctx.tx.select({ name: offices.name }).from(offices).where(eq(offices.id, input.officeId)) : null,
  ]);
  if (input.caseId && !c) throw new AppError('VALIDATION', 'Pratica non trovata.');
  if (entry && entry.length === 0) throw new AppError('VALIDATION', 'Registrazione di protocollo non trovata.');
  if (office && office.length === 0) throw new AppError('VALIDATION', 'Ufficio non trovato.');
  const item: SignatureItemDto = {
    id,
    title: input.title,
    caseId: input.caseId,
    entryId: input.entryId,
    officeId: input.officeId,
    officeName: office?.[0]?.name ?? null,
    priority: input.priority,
    notes: input.notes,
    state: 'in_attesa',
    clarification: null,
    submittedBy: ctx.user.id,
    submittedByName: ctx.user.fullName,
    submittedAt: ctx.now.toISOString(),
    decidedAt: null,
    decidedByName: null,
    version: 0,
  };
  const saved = await saveDoc(ctx, 'signature_items', item, { columns: { state: item.state } });
  await caseLine(ctx, saved, `«${saved.title}» ${outcomeLabels.in_attesa}`);
  return saved;
}

export async function decideSignature(ctx: MutationCtx, input: z.output<typeof signatureDecideInput>): Promise<SignatureItemDto> {
  const current = await loadDoc<SignatureItemDto>(ctx.tx, 'signature_items', input.id, { forUpdate: true });
  if (!current) throw new AppError('NOT_FOUND', 'Documento non trovato nel libro firma.');
  if (current.state !== 'in_attesa') throw new AppError('VALIDATION', `Il documento è già stato ${outcomeLabels[current.state]}.`);
  const next: SignatureItemDto = {
    ...current,
    state: input.outcome,
    clarification: input.outcome === 'chiarimenti' ? input.clarification : null,
    decidedAt: ctx.now.toISOString(),
    decidedByName: ctx.user.fullName,
  };
  const saved = await saveDoc(ctx, 'signature_items', next, { columns: { state: next.state }, previousVersion: current.version });
  const why = saved.clarification ? `: ${saved.clarification}` : '';
  await caseLine(ctx, saved, `«${saved.title}» ${outcomeLabels[saved.state]}${why}`);
  return saved;
}
