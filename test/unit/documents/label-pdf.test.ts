import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildLabelPdf, LABEL_SIZE, type LabelInput } from '../../../src/shared/documents/label-pdf';
import { parseBarcodePayload } from '../../../src/shared/domain/protocol-number';
import { decodeCode128Row } from '../../helpers/code128-decode';
import { pdfPageCount, pdfPageSizes, pdfText, pixelRow, renderPdfToGray, type GrayImage } from '../../helpers/pdf';

const base: LabelInput = {
  administrationName: 'Comune di Esempio',
  ipaCode: 'c_x000',
  aooCode: 'SEGR',
  registerCode: 'PG',
  year: 2026,
  number: 42,
  registeredAt: '2026-11-03T09:15:00.000Z',
  direction: 'entrata',
};

/** Scans every row of the page like a hand scanner and returns the decodings that succeed. */
function scanAllRows(image: GrayImage): string[] {
  const found: string[] = [];
  for (let y = 0; y < image.height; y++) {
    try {
      found.push(decodeCode128Row(pixelRow(image, y)).text);
    } catch {
      // rows through text or blank space are not barcodes
    }
  }
  return found;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('buildLabelPdf', () => {
  it('prints a barcode that decodes to year + number at 300 dpi', async () => {
    const image = await renderPdfToGray(await buildLabelPdf(base), 300);
    const decoded = scanAllRows(image);
    // A 11 mm tall bar code at 300 dpi crosses well over a hundred scan lines.
    expect(decoded.length).toBeGreaterThan(100);
    expect(new Set(decoded)).toEqual(new Set(['20260000042']));
    expect(parseBarcodePayload(decoded[0]!)).toEqual({ year: 2026, number: 42 });
  });

  it('decodes large numbers and other years too, also at 203 dpi (thermal printers)', async () => {
    const bytes = await buildLabelPdf({ ...base, year: 2031, number: 1234567, direction: 'uscita' });
    for (const dpi of [203, 300]) {
      const decoded = scanAllRows(await renderPdfToGray(bytes, dpi));
      expect(decoded.length).toBeGreaterThan(50);
      expect(new Set(decoded)).toEqual(new Set(['20311234567']));
    }
  });

  it('shows administration, AOO, register, number, Rome date and time and direction', async () => {
    const text = await pdfText(await buildLabelPdf(base));
    expect(text).toContain('Comune di Esempio');
    expect(text).toMatch(/c_x000/);
    expect(text).toMatch(/AOO SEGR/);
    expect(text).toMatch(/Reg\. PG/);
    expect(text).toContain('2026/0000042');
    // 09:15 UTC in November is 10:15 in Rome (CET).
    expect(text).toContain('03/11/2026 10:15');
    expect(text).toContain('ENTRATA');
    expect(text).toContain('20260000042');
    expect(text).not.toContain('EMERGENZA');
  });

  it('uses Rome summer time and the right direction words', async () => {
    const out = await pdfText(await buildLabelPdf({ ...base, registeredAt: '2026-07-01T22:30:00Z', direction: 'uscita' }));
    expect(out).toContain('02/07/2026 00:30');
    expect(out).toContain('USCITA');
    const internal = await pdfText(await buildLabelPdf({ ...base, direction: 'interno' }));
    expect(internal).toContain('INTERNO');
  });

  it('marks emergency-register labels', async () => {
    const text = await pdfText(await buildLabelPdf({ ...base, emergency: { code: 'E/2026/SEGR01/0000012' } }));
    expect(text).toContain('REGISTRO DI EMERGENZA');
    expect(text).toContain('E/2026/SEGR01/0000012');
    // No ordinary number before recovery (art. 63): neither in the text nor in the barcode.
    expect(text).not.toContain('Prot. n.');
    const scans = scanAllRows(await renderPdfToGray(await buildLabelPdf({ ...base, emergency: { code: 'E/2026/SEGR01/0000012' } }), 300));
    expect(scans.length).toBeGreaterThan(0);
    expect(new Set(scans)).toEqual(new Set(['E2026SEGR010000012']));
  });

  it('is one page of 100 × 50 mm', async () => {
    const bytes = await buildLabelPdf(base);
    expect(await pdfPageCount(bytes)).toBe(1);
    const [size] = await pdfPageSizes(bytes);
    expect(size!.width).toBeCloseTo(LABEL_SIZE.width, 1);
    expect(size!.height).toBeCloseTo(LABEL_SIZE.height, 1);
  });

  it('is deterministic: the same input gives the same bytes, another input other bytes', async () => {
    const a = await buildLabelPdf(base);
    const b = await buildLabelPdf({ ...base });
    expect(sha(a)).toBe(sha(b));
    expect(sha(await buildLabelPdf({ ...base, number: 43 }))).not.toBe(sha(a));
  });

  it('survives odd characters and very long administration names', async () => {
    const bytes = await buildLabelPdf({
      ...base,
      administrationName: 'Comune di Sant’Agata “de’ Goti” 🏛️ — Unione dei Comuni della Valle Caudina e dell’Alto Sannio\t€',
    });
    const text = await pdfText(bytes);
    expect(text).toContain('Sant’Agata');
    expect(text).toContain('2026/0000042');
    expect(new Set(scanAllRows(await renderPdfToGray(bytes, 300)))).toEqual(new Set(['20260000042']));
  });

  it('refuses an invalid registration date', async () => {
    await expect(buildLabelPdf({ ...base, registeredAt: 'ieri' })).rejects.toThrow(RangeError);
  });
});
