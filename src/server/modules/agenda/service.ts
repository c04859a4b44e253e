import { AppError } from '../../../shared/contract/errors';
import type { AgendaEventDto, ConflictReport } from '../../../shared/contract/agenda';
import { uuidv7 } from '../../../shared/domain/ids';
import { agendaPrivateDetailsPermission, isAllowed } from '../../../shared/domain/permissions';
import { derivedId, type AgendaAction, type AgendaCurrent, type AgendaReduceCtx, type AgendaReduction } from '../../../shared/domain/agenda/reducer';
import { bookingMoved } from '../../../shared/domain/agenda/reducer-rows';
import { recordFieldVersions } from '../../sync/field-merge';
import type { MutationCtx } from '../../sync/mutation-handler';
import { reduceMerged } from './merge';
import { loadEngagement, loadPeople, loadRooms, saveEvent } from './repository';
import { checkBookings } from './room-check';

/**
 * The register's side of the agenda mutations: the shared reducer (the same the desk ran
 * optimistically) on the stored rows, merged with concurrent edits, checked for double bookings
 * against everything stored, then saved through the change log.
 */

export interface AgendaOutcome {
  event: AgendaEventDto;
  warnings: ConflictReport;
}

export function canSeePrivate(ctx: MutationCtx): boolean {
  return isAllowed(agendaPrivateDetailsPermission, ctx.user.roles);
}

export function reduceCtxOf(ctx: MutationCtx, people: AgendaReduceCtx['people'], rooms: AgendaReduceCtx['rooms']): AgendaReduceCtx {
  return {
    now: ctx.now.toISOString(),
    actor: { id: ctx.user.id, name: ctx.user.fullName },
    mutationId: ctx.mutationId ?? uuidv7(ctx.now.getTime()),
    people,
    rooms,
  };
}

/** How many rows a mutation may derive ids for (override, new series): see reducer-ids.ts. */
const DERIVED_IDS = 4;

/**
 * Sends the engagement's stored rows out again, and a tombstone for every id this mutation could
 * have created on the desk that the server does not have: the desk that applied it optimistically
 * converges to the register's rows.
 */
export async function reemitEngagement(ctx: Pick<MutationCtx, 'tx' | 'changes'>, current: AgendaCurrent, mutationId: string | undefined, saved: ReadonlySet<string>, extraIds: string[] = []): Promise<void> {
  const stored = current.event ? [current.event, ...current.overrides] : current.overrides;
  for (const r of stored) if (!saved.has(r.id)) ctx.changes.add('agenda_events', r.id, r, r.version);
  const known = new Set([...stored.map((r) => r.id), ...saved]);
  const candidates = [...extraIds, ...(mutationId ? Array.from({ length: DERIVED_IDS }, (_, i) => derivedId(mutationId, i)) : [])];
  for (const id of candidates) if (!known.has(id)) ctx.changes.add('agenda_events', id, null, 0);
}

/** Stores a reduction after the room check; returns the primary row and the warnings. */
export async function storeReduction(
  ctx: MutationCtx,
  current: AgendaCurrent,
  reduction: AgendaReduction,
  names: { people: Awaited<ReturnType<typeof loadPeople>>; rooms: Awaited<ReturnType<typeof loadRooms>> },
): Promise<{ saved: Map<string, AgendaEventDto>; warnings: ConflictReport }> {
  const before = new Map((current.event ? [current.event, ...current.overrides] : current.overrides).map((r) => [r.id, r]));
  const series = new Map(before);
  for (const r of reduction.rows) series.set(r.id, r);
  const moved = new Set(reduction.rows.filter((r) => bookingMoved(before.get(r.id) ?? null, r)).map((r) => r.id));
  const warnings = await checkBookings(ctx, [...series.values()], reduction.rows, moved, { ...names, canSeePrivate: canSeePrivate(ctx) });
  const saved = new Map<string, AgendaEventDto>();
  for (const r of reduction.rows) saved.set(r.id, await saveEvent(ctx, r));
  return { saved, warnings };
}

function isPrivateFor(ctx: MutationCtx, current: AgendaCurrent, id: string): boolean {
  const row = current.event?.id === id ? current.event : current.overrides.find((o) => o.id === id);
  return (row ?? current.event)?.visibility === 'privato' && !canSeePrivate(ctx);
}

/** Applies agenda.create / update / delete / delegate on the register. */
export async function applyAgenda(ctx: MutationCtx, action: AgendaAction): Promise<AgendaOutcome> {
  const mutationId = ctx.mutationId ?? uuidv7(ctx.now.getTime());
  const id = action.name === 'agenda.create' ? (action.args.id ?? derivedId(mutationId, 0)) : action.args.id;
  const current = await loadEngagement(ctx.tx, id);
  if (action.name !== 'agenda.create' && isPrivateFor(ctx, current, id)) {
    throw new AppError('FORBIDDEN', 'Questo impegno è privato: solo la segreteria del Sindaco può modificarlo.');
  }
  const [people, rooms] = await Promise.all([loadPeople(ctx.tx), loadRooms(ctx.tx)]);
  const rctx = reduceCtxOf({ ...ctx, mutationId }, (p) => people.get(p) ?? null, (r) => rooms.get(r) ?? null);
  const { reduction, applied, lost } = await reduceMerged(ctx, current, action, rctx);
  const { saved, warnings } = await storeReduction(ctx, current, reduction, { people, rooms });
  const primary = saved.get(reduction.primaryId);
  if (primary && applied.length > 0) await recordFieldVersions(ctx, 'agenda_events', primary.id, applied, primary.version);
  if (lost) await reemitEngagement(ctx, current, mutationId, new Set(saved.keys()));
  const event = primary ?? [current.event, ...current.overrides].find((r) => r?.id === reduction.primaryId) ?? null;
  if (!event) throw new AppError('NOT_FOUND', 'Impegno non trovato.');
  return { event, warnings };
}
