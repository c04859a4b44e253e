import { describe, expect, it } from 'vitest';
import { buildDaySheetPdf, italianLongDate, timeLabel, type DaySheetInput, type DaySheetItem } from '../../../src/shared/documents/day-sheet-pdf';
import { pdfPageCount, pdfPageSizes, pdfText } from '../../helpers/pdf';

const flat = (s: string) => s.replace(/\s+/g, ' ');

function item(over: Partial<DaySheetItem>): DaySheetItem {
  return {
    start: '2025-03-24T09:00',
    end: '2025-03-24T10:00',
    allDay: false,
    visibility: 'pubblico',
    title: 'Impegno',
    place: null,
    counterpart: null,
    agendaOfName: null,
    delegation: null,
    staffContact: null,
    notes: null,
    participants: [],
    ...over,
  };
}

function sheet(items: DaySheetItem[], variant: DaySheetInput['variant'] = 'completo'): DaySheetInput {
  return { administrationName: 'Comune di Esempio', day: '2025-03-24', variant, agendaName: 'Sindaco', generatedAt: '2025-03-23T17:00:00.000Z', items };
}

const day = [
  item({ start: '2025-03-24T11:00', end: '2025-03-24T12:30', title: 'Inaugurazione della biblioteca civica', place: 'Piazza Duomo', counterpart: 'Associazione Amici del Libro', staffContact: 'Giulia Neri 333 1234567', notes: 'Discorso di cinque minuti; fascia tricolore.' }),
  item({ start: '2025-03-24T09:00', end: '2025-03-24T10:00', visibility: 'interno', title: 'Riunione di Giunta', place: 'Sala Giunta', notes: 'Ordine del giorno: bilancio.' }),
  item({ start: '2025-03-24T15:00', end: '2025-03-24T16:00', visibility: 'privato', title: 'Visita medica specialistica', place: 'Ospedale Maggiore', staffContact: 'Autista Bruno', notes: 'Riservato' }),
];

describe('buildDaySheetPdf', () => {
  it('prints the full sheet on A4 with every detail, in time order', async () => {
    const bytes = await buildDaySheetPdf(sheet(day));
    const [size] = await pdfPageSizes(bytes);
    expect(size!.width).toBeCloseTo(595.28, 1);
    expect(size!.height).toBeCloseTo(841.89, 1);
    const text = flat(await pdfText(bytes));
    expect(text).toContain('Foglio di servizio');
    expect(text).toContain('Lunedì 24 marzo 2025 - Agenda: Sindaco');
    expect(text).toContain('Versione completa');
    // pdftotext -layout interleaves the lines of neighbouring cells: look for what fits on one line.
    for (const s of ['Inaugurazione della biblioteca', 'Piazza Duomo', 'Controparte: Associazione Amici del Libro', 'Giulia Neri 333', 'Discorso di cinque minuti', 'Riunione di Giunta', 'Visita medica specialistica', 'Autista Bruno', '09:00 - 10:00']) {
      expect(text).toContain(s);
    }
    expect(text.indexOf('Riunione di Giunta')).toBeLessThan(text.indexOf('Inaugurazione'));
    expect(text.indexOf('Inaugurazione')).toBeLessThan(text.indexOf('Visita medica'));
    expect(text).toContain('Pagina 1 di 1');
  });

  it('the public variant carries public items only, without staff contacts or notes', async () => {
    const text = flat(await pdfText(await buildDaySheetPdf(sheet(day, 'pubblico'))));
    expect(text).toContain('Versione pubblica');
    expect(text).toContain('Inaugurazione della biblioteca civica');
    expect(text).toContain('Piazza Duomo');
    expect(text).toContain('Associazione Amici del Libro');
    for (const hidden of ['Giulia Neri', 'Discorso di cinque minuti', 'Riunione di Giunta', 'Sala Giunta', 'bilancio', 'Visita medica', 'Ospedale', 'Autista', 'Riservato', 'Referente', 'Note']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('wraps long notes across pages without losing a word, header and numbering on every page', async () => {
    const words = Array.from({ length: 1600 }, (_, i) => `n${String(i).padStart(4, '0')}`);
    const items = [
      ...Array.from({ length: 12 }, (_, i) => item({ start: `2025-03-24T${String(8 + (i % 10)).padStart(2, '0')}:00`, end: `2025-03-24T${String(9 + (i % 10)).padStart(2, '0')}:00`, title: `Incontro numero ${i}`, notes: `Appunti dell'incontro ${i}. `.repeat(12) })),
      item({ start: '2025-03-24T20:00', end: '2025-03-24T22:00', title: 'Cena di gala', notes: words.join(' ') }),
    ];
    const bytes = await buildDaySheetPdf(sheet(items));
    const pages = await pdfPageCount(bytes);
    expect(pages).toBeGreaterThan(2);
    const raw = await pdfText(bytes);
    const pageTexts = raw.split('\f').filter((p) => p.trim() !== '');
    expect(pageTexts).toHaveLength(pages);
    pageTexts.forEach((p, i) => {
      expect(p).toContain('Ora');
      expect(p).toContain('Referente staff');
      expect(p).toContain(`Pagina ${i + 1} di ${pages}`);
    });
    const tokens = raw.match(/n\d{4}/g) ?? [];
    expect(tokens).toEqual(words);
    for (let i = 0; i < 12; i++) expect(raw).toContain(`Incontro numero ${i}`);
  });

  it('says so when the day is empty', async () => {
    const text = await pdfText(await buildDaySheetPdf(sheet([], 'pubblico')));
    expect(text).toContain('Nessun impegno in questa giornata.');
  });
});

describe('day sheet labels', () => {
  it('writes Italian dates and the part of a long item that falls on the day', () => {
    expect(italianLongDate('2025-03-30')).toBe('domenica 30 marzo 2025');
    expect(timeLabel({ start: '2025-03-24T09:00', end: '2025-03-24T09:00', allDay: false }, '2025-03-24')).toBe('09:00');
    expect(timeLabel({ start: '2025-03-24T22:00', end: '2025-03-25T01:00', allDay: false }, '2025-03-24')).toBe('dalle 22:00\n(fine 25/03/2025 01:00)');
    expect(timeLabel({ start: '2025-03-23T22:00', end: '2025-03-24T01:00', allDay: false }, '2025-03-24')).toBe('fino alle 01:00\n(dal 23/03/2025 22:00)');
    expect(timeLabel({ start: '2025-03-24T20:00', end: '2025-03-25T00:00', allDay: false }, '2025-03-24')).toBe('20:00 - 00:00');
    expect(timeLabel({ start: '2025-03-24T00:00', end: '2025-03-25T00:00', allDay: true }, '2025-03-24')).toBe('Tutto il giorno');
  });
});
