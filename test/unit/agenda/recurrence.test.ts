import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/contract/errors';
import {
  describeRrule,
  expandSeries,
  rruleUntilBefore,
  seriesEndBound,
  validateRrule,
  validateSeries,
  type SeriesMaster,
  type SeriesOverride,
} from '../../../src/shared/domain/agenda/recurrence';
import { romeLocalToInstant } from '../../../src/shared/domain/agenda/time';

const giunta: SeriesMaster = { id: 'giunta', start: '2025-03-17T09:00', end: '2025-03-17T10:30', rrule: 'FREQ=WEEKLY;BYDAY=MO', exdates: [] };
const starts = (m: SeriesMaster, from: string, to: string, overrides: SeriesOverride[] = []): string[] =>
  expandSeries(m, overrides, { from, to }).map((o) => o.start);

describe('recurrence expansion in Rome wall time', () => {
  it('keeps a weekly Monday 09:00 at 09:00 local on 2025-03-24 and 2025-03-31, 7 days minus 1 hour apart', () => {
    const occ = expandSeries(giunta, [], { from: '2025-03-24T00:00', to: '2025-04-01T00:00' });
    expect(occ.map((o) => [o.start, o.end])).toEqual([
      ['2025-03-24T09:00', '2025-03-24T10:30'],
      ['2025-03-31T09:00', '2025-03-31T10:30'],
    ]);
    const before = Date.parse(romeLocalToInstant('2025-03-24T09:00'));
    const after = Date.parse(romeLocalToInstant('2025-03-31T09:00'));
    expect(after - before).toBe(7 * 86_400_000 - 3_600_000);
    expect(romeLocalToInstant('2025-03-24T09:00')).toBe('2025-03-24T08:00:00.000Z');
    expect(romeLocalToInstant('2025-03-31T09:00')).toBe('2025-03-31T07:00:00.000Z');
  });

  it('treats the window as half-open and includes occurrences that started before it', () => {
    expect(starts(giunta, '2025-03-24T10:30', '2025-03-31T09:00')).toEqual([]);
    expect(starts(giunta, '2025-03-24T10:00', '2025-03-31T09:01')).toEqual(['2025-03-24T09:00', '2025-03-31T09:00']);
  });

  it('leaves out exception dates and cancelled overrides, and shows a moved occurrence where it went', () => {
    const master = { ...giunta, exdates: ['2025-03-24T09:00'] };
    const overrides: SeriesOverride[] = [
      { id: 'o-moved', recurrenceId: '2025-03-31T09:00', start: '2025-04-01T15:00', end: '2025-04-01T16:00', cancelled: false },
      { id: 'o-cancelled', recurrenceId: '2025-04-07T09:00', start: '2025-04-07T09:00', end: '2025-04-07T10:30', cancelled: true },
    ];
    const occ = expandSeries(master, overrides, { from: '2025-03-17T00:00', to: '2025-04-15T00:00' });
    expect(occ.map((o) => [o.start, o.overrideId, o.recurrenceId])).toEqual([
      ['2025-03-17T09:00', null, '2025-03-17T09:00'],
      ['2025-04-01T15:00', 'o-moved', '2025-03-31T09:00'],
      ['2025-04-14T09:00', null, '2025-04-14T09:00'],
    ]);
  });

  it('includes an override moved into the window from outside and drops one moved out of it', () => {
    const overrides: SeriesOverride[] = [
      { id: 'in', recurrenceId: '2025-05-05T09:00', start: '2025-04-02T11:00', end: '2025-04-02T12:00', cancelled: false },
      { id: 'out', recurrenceId: '2025-03-31T09:00', start: '2025-06-10T09:00', end: '2025-06-10T10:00', cancelled: false },
    ];
    expect(starts(giunta, '2025-03-29T00:00', '2025-04-06T00:00', overrides)).toEqual(['2025-04-02T11:00']);
  });

  it('ignores an override whose original start the rule no longer produces', () => {
    const ended = { ...giunta, rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20250325T000000Z' };
    const orphan: SeriesOverride = { id: 'orphan', recurrenceId: '2025-03-31T09:00', start: '2025-03-31T11:00', end: '2025-03-31T12:00', cancelled: false };
    expect(starts(ended, '2025-03-01T00:00', '2025-05-01T00:00', [orphan])).toEqual(['2025-03-17T09:00', '2025-03-24T09:00']);
  });

  it('shows the same override on every desk when two were created for one occurrence: cancellation first, then the smallest id', () => {
    const a: SeriesOverride = { id: 'b-2', recurrenceId: '2025-03-24T09:00', start: '2025-03-24T12:00', end: '2025-03-24T13:00', cancelled: false };
    const b: SeriesOverride = { id: 'a-1', recurrenceId: '2025-03-24T09:00', start: '2025-03-24T15:00', end: '2025-03-24T16:00', cancelled: false };
    expect(starts(giunta, '2025-03-24T00:00', '2025-03-25T00:00', [a, b])).toEqual(['2025-03-24T15:00']);
    expect(starts(giunta, '2025-03-24T00:00', '2025-03-25T00:00', [b, a])).toEqual(['2025-03-24T15:00']);
    const cancel: SeriesOverride = { ...a, id: 'z-9', cancelled: true };
    expect(starts(giunta, '2025-03-24T00:00', '2025-03-25T00:00', [a, b, cancel])).toEqual([]);
  });

  it('counts DTSTART as the first of COUNT and stops at UNTIL', () => {
    const counted = { ...giunta, rrule: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=3' };
    expect(starts(counted, '2025-01-01T00:00', '2026-01-01T00:00')).toEqual(['2025-03-17T09:00', '2025-03-20T09:00', '2025-03-24T09:00']);
    expect(seriesEndBound(counted)).toBe('2025-03-24T10:30');
    const until = { ...giunta, rrule: 'FREQ=DAILY;UNTIL=20250319T080000Z' };
    expect(starts(until, '2025-01-01T00:00', '2026-01-01T00:00')).toEqual(['2025-03-17T09:00', '2025-03-18T09:00', '2025-03-19T09:00']);
    expect(seriesEndBound(giunta)).toBeNull();
  });

  it('expands monthly and yearly rules: last Friday, the 31st only where it exists, 29 February only in leap years', () => {
    const lastFriday: SeriesMaster = { id: 'm', start: '2025-01-31T18:00', end: '2025-01-31T19:00', rrule: 'FREQ=MONTHLY;BYDAY=-1FR', exdates: [] };
    expect(starts(lastFriday, '2025-01-01T00:00', '2025-05-01T00:00')).toEqual(['2025-01-31T18:00', '2025-02-28T18:00', '2025-03-28T18:00', '2025-04-25T18:00']);
    const the31st: SeriesMaster = { id: 'd', start: '2025-01-31T10:00', end: '2025-01-31T11:00', rrule: 'FREQ=MONTHLY', exdates: [] };
    expect(starts(the31st, '2025-01-01T00:00', '2025-06-01T00:00')).toEqual(['2025-01-31T10:00', '2025-03-31T10:00', '2025-05-31T10:00']);
    const leap: SeriesMaster = { id: 'l', start: '2024-02-29T10:00', end: '2024-02-29T11:00', rrule: 'FREQ=YEARLY', exdates: [] };
    expect(starts(leap, '2024-01-01T00:00', '2033-01-01T00:00')).toEqual(['2024-02-29T10:00', '2028-02-29T10:00', '2032-02-29T10:00']);
    const firstMondayOfJune: SeriesMaster = { id: 'y', start: '2025-06-02T10:00', end: '2025-06-02T11:00', rrule: 'FREQ=YEARLY;BYMONTH=6;BYDAY=1MO', exdates: [] };
    expect(starts(firstMondayOfJune, '2025-01-01T00:00', '2028-01-01T00:00')).toEqual(['2025-06-02T10:00', '2026-06-01T10:00', '2027-06-07T10:00']);
    // RFC 5545 §3.8.5.3 example: "every 20th Monday of the year" from 1997-05-19.
    const twentiethMonday: SeriesMaster = { id: 'r', start: '1997-05-19T09:00', end: '1997-05-19T10:00', rrule: 'FREQ=YEARLY;BYDAY=20MO', exdates: [] };
    expect(starts(twentiethMonday, '1997-01-01T00:00', '2000-01-01T00:00')).toEqual(['1997-05-19T09:00', '1998-05-18T09:00', '1999-05-17T09:00']);
  });

  it('finds occurrences years after the start without walking from the start', () => {
    const daily: SeriesMaster = { id: 'd', start: '2000-01-03T08:00', end: '2000-01-03T08:30', rrule: 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', exdates: [] };
    expect(starts(daily, '2025-03-28T00:00', '2025-04-01T00:00')).toEqual(['2025-03-28T08:00', '2025-03-31T08:00']);
    const everyOtherWeek: SeriesMaster = { id: 'w', start: '2020-01-06T09:00', end: '2020-01-06T10:00', rrule: 'FREQ=WEEKLY;INTERVAL=2', exdates: [] };
    // 2020-01-06 + 270 weeks = 2025-03-10 (270 is even).
    expect(starts(everyOtherWeek, '2025-03-01T00:00', '2025-04-01T00:00')).toEqual(['2025-03-10T09:00', '2025-03-24T09:00']);
    const walked = starts(everyOtherWeek, '2020-01-01T00:00', '2025-04-01T00:00').filter((s) => s >= '2025-03-01');
    expect(walked).toEqual(['2025-03-10T09:00', '2025-03-24T09:00']);
  });

  it('expands a one-off engagement as itself', () => {
    const single: SeriesMaster = { id: 's', start: '2025-05-02T10:00', end: '2025-05-02T12:00', rrule: null, exdates: [] };
    expect(expandSeries(single, [], { from: '2025-05-02T00:00', to: '2025-05-03T00:00' })).toEqual([
      { masterId: 's', overrideId: null, recurrenceId: null, start: '2025-05-02T10:00', end: '2025-05-02T12:00' },
    ]);
    expect(expandSeries(single, [], { from: '2025-05-02T12:00', to: '2025-05-03T00:00' })).toEqual([]);
  });
});

describe('recurrence rules', () => {
  it('refuses unbounded every-second, every-minute and every-hour rules and parts it cannot expand', () => {
    for (const bad of ['FREQ=SECONDLY', 'FREQ=MINUTELY', 'FREQ=HOURLY;INTERVAL=2', 'FREQ=DAILY;BYHOUR=9,17', 'FREQ=WEEKLY;COUNT=3;UNTIL=20250101T000000Z', 'FREQ=WEEKLY;BYDAY=1MO', 'BYDAY=MO', 'FREQ=WEEKLY;BYDAY=XX']) {
      expect(() => validateRrule(bad), bad).toThrow(AppError);
      try {
        validateRrule(bad);
      } catch (err) {
        expect((err as AppError).code).toBe('VALIDATION');
        expect((err as AppError).message).toMatch(/^Regola di ripetizione non valida/);
      }
    }
    expect(() => validateRrule('FREQ=HOURLY;COUNT=8')).not.toThrow();
    expect(() => validateRrule('RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1')).not.toThrow();
  });

  it('refuses a series whose first date the rule would not produce, or that ends before it starts', () => {
    expect(() => validateSeries(giunta)).not.toThrow();
    expect(() => validateSeries({ ...giunta, start: '2025-03-18T09:00', end: '2025-03-18T10:00' })).toThrow(/giorno previsto dalla regola/);
    expect(() => validateSeries({ ...giunta, rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20250301T000000Z' })).toThrow(/finisce prima di cominciare/);
    expect(() => validateSeries({ ...giunta, end: '2025-03-17T08:00' })).toThrow(AppError);
    expect(() => validateSeries({ id: 'y', start: '2025-04-25T10:00', end: '2025-04-25T12:00', rrule: 'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=25', exdates: [] })).not.toThrow();
    expect(() => validateSeries({ id: 'y', start: '2025-04-24T10:00', end: '2025-04-24T12:00', rrule: 'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=25', exdates: [] })).toThrow(AppError);
  });

  it('describes rules in Italian', () => {
    expect(describeRrule('FREQ=WEEKLY;BYDAY=MO')).toBe('Ogni settimana il lunedì');
    expect(describeRrule('FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=25')).toBe('Ogni anno il 25 aprile');
    expect(describeRrule('FREQ=YEARLY', '2025-04-25T10:00')).toBe('Ogni anno il 25 aprile');
    expect(describeRrule('FREQ=MONTHLY;BYDAY=-1FR')).toBe('Ogni mese l’ultimo venerdì');
    expect(describeRrule('FREQ=MONTHLY;BYDAY=1SU;COUNT=5')).toBe('Ogni mese la prima domenica, 5 volte');
    expect(describeRrule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20251231T225959Z')).toBe(
      'Ogni 2 settimane il lunedì e il giovedì, fino al 31/12/2025',
    );
    expect(describeRrule('FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR')).toBe('Ogni giorno dal lunedì al venerdì');
  });

  it('ends the old rule one second before the split occurrence, in UTC, replacing COUNT', () => {
    expect(rruleUntilBefore('FREQ=WEEKLY;BYDAY=MO', '2025-03-31T09:00')).toBe('FREQ=WEEKLY;UNTIL=20250331T065959Z;BYDAY=MO');
    expect(rruleUntilBefore('FREQ=WEEKLY;BYDAY=MO;COUNT=10', '2025-03-31T09:00', '2025-03-17T09:00')).toBe(
      'FREQ=WEEKLY;UNTIL=20250331T065959Z;BYDAY=MO',
    );
    expect(rruleUntilBefore('FREQ=WEEKLY;UNTIL=20250320T000000Z', '2025-03-31T09:00')).toBe('FREQ=WEEKLY;UNTIL=20250320T000000Z');
    expect(rruleUntilBefore('FREQ=WEEKLY;BYDAY=MO', '2025-03-17T09:00', '2025-03-17T09:00')).toBeNull();
  });
});
