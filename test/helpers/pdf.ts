import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';

/**
 * PDF inspection for tests through poppler-utils (Debian package `poppler-utils`): an
 * independent reader, so a test does not trust pdf-lib to check what pdf-lib wrote.
 */

function withTempPdf<T>(bytes: Uint8Array, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'gonfalone-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every page as `pdftotext -layout` extracts it (pages separated by form feeds). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return withTempPdf(bytes, (file) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

/** Number of pages, as poppler's pdfinfo reads it. */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const info = withTempPdf(bytes, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo senza numero di pagine:\n${info}`);
  return Number(m[1]);
}

/** Page size in PostScript points, read back with pdf-lib. */
export async function pdfPageSizes(bytes: Uint8Array): Promise<Array<{ width: number; height: number }>> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((p) => p.getSize());
}

export interface GrayImage {
  width: number;
  height: number;
  /** Row-major 8-bit luminance, 0 = black. */
  pixels: Uint8Array;
}

/** Renders one page (1-based) to 8-bit grey with `pdftoppm -gray` and parses the PGM. */
export async function renderPdfToGray(bytes: Uint8Array, dpi: number, page = 1): Promise<GrayImage> {
  return withTempPdf(bytes, (file, dir) => {
    const out = join(dir, 'page');
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-aa', 'no', '-aaVector', 'no', '-f', String(page), '-l', String(page), '-singlefile', file, out]);
    return parsePgm(readFileSync(`${out}.pgm`));
  });
}

/** Parses a binary PGM (P5, maxval ≤ 255). */
export function parsePgm(buf: Buffer): GrayImage {
  let pos = 0;
  const token = (): string => {
    while (pos < buf.length) {
      const c = buf[pos]!;
      if (c === 0x23) while (pos < buf.length && buf[pos] !== 0x0a) pos++;
      else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
    const start = pos;
    while (pos < buf.length && ![0x20, 0x0a, 0x0d, 0x09].includes(buf[pos]!)) pos++;
    return buf.subarray(start, pos).toString('ascii');
  };
  if (token() !== 'P5') throw new Error('Non è un PGM binario (P5)');
  const width = Number(token());
  const height = Number(token());
  const maxval = Number(token());
  if (maxval > 255) throw new Error('PGM a 16 bit non gestito');
  pos += 1; // single whitespace before the raster
  return { width, height, pixels: new Uint8Array(buf.subarray(pos, pos + width * height)) };
}

/** One row of pixels. */
export function pixelRow(image: GrayImage, y: number): Uint8Array {
  return image.pixels.subarray(y * image.width, (y + 1) * image.width);
}
