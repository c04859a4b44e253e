import { CODE128_PATTERNS } from '../../src/shared/documents/code128';

/**
 * A small Code 128 reader for tests: takes one scan line of a rendered label, measures the
 * runs, and decodes code sets B and C with the checksum verified — what a front-desk scanner
 * does. Module size is measured per character (11 modules), so scaling and rounding at any
 * dpi are tolerated.
 */
export interface Decoded {
  text: string;
  codes: number[];
}

const STOP = 106;

/** Run lengths of alternating colours, starting with the first dark run. */
export function runsOf(row: ArrayLike<number>, threshold = 128): number[] {
  const runs: number[] = [];
  let i = 0;
  while (i < row.length && row[i]! >= threshold) i++;
  let dark = true;
  let len = 0;
  for (; i < row.length; i++) {
    const isDark = row[i]! < threshold;
    if (isDark === dark) len++;
    else {
      runs.push(len);
      dark = isDark;
      len = 1;
    }
  }
  if (!dark) return runs; // trailing white (quiet zone) is not a run of the symbol
  runs.push(len);
  return runs;
}

function matchCharacter(runs: number[]): number {
  const total = runs.reduce((a, b) => a + b, 0);
  const modules = runs.length === 7 ? 13 : 11;
  const unit = total / modules;
  const widths = runs.map((r) => Math.max(1, Math.min(4, Math.round(r / unit)))).join('');
  return CODE128_PATTERNS.indexOf(widths);
}

/** Decodes a scan line; throws with a reason when the line is not a valid Code 128 symbol. */
export function decodeCode128Row(row: ArrayLike<number>, threshold = 128): Decoded {
  const runs = runsOf(row, threshold);
  const codes: number[] = [];
  let pos = 0;
  for (;;) {
    if (pos + 6 > runs.length) throw new Error('Simbolo troncato: manca lo stop');
    const value = matchCharacter(runs.slice(pos, pos + 6));
    const stop = matchCharacter(runs.slice(pos, pos + 7));
    if (stop === STOP && pos + 7 <= runs.length) {
      codes.push(STOP);
      break;
    }
    if (value < 0 || value === STOP) throw new Error(`Carattere non riconosciuto alla barra ${pos}`);
    codes.push(value);
    pos += 6;
  }
  if (codes.length < 4) throw new Error('Simbolo troppo corto');
  const data = codes.slice(0, -2);
  const check = codes[codes.length - 2]!;
  let sum = data[0]!;
  for (let k = 1; k < data.length; k++) sum += data[k]! * k;
  if (sum % 103 !== check) throw new Error(`Checksum errato: atteso ${sum % 103}, letto ${check}`);
  return { text: interpret(data), codes };
}

function interpret(data: number[]): string {
  const start = data[0];
  let set: 'A' | 'B' | 'C' = start === 103 ? 'A' : start === 104 ? 'B' : start === 105 ? 'C' : fail(`Start non valido: ${start}`);
  let text = '';
  for (const v of data.slice(1)) {
    if (set === 'C') {
      if (v < 100) text += String(v).padStart(2, '0');
      else if (v === 100) set = 'B';
      else if (v === 101) set = 'A';
      else fail(`Valore ${v} non gestito in C`);
    } else if (v === 99) set = 'C';
    else if (set === 'B' && v === 101) set = 'A';
    else if (set === 'A' && v === 100) set = 'B';
    else if (v < 96) text += set === 'B' || v < 64 ? String.fromCharCode(v + 32) : String.fromCharCode(v - 64);
    else fail(`Valore funzione ${v} non gestito`);
  }
  return text;
}

function fail(msg: string): never {
  throw new Error(msg);
}
