import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { DailyRegisterJson } from '../contract/protocol';
import { formatYearNumber } from '../domain/protocol-number';
import { italianDate, romeDateTimeLabel } from '../domain/time';
import { setMetadata, directionMarks } from './label-pdf';
import { toWinAnsi, wrapText } from './pdf-text';

/**
 * The registro giornaliero (DPR 445/2000 art. 53; Linee guida AgID §3.1.6): every registration
 * of the day in numeric order, then the annulments and modifications made that day to earlier
 * entries. A4 landscape so oggetto and fingerprints get room; long text wraps, rows never break
 * inside a line, the table header repeats on every page, pages are numbered "Pagina X di Y".
 */

const PAGE = { width: 841.89, height: 595.28 } as const; // A4 landscape
const MARGIN = 28;
const FONT_SIZE = 7;
const LINE = 8.6;
const PAD = 2.5;
const FOOTER = 22;
const grey = rgb(0.88, 0.88, 0.88);
const black = rgb(0, 0, 0);

interface Column { title: string; width: number }
type Row = string[];

// Widths add up to the 785.89 pt between the margins; the documents column fits a whole
// SHA-256 (64 hex digits) on one line so an impronta can be read and compared at a glance.
const entryColumns: Column[] = [
  { title: 'Numero', width: 54 }, { title: 'Ora', width: 26 }, { title: 'Dir.', width: 38 },
  { title: 'Corrispondenti', width: 110 }, { title: 'Oggetto', width: 200 }, { title: 'Class.', width: 38 },
  { title: 'Stato', width: 50 }, { title: 'Documenti e impronte SHA-256', width: 269.89 },
];
const changeColumns: Column[] = [
  { title: 'Numero', width: 56 }, { title: 'Data e ora', width: 64 }, { title: 'Operatore', width: 90 },
  { title: 'Tipo', width: 90 }, { title: 'Valore precedente', width: 242.95 }, { title: 'Nuovo valore', width: 242.94 },
];

const statusLabels: Record<string, string> = { registrato: '', annullamento_richiesto: 'Annullamento richiesto', annullato: 'ANNULLATO' };
const fieldLabels: Record<string, string> = {
  classificazione: 'Classificazione', assegnazione: 'Assegnazione',
  richiesta_annullamento: 'Richiesta di annullamento', annullamento: 'Annullamento',
};

/** Renders the daily register JSON as PDF; deterministic: its dates come from `generatedAt`. */
export async function buildDailyRegisterPdf(json: DailyRegisterJson): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const at = new Date(json.generatedAt);
  setMetadata(doc, `Registro giornaliero di protocollo ${italianDate(json.date)}`, Number.isNaN(at.getTime()) ? new Date(0) : at);
  const fonts = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  const writer = new TableWriter(doc, fonts);

  writer.heading(json);
  writer.section('Registrazioni del giorno, in ordine di numero');
  if (json.entries.length === 0) writer.note('Nessuna registrazione in questa data.');
  else writer.table(entryColumns, [...json.entries].sort(byNumber).map(entryRow));

  writer.section('Annullamenti e modifiche di registrazioni dei giorni precedenti');
  if (json.changesToEarlierEntries.length === 0) writer.note('Nessun annullamento o modifica.');
  else writer.table(changeColumns, json.changesToEarlierEntries.map(changeRow));

  writer.footers(json.fileId);
  return doc.save({ useObjectStreams: false });
}

function byNumber(a: { year: number; number: number | null }, b: { year: number; number: number | null }): number {
  return a.year - b.year || (a.number ?? 0) - (b.number ?? 0);
}

function entryRow(e: DailyRegisterJson['entries'][number]): Row {
  const reserved = e.riservato ? 'RISERVATO' : null;
  return [
    e.number === null ? '-' : formatYearNumber(e.year, e.number),
    romeDateTimeLabel(e.registeredAt).slice(11),
    directionMarks[e.direction].word,
    reserved ?? e.correspondents.join('\n'),
    reserved ?? e.oggetto,
    e.classificationCode ?? '',
    statusLabels[e.status] ?? e.status,
    e.documents.map((d) => `${d.fileName}\n${d.sha256}`).join('\n'),
  ];
}

function changeRow(c: DailyRegisterJson['changesToEarlierEntries'][number]): Row {
  return [formatYearNumber(c.year, c.number), romeDateTimeLabel(c.at), c.by, fieldLabels[c.field] ?? c.field, describe(c.oldValue), describe(c.newValue)];
}

/** Readable form of a history value: strings as they are, records as "key: value" lines. */
export function describe(value: unknown): string {
  if (value === null || value === undefined || value === '') return '-';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '-' : value.map(describe).join('\n');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
      .join('; ');
  }
  return String(value);
}

/** Lays rows out page by page, keeping each row whole when it fits on a page. */
class TableWriter {
  private page!: PDFPage;
  private y = 0;
  private readonly pages: PDFPage[] = [];

  constructor(private readonly doc: PDFDocument, private readonly fonts: { regular: PDFFont; bold: PDFFont }) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - MARGIN;
  }

  private text(s: string, x: number, size: number, bold = false): void {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    this.page.drawText(toWinAnsi(s, font), { x, y: this.y, size, font, color: black });
  }

  heading(json: DailyRegisterJson): void {
    this.y -= 16;
    this.text('Registro giornaliero di protocollo', MARGIN, 16, true);
    const lines = [
      `${json.administration.name} (codice IPA ${json.administration.ipaCode})`,
      `AOO ${json.aoo.code} - ${json.aoo.name}    Registro ${json.registerCode}    Giorno ${italianDate(json.date)}`,
      `Primo numero: ${json.firstNumber === null ? '-' : formatYearNumber(Number(json.date.slice(0, 4)), json.firstNumber)}    ` +
        `Ultimo numero: ${json.lastNumber === null ? '-' : formatYearNumber(Number(json.date.slice(0, 4)), json.lastNumber)}    ` +
        `Registrazioni: ${json.count}`,
      `Identificativo: ${json.fileId}    Prodotto il ${romeDateTimeLabel(json.generatedAt)}`,
    ];
    this.y -= 4;
    for (const line of lines) {
      for (const wrapped of wrapText(line, this.fonts.regular, 9, PAGE.width - 2 * MARGIN)) {
        this.y -= 11;
        this.text(wrapped, MARGIN, 9);
      }
    }
    this.y -= 6;
  }

  section(title: string): void {
    if (this.y - 40 < MARGIN + FOOTER) this.newPage();
    this.y -= 16;
    this.text(title, MARGIN, 11, true);
    this.y -= 6;
  }

  note(s: string): void {
    this.y -= 11;
    this.text(s, MARGIN, 8);
    this.y -= 4;
  }

  table(columns: Column[], rows: Row[]): void {
    this.header(columns);
    for (const row of rows) {
      let cells = row.map((cell, i) => wrapText(cell, this.fonts.regular, FONT_SIZE, columns[i]!.width - 2 * PAD));
      for (;;) {
        const height = Math.max(...cells.map((c) => c.length)) * LINE + 2 * PAD;
        if (this.y - height >= MARGIN + FOOTER) {
          this.drawRow(columns, cells, height);
          break;
        }
        const fitLines = Math.floor((this.y - MARGIN - FOOTER - 2 * PAD) / LINE);
        const fullPageLines = Math.floor((PAGE.height - 2 * MARGIN - FOOTER - 2 * PAD) / LINE) - 3;
        if (Math.max(...cells.map((c) => c.length)) <= fullPageLines || fitLines < 3) {
          // The row fits on a fresh page: move it whole there, under a repeated header.
          this.newPage();
          this.header(columns);
          continue;
        }
        // Taller than a page (hundreds of recipients): split between lines, never inside one.
        this.drawRow(columns, cells.map((c) => c.slice(0, fitLines)), fitLines * LINE + 2 * PAD);
        cells = cells.map((c) => c.slice(fitLines));
        this.newPage();
        this.header(columns);
      }
    }
  }

  private header(columns: Column[]): void {
    const height = LINE + 2 * PAD;
    let x = MARGIN;
    this.page.drawRectangle({ x: MARGIN, y: this.y - height, width: PAGE.width - 2 * MARGIN, height, color: grey });
    const baseline = this.y - PAD - FONT_SIZE + 0.5;
    for (const col of columns) {
      this.page.drawText(col.title, { x: x + PAD, y: baseline, size: FONT_SIZE, font: this.fonts.bold });
      x += col.width;
    }
    this.y -= height;
  }

  private drawRow(columns: Column[], cells: string[][], height: number): void {
    let x = MARGIN;
    cells.forEach((lines, i) => {
      lines.forEach((line, k) => {
        this.page.drawText(line, { x: x + PAD, y: this.y - PAD - FONT_SIZE + 0.5 - k * LINE, size: FONT_SIZE, font: this.fonts.regular });
      });
      x += columns[i]!.width;
    });
    this.y -= height;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: PAGE.width - MARGIN, y: this.y }, thickness: 0.3, color: grey });
  }

  /** "Pagina X di Y" needs the final count, so footers are drawn last. */
  footers(fileId: string): void {
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      const label = `Pagina ${i + 1} di ${total}`;
      const w = this.fonts.regular.widthOfTextAtSize(label, 8);
      page.drawText(label, { x: PAGE.width - MARGIN - w, y: MARGIN, size: 8, font: this.fonts.regular });
      page.drawText(toWinAnsi(fileId, this.fonts.regular), { x: MARGIN, y: MARGIN, size: 8, font: this.fonts.regular });
    });
  }
}
