import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIcs, icsEventsForSeries, type IcsEvent } from '../../../src/shared/domain/agenda/ics';
import { expandSeries, type SeriesMaster, type SeriesOverride } from '../../../src/shared/domain/agenda/recurrence';
import { romeLocalToInstant } from '../../../src/shared/domain/agenda/time';

const now = '2025-03-01T08:00:00Z';
const fields = (title: string) => ({ title, location: 'Sala Alessi', description: null, updatedAt: '2025-02-20T10:00:00Z' });

interface Series {
  master: SeriesMaster;
  overrides: SeriesOverride[];
}

const giunta: Series = {
  master: { id: 'giunta', start: '2025-03-03T09:00', end: '2025-03-03T10:30', rrule: 'FREQ=WEEKLY;BYDAY=MO', exdates: ['2025-03-17T09:00'] },
  overrides: [
    { id: 'g-moved', recurrenceId: '2025-03-31T09:00', start: '2025-04-01T15:00', end: '2025-04-01T16:00', cancelled: false },
    { id: 'g-deleted', recurrenceId: '2025-04-07T09:00', start: '2025-04-07T09:00', end: '2025-04-07T10:30', cancelled: true },
    { id: 'g-into-window', recurrenceId: '2025-06-30T09:00', start: '2025-03-26T18:00', end: '2025-03-26T19:00', cancelled: false },
  ],
};
const liberazione: Series = {
  master: { id: 'liberazione', start: '2025-04-25T10:00', end: '2025-04-25T12:00', rrule: 'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=25', exdates: [] },
  overrides: [
    { id: 'l-2026', recurrenceId: '2026-04-25T10:00', start: '2026-04-24T18:00', end: '2026-04-24T20:00', cancelled: false },
    { id: 'l-2027', recurrenceId: '2027-04-25T10:00', start: '2027-04-25T10:00', end: '2027-04-25T12:00', cancelled: true },
  ],
};
const onDstNight: Series = { master: { id: 'notte', start: '2025-10-26T01:30', end: '2025-10-26T04:00', rrule: null, exdates: [] }, overrides: [] };
// Saturday-night shifts spanning the DST change twice a year: they end at 04:00 on the wall clock.
const nightShift: Series = { master: { id: 'turno', start: '2025-03-01T23:00', end: '2025-03-02T04:00', rrule: 'FREQ=WEEKLY;BYDAY=SA', exdates: [] }, overrides: [] };
// Starts on a day each rule produces: RFC 5545 leaves a DTSTART outside its rule undefined
// (ical.js skips it), which is why validateSeries refuses such a series.
const rules: Array<[string, string]> = [
  ['FREQ=MONTHLY;BYDAY=-1FR', '2025-01-31T09:30'],
  ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', '2025-01-31T09:30'],
  ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=9', '2025-01-30T09:30'],
  ['FREQ=DAILY;BYDAY=MO,WE,FR;UNTIL=20250415T220000Z', '2025-01-31T09:30'],
  ['FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU', '2025-03-30T09:30'],
  ['FREQ=MONTHLY;BYMONTHDAY=31', '2025-01-31T09:30'],
];
const ruleSeries: Series[] = rules.map(([rrule, start], i) => ({
  master: { id: `r${i}`, start, end: `${start.slice(0, 11)}${String(Number(start.slice(11, 13)) + 1).padStart(2, '0')}${start.slice(13)}`, rrule, exdates: [] },
  overrides: [],
}));
const everything = [giunta, liberazione, onDstNight, nightShift, ...ruleSeries];

function toIcsEvents(series: Series[]): IcsEvent[] {
  return series.flatMap((s) => icsEventsForSeries(s.master, s.overrides, fields(`Evento ${s.master.id}`)));
}

type Span = [string, string];
const window = { from: '2025-01-01T00:00', to: '2028-01-01T00:00' };
const windowMs = [Date.parse(romeLocalToInstant(window.from)), Date.parse(romeLocalToInstant(window.to))] as const;

function ours(s: Series): Span[] {
  return expandSeries(s.master, s.overrides, window).map((o): Span => [romeLocalToInstant(o.start), romeLocalToInstant(o.end)]);
}

function parsed(ics: string): ICAL.Component {
  const root = new ICAL.Component(ICAL.parse(ics));
  const vtz = root.getFirstSubcomponent('vtimezone');
  if (!vtz) throw new Error('no VTIMEZONE');
  ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  return root;
}

/** ical.js's own expansion of one UID: every occurrence overlapping the window, as instants. */
function theirs(root: ICAL.Component, uid: string): Span[] {
  const vevents = root.getAllSubcomponents('vevent').filter((v) => v.getFirstPropertyValue('uid') === uid);
  const master = vevents.find((v) => !v.hasProperty('recurrence-id'));
  if (!master) throw new Error(`no master for ${uid}`);
  const event = new ICAL.Event(master, { exceptions: vevents.filter((v) => v !== master) });
  const out: Span[] = [];
  if (!event.isRecurring()) {
    // getOccurrenceDetails re-adds the duration on the wall clock; a one-off is just DTSTART/DTEND.
    return [[event.startDate.toJSDate().toISOString(), event.endDate.toJSDate().toISOString()]];
  }
  const iterator = event.iterator();
  // Walk a year past the window so an occurrence moved back into it is seen too.
  const stop = ICAL.Time.fromJSDate(new Date(windowMs[1] + 366 * 86_400_000), true);
  for (let next = iterator.next(); next && next.compare(stop) < 0; next = iterator.next()) {
    const details = event.getOccurrenceDetails(next);
    const start = details.startDate.toJSDate().getTime();
    const end = details.endDate.toJSDate().getTime();
    if (start < windowMs[1] && end > windowMs[0]) out.push([new Date(start).toISOString(), new Date(end).toISOString()]);
  }
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

describe('ICS export read back by ical.js', () => {
  beforeAll(() => ICAL.TimezoneService.reset());
  afterAll(() => ICAL.TimezoneService.reset());

  it('gives the same start and end instant for every occurrence, moved and deleted ones included', () => {
    const root = parsed(buildIcs(toIcsEvents(everything), { calendarName: 'Agenda del Sindaco', now }));
    expect(ICAL.TimezoneService.has('Europe/Rome')).toBe(true);
    for (const s of everything) {
      const expected = ours(s);
      expect(expected.length, s.master.id).toBeGreaterThan(0);
      expect(theirs(root, `${s.master.id}@gonfalone`), s.master.id).toEqual(expected);
    }
    const giuntaStarts = theirs(root, 'giunta@gonfalone').map((span) => span[0]);
    expect(giuntaStarts).toContain('2025-04-01T13:00:00.000Z'); // moved to Tuesday 15:00 CEST
    expect(giuntaStarts).toContain('2025-03-26T17:00:00.000Z'); // moved back from 30 June
    expect(giuntaStarts).not.toContain('2025-03-17T08:00:00.000Z'); // EXDATE
    expect(giuntaStarts).not.toContain('2025-04-07T07:00:00.000Z'); // cancelled override
    const liberazioneStarts = theirs(root, 'liberazione@gonfalone').map((span) => span[0]);
    expect(liberazioneStarts).toEqual(['2025-04-25T08:00:00.000Z', '2026-04-24T16:00:00.000Z']);
  });

  it('reads a non-existent 02:30 and a repeated 02:30 as RFC 5545 §3.3.5 says, where ical.js alone differs', () => {
    const sunday: Series = { master: { id: 'domenica', start: '2025-03-02T02:30', end: '2025-03-02T03:30', rrule: 'FREQ=WEEKLY;BYDAY=SU', exdates: [] }, overrides: [] };
    const root = parsed(buildIcs(toIcsEvents([sunday]), { calendarName: 'Agenda', now }));
    const mine = ours(sunday);
    // Leave out the two DST Sundays of each year (from 00:00 to 06:00 Rome time) and compare the rest.
    const dstNights = ['2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31'].map(
      (day) => [romeLocalToInstant(`${day}T00:00`), romeLocalToInstant(`${day}T06:00`)] as const,
    );
    const onOrdinaryDays = (spans: Span[]): Span[] => spans.filter(([start]) => !dstNights.some(([from, to]) => start >= from && start < to));
    expect(onOrdinaryDays(theirs(root, 'domenica@gonfalone'))).toEqual(onOrdinaryDays(mine));
    expect(onOrdinaryDays(mine).length).toBe(mine.length - dstNights.length);
    // The gap: 02:30 is read with the offset before it, i.e. 03:30 CEST, and still lasts an hour.
    expect(mine).toContainEqual(['2025-03-30T01:30:00.000Z', '2025-03-30T02:30:00.000Z']);
    // The repeat: 02:30 is the first one, CEST; it ends at 03:30 on the wall clock, now CET.
    expect(mine).toContainEqual(['2025-10-26T00:30:00.000Z', '2025-10-26T02:30:00.000Z']);
  });

  it('writes a VTIMEZONE that ical.js reads with Rome offsets on both sides of each DST change', () => {
    const root = new ICAL.Component(ICAL.parse(buildIcs([], { calendarName: 'Vuota', now })));
    const vtz = root.getFirstSubcomponent('vtimezone');
    if (!vtz) throw new Error('no VTIMEZONE');
    const rome = new ICAL.Timezone(vtz);
    const offsetAt = (year: number, month: number, day: number, hour: number, minute: number): number =>
      rome.utcOffset(ICAL.Time.fromData({ year, month, day, hour, minute, second: 0, isDate: false }));
    expect(offsetAt(2025, 1, 15, 12, 0)).toBe(3600);
    expect(offsetAt(2025, 3, 30, 1, 59)).toBe(3600);
    expect(offsetAt(2025, 3, 30, 3, 0)).toBe(7200);
    expect(offsetAt(2025, 7, 15, 12, 0)).toBe(7200);
    expect(offsetAt(2025, 10, 26, 1, 30)).toBe(7200);
    expect(offsetAt(2025, 10, 26, 3, 30)).toBe(3600);
    expect(offsetAt(2031, 3, 30, 12, 0)).toBe(7200);
  });

  it('writes CRLF lines of at most 75 octets, folded without splitting a UTF-8 character, and escapes TEXT', () => {
    const title = 'Visita della delegazione di Città del Messico; incontro «cordiale», con scambio di doni\\omaggi — 🇮🇹🇲🇽 è già così';
    const description = 'Prima riga\nSeconda riga, con virgola; e punto e virgola';
    const ics = buildIcs(
      [{ uid: 'v1', title, start: '2025-05-12T11:00', end: '2025-05-12T12:00', allDay: false, location: null, description, rrule: null, exdates: [], recurrenceId: null, updatedAt: now }],
      { calendarName: 'Agenda, pubblica; del Sindaco', now },
    );
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n').slice(0, -1);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(ics).toContain('X-WR-CALNAME:Agenda\\, pubblica\\; del Sindaco');
    expect(ics).toContain('UID:v1@gonfalone');
    expect(ics).toContain('DTSTAMP:20250301T080000Z');
    expect(ics).toContain('DTSTART;TZID=Europe/Rome:20250512T110000');
    const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('summary')).toBe(title);
    expect(event?.getFirstPropertyValue('description')).toBe(description);
  });

  it('writes all-day events as DATE values with an exclusive end', () => {
    const ics = buildIcs(
      [{ uid: 'm1', title: 'Missione a Bruxelles', start: '2025-06-10T00:00', end: '2025-06-12T00:00', allDay: true, location: null, description: null, rrule: null, exdates: [], recurrenceId: null, updatedAt: now }],
      { calendarName: 'Agenda', now },
    );
    expect(ics).toContain('DTSTART;VALUE=DATE:20250610');
    expect(ics).toContain('DTEND;VALUE=DATE:20250612');
  });

  it('writes the series with RRULE and EXDATE and each moved occurrence as a VEVENT with RECURRENCE-ID', () => {
    const ics = buildIcs(toIcsEvents([giunta]), { calendarName: 'Agenda', now });
    expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO');
    expect(ics).toContain('EXDATE;TZID=Europe/Rome:20250317T090000,20250407T090000');
    expect(ics).toContain('RECURRENCE-ID;TZID=Europe/Rome:20250331T090000');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(ics.match(/UID:giunta@gonfalone/g)).toHaveLength(3);
    expect(ics.indexOf('RRULE:')).toBeLessThan(ics.indexOf('RECURRENCE-ID'));
  });
});
