import { AppError } from '../../contract/errors';
import type { SeriesMaster, SeriesOverride } from './recurrence';
import { formatRrule, parseRrule, utcUntil } from './rrule';
import { effectiveOverrides, isOccurrenceOf } from './series-expand';
import { CRLF, escapeText, foldLine, icsDate, icsLocal, icsUtc } from './ics-text';
import { floatingMsToInstantMs, floatingMsToLocal, isLocalDateTime, localToFloatingMs, type LocalDateTime } from './time';

/**
 * The public agenda as iCalendar (RFC 5545), for the ICS feed and file of issue 5. Times are
 * Rome wall times with TZID=Europe/Rome and a VTIMEZONE, so Outlook and Google import them
 * without shifts and a weekly 09:00 stays 09:00 after the DST change. Series carry RRULE and
 * EXDATE; a moved occurrence is its own VEVENT with the same UID and a RECURRENCE-ID; a
 * cancelled one is an EXDATE. Redaction is not done here: pass only public fields.
 */

export interface IcsEvent {
  uid: string;
  title: string;
  start: LocalDateTime;
  end: LocalDateTime;
  allDay: boolean;
  location: string | null;
  description: string | null;
  rrule: string | null;
  exdates: LocalDateTime[];
  recurrenceId: LocalDateTime | null;
  /** ISO instant of the last change (LAST-MODIFIED). */
  updatedAt: string;
}

const TZID = 'Europe/Rome';
const DAY = 86_400_000;

// EU summer time (Directive 2000/84/EC; the same Sundays since 1996): from the last Sunday of
// March at 02:00 CET to the last Sunday of October at 03:00 CEST.
const vtimezone = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  `X-LIC-LOCATION:${TZID}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19810329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19961027T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** The stable UID of an engagement: `<id>@gonfalone` (an id already containing '@' is kept). */
export function icsUid(id: string): string {
  return id.includes('@') ? id : `${id}@gonfalone`;
}

/** DTEND of an all-day event is the day after its last day (RFC 5545: exclusive). */
function allDayEnd(start: LocalDateTime, end: LocalDateTime): string {
  const endMs = localToFloatingMs(end);
  const midnight = end.endsWith('T00:00') && endMs > localToFloatingMs(start);
  return icsDate(floatingMsToLocal(midnight ? endMs : Math.floor(endMs / DAY) * DAY + DAY));
}

/** RRULE for the export: canonical, and UNTIL in the form RFC 5545 wants next to DTSTART. */
function exportRule(rrule: string, allDay: boolean): string {
  const rule = parseRrule(rrule);
  if (rule.until === null) return formatRrule(rule);
  // With a DATE DTSTART, UNTIL is a DATE; with a TZID'd DTSTART, it is UTC.
  const until = allDay
    ? { raw: icsDate(floatingMsToLocal(rule.until.floatingMs)), floatingMs: rule.until.floatingMs }
    : utcUntil(floatingMsToInstantMs(rule.until.floatingMs));
  return formatRrule({ ...rule, until });
}

function timeProp(name: string, local: LocalDateTime, allDay: boolean): string {
  return allDay ? `${name};VALUE=DATE:${icsDate(local)}` : `${name};TZID=${TZID}:${icsLocal(local)}`;
}

function eventLines(e: IcsEvent, dtstamp: string): string[] {
  for (const t of [e.start, e.end, ...e.exdates, ...(e.recurrenceId ? [e.recurrenceId] : [])]) {
    if (!isLocalDateTime(t)) throw new AppError('VALIDATION', `Data e ora non valide nell'evento «${e.title}».`);
  }
  const lines = ['BEGIN:VEVENT', `UID:${icsUid(e.uid)}`, `DTSTAMP:${dtstamp}`, `LAST-MODIFIED:${icsUtc(e.updatedAt)}`];
  lines.push(timeProp('DTSTART', e.start, e.allDay));
  lines.push(e.allDay ? `DTEND;VALUE=DATE:${allDayEnd(e.start, e.end)}` : timeProp('DTEND', e.end, false));
  if (e.recurrenceId !== null) lines.push(timeProp('RECURRENCE-ID', e.recurrenceId, e.allDay));
  else if (e.rrule !== null) {
    lines.push(`RRULE:${exportRule(e.rrule, e.allDay)}`);
    const exdates = [...new Set(e.exdates)].sort();
    if (exdates.length > 0) {
      const values = exdates.map((x) => (e.allDay ? icsDate(x) : icsLocal(x))).join(',');
      lines.push(e.allDay ? `EXDATE;VALUE=DATE:${values}` : `EXDATE;TZID=${TZID}:${values}`);
    }
  }
  lines.push(`SUMMARY:${escapeText(e.title)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  lines.push('END:VEVENT');
  return lines;
}

/** A whole VCALENDAR: CRLF line ends, folded lines, one VTIMEZONE, events grouped by UID. */
export function buildIcs(events: readonly IcsEvent[], opts: { calendarName: string; now: string }): string {
  const dtstamp = icsUtc(opts.now);
  const name = escapeText(opts.calendarName);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Gonfalone//Agenda del Sindaco//IT',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${name}`,
    `X-WR-CALNAME:${name}`,
    `X-WR-TIMEZONE:${TZID}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...vtimezone,
  ];
  // Masters before their overrides: some clients drop a RECURRENCE-ID seen before its series.
  const sorted = [...events].sort(
    (a, b) =>
      icsUid(a.uid).localeCompare(icsUid(b.uid)) ||
      (a.recurrenceId === null ? -1 : 0) - (b.recurrenceId === null ? -1 : 0) ||
      (a.recurrenceId ?? '').localeCompare(b.recurrenceId ?? ''),
  );
  for (const e of sorted) lines.push(...eventLines(e, dtstamp));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** Fields of a published engagement (already public: see visibility.publicFields). */
export interface IcsFields {
  title: string;
  location: string | null;
  description: string | null;
  updatedAt: string;
  allDay?: boolean;
}

/**
 * The VEVENTs of one series: the master with its EXDATEs (cancelled overrides included) and one
 * VEVENT per moved occurrence. `overrideFields` gives an override's own title or place, if any.
 */
export function icsEventsForSeries(
  master: SeriesMaster,
  overrides: readonly SeriesOverride[],
  fields: IcsFields,
  overrideFields?: (o: SeriesOverride) => Partial<IcsFields>,
): IcsEvent[] {
  const base = { uid: icsUid(master.id), allDay: fields.allDay ?? false, rrule: null, exdates: [] };
  const masterEvent: IcsEvent = {
    ...base,
    title: fields.title,
    location: fields.location,
    description: fields.description,
    updatedAt: fields.updatedAt,
    start: master.start,
    end: master.end,
    rrule: master.rrule,
    exdates: [...master.exdates],
    recurrenceId: null,
  };
  if (master.rrule === null) return [masterEvent];
  const out: IcsEvent[] = [masterEvent];
  const exdates = new Set(master.exdates);
  for (const o of effectiveOverrides(overrides).values()) {
    if (exdates.has(o.recurrenceId) || !isOccurrenceOf(master, o.recurrenceId)) continue;
    if (o.cancelled) {
      masterEvent.exdates.push(o.recurrenceId);
      continue;
    }
    const own = { ...fields, ...overrideFields?.(o) };
    out.push({
      ...base,
      title: own.title,
      location: own.location,
      description: own.description,
      updatedAt: own.updatedAt,
      start: o.start,
      end: o.end,
      recurrenceId: o.recurrenceId,
    });
  }
  return out;
}
