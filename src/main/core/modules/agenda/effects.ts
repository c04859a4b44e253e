import type { z } from 'zod';
import { AppError, type AgendaEventDto, type AgendaPersonDto, type CeremonyTemplateDto, type personUpsertInput, type RoomDto, type roomUpsertInput, type SessionUser, type templateUpsertInput } from '../../../../shared/contract';
import { reduceAgenda, type AgendaAction, type AgendaCurrent, type AgendaReduceCtx, type AgendaReduction } from '../../../../shared/domain/agenda/reducer';
import { putDoc } from '../../db/doc-tables';
import type { Db } from '../../db/open';
import type { EffectContext } from '../../write/context';
import { findEvent, findPerson, findRoom, findTemplate, overridesOf, publicEvent, type StoredEvent } from './repository';

/**
 * Local effects of the agenda mutations: the shared reducer (src/shared/domain/agenda/reducer.ts)
 * applied to the local rows, so the desk shows at once what the server will decide.
 *
 * Idempotence: an effect runs once when the clerk acts and again after every pull while the
 * mutation is pending. Each row written remembers the pending mutations it carries
 * (`_localMutations`); pulled rows do not, so an effect lands exactly once on top of the server's
 * rows. When any row of the engagement already carries the mutation, it is not applied again
 * (re-applying a move on already-moved rows would move them twice).
 */

type Action<N extends AgendaAction['name']> = Extract<AgendaAction, { name: N }>['args'];

/** The reducer's context on this desk: the author, the mutation, the local people and rooms. */
export function reduceCtx(db: Db, user: SessionUser, now: string, mutationId: string): AgendaReduceCtx {
  return { now, mutationId, actor: { id: user.id, name: user.fullName }, people: (id) => findPerson(db, id), rooms: (id) => findRoom(db, id) };
}

/** The stored rows of the engagement an action is about (an override's id names its series). */
export function currentOf(db: Db, action: AgendaAction): { current: AgendaCurrent; stored: StoredEvent[] } {
  const id = action.args.id;
  let event = id ? findEvent(db, id) : null;
  if (event?.seriesId) event = findEvent(db, event.seriesId);
  const overrides = event ? overridesOf(db, event.id) : [];
  const stored = event ? [event, ...overrides] : [];
  return { current: { event: event ? publicEvent(event) : null, overrides: overrides.map(publicEvent) }, stored };
}

/** Writes the reducer's rows with this mutation's mark (kept with the marks they had). */
export function storeRows(db: Db, rows: readonly AgendaEventDto[], mutationId: string): void {
  for (const row of rows) {
    const carried = findEvent(db, row.id)?._localMutations ?? [];
    const next: StoredEvent = { ...row, _localMutations: carried.includes(mutationId) ? carried : [...carried, mutationId] };
    putDoc(db, 'agenda_events', { ...next }, row.version);
  }
}

/** Runs an agenda action through the reducer on the local rows. */
export function applyAgendaAction(action: AgendaAction, ctx: EffectContext): AgendaReduction | null {
  const { db } = ctx;
  const { current, stored } = currentOf(db, action);
  if (stored.some((r) => r._localMutations?.includes(ctx.mutationId))) return null;
  try {
    const r = reduceAgenda(current, action, reduceCtx(db, ctx.user, ctx.now, ctx.mutationId));
    storeRows(db, r.rows, ctx.mutationId);
    return r;
  } catch (err) {
    // On top of pulled rows the action may no longer apply: the server's verdict decides.
    if (ctx.replay && err instanceof AppError) return null;
    throw err;
  }
}

function agendaEffect<N extends AgendaAction['name']>(name: N): (args: Action<N>, ctx: EffectContext) => void {
  return (args, ctx) => void applyAgendaAction({ name, args } as AgendaAction, ctx);
}

export const agendaEventEffects = {
  'agenda.create': agendaEffect('agenda.create'),
  'agenda.update': agendaEffect('agenda.update'),
  'agenda.delete': agendaEffect('agenda.delete'),
  'agenda.delegate': agendaEffect('agenda.delegate'),
} satisfies Record<AgendaAction['name'], (args: never, ctx: EffectContext) => void>;

// Settings rows (people, rooms, templates) are plain upserts of the whole row: naturally idempotent.

export type PersonUpsertArgs = z.output<typeof personUpsertInput> & { id: string };
export type RoomUpsertArgs = z.output<typeof roomUpsertInput> & { id: string };
export type TemplateUpsertArgs = z.output<typeof templateUpsertInput> & { id: string };

/** agenda.upsertPerson. */
export function upsertPersonEffect(args: PersonUpsertArgs, { db }: EffectContext): void {
  const before = findPerson(db, args.id);
  const row: AgendaPersonDto = { ...args, version: before?.version ?? 0 };
  putDoc(db, 'agenda_people', { ...row }, row.version);
}

/** agenda.upsertRoom. */
export function upsertRoomEffect(args: RoomUpsertArgs, { db }: EffectContext): void {
  const before = findRoom(db, args.id);
  const row: RoomDto = { ...args, version: before?.version ?? 0 };
  putDoc(db, 'rooms', { ...row }, row.version);
}

/** agenda.upsertTemplate. */
export function upsertTemplateEffect(args: TemplateUpsertArgs, { db }: EffectContext): void {
  const before = findTemplate(db, args.id);
  const row: CeremonyTemplateDto = { ...args, version: before?.version ?? 0 };
  putDoc(db, 'ceremony_templates', { ...row }, row.version);
}
