import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DailyRegisterJson } from '../../../src/shared/contract/protocol';
import { buildDailyRegisterPdf, describe as describeValue } from '../../../src/shared/documents/daily-register-pdf';
import { pdfPageCount, pdfText } from '../../helpers/pdf';

const hex = (i: number) => createHash('sha256').update(`doc-${i}`).digest('hex');
const longOggetto = (i: number) =>
  `Richiesta n. ${i} di autorizzazione all'occupazione temporanea di suolo pubblico in via Giuseppe Garibaldi ` +
  `per lavori di manutenzione straordinaria della facciata del condominio, con ponteggio e recinzione di cantiere, `.repeat(4) +
  `FINE-${i}`;

function register(count: number, overrides: Partial<DailyRegisterJson> = {}): DailyRegisterJson {
  const entries: DailyRegisterJson['entries'] = [];
  // Out of order on purpose: the PDF must list them by number.
  for (let k = count; k >= 1; k--) {
    entries.push({
      year: 2026,
      number: 1000 + k,
      registeredAt: new Date(Date.UTC(2026, 10, 3, 7, 0) + k * 60_000).toISOString(),
      direction: k % 3 === 0 ? 'uscita' : k % 3 === 1 ? 'entrata' : 'interno',
      oggetto: longOggetto(k),
      classificationCode: 'VI.5',
      riservato: false,
      status: 'registrato',
      correspondents: [`Rossi Mario ${k}`],
      documents: [{ fileName: `istanza-${k}.pdf`, sha256: hex(k) }],
    });
  }
  return {
    fileId: 'c_x000SEGR-20261103-001',
    date: '2026-11-03',
    administration: { name: 'Comune di Esempio', ipaCode: 'c_x000' },
    aoo: { code: 'SEGR', name: 'Segreteria del Sindaco' },
    registerCode: 'PG',
    firstNumber: count ? 1001 : null,
    lastNumber: count ? 1000 + count : null,
    count,
    entries,
    changesToEarlierEntries: [],
    generatedAt: '2026-11-04T00:05:00.000Z',
    ...overrides,
  };
}

/** pdftotext -layout splits columns; squeeze whitespace so wrapped phrases can be searched. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('buildDailyRegisterPdf', () => {
  it('renders 300 entries with long oggetti on many numbered pages, in numeric order', async () => {
    const bytes = await buildDailyRegisterPdf(register(300));
    const pages = await pdfPageCount(bytes);
    expect(pages).toBeGreaterThan(1);
    const text = await pdfText(bytes);
    expect(text).toContain('Registro giornaliero di protocollo');
    expect(text).toContain(`Pagina 1 di ${pages}`);
    expect(text).toContain(`Pagina ${pages} di ${pages}`);
    expect(text).toContain('Comune di Esempio');
    expect(text).toContain('03/11/2026');
    expect(flat(text)).toContain('Primo numero: 2026/0001001');
    expect(flat(text)).toContain('Ultimo numero: 2026/0001300');
    expect(flat(text)).toContain('Registrazioni: 300');
    // Every entry, its last words (never clipped) and its fingerprint are there, in order.
    let last = text.indexOf('Registrazioni del giorno');
    expect(last).toBeGreaterThan(0);
    for (let k = 1; k <= 300; k++) {
      const at = text.indexOf(`2026/${String(1000 + k).padStart(7, '0')}`, last);
      expect(at, `voce ${k}`).toBeGreaterThan(last);
      last = at;
      expect(text).toContain(`FINE-${k}`);
      expect(text).toContain(hex(k));
    }
  });

  it('repeats the table header on every page of the table', async () => {
    const bytes = await buildDailyRegisterPdf(register(120));
    const pages = (await pdfText(bytes)).split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages.slice(0, -1)) expect(page).toMatch(/Numero\s+Ora\s+Dir\.\s+Corrispondenti\s+Oggetto/);
  });

  it('hides oggetto and correspondents of reserved entries', async () => {
    const json = register(2);
    json.entries[0] = { ...json.entries[0]!, riservato: true, oggetto: 'Segnalazione confidenziale', correspondents: ['Informatore Anonimo'] };
    const text = await pdfText(await buildDailyRegisterPdf(json));
    expect(text).toContain('RISERVATO');
    expect(text).not.toContain('Segnalazione confidenziale');
    expect(text).not.toContain('Informatore Anonimo');
  });

  it('lists the day\'s annulments and modifications of earlier entries', async () => {
    const json = register(1, {
      changesToEarlierEntries: [
        { year: 2026, number: 17, at: '2026-11-03T10:00:00Z', by: 'Bianchi Laura', field: 'annullamento', oldValue: null, newValue: { reason: 'Doppia registrazione', act: 'Provv. n. 12' } },
        { year: 2026, number: 18, at: '2026-11-03T11:00:00Z', by: 'Verdi Anna', field: 'classificazione', oldValue: 'I.1', newValue: 'VI.5' },
      ],
    });
    json.entries[0] = { ...json.entries[0]!, status: 'annullato' };
    const text = flat(await pdfText(await buildDailyRegisterPdf(json)));
    expect(text).toContain('Annullamenti e modifiche di registrazioni dei giorni precedenti');
    expect(text).toContain('2026/0000017');
    expect(text).toContain('Doppia registrazione');
    expect(text).toContain('Classificazione');
    expect(text).toContain('VI.5');
    expect(text).toContain('ANNULLATO');
  });

  it('handles an empty day', async () => {
    const bytes = await buildDailyRegisterPdf(register(0));
    expect(await pdfPageCount(bytes)).toBe(1);
    const text = await pdfText(bytes);
    expect(text).toContain('Nessuna registrazione in questa data.');
    expect(text).toContain('Pagina 1 di 1');
  });

  it('never throws on emoji, smart quotes, euro, tabs and newlines', async () => {
    const json = register(3);
    json.entries[1] = {
      ...json.entries[1]!,
      oggetto: 'Contributo “Natale in piazza” 🎄🎅 di 1.500 €\tpagato\nseconda riga\r\nterza riga — fine ✓ 中文',
      correspondents: ['Associazione Pro Loco «Città» 😀', 'Ñandú Żółć'],
    };
    const text = await pdfText(await buildDailyRegisterPdf(json));
    expect(text).toContain('“Natale in piazza”');
    expect(text).toContain('1.500 €');
    expect(text).toContain('seconda riga');
    expect(text).toContain('terza riga');
    expect(text).toContain('Città');
    expect(text).toContain('Ñandú Zó?c'); // ż and ł are outside WinAnsi: the accent is dropped, ł replaced
  });

  it('splits a row taller than a page between lines instead of losing text', async () => {
    const json = register(1);
    json.entries[0] = { ...json.entries[0]!, correspondents: Array.from({ length: 150 }, (_, i) => `Destinatario numero ${i + 1}`) };
    const bytes = await buildDailyRegisterPdf(json);
    expect(await pdfPageCount(bytes)).toBeGreaterThan(1);
    const text = await pdfText(bytes);
    for (const i of [1, 75, 150]) expect(text).toContain(`Destinatario numero ${i}`);
  });

  it('is deterministic: the same JSON gives byte-identical PDFs', async () => {
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const a = await buildDailyRegisterPdf(register(40));
    const b = await buildDailyRegisterPdf(register(40));
    expect(sha(a)).toBe(sha(b));
    expect(sha(await buildDailyRegisterPdf(register(40, { generatedAt: '2026-11-04T00:06:00.000Z' })))).not.toBe(sha(a));
  });

  it('describes history values readably', () => {
    expect(describeValue(null)).toBe('-');
    expect(describeValue('VI.5')).toBe('VI.5');
    expect(describeValue({ reason: 'Errore', act: 'Provv. 3' })).toBe('reason: Errore; act: Provv. 3');
  });
});
