import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseCounts, CaseDto, CaseListItem, Office, SessionUser } from '../../../src/shared/contract';
import { startTestServer, type TestServer } from '../server/harness';
import { clockedDesk, officeWith, type ClockedDesk } from './helpers';

type ListResult = { items: CaseListItem[]; total: number; counts: CaseCounts };

let server: TestServer;
let d: ClockedDesk;
let office: Office;
let sara: SessionUser;
const ids: Record<string, string> = {};

/** Opens a case received `daysAgo` days before the desk's today (by the front desk). */
async function open(key: string, typeCode: string, title: string, daysAgo: number): Promise<CaseDto> {
  const c = await d.call<CaseDto>('cases.open', { typeCode, title, requester: { name: 'Rossi Mario' }, receivedOn: d.day(-daysAgo) }, 'protocollista');
  ids[key] = c.id;
  return c;
}

beforeAll(async () => {
  server = await startTestServer();
  office = await officeWith(server, 'Segreteria del Sindaco', ['segreteria']);
  d = await clockedDesk(server);
  sara = await d.user('segreteria');
  const roberto = await d.user('responsabile');
  const toSara = (caseId: string, kind = 'competenza') => d.call('cases.assign', { caseId, kind, assigneeType: 'utente', assigneeId: sara.id }, 'protocollista');

  await toSara((await open('overdue', 'istanza', 'Contributo per la mensa scolastica', 35)).id);
  await d.call('cases.assign', { caseId: (await open('soon', 'istanza', 'Manutenzione del parco', 25)).id, kind: 'competenza', assigneeType: 'ufficio', assigneeId: office.id }, 'protocollista');
  await d.call('cases.takeCharge', { caseId: (await open('running', 'istanza', 'Richiesta di incontro', 0)).id }, 'segreteria');
  await toSara((await open('noTerm', 'invito', 'Invito alla festa patronale', 0)).id, 'conoscenza');
  await toSara((await open('suspended', 'segnalazione', 'Illuminazione di via Verdi', 10)).id);
  await d.call('cases.takeCharge', { caseId: ids.suspended }, 'segreteria');
  await d.call('cases.suspend', { caseId: ids.suspended, reason: 'parere' }, 'segreteria');
  // Accesso documentale one day past its term: silence means refusal (L. 241/1990 art. 25 c.4).
  await toSara((await open('silence', 'accesso_documentale', 'Accesso agli atti del cantiere', 31)).id);
  await d.call('cases.assign', { caseId: (await open('others', 'istanza', 'Occupazione di suolo pubblico', 40)).id, kind: 'competenza', assigneeType: 'utente', assigneeId: roberto.id }, 'protocollista');
  await toSara((await open('closed', 'istanza', 'Richiesta già evasa', 3)).id);
  await d.call('cases.close', { caseId: ids.closed, note: 'Evasa per telefono' }, 'segreteria');
});
afterAll(async () => {
  await d.close();
  await server.close();
});

describe('My desk: what is assigned to me and my office, with counts', () => {
  it('lists my open cases (owner, my office, assignments to me) by due date, with the term status of today', async () => {
    const mine = await d.call<ListResult>('cases.list', { view: 'mine' }, 'segreteria');
    expect(mine.counts).toEqual({ open: 6, overdue: 2, dueSoon: 1, suspended: 1 });
    expect(mine.total).toBe(6);
    // Due date first (no term or suspended last, by receipt); not the colleague's nor the closed one.
    expect(mine.items.map((i) => i.id)).toEqual([ids.overdue, ids.silence, ids.soon, ids.running, ids.suspended, ids.noTerm]);
    const by = Object.fromEntries(mine.items.map((i) => [i.id, i]));
    expect(by[ids.overdue!]).toMatchObject({ termStatus: 'scaduto', daysLeft: -5, silence: null, typeName: 'Istanza' });
    expect(by[ids.silence!]).toMatchObject({ termStatus: 'scaduto', daysLeft: -1, silence: 'rigetto' });
    expect(by[ids.soon!]).toMatchObject({ termStatus: 'in_scadenza', daysLeft: 5, officeName: 'Segreteria del Sindaco' });
    expect(by[ids.running!]).toMatchObject({ termStatus: 'in_termine', daysLeft: 30, ownerName: 'Sara Segreteria' });
    expect(by[ids.suspended!]).toMatchObject({ termStatus: 'sospeso', daysLeft: null, dueOn: null });
    expect(by[ids.noTerm!]).toMatchObject({ termStatus: 'nessun_termine', daysLeft: null });
    expect(await d.call<CaseCounts>('cases.reminders', {}, 'segreteria')).toEqual(mine.counts);
  });

  it('the whole list: filters, text search, sorting and pages', async () => {
    const all = await d.call<ListResult>('cases.list', { view: 'all' }, 'segreteria');
    expect(all.total).toBe(8);
    expect(all.counts).toEqual({ open: 7, overdue: 3, dueSoon: 1, suspended: 1 });
    const overdue = await d.call<ListResult>('cases.list', { view: 'all', termStatus: 'scaduto' }, 'segreteria');
    expect(overdue.items.map((i) => i.id)).toEqual([ids.others, ids.overdue, ids.silence]);
    expect(overdue.counts).toEqual(all.counts);
    const closed = await d.call<ListResult>('cases.list', { view: 'all', termStatus: 'chiuso' }, 'segreteria');
    expect(closed.items.map((i) => [i.id, i.state])).toEqual([[ids.closed, 'chiusa']]);
    const text = await d.call<ListResult>('cases.list', { view: 'all', query: 'MENSA' }, 'segreteria');
    expect(text.items.map((i) => i.title)).toEqual(['Contributo per la mensa scolastica']);
    const byType = await d.call<ListResult>('cases.list', { view: 'all', typeCode: 'istanza', sort: 'title', dir: 'desc' }, 'segreteria');
    expect(byType.items.map((i) => i.title)).toEqual(['Richiesta già evasa', 'Richiesta di incontro', 'Occupazione di suolo pubblico', 'Manutenzione del parco', 'Contributo per la mensa scolastica']);
    const page = await d.call<ListResult>('cases.list', { view: 'all', typeCode: 'istanza', sort: 'title', dir: 'desc', limit: 2, offset: 2 }, 'segreteria');
    expect(page.total).toBe(5);
    expect(page.items.map((i) => i.title)).toEqual(['Occupazione di suolo pubblico', 'Manutenzione del parco']);
    const byState = await d.call<ListResult>('cases.list', { view: 'all', sort: 'state' }, 'segreteria');
    expect(byState.items.map((i) => i.state)).toEqual(['assegnata', 'assegnata', 'assegnata', 'assegnata', 'in_istruttoria', 'sospesa', 'chiusa', 'ricevuta'].sort((x, y) => order(x) - order(y)));
  });

  it('counts move with the clock: six days later the case due soon is overdue', async () => {
    d.advance(6);
    try {
      const mine = await d.call<ListResult>('cases.list', { view: 'mine', termStatus: 'scaduto' }, 'segreteria');
      expect(mine.counts).toEqual({ open: 6, overdue: 3, dueSoon: 0, suspended: 1 });
      expect(mine.items.map((i) => [i.id, i.daysLeft])).toEqual([[ids.overdue, -11], [ids.silence, -7], [ids.soon, -1]]);
      expect(await d.call<CaseCounts>('cases.reminders', {}, 'segreteria')).toEqual(mine.counts);
    } finally {
      d.advance(-6);
    }
  });
});

const lifecycle = ['ricevuta', 'assegnata', 'in_istruttoria', 'sospesa', 'risposta_in_preparazione', 'risposta_inviata', 'chiusa', 'archiviata'];
function order(state: string): number {
  return lifecycle.indexOf(state);
}
