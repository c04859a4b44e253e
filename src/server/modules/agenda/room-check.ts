import { AppError } from '../../../shared/contract/errors';
import type { AgendaEventDto, AgendaPersonDto, ConflictReport, RoomDto } from '../../../shared/contract/agenda';
import { blockingRoomConflicts, bookingsOf, conflictReport, type AgendaBooking } from '../../../shared/domain/agenda/reducer';
import { toSeriesMaster } from '../../../shared/domain/agenda/reducer-rows';
import { seriesEndBound } from '../../../shared/domain/agenda/recurrence';
import { addMinutesLocal, instantToRomeLocal, localToFloatingMs, romeLocalToInstant, type LocalDateTime } from '../../../shared/domain/agenda/time';
import { busyTitle } from '../../../shared/domain/agenda/visibility';
import type { MutationCtx } from '../../sync/mutation-handler';
import { eventsInWindow, roomOrPeople } from './repository';

/**
 * The register's authoritative check of double bookings (issue 5): a representation room is
 * never booked twice (half-open intervals) unless the booking carries an accepted reason; a
 * person booked twice is only reported back as a warning.
 */

/** A series is checked this far ahead: far enough for any booking the office plans. */
const HORIZON_MINUTES = 731 * 24 * 60;

export interface CheckNames {
  people: Map<string, AgendaPersonDto>;
  rooms: Map<string, RoomDto>;
  canSeePrivate: boolean;
}

const earlier = (a: LocalDateTime, b: LocalDateTime) => (a < b ? a : b);
const later = (a: LocalDateTime, b: LocalDateTime) => (a > b ? a : b);

/** Wall-time window covering the changed rows: a series from today (or its start) to its end or the horizon. */
function windowOf(rows: readonly AgendaEventDto[], now: Date): { from: LocalDateTime; to: LocalDateTime } {
  const today = `${instantToRomeLocal(now.toISOString()).slice(0, 10)}T00:00`;
  let from: LocalDateTime | null = null;
  let to: LocalDateTime | null = null;
  for (const r of rows) {
    const series = r.rrule !== null && r.seriesId === null;
    // Past occurrences of a series are history: a clash there blocks nothing.
    const start = series ? later(r.start, today) : r.start;
    const cap = addMinutesLocal(start, HORIZON_MINUTES);
    const bound = series ? seriesEndBound(toSeriesMaster(r)) : r.end;
    const end = bound === null ? cap : earlier(bound, cap);
    from = from === null ? start : earlier(from, start);
    to = to === null ? end : later(to, end);
  }
  const f = from ?? today;
  const t = to ?? f;
  // A zero-length item still needs a window that contains its instant.
  return { from: f, to: localToFloatingMs(t) > localToFloatingMs(f) ? t : addMinutesLocal(f, 1) };
}

const itDay = (l: LocalDateTime) => `${l.slice(8, 10)}/${l.slice(5, 7)}/${l.slice(0, 4)}`;

/**
 * Checks the changed rows of one engagement (`series`: all its rows as they will be stored):
 * CONFLICT when a moved booking takes an occupied room without a reason; otherwise the report
 * of what it overlaps, for the form's warnings.
 */
export async function checkBookings(
  ctx: MutationCtx,
  series: readonly AgendaEventDto[],
  changed: readonly AgendaEventDto[],
  movedIds: ReadonlySet<string>,
  names: CheckNames,
): Promise<ConflictReport> {
  const live = changed.filter((r) => !r.deleted && !r.cancelled);
  if (live.length === 0) return { rooms: [], people: [] };
  const window = windowOf(live, ctx.now);
  const changedIds = new Set(live.map((r) => r.id));
  const candidate = bookingsOf(series, window).filter((b) => changedIds.has(b.eventId));
  if (candidate.length === 0) return { rooms: [], people: [] };
  const roomIds = [...new Set(candidate.flatMap((b) => (b.roomId ? [b.roomId] : [])))];
  const people = [...new Set(candidate.flatMap((b) => b.people))];
  const fromAt = new Date(Date.parse(romeLocalToInstant(window.from)) - 86_400_000).toISOString();
  const toAt = new Date(Date.parse(romeLocalToInstant(window.to)) + 86_400_000).toISOString();
  const stored = await eventsInWindow(ctx.tx, fromAt, toAt, roomOrPeople(roomIds, people));
  const masters = new Set([...series, ...changed].map((r) => r.seriesId ?? r.id));
  const others = bookingsOf(stored, window).filter((b) => !masters.has(b.masterId));

  const titleOf = (b: AgendaBooking) => (b.visibility === 'privato' && !names.canSeePrivate ? busyTitle : b.title);
  const blocking = blockingRoomConflicts(candidate.filter((b) => movedIds.has(b.eventId)), others);
  const first = blocking[0];
  if (first) {
    const room = names.rooms.get(first.other.roomId ?? '')?.name ?? 'La sala';
    const o = first.other.local;
    throw new AppError(
      'CONFLICT',
      `La sala «${room}» è già prenotata il ${itDay(o.start)} dalle ${o.start.slice(11)} alle ${o.end.slice(11)} per «${titleOf(first.other)}». Scegli un altro orario o un'altra sala, oppure indica il motivo per cui la prenoti comunque.`,
      { rooms: blocking.map((c) => ({ eventId: c.other.eventId, title: titleOf(c.other), start: c.other.local.start, end: c.other.local.end })) },
    );
  }
  return conflictReport(candidate, others, {
    person: (id) => names.people.get(id)?.name ?? null,
    room: (id) => names.rooms.get(id)?.name ?? null,
    titleOf,
  });
}
