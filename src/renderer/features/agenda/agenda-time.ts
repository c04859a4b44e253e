import { addMinutesLocal, instantToRomeLocal, localToFloatingMs, romeLocalStatus, romeLocalToInstant, type LocalDateTime } from '../../../shared/domain/agenda/time';

/**
 * The calendar and our LocalDateTime. The agenda thinks in Rome wall time ('YYYY-MM-DDTHH:mm'),
 * so the calendar is run with `timeZone: 'UTC'` and fed those strings as if they were UTC: a
 * 09:00 engagement sits at 09:00 whatever the browser's zone, and a DST Sunday has no 23- or
 * 25-hour day to confuse drag and drop. Dates coming back from the calendar are read the same way
 * (their UTC fields are the wall time). Real instants are never computed here: the desk does it.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A calendar Date (UTC fields = wall time) as LocalDateTime. */
export function localOfCalendarDate(d: Date): LocalDateTime {
  return new Date(Math.floor(d.getTime() / MINUTE) * MINUTE).toISOString().slice(0, 16);
}

/** Rome's wall clock now, which is the calendar's "now" and "today". */
export function romeNowLocal(now: Date = new Date()): LocalDateTime {
  return instantToRomeLocal(now.toISOString());
}

/** 'YYYY-MM-DD' plus n days. */
export function addDays(isoDay: string, n: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** Monday of the week of a day (Italian weeks start on Monday). */
export function mondayOf(isoDay: string): string {
  const weekday = (new Date(`${isoDay}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(isoDay, -weekday);
}

/** All-day engagements are stored [day 00:00, next day 00:00): the calendar wants days, end exclusive. */
export function allDayRange(start: LocalDateTime, end: LocalDateTime): { start: string; end: string } {
  const first = start.slice(0, 10);
  const endDay = end.slice(11) === '00:00' ? end.slice(0, 10) : addDays(end.slice(0, 10), 1);
  return { start: first, end: endDay > first ? endDay : addDays(first, 1) };
}

// One formatter each, built once: toLocaleDateString builds a new one per call, and the calendar
// labels hundreds of engagements on every change of week or month.
const shortDay = new Intl.DateTimeFormat('it-IT', { timeZone: 'UTC', weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' });
const longDay = new Intl.DateTimeFormat('it-IT', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** 'lun 23/11/2026 09:00' — how times read in lists and messages. */
export function localLabel(local: LocalDateTime): string {
  return `${shortDay.format(new Date(localToFloatingMs(local)))} ${local.slice(11, 16)}`;
}

/** '09:00–10:30', or the dates for an engagement over several days. */
export function spanLabel(start: LocalDateTime, end: LocalDateTime, allDay = false): string {
  if (allDay) {
    const r = allDayRange(start, end);
    const last = addDays(r.end, -1);
    return last === r.start ? `${dayLabelIt(r.start)}, tutto il giorno` : `dal ${dayLabelIt(r.start)} al ${dayLabelIt(last)}`;
  }
  if (start.slice(0, 10) === end.slice(0, 10)) return `${localLabel(start)}–${end.slice(11, 16)}`;
  return `${localLabel(start)} – ${localLabel(end)}`;
}

/** 'lunedì 23 novembre 2026'. */
export function longDayLabel(isoDay: string): string {
  return longDay.format(new Date(`${isoDay}T00:00:00Z`));
}

function dayLabelIt(isoDay: string): string {
  return `${isoDay.slice(8, 10)}/${isoDay.slice(5, 7)}/${isoDay.slice(0, 4)}`;
}

/**
 * What the form says about a wall time on a DST Sunday (Legge 1144/1965, Directive 2000/84/EC):
 * 02:30 on the last Sunday of March does not exist (the desk would read it as 03:30, so we say so
 * and send 03:30); 02:30 on the last Sunday of October happens twice (the user picks which).
 */
export type DstNote = { kind: 'ok' } | { kind: 'nonexistent'; shifted: LocalDateTime } | { kind: 'ambiguous' };

export function dstNoteOf(local: LocalDateTime): DstNote {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return { kind: 'ok' };
  try {
    const status = romeLocalStatus(local);
    if (status === 'nonexistent') return { kind: 'nonexistent', shifted: instantToRomeLocal(romeLocalToInstant(local)) };
    return status === 'ambiguous' ? { kind: 'ambiguous' } : { kind: 'ok' };
  } catch {
    return { kind: 'ok' };
  }
}

/** The wall time to send: a non-existent one moved past the gap, as the warning said. */
export function existingLocal(local: LocalDateTime): LocalDateTime {
  const note = dstNoteOf(local);
  return note.kind === 'nonexistent' ? note.shifted : local;
}

export { addMinutesLocal };
