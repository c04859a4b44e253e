import type { z } from 'zod';
import type {
  AgendaEventDto,
  agendaCreateInput,
  agendaDelegateInput,
  agendaDeleteInput,
  agendaUpdateInput,
  ConflictReport,
  SessionUser,
} from '../../../../shared/contract';
import { instantToRomeLocal } from '../../../../shared/domain/agenda';
import { reduceAgenda, type AgendaAction, type AgendaReduction } from '../../../../shared/domain/agenda/reducer';
import { uuidv7 } from '../../../../shared/domain/ids';
import type { MutationName } from '../../../../shared/sync/protocol';
import type { DeskDeps } from '../../deps';
import { applyMutation } from '../../write/apply-mutation';
import { assertRoomFree, checkRows } from './conflict-check';
import { currentOf, reduceCtx } from './effects';
import { redactEvent, viewerOf } from './reads';
import { getEvent, namesOf, type StoredEvent } from './repository';

/**
 * Writes of the agenda (issue 5): each one is validated by a dry run of the shared reducer on
 * the local rows, checked for double bookings (a room clash refuses unless the clerk gave a
 * reason; a person booked twice is a warning), then goes through THE write path (applyMutation:
 * local effect + outbox in one transaction) and a sync round.
 */

export interface WriteResult {
  event: AgendaEventDto;
  warnings: ConflictReport;
}

/** Rome wall time of today's midnight: series are checked for clashes from today on. */
export function todayLocal(d: DeskDeps): string {
  return `${instantToRomeLocal(d.clock().toISOString()).slice(0, 10)}T00:00`;
}

/** The rows of the engagement after the reduction (stored rows with the reducer's on top). */
export function rowsAfter(stored: readonly AgendaEventDto[], r: AgendaReduction): AgendaEventDto[] {
  const byId = new Map(stored.map((row) => [row.id, row]));
  for (const row of r.rows) byId.set(row.id, row);
  return [...byId.values()];
}

/**
 * Dry run of an action: validation (AppError from the reducer), the conflict report, and the room
 * check. Runs with the mutation's own id so the rows it derives are the ones the effect stores.
 */
export function precheck(d: DeskDeps, action: AgendaAction, user: SessionUser, now: string, mutationId: string): { reduction: AgendaReduction; warnings: ConflictReport; baseVersions: Record<string, number> } {
  const { current, stored } = currentOf(d.db, action);
  const reduction = reduceAgenda(current, action, reduceCtx(d.db, user, now, mutationId));
  const check = checkRows(d.db, rowsAfter(stored, reduction), new Set(reduction.rows.map((r) => r.id)), todayLocal(d), namesOf(d.db), viewerOf(user));
  if (reduction.recheckRooms) assertRoomFree(check);
  const baseVersions = Object.fromEntries(stored.map((row: StoredEvent) => [`agenda_events:${row.id}`, row.version]));
  return { reduction, warnings: check.report, baseVersions };
}

/** Emits the change to the renderer and starts a sync round. */
export function afterAgendaWrite(d: DeskDeps): void {
  d.emit({ type: 'data-changed', domains: ['agenda'] });
  void d.engine.round();
}

function write(d: DeskDeps, name: MutationName & AgendaAction['name'], args: AgendaAction['args'], user: SessionUser): WriteResult {
  const now = d.clock();
  const mutationId = uuidv7(now.getTime());
  const { reduction, warnings, baseVersions } = precheck(d, { name, args } as AgendaAction, user, now.toISOString(), mutationId);
  applyMutation(d.db, name, args, user, { now, mutationId, baseVersions });
  afterAgendaWrite(d);
  return { event: redactEvent(getEvent(d.db, reduction.primaryId), viewerOf(user)), warnings };
}

/** agenda.create: an engagement or a room booking (the id is the desk's, UUIDv7). */
export function createEvent(d: DeskDeps, input: z.output<typeof agendaCreateInput>, user: SessionUser): WriteResult {
  return write(d, 'agenda.create', { ...input, id: input.id ?? uuidv7(d.clock().getTime()) }, user);
}

/** agenda.update: "solo questo", "questo e i successivi" or "tutti". */
export function updateEvent(d: DeskDeps, input: z.output<typeof agendaUpdateInput>, user: SessionUser): WriteResult {
  return write(d, 'agenda.update', input, user);
}

/** agenda.delegate: "in rappresentanza del Sindaco". */
export function delegateEvent(d: DeskDeps, input: z.output<typeof agendaDelegateInput>, user: SessionUser): WriteResult {
  return write(d, 'agenda.delegate', input, user);
}

/** agenda.delete: one occurrence, this and the following ones, or the whole engagement. */
export function deleteEvent(d: DeskDeps, input: z.output<typeof agendaDeleteInput>, user: SessionUser): { ok: true } {
  const now = d.clock();
  const mutationId = uuidv7(now.getTime());
  const { baseVersions } = precheck(d, { name: 'agenda.delete', args: input }, user, now.toISOString(), mutationId);
  applyMutation(d.db, 'agenda.delete', input, user, { now, mutationId, baseVersions });
  afterAgendaWrite(d);
  return { ok: true };
}
