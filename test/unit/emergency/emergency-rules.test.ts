import { describe, expect, it } from 'vitest';
import { dailyCounts, emergencyDurationWarning, formatEmergencyNumber, parseEmergencyNumber, recoveryPolicy } from '../../../src/shared/domain/emergency';
import { openLocalDatabase, DEFAULT_MIGRATIONS_FOLDER } from '../../../src/main/core/db/open';
import { nextEmergencySeq } from '../../../src/main/core/modules/emergency/counter';
import { pendingSortKey } from '../../../src/main/core/modules/emergency/effects';

describe('emergency numbers (art. 63)', () => {
  it('formats E/<year>/<device>/<7 digits> and parses it back', () => {
    expect(formatEmergencyNumber({ year: 2026, deviceCode: 'SEGR01', seq: 12 })).toBe('E/2026/SEGR01/0000012');
    expect(formatEmergencyNumber({ year: 2026, deviceCode: 'POST01', seq: 12_345_678 })).toBe('E/2026/POST01/12345678');
    expect(parseEmergencyNumber('E/2026/SEGR01/0000012')).toEqual({ year: 2026, deviceCode: 'SEGR01', seq: 12 });
    expect(parseEmergencyNumber('E/2026/segr01/0000012')).toBeNull();
    expect(parseEmergencyNumber('E/2026/SEGR01/12')).toBeNull();
    expect(parseEmergencyNumber('E/2026/SEGR01/0000000')).toBeNull();
  });

  it('refuses numbers that could not identify a document uniquely', () => {
    expect(() => formatEmergencyNumber({ year: 2026, deviceCode: 'SEGR01', seq: 0 })).toThrow(RangeError);
    expect(() => formatEmergencyNumber({ year: 2026, deviceCode: 'SE/01', seq: 1 })).toThrow(RangeError);
    expect(() => formatEmergencyNumber({ year: 26, deviceCode: 'SEGR01', seq: 1 })).toThrow(RangeError);
  });

  it('counts registrations per Rome calendar day', () => {
    // 23:30 UTC on 31 December is already 1 January in Rome.
    expect(dailyCounts(['2025-12-31T10:00:00.000Z', '2025-12-31T22:59:00.000Z', '2025-12-31T23:30:00.000Z', '2026-01-01T08:00:00.000Z'])).toEqual({
      '2025-12-31': 2,
      '2026-01-01': 2,
    });
  });

  it('warns beyond 24 hours without blocking (art. 63 c.2)', () => {
    const start = '2026-03-02T08:00:00.000Z';
    expect(emergencyDurationWarning(start, new Date('2026-03-03T07:59:00.000Z'))).toBeNull();
    expect(emergencyDurationWarning(start, new Date('2026-03-03T08:01:00.000Z'))).toMatch(/24 ore/);
  });
});

describe('year boundary policy (docs/decisions/0002)', () => {
  it('an entry made on 31 December and recovered on 2 January: ordinary number of the new year, legal date 31 December', () => {
    expect(recoveryPolicy('2025-12-31T17:00:00.000Z', '2026-01-02T09:00:00.000Z')).toEqual({ ordinaryYear: 2026, legalDate: '2025-12-31', emergencyYear: 2025 });
  });
  it('uses the Rome calendar, not UTC', () => {
    expect(recoveryPolicy('2025-12-31T23:30:00.000Z', '2025-12-31T23:45:00.000Z')).toEqual({ ordinaryYear: 2026, legalDate: '2026-01-01', emergencyYear: 2026 });
  });
});

describe('per-device emergency counter', () => {
  it('is gapless per device and year, and a rolled-back transaction gives its number back', () => {
    const db = openLocalDatabase(':memory:', DEFAULT_MIGRATIONS_FOLDER);
    expect([1, 2, 3].map(() => nextEmergencySeq(db, 'SEGR01', 2026))).toEqual([1, 2, 3]);
    expect(nextEmergencySeq(db, 'LAPT02', 2026)).toBe(1);
    expect(nextEmergencySeq(db, 'SEGR01', 2027)).toBe(1);
    expect(() =>
      db.$client.transaction(() => {
        nextEmergencySeq(db, 'SEGR01', 2026);
        throw new Error('scrittura fallita');
      })(),
    ).toThrow('scrittura fallita');
    expect(nextEmergencySeq(db, 'SEGR01', 2026)).toBe(4);
    db.$client.close();
  });

  it('places pending entries after every ordinary number of their year', () => {
    expect(pendingSortKey(2026, 1)).toBeGreaterThan(2026 * 100_000_000 + 9_999_999);
    expect(pendingSortKey(2026, 999_999)).toBeLessThan(2027 * 100_000_000);
  });
});
