import { AppError } from '../../contract/errors';
import type { CaseDto } from '../../contract/cases';
import { assign, refuse, takeCharge } from './reducer-assign';
import { Timeline, invalid, type CaseAction, type CaseReduceCtx, type CaseReduction } from './reducer-kit';
import { addNote, archive, close, linkEntry, open, replySent, transition } from './reducer-lifecycle';
import { advanceHearing, decidePatronage, updatePatronage } from './reducer-special';
import { resume, suspend, termChange } from './reducer-term';

/**
 * THE case reducer (issue 4): one logic for the desk's optimistic effect and the register
 * server's authority. Pure: the time, the actor, the type rule, the settings and the names come
 * from the context; ids of the case (when not given), its assignments and its events derive from
 * the mutation id, so the desk and the server build the same rows.
 *
 * Throws AppError('VALIDATION') with an Italian message for impossible actions, and
 * AppError('NOT_FOUND') when the case does not exist.
 */

export { derivedId } from './reducer-kit';
export type { CaseAction, CaseActionName, CaseActor, CaseEntryInfo, CaseEventDraft, CaseReduceCtx, CaseReduction } from './reducer-kit';
export { recomputeTerm } from './reducer-term';

/** Applies one action to a case (null only for cases.open). */
export function reduceCase(current: CaseDto | null, action: CaseAction, ctx: CaseReduceCtx): CaseReduction {
  if (action.name === 'cases.open') {
    if (current) invalid('Esiste già una pratica con questo identificativo.', { id: current.id });
    let caseId = action.args.id ?? '';
    const tl = new Timeline(ctx, () => caseId);
    if (!caseId) caseId = tl.nextId();
    const next = open(action.args, ctx, tl, caseId);
    return { next, events: tl.events };
  }
  if (!current || current.id !== action.args.caseId) throw new AppError('NOT_FOUND', 'Pratica non trovata.', { caseId: action.args.caseId });
  const tl = new Timeline(ctx, () => current.id);
  const next = apply(current, action, ctx, tl);
  return { next: { ...next, updatedAt: ctx.now }, events: tl.events };
}

function apply(c: CaseDto, action: Exclude<CaseAction, { name: 'cases.open' }>, ctx: CaseReduceCtx, tl: Timeline): CaseDto {
  switch (action.name) {
    case 'cases.linkEntry':
      return linkEntry(c, action.args, ctx, tl);
    case 'cases.assign':
      return assign(c, action.args, ctx, tl);
    case 'cases.takeCharge':
      return takeCharge(c, ctx, tl);
    case 'cases.refuse':
      return refuse(c, action.args, ctx, tl);
    case 'cases.transition':
      return transition(c, action.args, ctx, tl);
    case 'cases.suspend':
      return suspend(c, action.args, ctx, tl);
    case 'cases.resume':
      return resume(c, action.args, ctx, tl);
    case 'cases.addNote':
      return addNote(c, action.args, ctx, tl);
    case 'cases.replySent':
      return replySent(c, action.args, ctx, tl);
    case 'cases.close':
      return close(c, action.args, ctx, tl);
    case 'cases.archive':
      return archive(c, ctx, tl);
    case 'cases.updatePatronage':
      return updatePatronage(c, action.args, ctx, tl);
    case 'cases.decidePatronage':
      return decidePatronage(c, action.args, ctx, tl);
    case 'cases.advanceHearing':
      return advanceHearing(c, action.args, ctx, tl);
  }
}

/**
 * After an administrator changed the type's rule or the settings: the open case with its new
 * term and a 'termine_ricalcolato' event, or null when its due date did not move. `ctx.type` and
 * `ctx.settings` are the NEW configuration; event ids derive from the mutation and the case id,
 * so each recomputed case gets its own.
 */
export function reduceTermChange(c: CaseDto, ctx: CaseReduceCtx): CaseReduction | null {
  const tl = new Timeline({ ...ctx, mutationId: `${ctx.mutationId}:${c.id}` }, () => c.id);
  const next = termChange(c, ctx.type, ctx.settings, ctx, tl);
  return next ? { next, events: tl.events } : null;
}
