import { describe, expect, it } from 'vitest';
import {
  CODE128_PATTERNS, CODE_B, START_B, START_C, STOP, code128Checksum, code128Modules, encodeCode128,
} from '../../../src/shared/documents/code128';
import { barcodePayload } from '../../../src/shared/domain/protocol-number';
import { decodeCode128Row } from '../../helpers/code128-decode';

const sum = (s: string) => Array.from(s, Number).reduce((a, b) => a + b, 0);

describe('Code 128 character table (ISO/IEC 15417)', () => {
  it('has 107 distinct patterns of 11 modules (13 for stop) with an even bar count', () => {
    expect(CODE128_PATTERNS).toHaveLength(107);
    expect(new Set(CODE128_PATTERNS).size).toBe(107);
    CODE128_PATTERNS.forEach((p, value) => {
      expect(sum(p), `valore ${value}`).toBe(value === STOP ? 13 : 11);
      const bars = Array.from(p.slice(0, 6), Number).filter((_, i) => i % 2 === 0);
      // Parity rule of the standard: bar modules of a character add up to an even number.
      expect(bars.reduce((a, b) => a + b, 0) % 2, `valore ${value}`).toBe(0);
    });
  });

  it('has the standard start and stop patterns', () => {
    expect(CODE128_PATTERNS[103]).toBe('211412'); // Start A
    expect(CODE128_PATTERNS[START_B]).toBe('211214');
    expect(CODE128_PATTERNS[START_C]).toBe('211232');
    expect(CODE128_PATTERNS[STOP]).toBe('2331112');
    expect(CODE128_PATTERNS[0]).toBe('212222'); // space in B, "00" in C
  });
});

describe('encodeCode128', () => {
  it('computes the modulo-103 check of the standard example "12345678" in set C', () => {
    // 105 + 1·12 + 2·34 + 3·56 + 4·78 = 665; 665 mod 103 = 47
    expect(code128Checksum([105, 12, 34, 56, 78])).toBe(47);
    expect(encodeCode128('12345678').codes).toEqual([START_C, 12, 34, 56, 78, 47, STOP]);
  });

  it('computes the weighted check of "PJJ123C" in set B', () => {
    // 104 + 48 + 2·42 + 3·42 + 4·17 + 5·18 + 6·19 + 7·35 = 879; 879 mod 103 = 55
    const r = encodeCode128('PJJ123C');
    expect(r.codes[0]).toBe(START_B);
    expect(r.codes.slice(1, 8)).toEqual([48, 42, 42, 17, 18, 19, 35]);
    expect(r.codes[8]).toBe(879 % 103);
  });

  it('packs the 11-digit protocol payload in set C and ends the odd digit in set B', () => {
    const r = encodeCode128(barcodePayload(2026, 42));
    expect(r.text).toBe('20260000042');
    expect(r.codes).toEqual([START_C, 20, 26, 0, 0, 4, CODE_B, 18, r.codes[8], STOP]);
    expect(r.codes[8]).toBe(code128Checksum(r.codes.slice(0, 8)));
  });

  it('frames the symbol with quiet zones of at least 10 modules and ends with the 2-module stop bar', () => {
    const r = encodeCode128('20260000042');
    const modules = code128Modules(r);
    expect(r.quietZone).toBeGreaterThanOrEqual(10);
    expect(modules).toHaveLength(r.totalModules);
    expect(modules.slice(0, r.quietZone).every((m) => !m)).toBe(true);
    expect(modules.slice(-r.quietZone).every((m) => !m)).toBe(true);
    expect(modules[r.quietZone]).toBe(true);
    expect(modules.slice(-r.quietZone - 2, -r.quietZone)).toEqual([true, true]);
    // start, 5 pairs, CODE B, one digit, check: 9 characters × 11 modules, plus 13 for the stop
    expect(r.totalModules - 2 * r.quietZone).toBe(9 * 11 + 13);
  });

  it('round-trips mixed text through the test decoder at several module sizes', () => {
    for (const text of ['20260000042', 'AB1234567C', 'E/2026/SEGR01/0000012', '1', '12', 'x 9']) {
      const modules = code128Modules(encodeCode128(text));
      for (const scale of [1, 3, 4]) {
        const row = modules.flatMap((bar) => Array<number>(scale).fill(bar ? 0 : 255));
        expect(decodeCode128Row(row).text).toBe(text);
      }
    }
  });

  it('refuses empty text and characters outside ASCII', () => {
    expect(() => encodeCode128('')).toThrow(RangeError);
    expect(() => encodeCode128('città')).toThrow(RangeError);
  });
});
