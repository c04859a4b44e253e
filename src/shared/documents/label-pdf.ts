import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Direction } from '../contract/protocol';
import { barcodePayload, formatYearNumber } from '../domain/protocol-number';
import { romeDateTimeLabel } from '../domain/time';
import { code128Bars, encodeCode128 } from './code128';
import { fitSize, toWinAnsi, wrapText } from './pdf-text';

/** What the label for the paper letter shows (DPR 445/2000 art. 55: the segnatura on the document). */
export interface LabelInput {
  administrationName: string;
  ipaCode: string;
  aooCode: string;
  registerCode: string;
  year: number;
  number: number;
  /** Server date and time of registration, ISO (printed in Europe/Rome). */
  registeredAt: string;
  direction: Direction;
  /** Set for entries of the emergency register (art. 63). */
  emergency?: { code: string } | null;
}

const MM = 72 / 25.4;
/** 100 × 50 mm: the common adhesive label of front-desk thermal printers. */
export const LABEL_SIZE = { width: 100 * MM, height: 50 * MM } as const;
/** 0.96 pt (0.34 mm): 4 pixels at 300 dpi, well above the 0.25 mm minimum of cheap scanners. */
export const LABEL_MODULE_PT = 0.96;
const MARGIN = 3.5 * MM;
const BAR_HEIGHT = 11 * MM;

export const directionMarks: Record<Direction, { letter: string; word: string }> = {
  entrata: { letter: 'E', word: 'ENTRATA' },
  uscita: { letter: 'U', word: 'USCITA' },
  interno: { letter: 'I', word: 'INTERNO' },
};

const black = rgb(0, 0, 0);
const white = rgb(1, 1, 1);

/** Builds the label PDF; the same input always gives the same bytes (dates come from the input). */
export async function buildLabelPdf(input: LabelInput): Promise<Uint8Array> {
  const at = new Date(input.registeredAt);
  if (Number.isNaN(at.getTime())) throw new RangeError(`Data di registrazione non valida: ${input.registeredAt}`);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const yearNumber = formatYearNumber(input.year, input.number);
  setMetadata(doc, `Etichetta protocollo ${yearNumber}`, at);
  const page = doc.addPage([LABEL_SIZE.width, LABEL_SIZE.height]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);

  const mark = directionMarks[input.direction];
  const boxSize = 17 * MM;
  const textWidth = LABEL_SIZE.width - 2 * MARGIN - boxSize - 2 * MM;
  let y = LABEL_SIZE.height - MARGIN;

  // Administration name: shrink first, wrap to two lines at most (long municipal names exist).
  const nameSize = fitSize(input.administrationName, bold, 9, 7, textWidth);
  for (const line of wrapText(input.administrationName, bold, nameSize, textWidth).slice(0, 2)) {
    y -= nameSize;
    page.drawText(line, { x: MARGIN, y, size: nameSize, font: bold, color: black });
    y -= 1;
  }
  y -= 7.5;
  const codes = `Cod. IPA ${input.ipaCode}  AOO ${input.aooCode}  Reg. ${input.registerCode}`;
  page.drawText(toWinAnsi(codes, regular), { x: MARGIN, y, size: fitSize(codes, regular, 7, 5, textWidth), font: regular });

  if (input.emergency) {
    y -= 10;
    const text = `REGISTRO DI EMERGENZA ${input.emergency.code}`;
    page.drawText(toWinAnsi(text, bold), { x: MARGIN, y, size: fitSize(text, bold, 7.5, 5, textWidth), font: bold });
  }
  y -= 15;
  // An emergency entry has no ordinary number yet (art. 63): neither the text nor the barcode may
  // look like one, so both carry the emergency number E/<year>/<device>/<seq>.
  const numberText = input.emergency ? `N. ${input.emergency.code}` : `Prot. n. ${yearNumber}`;
  page.drawText(numberText, { x: MARGIN, y, size: fitSize(numberText, bold, 14, 9, textWidth), font: bold });
  y -= 11;
  page.drawText(`del ${romeDateTimeLabel(at)}`, { x: MARGIN, y, size: 9, font: regular });

  drawDirectionBox(page, mark, bold, LABEL_SIZE.width - MARGIN - boxSize, LABEL_SIZE.height - MARGIN - boxSize - 4, boxSize);
  drawBarcode(page, input.emergency ? input.emergency.code.replaceAll('/', '') : barcodePayload(input.year, input.number), regular);
  return doc.save({ useObjectStreams: false });
}

function drawDirectionBox(page: PDFPage, mark: { letter: string; word: string }, bold: PDFFont, x: number, y: number, size: number): void {
  page.drawRectangle({ x, y, width: size, height: size, color: black });
  const letterSize = size * 0.62;
  const lw = bold.widthOfTextAtSize(mark.letter, letterSize);
  page.drawText(mark.letter, { x: x + (size - lw) / 2, y: y + size * 0.36, size: letterSize, font: bold, color: white });
  const wordSize = 6;
  const ww = bold.widthOfTextAtSize(mark.word, wordSize);
  page.drawText(mark.word, { x: x + (size - ww) / 2, y: y + size * 0.1, size: wordSize, font: bold, color: white });
}

/** Code 128 of year + number, bottom left, with its human-readable text underneath. */
function drawBarcode(page: PDFPage, payload: string, regular: PDFFont): void {
  const barcode = encodeCode128(payload);
  const textSize = 7;
  const baseY = MARGIN + textSize + 2;
  const originX = MARGIN - barcode.quietZone * LABEL_MODULE_PT + 2 * MM;
  for (const bar of code128Bars(barcode)) {
    page.drawRectangle({
      x: originX + bar.x * LABEL_MODULE_PT,
      y: baseY,
      width: bar.width * LABEL_MODULE_PT,
      height: BAR_HEIGHT,
      color: black,
    });
  }
  const symbolWidth = (barcode.totalModules - 2 * barcode.quietZone) * LABEL_MODULE_PT;
  const tw = regular.widthOfTextAtSize(payload, textSize);
  const startX = originX + barcode.quietZone * LABEL_MODULE_PT;
  page.drawText(payload, { x: startX + (symbolWidth - tw) / 2, y: MARGIN, size: textSize, font: regular });
}

/** Fixed metadata so the file's SHA-256 depends on the input only. */
export function setMetadata(doc: PDFDocument, title: string, at: Date): void {
  doc.setTitle(title);
  doc.setProducer('Gonfalone');
  doc.setCreator('Gonfalone');
  doc.setLanguage('it-IT');
  doc.setCreationDate(at);
  doc.setModificationDate(at);
}
