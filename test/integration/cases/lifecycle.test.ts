import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDto, CaseEventDto, CaseListItem, Correspondent, RegisterResult } from '../../../src/shared/contract';
import { AppError } from '../../../src/shared/contract';
import { addDays } from '../../../src/shared/domain/cases';
import { romeDate } from '../../../src/shared/domain/time';
import { createDesks, type Desks, type TestDesk } from '../sync/desks';
import { keysOf, registration, sessionUser } from '../sync/fixtures';

let t: Desks;
let a: TestDesk;
let b: TestDesk;
beforeEach(async () => {
  t = await createDesks(2);
  [a, b] = t.desks as [TestDesk, TestDesk];
  await a.login('protocollista');
  await b.login('responsabile');
});
afterEach(async () => {
  await t.close();
});

type CaseWithEvents = { case: CaseDto; events: CaseEventDto[] };

describe('a case from a registered letter, on one desk and then on another', () => {
  it('opens from the entry and walks assign → take in charge → suspend → resume → reply → close; desk B reads the same', async () => {
    const today = romeDate(new Date());
    const letter = await a.call<RegisterResult>('protocol.register', registration('Istanza di accesso civico agli atti della gara mensa'), 'protocollista');
    const receivedOn = addDays(today, -10);
    const opened = await a.call<CaseDto>('cases.open', { typeCode: 'accesso_civico_generalizzato', entryId: letter.entry.id, receivedOn }, 'protocollista');
    // Title and requester come from the entry; the receipt date given by the clerk wins over the registration day.
    expect(opened).toMatchObject({ title: 'Istanza di accesso civico agli atti della gara mensa', requester: { name: 'Rossi Mario' }, receivedOn, state: 'ricevuta', dueOn: addDays(receivedOn, 30) });
    expect(opened.links).toEqual([expect.objectContaining({ entryId: letter.entry.id, role: 'richiesta', label: `${letter.entry.year}/${String(letter.entry.number).padStart(7, '0')}` })]);
    expect(await a.call<CaseListItem[]>('cases.forEntry', { entryId: letter.entry.id }, 'protocollista')).toEqual([expect.objectContaining({ id: opened.id, termStatus: 'in_termine', daysLeft: 20 })]);

    const sara = await sessionUser(a, 'segreteria');
    const assigned = await a.call<CaseDto>('cases.assign', { caseId: opened.id, kind: 'competenza', assigneeType: 'utente', assigneeId: sara.id }, 'protocollista');
    expect(assigned).toMatchObject({ state: 'assegnata', assignments: [expect.objectContaining({ assigneeName: 'Sara Segreteria', state: 'assegnato' })] });
    const taken = await a.call<CaseDto>('cases.takeCharge', { caseId: opened.id }, 'segreteria');
    expect(taken).toMatchObject({ state: 'in_istruttoria', ownerId: sara.id, ownerName: 'Sara Segreteria' });

    // Controinteressati (D.lgs 33/2013 art. 5 c.5): five days of suspension push the term by five days.
    const suspended = await a.call<CaseDto>('cases.suspend', { caseId: opened.id, reason: 'controinteressati', from: addDays(today, -5) }, 'segreteria');
    expect(suspended).toMatchObject({ state: 'sospesa', stateBeforeSuspension: 'in_istruttoria', dueOn: null });
    const resumed = await a.call<CaseDto>('cases.resume', { caseId: opened.id }, 'segreteria');
    expect(resumed).toMatchObject({ state: 'in_istruttoria', suspendedDays: 5, dueOn: addDays(receivedOn, 35) });

    const draft = await a.call<{ direction: string; oggetto: string; correspondents: Correspondent[] }>('cases.replyDraft', { caseId: opened.id }, 'segreteria');
    expect(draft.direction).toBe('uscita');
    expect(draft.oggetto).toContain('Istanza di accesso civico agli atti della gara mensa');
    expect(draft.correspondents).toEqual([expect.objectContaining({ name: 'Rossi Mario', email: 'mario.rossi@example.it' })]);
    const reply = await a.call<RegisterResult>(
      'protocol.register',
      { direction: 'uscita', oggetto: draft.oggetto, correspondents: draft.correspondents.map((c) => ({ contactId: c.contactId })), means: 'email' },
      'segreteria',
    );
    const closed = await a.call<CaseDto>('cases.replySent', { caseId: opened.id, entryId: reply.entry.id, close: true }, 'segreteria');
    expect(closed).toMatchObject({ state: 'chiusa', replyEntryId: reply.entry.id, repliedOn: today, closedOn: today });

    await t.syncAll();
    const onA = await a.call<CaseWithEvents>('cases.get', { caseId: opened.id }, 'protocollista');
    const onB = await b.call<CaseWithEvents>('cases.get', { caseId: opened.id }, 'responsabile');
    // The server applied six actions; both desks hold its row and the same timeline (derived ids).
    expect(onA.case.version).toBe(6);
    expect(onB.case).toEqual(onA.case);
    expect(onB.events.map((e) => e.id)).toEqual(onA.events.map((e) => e.id));
    expect(onA.events.map((e) => e.kind)).toEqual(['aperta', 'assegnata', 'presa_in_carico', 'sospesa', 'ripresa', 'risposta', 'chiusa']);
    expect(onA.events.every((e) => e.version > 0)).toBe(true);
    expect(keysOf(a, 'case_events')).toEqual(keysOf(b, 'case_events'));
    expect(Object.keys(onA.case)).not.toContain('_localMutations');
    expect(onB.case.links.map((l) => l.role)).toEqual(['richiesta', 'risposta']);
  });

  it('refuses an impossible action with the reducer\'s Italian message and writes nothing', async () => {
    const opened = await a.call<CaseDto>('cases.open', { typeCode: 'istanza', title: 'Richiesta di un incontro', requester: { name: 'Bianchi Anna' } }, 'protocollista');
    const before = a.query<{ n: number }>('select count(*) as n from outbox')[0]!.n;
    const err = await a.call('cases.resume', { caseId: opened.id }, 'protocollista').then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VALIDATION');
    expect((err as AppError).message).toMatch(/non è sospesa/);
    expect(a.query<{ n: number }>('select count(*) as n from outbox')[0]!.n).toBe(before);
  });

  it('a pending action is re-applied once on top of each pull, never twice', async () => {
    const opened = await a.call<CaseDto>('cases.open', { typeCode: 'segnalazione', title: 'Buche in via Roma', requester: { name: 'Verdi Giuseppe' } }, 'protocollista');
    await t.syncAll();
    // A's round stops at its pull; meanwhile A acts twice and B's note reaches the server.
    const pull = a.faults.hold('/sync/pull');
    const round = a.syncOnce();
    await until(() => pull.held() > 0);
    await a.call('cases.addNote', { caseId: opened.id, text: 'Sentito il settore lavori pubblici' }, 'protocollista');
    await a.call('cases.takeCharge', { caseId: opened.id }, 'protocollista');
    await b.call('cases.addNote', { caseId: opened.id, text: 'Il cittadino ha telefonato' }, 'responsabile');
    await b.syncOnce();
    // A pulls B's change while its own two are pending, and stops again before pushing them.
    const push = a.faults.hold('/sync/push');
    pull.release();
    await until(() => push.held() > 0);
    const pending = await a.call<CaseWithEvents>('cases.get', { caseId: opened.id }, 'protocollista');
    expect(pending.case).toMatchObject({ state: 'in_istruttoria', ownerName: 'Paola Protocollista', version: 2 });
    expect(pending.case.assignments).toHaveLength(1);
    expect(pending.events.filter((e) => e.kind === 'nota').map((e) => e.text).sort()).toEqual(['Il cittadino ha telefonato', 'Sentito il settore lavori pubblici']);
    push.release();
    await round;
    await t.syncAll();
    const done = await b.call<CaseWithEvents>('cases.get', { caseId: opened.id }, 'responsabile');
    expect(done.case).toMatchObject({ state: 'in_istruttoria', ownerName: 'Paola Protocollista', version: 4 });
    expect(done.case.assignments).toHaveLength(1);
    expect(done.events.map((e) => e.kind)).toEqual(['aperta', 'nota', 'nota', 'presa_in_carico']);
    expect(await a.call<CaseWithEvents>('cases.get', { caseId: opened.id }, 'protocollista')).toEqual(done);
  });
});

async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ready(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!ready()) throw new Error('condizione non raggiunta');
}
