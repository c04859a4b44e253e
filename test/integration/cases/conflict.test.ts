import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDto, CaseEventDto, CaseListItem, Conflict, Office } from '../../../src/shared/contract';
import { createDesks, type Desks, type TestDesk } from '../sync/desks';
import { keysOf, sessionUser } from '../sync/fixtures';
import { officeWith } from './helpers';

let t: Desks;
let a: TestDesk;
let b: TestDesk;
let office: Office;
beforeEach(async () => {
  t = await createDesks(2);
  [a, b] = t.desks as [TestDesk, TestDesk];
  // Sara and Roberto both work in the Mayor's cabinet: a case of the office is for either of them.
  office = await officeWith(t.server, 'Gabinetto del Sindaco', ['segreteria', 'responsabile']);
  await a.login('segreteria');
  await b.login('responsabile');
});
afterEach(async () => {
  await t.close();
});

type CaseWithEvents = { case: CaseDto; events: CaseEventDto[] };

describe('two desks take the same case in charge while offline', () => {
  it('end with one owner (the first applied) and a conflict both users see, the other take one click away', async () => {
    const opened = await a.call<CaseDto>('cases.open', { typeCode: 'petizione', title: 'Petizione per il parco giochi di via Manzoni', requester: { name: 'Comitato di quartiere' } }, 'segreteria');
    await a.call('cases.assign', { caseId: opened.id, kind: 'competenza', assigneeType: 'ufficio', assigneeId: office.id }, 'segreteria');
    await t.syncAll();
    // Before anyone takes it, the case is on both clerks' desks through their office.
    for (const [d, role] of [[a, 'segreteria'], [b, 'responsabile']] as const) {
      const mine = await d.call<{ items: CaseListItem[] }>('cases.list', { view: 'mine' }, role);
      expect(mine.items.map((i) => [i.id, i.officeName])).toEqual([[opened.id, 'Gabinetto del Sindaco']]);
    }
    const [sara, roberto] = [await sessionUser(a, 'segreteria'), await sessionUser(b, 'responsabile')];

    a.faults.inject('offline', { times: 100 });
    b.faults.inject('offline', { times: 100 });
    const onA = await a.call<CaseDto>('cases.takeCharge', { caseId: opened.id }, 'segreteria');
    const onB = await b.call<CaseDto>('cases.takeCharge', { caseId: opened.id }, 'responsabile');
    // Offline, each desk shows its own take at once.
    expect(onA).toMatchObject({ ownerId: sara.id, state: 'in_istruttoria' });
    expect(onB).toMatchObject({ ownerId: roberto.id, state: 'in_istruttoria' });

    // Back online: A reaches the server first (server order decides, not desk clocks).
    a.faults.clear();
    b.faults.clear();
    await a.syncOnce();
    await b.syncOnce();
    await t.syncAll();

    const finalA = await a.call<CaseWithEvents>('cases.get', { caseId: opened.id }, 'segreteria');
    const finalB = await b.call<CaseWithEvents>('cases.get', { caseId: opened.id }, 'responsabile');
    expect(finalA.case).toMatchObject({ ownerId: sara.id, ownerName: 'Sara Segreteria' });
    expect(finalB.case).toEqual(finalA.case);
    // B's take never happened on the server: its optimistic timeline line is gone from B too.
    expect(finalB.events.filter((e) => e.kind === 'presa_in_carico').map((e) => e.byName)).toEqual(['Sara Segreteria']);
    expect(keysOf(a, 'case_events')).toEqual(keysOf(b, 'case_events'));

    const listA = await a.call<Conflict[]>('conflicts.list', {}, 'segreteria');
    const listB = await b.call<Conflict[]>('conflicts.list', {}, 'responsabile');
    expect(listA).toHaveLength(1);
    expect(listB.map((c) => c.id)).toEqual(listA.map((c) => c.id));
    expect(listA[0]).toMatchObject({ table: 'cases', key: opened.id, field: 'ownerId', keptValue: sara.id, losingValue: roberto.id, keptBy: sara.id, losingBy: roberto.id, resolvedAt: null });

    // The losing take is one click away: Roberto keeps the case after all.
    await b.call('conflicts.resolve', { conflictId: listB[0]!.id, choose: 'losing' }, 'responsabile');
    await t.syncAll();
    for (const [d, role] of [[a, 'segreteria'], [b, 'responsabile']] as const) {
      expect((await d.call<CaseWithEvents>('cases.get', { caseId: opened.id }, role)).case).toMatchObject({ ownerId: roberto.id, ownerName: 'Roberto Responsabile' });
      expect(await d.call<Conflict[]>('conflicts.list', {}, role)).toEqual([]);
    }
  });
});
