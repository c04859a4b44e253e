import { redactPrivateEvent } from '../../../../shared/domain/agenda/private-event';
import type { z } from 'zod';
import {
  AppError,
  type AgendaEventDto,
  type AgendaOccurrenceDto,
  type agendaRangeInput,
  type ConflictReport,
  type conflictCheckInput,
  type RoomDto,
  type roomsViewInput,
  type SessionUser,
} from '../../../../shared/contract';
import { isLocalDateTime, romeLocalToInstant, validateRrule, type LocalDateTime } from '../../../../shared/domain/agenda';
import { agendaPrivateDetailsPermission, isAllowed } from '../../../../shared/domain/permissions';
import type { Db } from '../../db/open';
import { checkRows } from './conflict-check';
import { draftEvent } from './draft';
import { expandEvents, toOccurrenceDto, type ExpandedOccurrence, type Viewer } from './occurrences';
import { eventsInWindow, findEvent, getEvent, listRooms, namesOf } from './repository';

/** Who may read the details of private engagements (the secretariat: permissions.ts). */
export function viewerOf(user: SessionUser): Viewer {
  return { canSeePrivate: isAllowed(agendaPrivateDetailsPermission, user.roles) };
}

function checkWindow(from: LocalDateTime, to: LocalDateTime): void {
  if (!isLocalDateTime(from) || !isLocalDateTime(to)) throw new AppError('VALIDATION', 'Intervallo di date non valido.');
  if (to <= from) throw new AppError('VALIDATION', "La fine dell'intervallo deve seguire l'inizio.");
}

/** Occurrences in a wall-time window, series expanded, in start order. */
export function occurrencesIn(db: Db, from: LocalDateTime, to: LocalDateTime): ExpandedOccurrence[] {
  checkWindow(from, to);
  return expandEvents(eventsInWindow(db, romeLocalToInstant(from), romeLocalToInstant(to)), { from, to });
}

const involves = (x: ExpandedOccurrence, people: ReadonlySet<string>): boolean =>
  (x.row.agendaOf !== null && people.has(x.row.agendaOf)) || x.row.participants.some((p) => p.kind === 'persona_agenda' && p.id !== null && people.has(p.id));

/** agenda.range: the calendar's window, filtered by person (own agenda or participant), room and kind. */
export function agendaRange(db: Db, input: z.output<typeof agendaRangeInput>, user: SessionUser): AgendaOccurrenceDto[] {
  const people = input.agendaOf && input.agendaOf.length > 0 ? new Set(input.agendaOf) : null;
  const roomIds = input.roomIds && input.roomIds.length > 0 ? new Set(input.roomIds) : null;
  const kinds = input.kinds && input.kinds.length > 0 ? new Set<string>(input.kinds) : null;
  const names = namesOf(db);
  const viewer = viewerOf(user);
  return occurrencesIn(db, input.from, input.to)
    .filter((x) => (!people || involves(x, people)) && (!roomIds || (x.row.roomId !== null && roomIds.has(x.row.roomId))) && (!kinds || kinds.has(x.row.kind)))
    .map((x) => toOccurrenceDto(x, names, viewer));
}

/** An event as this viewer may read it: a private one is "Occupato" with its time and room only. */
export function redactEvent(e: AgendaEventDto, viewer: Viewer): AgendaEventDto {
  return e.visibility !== 'privato' || viewer.canSeePrivate ? e : redactPrivateEvent(e);
}

/** agenda.get. */
export function agendaGet(db: Db, id: string, user: SessionUser): AgendaEventDto {
  return redactEvent(getEvent(db, id), viewerOf(user));
}

const nextDay = (day: string, n: number): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** agenda.roomsView: the active rooms (and any room booked in the window) with their bookings. */
export function roomsView(db: Db, input: z.output<typeof roomsViewInput>, user: SessionUser): { rooms: RoomDto[]; occurrences: AgendaOccurrenceDto[] } {
  const from = `${input.day}T00:00`;
  const to = `${nextDay(input.day, input.days)}T00:00`;
  const names = namesOf(db);
  const viewer = viewerOf(user);
  const occurrences = occurrencesIn(db, from, to)
    .filter((x) => x.row.roomId !== null)
    .map((x) => toOccurrenceDto(x, names, viewer));
  const booked = new Set(occurrences.map((o) => o.roomId));
  return { rooms: listRooms(db).filter((r) => r.active || booked.has(r.id)), occurrences };
}

/** agenda.checkConflicts: what a draft would clash with (the form shows it before saving). */
export function checkConflicts(db: Db, input: z.output<typeof conflictCheckInput>, user: SessionUser, today: LocalDateTime): ConflictReport {
  if (!isLocalDateTime(input.start) || !isLocalDateTime(input.end)) throw new AppError('VALIDATION', 'Data e ora non valide.');
  if (input.end < input.start) throw new AppError('VALIDATION', "La fine dell'impegno deve seguire l'inizio.");
  if (input.rrule) validateRrule(input.rrule);
  const draft = draftEvent({
    start: input.start,
    end: input.end,
    rrule: input.rrule,
    roomId: input.roomId,
    agendaOf: null,
    participants: input.people.map((id) => ({ kind: 'persona_agenda' as const, id, name: '', role: null })),
  });
  // The engagement being edited (and its series) never clashes with itself.
  const excluded = input.excludeEventId ? findEvent(db, input.excludeEventId) : null;
  const own = excluded ? [excluded, ...(excluded.seriesId ? [findEvent(db, excluded.seriesId)].filter((e) => e !== null) : [])] : [];
  const series = [draft, ...own.map((e) => ({ ...e, deleted: true }))];
  return checkRows(db, series, new Set([draft.id]), today, namesOf(db), viewerOf(user)).report;
}
