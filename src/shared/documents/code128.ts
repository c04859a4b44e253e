/**
 * Our own Code 128 encoder (ISO/IEC 15417). A symbol is a start character, the data characters,
 * a modulo-103 check character and the stop pattern, framed by quiet zones of at least ten
 * modules. Digit runs are packed two per character in code set C; anything else printable
 * travels in code set B. Pure TypeScript: it runs in the renderer, the core and the server.
 */

/**
 * Widths of bars and spaces (bar first) of the 107 characters; each of 0–105 spans 11 modules,
 * the stop (106) 13 modules including its final 2-module bar.
 */
export const CODE128_PATTERNS: readonly string[] = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
];

export const CODE_B = 100;
export const CODE_C = 99;
export const START_B = 104;
export const START_C = 105;
export const STOP = 106;

/** Minimum quiet zone on each side, in modules (ISO/IEC 15417 §4.4.2). */
export const QUIET_ZONE_MODULES = 10;

export interface Code128Barcode {
  /** The encoded text (printed in human-readable form under the bars). */
  text: string;
  /** Character values: start, data, check, stop. */
  codes: number[];
  /** Run widths in modules, bar first, alternating bar/space; quiet zones excluded. */
  widths: number[];
  /** Quiet zone on each side, in modules. */
  quietZone: number;
  /** Width of the whole symbol including both quiet zones, in modules. */
  totalModules: number;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function digitRun(text: string, from: number): number {
  let n = 0;
  while (isDigit(text[from + n])) n++;
  return n;
}

/** Value of a printable ASCII character in code set B (space = 0 … DEL = 95). */
function valueInB(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code < 32 || code > 127) throw new RangeError(`Carattere non codificabile in Code 128: ${JSON.stringify(ch)}`);
  return code - 32;
}

/** Data character values (start included, check and stop excluded) for a text. */
function dataCodes(text: string): number[] {
  const codes: number[] = [];
  let i = 0;
  let set: 'B' | 'C';
  // Start in C when the text opens with at least four digits (or is two digits alone): C then
  // saves characters; an odd leading run leaves its last digit to set B.
  const lead = digitRun(text, 0);
  if (lead >= 4 || (lead === 2 && text.length === 2)) {
    set = 'C';
    codes.push(START_C);
  } else {
    set = 'B';
    codes.push(START_B);
  }
  while (i < text.length) {
    const run = digitRun(text, i);
    if (set === 'C') {
      if (run >= 2) {
        codes.push(Number(text.slice(i, i + 2)));
        i += 2;
        continue;
      }
      codes.push(CODE_B);
      set = 'B';
      continue;
    }
    // In B: switch to C for an even run of four or more digits (or one ending the text).
    if (run >= 4 && run % 2 === 0) {
      codes.push(CODE_C);
      set = 'C';
      continue;
    }
    codes.push(valueInB(text[i]!));
    i += 1;
  }
  return codes;
}

/** Modulo-103 check: start value plus each data value weighted by its position. */
export function code128Checksum(codes: readonly number[]): number {
  let sum = codes[0] ?? 0;
  for (let pos = 1; pos < codes.length; pos++) sum += codes[pos]! * pos;
  return sum % 103;
}

/** Encodes printable ASCII text as a Code 128 symbol. */
export function encodeCode128(text: string): Code128Barcode {
  if (text.length === 0) throw new RangeError('Testo del codice a barre vuoto');
  const data = dataCodes(text);
  const codes = [...data, code128Checksum(data), STOP];
  const widths = codes.flatMap((c) => Array.from(CODE128_PATTERNS[c]!, Number));
  const symbolModules = widths.reduce((a, b) => a + b, 0);
  return { text, codes, widths, quietZone: QUIET_ZONE_MODULES, totalModules: symbolModules + 2 * QUIET_ZONE_MODULES };
}

/** The symbol module by module (true = bar), quiet zones included. */
export function code128Modules(barcode: Code128Barcode): boolean[] {
  const out: boolean[] = Array<boolean>(barcode.quietZone).fill(false);
  barcode.widths.forEach((w, i) => {
    for (let k = 0; k < w; k++) out.push(i % 2 === 0);
  });
  for (let k = 0; k < barcode.quietZone; k++) out.push(false);
  return out;
}

/** The bars as [offset, width] in modules from the left edge of the quiet zone, for drawing. */
export function code128Bars(barcode: Code128Barcode): Array<{ x: number; width: number }> {
  const bars: Array<{ x: number; width: number }> = [];
  let x = barcode.quietZone;
  barcode.widths.forEach((w, i) => {
    if (i % 2 === 0) bars.push({ x, width: w });
    x += w;
  });
  return bars;
}
