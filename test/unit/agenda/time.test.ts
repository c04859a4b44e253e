import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/contract/errors';
import {
  addMinutesLocal,
  instantToRomeLocal,
  isLocalDateTime,
  localMinutesBetween,
  romeLocalStatus,
  romeLocalToInstant,
} from '../../../src/shared/domain/agenda/time';

function errorCodeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof AppError ? err.code : 'not an AppError';
  }
}

describe('Rome wall time', () => {
  it('flags 02:30 on the spring-forward Sunday as non-existent and shifts it forward by the gap', () => {
    expect(romeLocalStatus('2025-03-30T02:30')).toBe('nonexistent');
    expect(romeLocalStatus('2025-03-30T02:00')).toBe('nonexistent');
    expect(romeLocalStatus('2025-03-30T03:00')).toBe('ok');
    const instant = romeLocalToInstant('2025-03-30T02:30');
    expect(instant).toBe('2025-03-30T01:30:00.000Z');
    expect(instantToRomeLocal(instant)).toBe('2025-03-30T03:30');
  });

  it('flags 02:30 on the fall-back Sunday as ambiguous and resolves it either way on request', () => {
    expect(romeLocalStatus('2025-10-26T02:30')).toBe('ambiguous');
    expect(romeLocalStatus('2025-10-26T01:59')).toBe('ok');
    expect(romeLocalStatus('2025-10-26T03:00')).toBe('ok');
    const earlier = romeLocalToInstant('2025-10-26T02:30');
    const later = romeLocalToInstant('2025-10-26T02:30', 'later');
    expect(earlier).toBe('2025-10-26T00:30:00.000Z');
    expect(later).toBe('2025-10-26T01:30:00.000Z');
    expect(instantToRomeLocal(earlier)).toBe('2025-10-26T02:30');
    expect(instantToRomeLocal(later)).toBe('2025-10-26T02:30');
  });

  it('converts ordinary times with the winter and summer offsets', () => {
    expect(romeLocalStatus('2025-01-15T10:00')).toBe('ok');
    expect(romeLocalToInstant('2025-01-15T10:00')).toBe('2025-01-15T09:00:00.000Z');
    expect(romeLocalToInstant('2025-07-15T10:00')).toBe('2025-07-15T08:00:00.000Z');
    expect(instantToRomeLocal('2025-12-31T23:30:00Z')).toBe('2026-01-01T00:30');
  });

  it('adds minutes on the wall clock, so a day later is the same time across DST', () => {
    expect(addMinutesLocal('2025-03-29T09:00', 24 * 60)).toBe('2025-03-30T09:00');
    expect(addMinutesLocal('2025-12-31T23:30', 60)).toBe('2026-01-01T00:30');
    expect(localMinutesBetween('2025-03-30T01:00', '2025-03-30T04:00')).toBe(180);
  });

  it('refuses malformed or impossible wall times with a VALIDATION error', () => {
    expect(isLocalDateTime('2025-02-29T10:00')).toBe(false);
    expect(isLocalDateTime('2024-02-29T10:00')).toBe(true);
    expect(isLocalDateTime('2025-03-30 10:00')).toBe(false);
    expect(() => romeLocalToInstant('2025-13-01T10:00')).toThrow(AppError);
    expect(errorCodeOf(() => romeLocalStatus('ieri'))).toBe('VALIDATION');
    expect(() => instantToRomeLocal('non una data')).toThrow(/Istante non valido/);
  });
});
