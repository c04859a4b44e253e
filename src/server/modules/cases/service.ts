import { AppError } from '../../../shared/contract/errors';
import type { CaseDto } from '../../../shared/contract/cases';
import { reduceCase, type CaseAction, type CaseActor, type CaseEventDraft } from '../../../shared/domain/cases/reducer';
import { loadDoc, saveDoc } from '../../db/docs';
import { mergeFields, recordFieldVersions } from '../../sync/field-merge';
import type { MutationCtx } from '../../sync/mutation-handler';
import { serverReduceCtx, type ContextNeeds } from './reduce-context';

/**
 * Applies a case action with the register's authority: the case is locked, the shared reducer
 * runs on the current row at the server's time, and the row and its new timeline events are
 * written with the change log in the mutation's transaction.
 */

/**
 * Fields two desks can change at once from the same base (issue 3 engine): the first applied
 * value stays and the other one becomes a conflict, one click away (conflicts.resolve).
 */
const contested: Partial<Record<CaseAction['name'], Array<keyof CaseDto>>> = {
  'cases.takeCharge': ['ownerId'],
  'cases.transition': ['state'],
};

function needsOf(action: CaseAction, current: CaseDto | null): Omit<ContextNeeds, 'actor'> {
  const typeCode = action.name === 'cases.open' ? action.args.typeCode : current!.typeCode;
  switch (action.name) {
    case 'cases.open':
      return { typeCode, entryId: action.args.entryId ?? null };
    case 'cases.linkEntry':
    case 'cases.replySent':
      return { typeCode, entryId: action.args.entryId };
    case 'cases.assign':
      return action.args.assigneeType === 'ufficio' ? { typeCode, officeIds: [action.args.assigneeId] } : { typeCode, userIds: [action.args.assigneeId] };
    default:
      return { typeCode };
  }
}

/** Saves the case (query columns type_code and state) and appends its events. */
export async function saveCase(ctx: MutationCtx, next: CaseDto, previousVersion: number, events: CaseEventDraft[]): Promise<CaseDto> {
  const saved = await saveDoc(ctx, 'cases', next, { columns: { type_code: next.typeCode, state: next.state }, previousVersion });
  for (const e of events) await saveDoc(ctx, 'case_events', e, { columns: { case_id: e.caseId } });
  return saved;
}

/**
 * Optimistic desks created these rows already: when the server does not keep the change, the
 * case goes out again as it is and the events it never recorded leave the desks (tombstones).
 */
export function reemitCase(ctx: MutationCtx, current: CaseDto, ghosts: readonly { id: string }[]): CaseDto {
  ctx.changes.add('cases', current.id, current, current.version);
  for (const e of ghosts) ctx.changes.add('case_events', e.id, null, 0);
  return current;
}

/** Runs one case mutation; `actor` overrides the caller (conflicts.resolve applies the loser's take). */
export async function applyCaseAction(ctx: MutationCtx, action: CaseAction, opts: { actor?: CaseActor } = {}): Promise<CaseDto> {
  const id = action.name === 'cases.open' ? action.args.id : action.args.caseId;
  const current = id ? await loadDoc<CaseDto>(ctx.tx, 'cases', id, { forUpdate: true }) : null;
  if (!current && action.name !== 'cases.open') throw new AppError('NOT_FOUND', 'Pratica non trovata.', { caseId: id });
  const rctx = await serverReduceCtx(ctx, { ...needsOf(action, current), actor: opts.actor });
  const { next, events } = reduceCase(current, action, rctx);
  const fields = current ? (contested[action.name] ?? []) : [];
  const changed = fields.filter((f) => JSON.stringify(current![f] ?? null) !== JSON.stringify(next[f] ?? null));
  if (current && changed.length > 0) {
    const merge = await mergeFields(ctx, 'cases', current.id, changed.map((f) => ({ field: f, current: current[f], next: next[f] })));
    if (changed.some((f) => !merge.apply.has(f))) return reemitCase(ctx, current, events);
  }
  const saved = await saveCase(ctx, next, current?.version ?? 0, events);
  if (changed.length > 0) await recordFieldVersions(ctx, 'cases', saved.id, changed, saved.version);
  return saved;
}
