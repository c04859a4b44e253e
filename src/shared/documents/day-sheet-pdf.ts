import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Visibility } from '../domain/agenda/kinds';
import type { LocalDateTime } from '../domain/agenda/time';
import { italianDate, romeDateTimeLabel } from '../domain/time';
import { setMetadata } from './label-pdf';
import { toWinAnsi, wrapText } from './pdf-text';

/**
 * The foglio di servizio (issue 5): one day of the agenda on A4, for the Mayor, the driver and the
 * ceremonial office. Two variants: 'completo' (time, place, engagement and counterpart, staff
 * contact, notes) for the office, and 'pubblico' for the press and the website, which carries
 * public engagements only and of those only time, place, title and counterpart. The builder
 * enforces that itself: whatever the caller passes, the public variant never draws a non-public
 * item nor a staff contact or a note. Text wraps and is never clipped: a row taller than what is
 * left of a page continues on the next one, between lines, under the repeated table header;
 * pages are numbered "Pagina X di Y".
 */

export interface DaySheetItem {
  start: LocalDateTime;
  end: LocalDateTime;
  allDay: boolean;
  visibility: Visibility;
  title: string;
  /** Room name or address. */
  place: string | null;
  counterpart: string | null;
  /** Whose agenda, when the sheet covers more than one person. */
  agendaOfName: string | null;
  /** "In rappresentanza del Sindaco: Assessore Verdi". */
  delegation: string | null;
  staffContact: string | null;
  notes: string | null;
  participants: string[];
}

export interface DaySheetInput {
  administrationName: string;
  /** 'YYYY-MM-DD'. */
  day: string;
  variant: 'completo' | 'pubblico';
  /** The person the sheet is for; null: every agenda. */
  agendaName: string | null;
  generatedAt: string;
  items: DaySheetItem[];
}

const PAGE = { width: 595.28, height: 841.89 } as const; // A4 portrait
const MARGIN = 36;
const SIZE = 9;
const LINE = 11;
const PAD = 3;
const FOOTER = 24;
const grey = rgb(0.88, 0.88, 0.88);
const black = rgb(0, 0, 0);

interface Column { title: string; width: number }
/** One paragraph of a cell; bold for the engagement's title. */
interface Para { text: string; bold?: boolean }
type Line = { text: string; bold: boolean };

// Widths add up to the 523.28 pt between the margins.
const fullColumns: Column[] = [
  { title: 'Ora', width: 62 }, { title: 'Luogo', width: 95 }, { title: 'Impegno e controparte', width: 150 },
  { title: 'Referente staff', width: 80 }, { title: 'Note', width: 136.28 },
];
const publicColumns: Column[] = [
  { title: 'Ora', width: 70 }, { title: 'Luogo', width: 150 }, { title: 'Impegno', width: 183.28 }, { title: 'Controparte', width: 120 },
];

const weekdayNames = ['domenica', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato'];
const monthNames = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];

/** "lunedì 24 marzo 2025". */
export function italianLongDate(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return `${weekdayNames[d.getUTCDay()]} ${d.getUTCDate()} ${monthNames[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The time cell: "09:00 - 10:30", "Tutto il giorno", or the part of a longer item on this day. */
export function timeLabel(item: Pick<DaySheetItem, 'start' | 'end' | 'allDay'>, day: string): string {
  if (item.allDay) return 'Tutto il giorno';
  const startsToday = item.start.slice(0, 10) === day;
  const endsToday = item.end.slice(0, 10) === day || item.end === `${nextDay(day)}T00:00`;
  const from = item.start.slice(11, 16);
  const to = item.end.slice(11, 16);
  if (startsToday && endsToday) return from === to ? from : `${from} - ${to}`;
  if (startsToday) return `dalle ${from}\n(fine ${italianDate(item.end.slice(0, 10))} ${to})`;
  if (endsToday) return `fino alle ${to}\n(dal ${italianDate(item.start.slice(0, 10))} ${from})`;
  return 'Tutto il giorno\n(impegno di più giorni)';
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function fullRow(item: DaySheetItem, day: string): Para[][] {
  const what: Para[] = [{ text: item.title, bold: true }];
  if (item.counterpart) what.push({ text: `Controparte: ${item.counterpart}` });
  if (item.agendaOfName) what.push({ text: `Agenda: ${item.agendaOfName}` });
  if (item.delegation) what.push({ text: item.delegation });
  const notes: Para[] = [];
  if (item.notes) notes.push({ text: item.notes });
  if (item.participants.length > 0) notes.push({ text: `Partecipanti: ${item.participants.join(', ')}` });
  return [[{ text: timeLabel(item, day) }], [{ text: item.place ?? '' }], what, [{ text: item.staffContact ?? '' }], notes];
}

/** Only what the public may read: nothing else of the item is looked at. */
function publicRow(item: DaySheetItem, day: string): Para[][] {
  return [[{ text: timeLabel(item, day) }], [{ text: item.place ?? '' }], [{ text: item.title, bold: true }], [{ text: item.counterpart ?? '' }]];
}

/** Renders the day sheet; deterministic: its dates come from `generatedAt`. */
export async function buildDaySheetPdf(input: DaySheetInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const at = new Date(input.generatedAt);
  const variantLabel = input.variant === 'pubblico' ? 'versione pubblica' : 'versione completa, uso interno';
  setMetadata(doc, `Foglio di servizio del ${italianDate(input.day)} (${variantLabel})`, Number.isNaN(at.getTime()) ? new Date(0) : at);
  const fonts = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  const isPublic = input.variant === 'pubblico';
  const items = (isPublic ? input.items.filter((i) => i.visibility === 'pubblico') : input.items).slice().sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
  const columns = isPublic ? publicColumns : fullColumns;
  const writer = new SheetWriter(doc, fonts, columns, `Foglio di servizio del ${italianDate(input.day)} (segue)`);

  writer.heading([
    { text: 'Foglio di servizio', size: 16, bold: true },
    { text: input.administrationName, size: 10 },
    { text: `${capitalise(italianLongDate(input.day))}${input.agendaName ? ` - Agenda: ${input.agendaName}` : ''}`, size: 11, bold: true },
    { text: isPublic ? 'Versione pubblica: solo gli impegni pubblici' : 'Versione completa: riservata all’uso interno degli uffici', size: 9 },
  ]);
  if (items.length === 0) writer.note('Nessun impegno in questa giornata.');
  else writer.table(items.map((i) => (isPublic ? publicRow(i, input.day) : fullRow(i, input.day))));
  writer.footers(`Foglio di servizio del ${italianDate(input.day)} - ${variantLabel} - prodotto il ${romeDateTimeLabel(input.generatedAt)}`);
  return doc.save({ useObjectStreams: false });
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Lays the rows out page by page; a row never loses a line, the header repeats on each page. */
class SheetWriter {
  private page!: PDFPage;
  private y = 0;
  private readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
    private readonly columns: Column[],
    private readonly continuation: string,
  ) {
    this.newPage(false);
  }

  private newPage(continued: boolean): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - MARGIN;
    if (continued) {
      this.y -= 10;
      this.draw(this.continuation, MARGIN, 9, true);
      this.y -= 8;
    }
  }

  private draw(s: string, x: number, size: number, bold = false): void {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    this.page.drawText(toWinAnsi(s, font), { x, y: this.y, size, font, color: black });
  }

  heading(lines: Array<{ text: string; size: number; bold?: boolean }>): void {
    for (const l of lines) {
      const font = l.bold ? this.fonts.bold : this.fonts.regular;
      for (const wrapped of wrapText(l.text, font, l.size, PAGE.width - 2 * MARGIN)) {
        this.y -= l.size + 3;
        this.draw(wrapped, MARGIN, l.size, l.bold);
      }
    }
    this.y -= 10;
  }

  note(s: string): void {
    this.y -= 12;
    this.draw(s, MARGIN, 10);
  }

  private wrapCell(paras: Para[], width: number): Line[] {
    const out: Line[] = [];
    for (const p of paras) {
      const font = p.bold ? this.fonts.bold : this.fonts.regular;
      for (const text of wrapText(p.text, font, SIZE, width - 2 * PAD)) out.push({ text, bold: p.bold ?? false });
    }
    return out.length > 0 ? out : [{ text: '', bold: false }];
  }

  table(rows: Para[][][]): void {
    this.header();
    for (const row of rows) {
      let cells = row.map((paras, i) => this.wrapCell(paras, this.columns[i]!.width));
      for (;;) {
        const lines = Math.max(...cells.map((c) => c.length));
        const height = lines * LINE + 2 * PAD;
        if (this.y - height >= MARGIN + FOOTER) {
          this.drawRow(cells, height);
          break;
        }
        const fitLines = Math.floor((this.y - MARGIN - FOOTER - 2 * PAD) / LINE);
        const fullPageLines = Math.floor((PAGE.height - 2 * MARGIN - FOOTER - 2 * PAD) / LINE) - 4;
        if (lines <= fullPageLines || fitLines < 3) {
          // The row fits on a fresh page: move it whole there, under a repeated header.
          this.newPage(true);
          this.header();
          continue;
        }
        // Taller than a page (very long notes): split between lines, never inside one.
        this.drawRow(cells.map((c) => c.slice(0, fitLines)), fitLines * LINE + 2 * PAD);
        cells = cells.map((c) => c.slice(fitLines));
        this.newPage(true);
        this.header();
      }
    }
  }

  private header(): void {
    const height = LINE + 2 * PAD;
    this.page.drawRectangle({ x: MARGIN, y: this.y - height, width: PAGE.width - 2 * MARGIN, height, color: grey });
    let x = MARGIN;
    const baseline = this.y - PAD - SIZE + 1;
    for (const col of this.columns) {
      this.page.drawText(col.title, { x: x + PAD, y: baseline, size: SIZE, font: this.fonts.bold });
      x += col.width;
    }
    this.y -= height;
  }

  private drawRow(cells: Line[][], height: number): void {
    let x = MARGIN;
    cells.forEach((lines, i) => {
      lines.forEach((line, k) => {
        const font = line.bold ? this.fonts.bold : this.fonts.regular;
        this.page.drawText(line.text, { x: x + PAD, y: this.y - PAD - SIZE + 1 - k * LINE, size: SIZE, font });
      });
      x += this.columns[i]!.width;
    });
    this.y -= height;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: PAGE.width - MARGIN, y: this.y }, thickness: 0.4, color: grey });
  }

  /** "Pagina X di Y" needs the final count, so footers are drawn last. */
  footers(label: string): void {
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      const pageLabel = `Pagina ${i + 1} di ${total}`;
      const w = this.fonts.regular.widthOfTextAtSize(pageLabel, 8);
      page.drawText(pageLabel, { x: PAGE.width - MARGIN - w, y: MARGIN - 8, size: 8, font: this.fonts.regular });
      const left = wrapText(label, this.fonts.regular, 8, PAGE.width - 2 * MARGIN - w - 12)[0] ?? '';
      page.drawText(left, { x: MARGIN, y: MARGIN - 8, size: 8, font: this.fonts.regular });
    });
  }
}
