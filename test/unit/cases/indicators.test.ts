import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/contract/errors';
import {
  answeredWithinTerm,
  averageClosingDays,
  closingDays,
  histogram,
  periodOf,
  type IndicatorCase,
} from '../../../src/shared/domain/cases/indicators';

const base: IndicatorCase = {
  typeCode: 'accesso_civico_generalizzato',
  receivedOn: '2025-03-03',
  dueOn: '2025-04-02',
  closedOn: null,
  repliedOn: null,
  state: 'in_istruttoria',
};

describe('closingDays', () => {
  it('counts calendar days from receipt to closing', () => {
    expect(closingDays({ ...base, closedOn: '2025-03-20', state: 'chiusa' })).toBe(17);
    expect(closingDays({ ...base, closedOn: '2025-03-03', state: 'chiusa' })).toBe(0);
  });

  it('is null while open, and for a closing date before receipt (bad data must not skew averages)', () => {
    expect(closingDays(base)).toBeNull();
    expect(closingDays({ ...base, closedOn: '2025-03-01' })).toBeNull();
  });
});

describe('answeredWithinTerm', () => {
  it('is true up to and including the due date, false after', () => {
    expect(answeredWithinTerm({ ...base, repliedOn: '2025-04-02' })).toBe(true);
    expect(answeredWithinTerm({ ...base, repliedOn: '2025-03-10' })).toBe(true);
    expect(answeredWithinTerm({ ...base, repliedOn: '2025-04-03' })).toBe(false);
  });

  it('is null before any reply (even when closed without one), true when there is no term', () => {
    expect(answeredWithinTerm(base)).toBeNull();
    expect(answeredWithinTerm({ ...base, closedOn: '2025-03-10', state: 'chiusa' })).toBeNull();
    expect(answeredWithinTerm({ ...base, dueOn: null, repliedOn: '2026-01-01' })).toBe(true);
  });
});

describe('averageClosingDays and periodOf', () => {
  it('averages closed cases only, to one decimal', () => {
    const cases = [
      { ...base, closedOn: '2025-03-13' }, // 10
      { ...base, closedOn: '2025-03-24' }, // 21
      { ...base, closedOn: '2025-03-04' }, // 1
      base, // open: ignored
    ];
    expect(averageClosingDays(cases)).toBe(10.7);
    expect(averageClosingDays([base])).toBeNull();
  });

  it('groups by month or year', () => {
    expect(periodOf('2025-03-03', 'mese')).toBe('2025-03');
    expect(periodOf('2025-03-03', 'anno')).toBe('2025');
  });
});

describe('histogram', () => {
  it('counts values in [edge_i, edge_i+1) and everything from the last edge up', () => {
    expect(histogram([0, 3, 7, 8, 30, 31, 200], [0, 8, 31])).toEqual([
      { label: '0–7', count: 3 },
      { label: '8–30', count: 2 },
      { label: '≥ 31', count: 2 },
    ]);
  });

  it('labels one-day buckets with the single day and keeps empty buckets', () => {
    expect(histogram([1], [0, 1, 2])).toEqual([
      { label: '0', count: 0 },
      { label: '1', count: 1 },
      { label: '≥ 2', count: 0 },
    ]);
  });

  it('leaves out values below the first edge and non-finite ones', () => {
    expect(histogram([-1, Number.NaN, Number.POSITIVE_INFINITY, 5], [0])).toEqual([{ label: '≥ 0', count: 1 }]);
  });

  it('labels non-integer edges as half-open ranges', () => {
    expect(histogram([0.5, 1.5], [0, 1.5]).map((b) => b.label)).toEqual(['0 – <1.5', '≥ 1.5']);
  });

  it('refuses missing or non-ascending edges', () => {
    expect(() => histogram([1], [])).toThrowError(AppError);
    expect(() => histogram([1], [0, 10, 10])).toThrow(/crescenti/);
    expect(() => histogram([1], [5, 2])).toThrow(/crescenti/);
  });
});
