import type { z } from 'zod';
import { AppError } from '../../contract/errors';
import type {
  AgendaEventDto,
  AgendaPersonDto,
  RoomDto,
  agendaCreateInput,
  agendaDelegateInput,
  agendaDeleteInput,
  agendaUpdateInput,
} from '../../contract/agenda';
import type { DocumentRef } from '../../contract/protocol';
import { defaultVisibilityOf } from './kinds';
import { derivedId } from './reducer-ids';
import { applyEdit, Drafts, type EditRequest } from './reducer-plan';
import { bookingMoved, checkChosenTime, checkOrder, checkRule, rowChanged, withInstants, type Ambiguity } from './reducer-rows';

export { derivedId } from './reducer-ids';
export { bookingsOf, conflictReport, blockingRoomConflicts, type AgendaBooking } from './bookings';

/**
 * THE agenda reducer (issue 5): one logic for the desk's optimistic effect and the server's
 * authoritative one. Given the stored rows of one engagement (the master or single event and the
 * overrides of its occurrences) and an action, it returns the rows to store. Ids of new rows
 * derive from the mutation id, so desk and server write the same rows.
 *
 * Rows come back with the version they had (0 when new): the storage layer sets the next one.
 */

export interface AgendaReduceCtx {
  /** ISO instant of the action (server time on the server, mutation time on the desk). */
  now: string;
  actor: { id: string; name: string };
  mutationId: string;
  people: (id: string) => AgendaPersonDto | null;
  rooms: (id: string) => RoomDto | null;
}

export type AgendaAction =
  | { name: 'agenda.create'; args: z.output<typeof agendaCreateInput> }
  | { name: 'agenda.update'; args: z.output<typeof agendaUpdateInput> }
  | { name: 'agenda.delete'; args: z.output<typeof agendaDeleteInput> }
  | { name: 'agenda.delegate'; args: z.output<typeof agendaDelegateInput> };

/** The stored rows of one engagement: `event` is the master (or single), never an override. */
export interface AgendaCurrent {
  event: AgendaEventDto | null;
  overrides: AgendaEventDto[];
}

export interface AgendaReduction {
  /** Rows to store (new or changed), with their previous version (0 when new). */
  rows: AgendaEventDto[];
  /** The row the action is about: the event, the override edited, or the new series of a split. */
  primaryId: string;
  /** Time, rule or room changed: room double bookings must be checked again. */
  recheckRooms: boolean;
}

/** Id of the master a row belongs to (its own id for a master or single event). */
export function masterIdOf(row: Pick<AgendaEventDto, 'id' | 'seriesId'>): string {
  return row.seriesId ?? row.id;
}

/** Documents attached to an engagement are attachments, never a registration's primary document. */
function asAttachments(refs: ReadonlyArray<Omit<DocumentRef, 'role'>>): DocumentRef[] {
  return refs.map((r) => ({ ...r, role: 'allegato' }));
}

function checkPerson(ctx: AgendaReduceCtx, id: string | null | undefined): AgendaPersonDto | null {
  if (id === null || id === undefined) return null;
  const p = ctx.people(id);
  if (!p) throw new AppError('VALIDATION', 'La persona indicata non è tra le agende gestite.');
  return p;
}

function checkRoom(ctx: AgendaReduceCtx, id: string | null | undefined): void {
  if (id === null || id === undefined) return;
  const r = ctx.rooms(id);
  if (!r) throw new AppError('VALIDATION', 'Sala non trovata.');
  if (!r.active) throw new AppError('VALIDATION', `La sala «${r.name}» non è più disponibile per le prenotazioni.`);
}

/**
 * The rows that changed, with instants, bookkeeping and the room override: a booking that moves
 * (time, rule or room) keeps a double booking only with a new reason; otherwise it must be free.
 */
function finish(d: Drafts, primaryId: string, ctx: AgendaReduceCtx, reason: string | undefined, ambiguous: Ambiguity | undefined): AgendaReduction {
  const rows: AgendaEventDto[] = [];
  let recheckRooms = false;
  for (const [id, after] of d.after) {
    const before = d.before.get(id) ?? null;
    let row = after;
    if (bookingMoved(before, row)) {
      row = { ...row, roomOverride: row.roomId !== null && reason ? { reason, byName: ctx.actor.name, at: ctx.now } : null };
      if (row.roomId !== null) recheckRooms = true;
    }
    row = withInstants(row, before, ambiguous);
    if (before !== null && !rowChanged(before, row)) continue;
    rows.push({ ...row, updatedAt: ctx.now, version: before?.version ?? 0 });
  }
  return { rows, primaryId, recheckRooms };
}

function create(current: AgendaCurrent, args: z.output<typeof agendaCreateInput>, ctx: AgendaReduceCtx): AgendaReduction {
  const id = args.id ?? derivedId(ctx.mutationId, 0);
  if (current.event) throw new AppError('CONFLICT', 'Esiste già un impegno con questo identificativo.');
  checkOrder(args.start, args.end);
  checkChosenTime(args.start, args.ambiguous);
  checkChosenTime(args.end, args.ambiguous);
  checkRule(args.rrule);
  checkPerson(ctx, args.agendaOf);
  checkRoom(ctx, args.roomId);
  const { overrideRoomConflict, ambiguous, id: _id, visibility, ...fields } = args;
  const row: AgendaEventDto = {
    ...fields,
    attachments: asAttachments(fields.attachments),
    id,
    visibility: visibility ?? defaultVisibilityOf[args.kind],
    startAt: '',
    endAt: '',
    untilAt: null,
    exdates: [],
    seriesId: null,
    recurrenceId: null,
    cancelled: false,
    roomOverride: null,
    delegation: null,
    deleted: false,
    createdBy: ctx.actor.id,
    createdByName: ctx.actor.name,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 0,
  };
  const d = new Drafts([]);
  d.set(row);
  return finish(d, id, ctx, overrideRoomConflict, ambiguous);
}

/** The live master and its overrides; `named` is the override the caller named by id, if any. */
function seriesOf(current: AgendaCurrent, id: string): { master: AgendaEventDto; named: AgendaEventDto | null; drafts: Drafts } {
  const master = current.event;
  if (!master) throw new AppError('NOT_FOUND', 'Impegno non trovato.');
  if (master.deleted) throw new AppError('CONFLICT', 'L’impegno è stato eliminato nel frattempo: ricarica l’agenda.');
  const overrides = current.overrides.filter((o) => o.seriesId === master.id);
  const named = id === master.id ? null : (overrides.find((o) => o.id === id) ?? null);
  if (id !== master.id && !named) throw new AppError('NOT_FOUND', 'Impegno non trovato.');
  if (named?.deleted) throw new AppError('CONFLICT', 'Questa ripetizione è stata eliminata nel frattempo: ricarica l’agenda.');
  return { master, named, drafts: new Drafts([master, ...overrides]) };
}

function newIds(ctx: AgendaReduceCtx): () => string {
  let n = 0;
  return () => derivedId(ctx.mutationId, ++n);
}

function update(current: AgendaCurrent, args: z.output<typeof agendaUpdateInput>, ctx: AgendaReduceCtx): AgendaReduction {
  const { master, named, drafts } = seriesOf(current, args.id);
  const { start, end, rrule, ...fields } = args.changes;
  if (start !== undefined) checkChosenTime(start, args.ambiguous);
  if (end !== undefined) checkChosenTime(end, args.ambiguous);
  if (start !== undefined && end !== undefined) checkOrder(start, end);
  if (rrule !== undefined) checkRule(rrule);
  if (fields.agendaOf !== undefined && fields.agendaOf !== master.agendaOf) checkPerson(ctx, fields.agendaOf);
  if (fields.roomId !== undefined && fields.roomId !== master.roomId) checkRoom(ctx, fields.roomId);
  const edited = { ...fields, attachments: fields.attachments === undefined ? undefined : asAttachments(fields.attachments) };
  const req: EditRequest = { rid: args.recurrenceId ?? named?.recurrenceId ?? null, scope: named && !args.recurrenceId ? 'solo_questo' : args.scope, timing: { start, end, rrule }, fields: edited };
  const primaryId = applyEdit(drafts, master, req, { ...ctx, newId: newIds(ctx) });
  return finish(drafts, primaryId, ctx, args.overrideRoomConflict, args.ambiguous);
}

function remove(current: AgendaCurrent, args: z.output<typeof agendaDeleteInput>, ctx: AgendaReduceCtx): AgendaReduction {
  // Deleting what is already deleted changes nothing (two desks deleting the same engagement).
  if (current.event?.deleted) return { rows: [], primaryId: current.event.id, recheckRooms: false };
  const { master, named, drafts } = seriesOf(current, args.id);
  if (named?.cancelled) return { rows: [], primaryId: named.id, recheckRooms: false };
  const req: EditRequest = { rid: args.recurrenceId ?? named?.recurrenceId ?? null, scope: named && !args.recurrenceId ? 'solo_questo' : args.scope, timing: {}, fields: {}, deleted: true };
  const primaryId = applyEdit(drafts, master, req, { ...ctx, newId: newIds(ctx) });
  return finish(drafts, primaryId, ctx, undefined, undefined);
}

/**
 * "In rappresentanza del Sindaco": the engagement (or one occurrence) moves to the delegate's
 * agenda. The delegation remembers whom it represents across further hand-overs; handing it back
 * to that person ends it.
 */
function delegate(current: AgendaCurrent, args: z.output<typeof agendaDelegateInput>, ctx: AgendaReduceCtx): AgendaReduction {
  const { master, named, drafts } = seriesOf(current, args.id);
  const to = checkPerson(ctx, args.toPersonId)!;
  if (!to.active) throw new AppError('VALIDATION', `${to.name} non è più tra le agende attive.`);
  const rid = args.recurrenceId ?? named?.recurrenceId ?? null;
  const row = named ?? (rid !== null ? (drafts.overridesOf(master.id).find((o) => o.recurrenceId === rid && !o.cancelled) ?? master) : master);
  if (row.agendaOf === null) throw new AppError('VALIDATION', 'L’impegno non è nell’agenda di nessuno: indica prima di chi è.');
  if (row.agendaOf === to.id) throw new AppError('VALIDATION', `L’impegno è già nell’agenda di ${to.name}.`);
  const fromId = row.delegation?.fromPersonId ?? row.agendaOf;
  const from = ctx.people(fromId);
  const delegation =
    fromId === to.id
      ? null
      : { fromPersonId: fromId, fromName: from?.name ?? row.delegation?.fromName ?? '', toPersonId: to.id, toName: to.name, note: args.note, at: ctx.now, byName: ctx.actor.name };
  // The person represented no longer attends: he leaves the participants.
  const participants = row.participants.filter((p) => !(p.kind === 'persona_agenda' && p.id === row.agendaOf));
  const req: EditRequest = { rid, scope: rid !== null && master.rrule !== null ? 'solo_questo' : 'tutti', timing: {}, fields: { agendaOf: to.id, delegation, participants } };
  const primaryId = applyEdit(drafts, master, req, { ...ctx, newId: newIds(ctx) });
  return finish(drafts, primaryId, ctx, args.overrideRoomConflict, undefined);
}

/** Applies one agenda action to the stored rows of one engagement; AppError when impossible. */
export function reduceAgenda(current: AgendaCurrent, action: AgendaAction, ctx: AgendaReduceCtx): AgendaReduction {
  switch (action.name) {
    case 'agenda.create':
      return create(current, action.args, ctx);
    case 'agenda.update':
      return update(current, action.args, ctx);
    case 'agenda.delete':
      return remove(current, action.args, ctx);
    case 'agenda.delegate':
      return delegate(current, action.args, ctx);
  }
}
