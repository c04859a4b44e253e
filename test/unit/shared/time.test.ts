import { describe, expect, it } from 'vitest';
import { italianDate, romeDate, romeDateTimeLabel, romeDayBounds, romeYear } from '../../../src/shared/domain/time';

describe('Europe/Rome legal dates', () => {
  it('puts 00:30 of 1 January in Rome into the new year, though UTC still says 31 December', () => {
    const at = new Date('2025-12-31T23:30:00Z');
    expect(romeDate(at)).toBe('2026-01-01');
    expect(romeYear(at)).toBe(2026);
  });

  it('follows daylight saving time', () => {
    expect(romeDateTimeLabel('2026-07-01T10:00:00Z')).toBe('01/07/2026 12:00');
    expect(romeDateTimeLabel('2026-01-15T10:00:00Z')).toBe('15/01/2026 11:00');
  });

  it('bounds a Rome day in UTC, including the 23- and 25-hour days', () => {
    const winter = romeDayBounds('2026-01-10');
    expect(winter.start.toISOString()).toBe('2026-01-09T23:00:00.000Z');
    expect(winter.end.toISOString()).toBe('2026-01-10T23:00:00.000Z');
    const springForward = romeDayBounds('2026-03-29');
    expect((springForward.end.getTime() - springForward.start.getTime()) / 3_600_000).toBe(23);
    const fallBack = romeDayBounds('2026-10-25');
    expect((fallBack.end.getTime() - fallBack.start.getTime()) / 3_600_000).toBe(25);
  });

  it('formats Italian dates', () => {
    expect(italianDate('2026-11-23')).toBe('23/11/2026');
  });
});
