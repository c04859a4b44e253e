import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/contract/errors';
import {
  addDays,
  assertPatronDay,
  daysBetween,
  easterSunday,
  isHoliday,
  italianHolidays,
  nextWorkingDay,
  weekday,
} from '../../../src/shared/domain/cases/holidays';

describe('calendar-day arithmetic on YYYY-MM-DD strings', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-03-03', 30)).toBe('2025-04-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2025-06-15', 0)).toBe('2025-06-15');
  });

  it('is not shifted by daylight saving time (the Rome clocks changed on 2025-03-30 and 2025-10-26)', () => {
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(addDays('2025-10-25', 2)).toBe('2025-10-27');
    expect(daysBetween('2025-03-01', '2025-04-01')).toBe(31);
    expect(daysBetween('2025-10-01', '2025-11-01')).toBe(31);
  });

  it('measures to − from, negative when to comes first', () => {
    expect(daysBetween('2025-03-10', '2025-03-16')).toBe(6);
    expect(daysBetween('2025-03-16', '2025-03-10')).toBe(-6);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('knows the weekday (0 = Sunday)', () => {
    expect(weekday('2025-04-20')).toBe(0);
    expect(weekday('2025-04-26')).toBe(6);
    expect(weekday('1969-12-31')).toBe(3);
  });

  it('refuses impossible or malformed dates with an Italian VALIDATION error', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-04-31', '25-04-01', '2025-4-1', '', '2025-04-01T00:00:00Z']) {
      expect(() => addDays(bad, 1)).toThrowError(AppError);
      expect(() => daysBetween(bad, '2025-01-01')).toThrowError(expect.objectContaining({ code: 'VALIDATION', message: expect.stringMatching(/^Data non valida/) }));
    }
    expect(() => addDays('2025-01-01', 1.5)).toThrow(/giorni non valido/);
  });
});

describe('Easter Sunday (Gregorian computus)', () => {
  it.each([
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
  ])('in %i falls on %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
    expect(weekday(expected)).toBe(0);
  });

  it('refuses years outside the Gregorian calendar', () => {
    expect(() => easterSunday(1500)).toThrow(/Anno non valido/);
    expect(() => easterSunday(2025.5)).toThrow(AppError);
  });
});

describe('Italian holidays (L. 260/1949 art. 2 as amended)', () => {
  it('lists the national holidays of 2025 with Easter and Easter Monday 2025-04-21', () => {
    expect([...italianHolidays(2025, null)].sort()).toEqual([
      '2025-01-01', '2025-01-06', '2025-04-20', '2025-04-21', '2025-04-25', '2025-05-01',
      '2025-06-02', '2025-08-15', '2025-11-01', '2025-12-08', '2025-12-25', '2025-12-26',
    ]);
  });

  it('adds 4 ottobre (San Francesco, L. 151/2025) from 2026 only', () => {
    expect(italianHolidays(2025, null).has('2025-10-04')).toBe(false);
    expect(italianHolidays(2026, null).has('2026-10-04')).toBe(true);
    expect(isHoliday('2027-10-04', null)).toBe(true); // a Monday
  });

  it("adds the patron saint's day (Sant'Ambrogio, 12-07) only when configured", () => {
    expect(italianHolidays(2026, '12-07').has('2026-12-07')).toBe(true);
    expect(italianHolidays(2026, null).has('2026-12-07')).toBe(false);
    expect(isHoliday('2026-12-07', '12-07')).toBe(true);
    expect(isHoliday('2026-12-07', null)).toBe(false);
  });

  it('observes a 29 February patron day in leap years only', () => {
    expect(italianHolidays(2028, '02-29').has('2028-02-29')).toBe(true);
    expect(italianHolidays(2027, '02-29').size).toBe(italianHolidays(2027, null).size);
  });

  it('refuses a malformed patron day', () => {
    for (const bad of ['7-12', '12/07', '02-30', '13-01', '2025-12-07']) {
      expect(() => assertPatronDay(bad)).toThrow(/santo patrono non valido/);
      expect(() => isHoliday('2025-03-04', bad)).toThrowError(AppError);
    }
  });

  it('counts Sundays as holidays but Saturdays as working days', () => {
    expect(isHoliday('2025-03-09', null)).toBe(true); // Sunday
    expect(isHoliday('2025-03-08', null)).toBe(false); // Saturday
    expect(isHoliday('2025-03-10', null)).toBe(false); // Monday
  });

  it('finds the next working day through chains of holidays', () => {
    expect(nextWorkingDay('2025-12-25', null)).toBe('2025-12-27'); // Christmas, Santo Stefano, then Saturday
    expect(nextWorkingDay('2025-04-20', null)).toBe('2025-04-22'); // Easter Sunday and Monday
    expect(nextWorkingDay('2026-12-07', '12-07')).toBe('2026-12-09'); // patron day, then the Immacolata
    expect(nextWorkingDay('2025-03-11', null)).toBe('2025-03-11');
  });
});
