import type { z } from 'zod';
import { AppError, type CaseEventDto, type SignatureItemDto, type signatureDecideInput, type signatureSubmitInput } from '../../../../shared/contract';
import { derivedId } from '../../../../shared/domain/cases/reducer';
import { getDoc } from '../../db/doc-tables';
import type { EffectContext } from '../../write/context';
import { officeName, putRow } from './repository';

/**
 * Local effects of the signature book (libro firma), the same rows the server writes
 * (src/server/modules/cases/signature.ts): the item, and a line on the case's timeline with the
 * id derived from the mutation. Idempotent: a submitted item is created once (its id is the
 * client's), a decided one is not decided again.
 */

export type SignatureSubmitArgs = z.output<typeof signatureSubmitInput> & { id: string };
export type SignatureDecideArgs = z.output<typeof signatureDecideInput>;

const outcomeLabels: Record<SignatureItemDto['state'], string> = {
  in_attesa: 'inviato alla firma del Sindaco',
  firmato: 'firmato dal Sindaco',
  chiarimenti: "rinviato all'ufficio per chiarimenti",
  ritirato: 'ritirato dal libro firma',
};

/** A line on the case's timeline (the case row itself does not change). */
function caseLine(ctx: EffectContext, item: SignatureItemDto, text: string): void {
  if (!item.caseId) return;
  const id = derivedId(ctx.mutationId, 1);
  if (getDoc<CaseEventDto>(ctx.db, 'case_events', id)) return;
  const e: CaseEventDto = { id, caseId: item.caseId, at: ctx.now, by: ctx.user.id, byName: ctx.user.fullName, kind: 'nota', text, data: { signatureItemId: item.id, state: item.state }, version: 0 };
  putRow(ctx.db, 'case_events', e, 0);
}

export function submitSignatureEffect(args: SignatureSubmitArgs, ctx: EffectContext): void {
  const { db, user, now } = ctx;
  if (getDoc<SignatureItemDto>(db, 'signature_items', args.id)) return;
  const item: SignatureItemDto = {
    id: args.id,
    title: args.title,
    caseId: args.caseId,
    entryId: args.entryId,
    officeId: args.officeId,
    officeName: args.officeId ? officeName(db, args.officeId) : null,
    priority: args.priority,
    notes: args.notes,
    state: 'in_attesa',
    clarification: null,
    submittedBy: user.id,
    submittedByName: user.fullName,
    submittedAt: now,
    decidedAt: null,
    decidedByName: null,
    version: 0,
  };
  putRow(db, 'signature_items', item, 0);
  caseLine(ctx, item, `«${item.title}» ${outcomeLabels.in_attesa}`);
}

export function decideSignatureEffect(args: SignatureDecideArgs, ctx: EffectContext): void {
  const { db, user, now, replay } = ctx;
  const item = getDoc<SignatureItemDto>(db, 'signature_items', args.id);
  if (!item) {
    if (replay) return;
    throw new AppError('NOT_FOUND', 'Documento del libro firma non trovato.');
  }
  // Each decision is final; a new submission follows a clarification.
  if (item.state !== 'in_attesa') {
    if (replay) return;
    throw new AppError('VALIDATION', `Il documento è già stato ${outcomeLabels[item.state]}.`);
  }
  const next: SignatureItemDto = {
    ...item,
    state: args.outcome,
    clarification: args.outcome === 'chiarimenti' ? args.clarification : null,
    decidedAt: now,
    decidedByName: user.fullName,
  };
  putRow(db, 'signature_items', next, item.version);
  const why = next.clarification ? `: ${next.clarification}` : '';
  caseLine(ctx, next, `«${next.title}» ${outcomeLabels[next.state]}${why}`);
}
