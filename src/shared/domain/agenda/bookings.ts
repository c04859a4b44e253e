import type { AgendaEventDto, ConflictReport } from '../../contract/agenda';
import { personConflicts, roomConflicts, type Booking } from './conflicts';
import type { Visibility } from './kinds';
import { toSeriesMaster, toSeriesOverride } from './reducer-rows';
import { expandSeries } from './series-expand';
import { romeLocalToInstant, type LocalDateTime } from './time';

/**
 * Occurrences of stored engagements as conflict bookings (conflicts.ts): series expanded in a
 * window, overrides where they now are, cancelled and deleted ones left out. The people booked are
 * the agenda's owner and the agenda persons among the participants.
 */
export interface AgendaBooking extends Booking {
  /** The stored row: the master, the single event, or the override of this occurrence. */
  eventId: string;
  masterId: string;
  local: { start: LocalDateTime; end: LocalDateTime };
  title: string;
  visibility: Visibility;
  /** A double booking of the room was accepted with a reason on this row. */
  roomOverride: boolean;
}

function peopleOf(row: AgendaEventDto): string[] {
  const ids = [row.agendaOf, ...row.participants.filter((p) => p.kind === 'persona_agenda').map((p) => p.id)];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

/** Bookings of the rows' occurrences meeting [from, to) (Rome wall times). */
export function bookingsOf(rows: readonly AgendaEventDto[], window: { from: LocalDateTime; to: LocalDateTime }): AgendaBooking[] {
  const byMaster = new Map<string, AgendaEventDto[]>();
  const byId = new Map<string, AgendaEventDto>();
  for (const r of rows) {
    byId.set(r.id, r);
    if (r.seriesId !== null && !r.deleted) byMaster.set(r.seriesId, [...(byMaster.get(r.seriesId) ?? []), r]);
  }
  const out: AgendaBooking[] = [];
  for (const master of rows) {
    if (master.seriesId !== null || master.deleted) continue;
    const overrides = byMaster.get(master.id) ?? [];
    for (const occ of expandSeries(toSeriesMaster(master), overrides.map(toSeriesOverride), window)) {
      const row = (occ.overrideId !== null ? byId.get(occ.overrideId) : undefined) ?? master;
      // Stored instants respect the user's choice of a repeated October hour; rule slots are computed.
      const own = row.rrule === null && row.start === occ.start && row.end === occ.end && row.startAt !== '';
      out.push({
        id: occ.recurrenceId === null ? master.id : `${master.id}@${occ.recurrenceId}`,
        eventId: row.id,
        masterId: master.id,
        start: own ? row.startAt : romeLocalToInstant(occ.start),
        end: own ? row.endAt : romeLocalToInstant(occ.end),
        local: { start: occ.start, end: occ.end },
        roomId: row.roomId,
        people: peopleOf(row),
        title: row.title,
        visibility: row.visibility,
        roomOverride: row.roomOverride !== null,
      });
    }
  }
  return out;
}

/** Names for a report; a private engagement the viewer may not read shows as "Occupato". */
export interface ReportNames {
  person(id: string): string | null;
  room(id: string): string | null;
  titleOf(b: AgendaBooking): string;
}

/**
 * What a candidate (the occurrences of the engagement being saved) clashes with among `others`
 * (occurrences of the same series are never a clash with themselves).
 */
export function conflictReport(candidate: readonly AgendaBooking[], others: readonly AgendaBooking[], names: ReportNames): ConflictReport {
  const masters = new Set(candidate.map((c) => c.masterId));
  const pool = others.filter((o) => !masters.has(o.masterId));
  const rooms = new Map<string, ConflictReport['rooms'][number]>();
  const people = new Map<string, ConflictReport['people'][number]>();
  for (const c of candidate) {
    for (const b of roomConflicts(c, pool) as AgendaBooking[]) {
      rooms.set(b.id, { eventId: b.eventId, title: names.titleOf(b), start: b.local.start, end: b.local.end, roomName: names.room(b.roomId ?? '') ?? 'Sala' });
    }
    for (const { personId, booking } of personConflicts(c, pool)) {
      const b = booking as AgendaBooking;
      people.set(`${personId}|${b.id}`, { personName: names.person(personId) ?? 'Persona', eventId: b.eventId, title: names.titleOf(b), start: b.local.start, end: b.local.end });
    }
  }
  const byStart = <T extends { start: string }>(a: T, b: T) => a.start.localeCompare(b.start);
  return { rooms: [...rooms.values()].sort(byStart), people: [...people.values()].sort(byStart) };
}

/** Room clashes that block saving: those of candidate occurrences without an accepted override. */
export function blockingRoomConflicts(candidate: readonly AgendaBooking[], others: readonly AgendaBooking[]): Array<{ mine: AgendaBooking; other: AgendaBooking }> {
  const masters = new Set(candidate.map((c) => c.masterId));
  const pool = others.filter((o) => !masters.has(o.masterId));
  const out: Array<{ mine: AgendaBooking; other: AgendaBooking }> = [];
  for (const c of candidate) {
    if (c.roomOverride) continue;
    for (const b of roomConflicts(c, pool) as AgendaBooking[]) out.push({ mine: c, other: b });
  }
  return out;
}
