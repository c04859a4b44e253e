import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDto, GeneratedFile, IndicatorsResult, RegisterResult } from '../../../src/shared/contract';
import { patronageChecklist } from '../../../src/shared/domain/cases';
import { openLocalDatabase } from '../../../src/main/core/db/open';
import { putDoc } from '../../../src/main/core/db/doc-tables';
import { installWriteGate, throughWriteGate } from '../../../src/main/core/db/write-gate';
import { countForeignDelegations } from '../../../src/main/core/modules/cases/indicators';
import { startTestServer, type TestServer } from '../server/harness';
import { clockedDesk, type ClockedDesk } from './helpers';

let server: TestServer;
let d: ClockedDesk;

/** A case received on a given day, taken in charge; with `reply`, answered (and closed) on that day. */
async function receive(typeCode: string, receivedOn: string, opts: { reply?: string; replyEntryId?: string; patronage?: { eventDate: string } } = {}): Promise<CaseDto> {
  const patronage = opts.patronage ? { eventTitle: 'Sagra del paese', eventDate: opts.patronage.eventDate, place: 'Piazza Grande' } : undefined;
  const c = await d.call<CaseDto>('cases.open', { typeCode, title: `Pratica ${typeCode} del ${receivedOn}`, requester: { name: 'Bianchi Anna' }, receivedOn, patronage }, 'segreteria');
  if (!opts.reply) return c;
  await d.call('cases.takeCharge', { caseId: c.id }, 'segreteria');
  return d.call<CaseDto>('cases.replySent', { caseId: c.id, entryId: opts.replyEntryId, sentOn: opts.reply, close: true }, 'segreteria');
}

beforeAll(async () => {
  server = await startTestServer();
  // The desk lives on the last day of 2025 (the server keeps real time, later).
  d = await clockedDesk(server, new Date('2025-12-31T11:00:00Z'));
  const reply = await d.call<RegisterResult>(
    'protocol.register',
    { direction: 'uscita', oggetto: 'Risposte alle richieste', correspondents: [{ newContact: { kind: 'persona', name: 'Bianchi Anna' } }], means: 'email' },
    'segreteria',
  );
  const replyEntryId = reply.entry.id;
  // Councillors' questions: one answered in 19 days (within the 30), one in 40 (late).
  await receive('interrogazione', '2025-03-01', { reply: '2025-03-20', replyEntryId });
  await receive('interrogazione', '2025-04-01', { reply: '2025-05-11', replyEntryId });
  // Access requests: one answered in 10 days, one still open.
  await receive('accesso_documentale', '2025-06-02', { reply: '2025-06-12', replyEntryId });
  await receive('accesso_civico_semplice', '2025-09-01');
  // Patronage: three applications in 2025, one fully instructed; one from 2024 does not count.
  const complete = await receive('patrocinio', '2025-02-01', { patronage: { eventDate: '2025-03-01' } });
  await d.call('cases.updatePatronage', { caseId: complete.id, checklist: Object.fromEntries(patronageChecklist.map((i) => [i.key, true])) }, 'segreteria');
  const partial = await receive('patrocinio', '2025-05-01', { patronage: { eventDate: '2025-05-20' } });
  await d.call('cases.updatePatronage', { caseId: partial.id, checklist: { finalita: true, date: true } }, 'segreteria');
  await receive('patrocinio', '2025-10-01', { patronage: { eventDate: '2025-11-01' } });
  await receive('patrocinio', '2024-12-20', { patronage: { eventDate: '2025-01-15' } });
  // An istanza closed today (2025-12-31) after 30 days.
  const istanza = await receive('istanza', '2025-12-01');
  await d.call('cases.close', { caseId: istanza.id, note: 'Archiviata su richiesta' }, 'segreteria');
});
afterAll(async () => {
  await d.close();
  await server.close();
});

describe('indicators on a known set of cases', () => {
  it('counts the year: patronage instructed, answers within term, closing times, months', async () => {
    const r = await d.call<IndicatorsResult>('cases.indicators', { year: 2025 }, 'segreteria');
    expect(r.period).toEqual({ year: 2025, month: null });
    expect(r.patronage).toEqual({ received: 3, fullyInstructed: 1 });
    expect(r.councilQuestions).toEqual({ received: 2, answeredWithinTerm: 1 });
    expect(r.accessRequests).toEqual({ received: 2, answeredWithinTerm: 1 });
    expect(r.foreignDelegations).toBe(0);
    const byType = Object.fromEntries(r.closingTimes.map((t) => [t.typeCode, t]));
    expect(byType.interrogazione).toMatchObject({ typeName: 'Interrogazione consiliare', closed: 2, averageDays: 29.5 });
    expect(byType.interrogazione!.histogram.filter((b) => b.count > 0)).toEqual([{ label: '16–30', count: 1 }, { label: '31–60', count: 1 }]);
    expect(byType.accesso_documentale).toMatchObject({ closed: 1, averageDays: 10 });
    expect(byType.istanza).toMatchObject({ closed: 1, averageDays: 30 });
    expect(byType.patrocinio).toMatchObject({ closed: 0, averageDays: null });
    expect(r.closingTimes).toHaveLength(11);
    const received = r.monthly.map((m) => m.received);
    const closed = r.monthly.map((m) => m.closed);
    expect(received).toEqual([0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1]);
    expect(closed).toEqual([0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1]);
  });

  it('narrows to one month; the monthly series stays the whole year', async () => {
    const march = await d.call<IndicatorsResult>('cases.indicators', { year: 2025, month: 3 }, 'segreteria');
    expect(march.councilQuestions).toEqual({ received: 1, answeredWithinTerm: 1 });
    expect(march.patronage).toEqual({ received: 0, fullyInstructed: 0 });
    expect(march.closingTimes.find((t) => t.typeCode === 'interrogazione')).toMatchObject({ closed: 1, averageDays: 19 });
    expect(march.monthly).toHaveLength(12);
    const previous = await d.call<IndicatorsResult>('cases.indicators', { year: 2024 }, 'segreteria');
    expect(previous.patronage).toEqual({ received: 1, fullyInstructed: 0 });
  });

  it('exports a CSV for Italian spreadsheets: BOM, semicolons, decimal comma, Italian headers', async () => {
    const file = await d.call<GeneratedFile>('cases.indicatorsCsv', { year: 2025 }, 'segreteria');
    expect(file).toMatchObject({ fileName: 'indicatori-pratiche-2025.csv', mimeType: 'text/csv;charset=utf-8' });
    const bytes = Buffer.from(file.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Indicatore;Tipo di pratica;Mese;Classe (giorni);Valore');
    expect(lines).toContain('Periodo: 2025;;;;');
    expect(lines).toContain('Richieste di patrocinio con istruttoria completa;;;;1');
    expect(lines).toContain('Interrogazioni consiliari con risposta nei termini;;;;1');
    expect(lines).toContain('Tempo medio di chiusura (giorni);Interrogazione consiliare;;;29,5');
    expect(lines).toContain('Pratiche chiuse per durata;Interrogazione consiliare;;31–60;1');
    expect(lines).toContain('Pratiche ricevute nel 2025;;marzo;;1');
    expect(lines).toContain('Delegazioni estere accolte;;;;0');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(1, -1).every((l) => l.split(';').length === 5)).toBe(true);
  });
});

describe('foreign delegations (from the agenda of issue 5)', () => {
  it('counts the foreign delegation visits of the period, as the pull stores agenda rows', () => {
    const db = openLocalDatabase(':memory:');
    installWriteGate(db.$client);
    const visit = (id: string, startAt: string, over: Record<string, unknown> = {}) => ({
      id, kind: 'visita_delegazione', foreign: true, startAt, endAt: startAt, untilAt: startAt, seriesId: null, roomId: null, deleted: false, cancelled: false, version: 1, ...over,
    });
    // The pull applier's own storage path (putDoc), as rows arrive from the server.
    throughWriteGate(db.$client, () => {
      for (const row of [
        visit('v1', '2025-03-10T09:00:00.000Z'),
        visit('v2', '2025-12-31T23:30:00.000Z'), // 00:30 on 1 January 2026 in Rome: next year
        visit('v3', '2025-05-02T09:00:00.000Z', { foreign: false }),
        visit('v4', '2025-06-02T09:00:00.000Z', { kind: 'cerimonia' }),
        visit('v5', '2025-07-02T09:00:00.000Z', { deleted: true }),
        visit('v6', '2025-08-02T09:00:00.000Z', { seriesId: 'v1' }),
        visit('v7', '2025-03-20T09:00:00.000Z'),
      ]) {
        putDoc(db, 'agenda_events', row, 1);
      }
    });
    expect(countForeignDelegations(db, '2025-01-01', '2026-01-01')).toBe(2);
    expect(countForeignDelegations(db, '2026-01-01', '2027-01-01')).toBe(1);
    expect(countForeignDelegations(db, '2025-04-01', '2025-05-01')).toBe(0);
    db.$client.close();
  });
});
