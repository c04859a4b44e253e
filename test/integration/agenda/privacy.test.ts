import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaEventDto, AgendaOccurrenceDto, GeneratedFile } from '../../../src/shared/contract';
import { createDesks, type Desks, type TestDesk } from '../sync/desks';
import { pdfText } from '../../helpers/pdf';
import { agendaWorld, type AgendaWorld, type Created } from './helpers';

let t: Desks;
let a: TestDesk;
let b: TestDesk;
let w: AgendaWorld;
const day = '2026-12-09';
let privateOne: AgendaEventDto;
beforeAll(async () => {
  t = await createDesks(2);
  [a, b] = t.desks as [TestDesk, TestDesk];
  await b.login('cerimoniale');
  w = await agendaWorld(a);
  await t.syncAll();
  const at = (from: string, to: string) => ({ start: `${day}T${from}`, end: `${day}T${to}`, agendaOf: w.mayor.id });
  privateOne = (await a.call<Created>('agenda.create', {
    kind: 'impegno_privato', title: 'Visita cardiologica', ...at('13:00', '14:00'), address: 'Ospedale Maggiore, reparto di cardiologia',
    counterpart: 'Dott. Bianchi', notes: 'Portare gli esami del sangue', staffContact: 'Autista Bruno 347 1122334',
    participants: [{ kind: 'esterno', name: 'Moglie del Sindaco' }],
  }, 'segreteria')).event;
  await a.call('agenda.create', {
    kind: 'cerimonia', title: 'Inaugurazione della biblioteca civica', ...at('11:00', '12:30'), roomId: w.salaSpecchi.id,
    counterpart: 'Associazione Amici del Libro', notes: 'Discorso di cinque minuti', staffContact: 'Giulia Neri 333 1234567',
  }, 'segreteria');
  await a.call('agenda.create', { kind: 'giunta', title: 'Riunione di Giunta straordinaria', ...at('09:00', '10:00'), roomId: w.salaGiunta.id, notes: 'Variazione di bilancio' }, 'segreteria');
  await t.syncAll();
}, 120_000);
afterAll(async () => {
  await t.close();
});

const range = (d: TestDesk, role: 'segreteria' | 'cerimoniale') => d.call<AgendaOccurrenceDto[]>('agenda.range', { from: `${day}T00:00`, to: `${day}T23:59` }, role);
const flat = (s: string) => s.replace(/\s+/g, ' ');
async function sheetText(d: TestDesk, role: 'segreteria' | 'cerimoniale', variant: 'completo' | 'pubblico'): Promise<string> {
  const file = await d.call<GeneratedFile>('agenda.daySheet', { day, variant }, role);
  expect(file.mimeType).toBe('application/pdf');
  return flat(await pdfText(Buffer.from(file.base64, 'base64')));
}

describe('private engagements', () => {
  it('the secretariat reads them in full; the ceremonial office sees "Occupato" at the same time, on its own desk and on a shared one', async () => {
    const full = (await range(a, 'segreteria')).find((o) => o.eventId === privateOne.id)!;
    expect(full).toMatchObject({ title: 'Visita cardiologica', redacted: false, notes: 'Portare gli esami del sangue', counterpart: 'Dott. Bianchi' });
    for (const [d, label] of [[b, 'desk del cerimoniale'], [a, 'desk condiviso']] as const) {
      const seen = (await range(d, 'cerimoniale')).find((o) => o.eventId === privateOne.id);
      expect(seen, label).toMatchObject({
        title: 'Occupato', redacted: true, start: `${day}T13:00`, end: `${day}T14:00`, notes: null, counterpart: null, address: null,
        staffContact: null, participants: [], agendaOfName: 'Marco Gallo',
      });
      const got = await d.call<AgendaEventDto>('agenda.get', { id: privateOne.id }, 'cerimoniale');
      expect(got).toMatchObject({ title: 'Occupato', notes: null, address: null, counterpart: null, participants: [], staffContact: null });
      expect(JSON.stringify(got)).not.toMatch(/cardiolog|Bianchi|esami|Bruno|Moglie/);
    }
    // The ceremonial office's desk never received the details at all (redacted by the server).
    expect(JSON.stringify(b.query('select data from agenda_events where id = ?', privateOne.id))).not.toMatch(/cardiolog|Bianchi|esami|Bruno|Moglie/);
  });

  it('the full day sheet has every detail the reader may see; the public one only public items', async () => {
    const full = await sheetText(a, 'segreteria', 'completo');
    for (const s of ['Foglio di servizio', 'Mercoledì 9 dicembre 2026', 'Visita cardiologica', 'Dott. Bianchi', 'Portare gli esami', 'Autista Bruno', 'Inaugurazione della', 'Sala degli Specchi', 'Giulia Neri', 'Riunione di Giunta', 'Variazione di bilancio', 'Pagina 1 di 1']) {
      expect(full).toContain(s);
    }
    const forCeremonial = await sheetText(b, 'cerimoniale', 'completo');
    expect(forCeremonial).toContain('Occupato');
    expect(forCeremonial).toContain('Inaugurazione della');
    expect(forCeremonial).not.toMatch(/cardiolog|Bianchi|esami|Bruno|Ospedale/);
    const pub = await sheetText(a, 'segreteria', 'pubblico');
    expect(pub).toContain('Versione pubblica');
    expect(pub).toContain('Inaugurazione della');
    expect(pub).toContain('Sala degli Specchi');
    expect(pub).toContain('Associazione Amici del Libro');
    expect(pub).not.toMatch(/cardiolog|Bianchi|esami|Bruno|Ospedale|Occupato|Giunta|bilancio|Discorso|Giulia Neri/);
  });

  it('the ICS export carries the public engagement only', async () => {
    const file = await a.call<GeneratedFile>('agenda.exportIcs', { from: day, to: day }, 'segreteria');
    const ics = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(file.mimeType).toBe('text/calendar');
    expect(ics).toContain('SUMMARY:Inaugurazione della biblioteca civica');
    expect(ics).toContain('DTSTART;TZID=Europe/Rome:20261209T110000');
    expect(ics).toContain('LOCATION:Sala degli Specchi');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).not.toMatch(/cardiolog|Bianchi|Giunta|Discorso|Giulia Neri|Occupato/);
  });
});
