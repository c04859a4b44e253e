import { describe, expect, it } from 'vitest';
import { barcodePayload, dailyRegisterFileId, formatNumber, formatYearNumber, parseBarcodePayload, segnatura } from '../../../src/shared/domain/protocol-number';

describe('protocol numbers (DPR 445/2000 art. 57: at least seven digits)', () => {
  it('pads to seven digits and keeps longer numbers whole', () => {
    expect(formatNumber(42)).toBe('0000042');
    expect(formatNumber(12345678)).toBe('12345678');
    expect(formatYearNumber(2026, 1)).toBe('2026/0000001');
  });

  it('refuses zero, negatives and fractions', () => {
    expect(() => formatNumber(0)).toThrow(RangeError);
    expect(() => formatNumber(-3)).toThrow(RangeError);
    expect(() => formatNumber(1.5)).toThrow(RangeError);
  });

  it('builds the segnatura and the daily register file id', () => {
    expect(segnatura({ ipaCode: 'c_z999', aooCode: 'AOO01', registerCode: 'PG', year: 2026, number: 42 })).toBe('c_z999-AOO01-PG-2026-0000042');
    expect(dailyRegisterFileId('c_z999', 'AOO01', '2026-11-23')).toBe('c_z999AOO01-20261123-001');
  });

  it('round-trips the barcode payload (year + number)', () => {
    expect(barcodePayload(2026, 42)).toBe('20260000042');
    expect(parseBarcodePayload('20260000042')).toEqual({ year: 2026, number: 42 });
    expect(parseBarcodePayload('2026-42')).toBeNull();
  });
});
