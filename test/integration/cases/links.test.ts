import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type CaseDto, type CaseEventDto, type CaseListItem, type RegisterResult } from '../../../src/shared/contract';
import { formatYearNumber } from '../../../src/shared/domain/protocol-number';
import { createDesks, type Desks, type TestDesk } from '../sync/desks';
import { registration } from '../sync/fixtures';

/**
 * Issue 4: further protocol entries join a case (sollecito, integrazione, risposta, altro), from
 * the case or from the entry; the entry's detail finds its cases through the local link index
 * (case_entry_links), on the desk that linked them and on the one that pulled the case.
 */

let t: Desks;
let a: TestDesk;
let b: TestDesk;
beforeAll(async () => {
  t = await createDesks(2);
  [a, b] = t.desks as [TestDesk, TestDesk];
  await a.login('segreteria');
  await b.login('responsabile');
}, 120_000);
afterAll(async () => {
  await t.close();
});

type CaseWithEvents = { case: CaseDto; events: CaseEventDto[] };
const label = (r: RegisterResult) => formatYearNumber(r.entry.year, r.entry.number!);
const linksOf = (d: TestDesk, caseId: string) =>
  d.query<{ entry_id: string }>('select entry_id from case_entry_links where case_id = ? order by entry_id', caseId).map((r) => r.entry_id);

describe('linking further entries to a case', () => {
  it('gathers a reminder and an integration with their segnatura; forEntry finds the case from each entry, on both desks', async () => {
    const request = await a.call<RegisterResult>('protocol.register', registration('Richiesta di contributo per la banda musicale'), 'segreteria');
    const reminder = await a.call<RegisterResult>('protocol.register', registration('Sollecito: contributo per la banda musicale'), 'segreteria');
    const integration = await a.call<RegisterResult>('protocol.register', registration('Integrazione: bilancio della banda musicale'), 'segreteria');
    const opened = await a.call<CaseDto>('cases.open', { typeCode: 'istanza', entryId: request.entry.id }, 'segreteria');

    const withReminder = await a.call<CaseDto>('cases.linkEntry', { caseId: opened.id, entryId: reminder.entry.id, role: 'sollecito' }, 'segreteria');
    const withBoth = await a.call<CaseDto>('cases.linkEntry', { caseId: opened.id, entryId: integration.entry.id, role: 'integrazione' }, 'segreteria');
    expect(withReminder.links.map((l) => [l.role, l.label])).toEqual([['richiesta', label(request)], ['sollecito', label(reminder)]]);
    expect(withBoth.links.map((l) => [l.entryId, l.role, l.label, l.direction])).toEqual([
      [request.entry.id, 'richiesta', label(request), 'entrata'],
      [reminder.entry.id, 'sollecito', label(reminder), 'entrata'],
      [integration.entry.id, 'integrazione', label(integration), 'entrata'],
    ]);
    // The index follows the row at once (optimistic write), before any sync.
    expect(linksOf(a, opened.id)).toEqual([request.entry.id, reminder.entry.id, integration.entry.id].sort());
    for (const e of [request, reminder, integration]) {
      expect((await a.call<CaseListItem[]>('cases.forEntry', { entryId: e.entry.id }, 'segreteria')).map((c) => c.id)).toEqual([opened.id]);
    }

    // The same entry twice is refused with the reducer's message, and nothing is written.
    const outboxBefore = a.query<{ n: number }>('select count(*) as n from outbox')[0]!.n;
    const twice = await a.call('cases.linkEntry', { caseId: opened.id, entryId: reminder.entry.id, role: 'altro' }, 'segreteria').catch((e: unknown) => e);
    expect(twice).toBeInstanceOf(AppError);
    expect((twice as AppError).message).toContain('è già collegata');
    expect(a.query<{ n: number }>('select count(*) as n from outbox')[0]!.n).toBe(outboxBefore);

    await t.syncAll();
    // The server applied every link: nothing pending, nothing refused.
    expect(a.query<{ n: number }>('select count(*) as n from outbox')[0]!.n).toBe(0);
    const onB = await b.call<CaseWithEvents>('cases.get', { caseId: opened.id }, 'responsabile');
    expect(onB.case.links.map((l) => l.role)).toEqual(['richiesta', 'sollecito', 'integrazione']);
    expect(onB.events.filter((e) => e.kind === 'collegata').map((e) => e.text)).toEqual([
      `Collegata la registrazione ${label(reminder)} (sollecito)`,
      `Collegata la registrazione ${label(integration)} (integrazione)`,
    ]);
    // Desk B stored the pulled row through the same putDoc: its index holds the same links.
    expect(linksOf(b, opened.id)).toEqual(linksOf(a, opened.id));
    expect((await b.call<CaseListItem[]>('cases.forEntry', { entryId: integration.entry.id }, 'responsabile')).map((c) => c.title)).toEqual(['Richiesta di contributo per la banda musicale']);
  });

  it('links an entry to an open case from the entry side; an entry in two cases lists both, newest received first', async () => {
    const letter = await a.call<RegisterResult>('protocol.register', registration('Esposto sul rumore notturno in piazza'), 'segreteria');
    const older = await a.call<CaseDto>('cases.open', { typeCode: 'segnalazione', title: 'Rumore in piazza: prima segnalazione', requester: { name: 'Rossi Mario' }, receivedOn: '2026-01-10' }, 'segreteria');
    const newer = await a.call<CaseDto>('cases.open', { typeCode: 'istanza', title: 'Ordinanza sugli orari dei locali', requester: { name: 'Comitato di piazza' }, receivedOn: '2026-02-10' }, 'segreteria');
    expect(await a.call<CaseListItem[]>('cases.forEntry', { entryId: letter.entry.id }, 'segreteria')).toEqual([]);
    await a.call<CaseDto>('cases.linkEntry', { caseId: older.id, entryId: letter.entry.id, role: 'integrazione' }, 'segreteria');
    await a.call<CaseDto>('cases.linkEntry', { caseId: newer.id, entryId: letter.entry.id, role: 'altro' }, 'segreteria');
    const found = await a.call<CaseListItem[]>('cases.forEntry', { entryId: letter.entry.id }, 'segreteria');
    expect(found.map((c) => [c.title, c.receivedOn])).toEqual([
      ['Ordinanza sugli orari dei locali', '2026-02-10'],
      ['Rumore in piazza: prima segnalazione', '2026-01-10'],
    ]);
    await t.syncAll();
    expect((await b.call<CaseListItem[]>('cases.forEntry', { entryId: letter.entry.id }, 'responsabile')).map((c) => c.id)).toEqual([newer.id, older.id]);
  });

  it('refuses an entry that is not on this desk, and indexes nothing', async () => {
    const c = await a.call<CaseDto>('cases.open', { typeCode: 'altro', title: 'Pratica di prova', requester: null }, 'segreteria');
    const missing = await a.call('cases.linkEntry', { caseId: c.id, entryId: '01900000-0000-7000-8000-00000000dead', role: 'altro' }, 'segreteria').catch((e: unknown) => e);
    expect((missing as AppError).code).toBe('NOT_FOUND');
    expect(linksOf(a, c.id)).toEqual([]);
  });
});
