import type { AgendaEventDto } from '../../../shared/contract/agenda';
import { reduceAgenda, type AgendaAction, type AgendaCurrent, type AgendaReduceCtx, type AgendaReduction } from '../../../shared/domain/agenda/reducer';
import { mergeFields } from '../../sync/field-merge';
import type { MutationCtx } from '../../sync/mutation-handler';

/**
 * Two desks editing the same engagement offline (issue 5): the server merges field by field
 * against the version each desk saw (src/server/sync/field-merge.ts). Disjoint fields both
 * apply; the same field changed on both keeps the first applied value and records a conflict
 * both users see. A move is one unit: losing start, end or rule drops all three.
 */

const timing = ['start', 'end', 'rrule'];

export interface MergedReduction {
  reduction: AgendaReduction;
  /** Fields of the primary row this mutation really changed (for later conflict attribution). */
  applied: string[];
  /** Something the desk wanted was not applied: its optimistic rows must be corrected. */
  lost: boolean;
}

function rowsOf(current: AgendaCurrent): AgendaEventDto[] {
  return current.event ? [current.event, ...current.overrides] : [...current.overrides];
}

/** Reduces the action, merged against concurrent changes when it edits an existing row. */
export async function reduceMerged(ctx: MutationCtx, current: AgendaCurrent, action: AgendaAction, rctx: AgendaReduceCtx): Promise<MergedReduction> {
  const first = reduceAgenda(current, action, rctx);
  if (action.name !== 'agenda.update' && action.name !== 'agenda.delegate') return { reduction: first, applied: [], lost: false };
  const stored = rowsOf(current).find((r) => r.id === first.primaryId);
  const next = first.rows.find((r) => r.id === first.primaryId);
  const fields =
    action.name === 'agenda.update'
      ? Object.entries(action.args.changes).filter(([, v]) => v !== undefined).map(([k]) => k)
      : ['agendaOf'];
  if (!stored || !next) return { reduction: first, applied: stored ? [] : fields, lost: false };

  // An override another desk created for the same occurrence after this desk last saw the series:
  // this desk's base for it is "before it existed" (version 0), so both moves are seen as concurrent.
  const base = ctx.baseVersions ?? {};
  const key = `agenda_events:${stored.id}`;
  const masterKey = `agenda_events:${stored.seriesId ?? ''}`;
  const mctx = base[key] === undefined && stored.seriesId !== null && base[masterKey] !== undefined ? { ...ctx, baseVersions: { ...base, [key]: 0 } } : ctx;
  const proposals = fields.map((field) => ({ field, current: stored[field as keyof AgendaEventDto], next: next[field as keyof AgendaEventDto] }));
  const merge = await mergeFields(mctx, 'agenda_events', stored.id, proposals);
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const kept = new Set(proposals.filter((p) => merge.apply.has(p.field) || same(p.current, p.next)).map((p) => p.field));
  if (merge.conflicts.some((c) => timing.includes(c.field))) for (const f of timing) kept.delete(f);
  const applied = [...merge.apply].filter((f) => kept.has(f));
  if (fields.every((f) => kept.has(f))) return { reduction: first, applied, lost: false };
  if (action.name === 'agenda.delegate') return { reduction: { rows: [], primaryId: first.primaryId, recheckRooms: false }, applied: [], lost: true };

  const changes = Object.fromEntries(Object.entries(action.args.changes).filter(([k]) => kept.has(k)));
  const second = reduceAgenda(current, { name: 'agenda.update', args: { ...action.args, changes } }, rctx);
  return { reduction: second, applied, lost: true };
}
