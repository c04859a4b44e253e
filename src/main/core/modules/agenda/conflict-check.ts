import { AppError, type AgendaEventDto, type ConflictReport } from '../../../../shared/contract';
import { addMinutesLocal, busyTitle, instantToRomeLocal, romeLocalToInstant, type LocalDateTime } from '../../../../shared/domain/agenda';
import { blockingRoomConflicts, bookingsOf, conflictReport, type AgendaBooking } from '../../../../shared/domain/agenda/reducer';
import type { Db } from '../../db/open';
import type { Names, Viewer } from './occurrences';
import { eventsInWindow } from './repository';

/**
 * Double bookings seen from this desk (issue 5), checked before a write so the clerk hears of
 * them at once; the register server checks rooms again with authority. The rules are the shared
 * ones (src/shared/domain/agenda/bookings.ts, half-open intervals: 10–12 and 12–14 do not clash).
 */

/** How far ahead a recurring engagement is checked (an open series would never end). */
const SERIES_HORIZON_DAYS = 366;

type Window = { from: LocalDateTime; to: LocalDateTime };

/** The window a row is checked in: the whole engagement, or a year of a series from today on. */
function windowOf(row: AgendaEventDto, today: LocalDateTime): Window {
  if (row.rrule === null || row.seriesId !== null) return { from: row.start, to: row.end > row.start ? row.end : addMinutesLocal(row.start, 1) };
  const from = row.start > today ? row.start : today;
  return { from, to: addMinutesLocal(from, SERIES_HORIZON_DAYS * 24 * 60) };
}

export interface ConflictCheck {
  report: ConflictReport;
  /** Room clashes of occurrences without an accepted override. */
  blocking: number;
}

/**
 * Conflicts of the rows a write would store. `series` are all the rows of the engagement after the
 * write (master, overrides, a new series); `changedIds` the rows the write changes: only their
 * occurrences are candidates, so an old, accepted clash elsewhere in the series never blocks.
 */
export function checkRows(db: Db, series: readonly AgendaEventDto[], changedIds: ReadonlySet<string>, today: LocalDateTime, names: Names, viewer: Viewer): ConflictCheck {
  const changed = series.filter((r) => changedIds.has(r.id) && !r.deleted && !r.cancelled);
  if (changed.length === 0) return { report: { rooms: [], people: [] }, blocking: 0 };
  const windows = changed.map((r) => windowOf(r, today));
  const window = {
    from: windows.reduce((m, w) => (w.from < m ? w.from : m), windows[0]!.from),
    to: windows.reduce((m, w) => (w.to > m ? w.to : m), windows[0]!.to),
  };
  const candidate = bookingsOf(series, window).filter((b) => changedIds.has(b.eventId));
  const own = new Set(series.map((r) => r.seriesId ?? r.id));
  // A minute either side, so zero-length items at the edges are read too.
  const fromAt = new Date(Date.parse(romeLocalToInstant(window.from)) - 60_000).toISOString();
  const toAt = new Date(Date.parse(romeLocalToInstant(window.to)) + 60_000).toISOString();
  const stored = eventsInWindow(db, fromAt, toAt)
    .filter((e) => !own.has(e.event.id))
    .flatMap((e) => [e.event, ...e.overrides]);
  const others = bookingsOf(stored, { from: instantToRomeLocal(fromAt), to: instantToRomeLocal(toAt) });
  const titleOf = (b: AgendaBooking) => (b.visibility === 'privato' && !viewer.canSeePrivate ? busyTitle : b.title);
  return {
    report: conflictReport(candidate, others, { person: names.person, room: names.room, titleOf }),
    blocking: blockingRoomConflicts(candidate, others).length,
  };
}

/**
 * Refuses a room double booking unless the clerk gave a reason (kept on the event as
 * `roomOverride`): CONFLICT with the report in `details`, so the form can show both bookings.
 */
export function assertRoomFree(check: ConflictCheck): void {
  if (check.blocking === 0) return;
  const first = check.report.rooms[0];
  const what = first ? `per «${first.title}» dal ${labelOf(first.start)} al ${labelOf(first.end)}` : 'nello stesso orario';
  const room = first ? `La sala «${first.roomName}»` : 'La sala';
  const more = check.report.rooms.length > 1 ? ` (e altre ${check.report.rooms.length - 1} sovrapposizioni)` : '';
  throw new AppError('CONFLICT', `${room} è già prenotata ${what}${more}. Per confermare comunque indica il motivo.`, check.report);
}

function labelOf(local: LocalDateTime): string {
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11)}`;
}
