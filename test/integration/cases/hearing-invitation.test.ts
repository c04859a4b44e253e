import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type AgendaEventDto, type AgendaOccurrenceDto, type CaseDto, type CaseEventDto, type InvitationDto, type RegisterResult } from '../../../src/shared/contract';
import { createDesks, type Desks, type TestDesk } from '../sync/desks';
import { registration } from '../sync/fixtures';
import { agendaWorld, type AgendaWorld } from '../agenda/helpers';

/**
 * Cases meet the agenda (issues 4 and 5): a hearing scheduled from its case becomes an engagement
 * of the Sindaco linked to the case; the decision on an invitation is noted in the invitation's
 * case. Desk A is the secretariat's, desk B the ceremonial office's.
 */

let t: Desks;
let a: TestDesk;
let b: TestDesk;
let w: AgendaWorld;
beforeAll(async () => {
  t = await createDesks(2);
  [a, b] = t.desks as [TestDesk, TestDesk];
  await b.login('cerimoniale');
  await a.login('responsabile');
  w = await agendaWorld(a);
  await t.syncAll();
}, 120_000);
afterAll(async () => {
  await t.close();
});

type CaseWithEvents = { case: CaseDto; events: CaseEventDto[] };
type Decision = { invitation: InvitationDto; event: AgendaEventDto | null };
const outbox = (d: TestDesk) => d.query<{ name: string; status: string }>('select name, status from outbox order by seq');

async function hearingInIstruttoria(title: string): Promise<CaseDto> {
  const letter = await a.call<RegisterResult>('protocol.register', registration(title), 'segreteria');
  const c = await a.call<CaseDto>('cases.open', { typeCode: 'udienza', entryId: letter.entry.id, hearingTopic: 'Parcheggi per i residenti del centro storico' }, 'segreteria');
  return a.call<CaseDto>('cases.advanceHearing', { caseId: c.id, to: 'istruttoria' }, 'segreteria');
}

describe('a hearing scheduled from its case', () => {
  it('puts an engagement of kind udienza on the Sindaco’s agenda, linked to the case, on both desks', async () => {
    const c = await hearingInIstruttoria('Richiesta di udienza col Sindaco sui parcheggi');
    const scheduled = await a.call<CaseDto>('cases.advanceHearing', { caseId: c.id, to: 'calendarizzata', scheduledAt: '2026-12-03T10:00' }, 'segreteria');
    expect(scheduled.hearing).toMatchObject({ stage: 'calendarizzata', scheduledAt: '2026-12-03T10:00', agendaEventId: expect.any(String) });
    const eventId = scheduled.hearing!.agendaEventId!;
    // Both writes are in the outbox, the engagement first.
    expect(outbox(a).slice(-2).map((m) => m.name)).toEqual(['agenda.create', 'cases.advanceHearing']);

    await t.syncAll();
    expect(outbox(a)).toEqual([]);
    for (const [d, role] of [[a, 'segreteria'], [b, 'cerimoniale']] as const) {
      const occ = await d.call<AgendaOccurrenceDto[]>('agenda.range', { from: '2026-12-03T00:00', to: '2026-12-04T00:00', agendaOf: [w.mayor.id] }, role);
      expect(occ.map((o) => [o.eventId, o.kind, o.start, o.end, o.title, o.agendaOfName])).toEqual([
        [eventId, 'udienza', '2026-12-03T10:00', '2026-12-03T10:30', 'Udienza con Rossi Mario: Parcheggi per i residenti del centro storico', 'Marco Gallo'],
      ]);
      const event = await d.call<AgendaEventDto>('agenda.get', { id: eventId }, role);
      expect(event).toMatchObject({ caseIds: [c.id], entryIds: [c.links[0]!.entryId], counterpart: 'Rossi Mario', agendaOf: w.mayor.id });
    }
    const onB = await b.call<CaseWithEvents>('cases.get', { caseId: c.id }, 'cerimoniale');
    expect(onB.case.hearing).toMatchObject({ stage: 'calendarizzata', agendaEventId: eventId, scheduledAt: '2026-12-03T10:00' });
    expect(onB.events.at(-1)!.text).toBe('Udienza: Calendarizzata (2026-12-03 10:00)');
  });

  it('scheduling again moves the same engagement, keeping its length', async () => {
    const c = await hearingInIstruttoria('Richiesta di udienza sul mercato settimanale');
    const first = await a.call<CaseDto>('cases.advanceHearing', { caseId: c.id, to: 'calendarizzata', scheduledAt: '2026-12-07T09:00' }, 'segreteria');
    const eventId = first.hearing!.agendaEventId!;
    // The secretariat gives it an hour in the agenda, then the hearing is moved from the case.
    await a.call('agenda.update', { id: eventId, changes: { end: '2026-12-07T10:00' } }, 'segreteria');
    await t.syncAll();
    const moved = await a.call<CaseDto>('cases.advanceHearing', { caseId: c.id, to: 'calendarizzata', scheduledAt: '2026-12-09T15:00' }, 'segreteria');
    expect(moved.hearing).toMatchObject({ agendaEventId: eventId, scheduledAt: '2026-12-09T15:00' });
    await t.syncAll();
    expect(a.query('select * from conflicts')).toEqual([]);
    const event = await b.call<AgendaEventDto>('agenda.get', { id: eventId }, 'cerimoniale');
    expect([event.start, event.end, event.caseIds]).toEqual(['2026-12-09T15:00', '2026-12-09T16:00', [c.id]]);
    const week = await b.call<AgendaOccurrenceDto[]>('agenda.range', { from: '2026-12-07T00:00', to: '2026-12-10T00:00', kinds: ['udienza'] }, 'cerimoniale');
    expect(week.filter((o) => o.eventId === eventId).map((o) => o.start)).toEqual(['2026-12-09T15:00']);
  });

  it('is refused without a date, and to who does not keep the agenda; nothing is written', async () => {
    const c = await hearingInIstruttoria('Richiesta di udienza sulla scuola di via Verdi');
    const before = outbox(a).length;
    const noDate = await a.call('cases.advanceHearing', { caseId: c.id, to: 'calendarizzata' }, 'segreteria').catch((e: unknown) => e);
    expect(noDate).toBeInstanceOf(AppError);
    expect((noDate as AppError).message).toBe("Indica data e ora dell'udienza.");
    const notKeeper = await a.call('cases.advanceHearing', { caseId: c.id, to: 'calendarizzata', scheduledAt: '2026-12-10T10:00' }, 'responsabile').catch((e: unknown) => e);
    expect((notKeeper as AppError).code).toBe('FORBIDDEN');
    expect(outbox(a).length).toBe(before);
    expect((await a.call<CaseWithEvents>('cases.get', { caseId: c.id }, 'segreteria')).case.hearing?.stage).toBe('istruttoria');
  });
});

describe('the decision on an invitation, in its case', () => {
  const invite = (title: string, day: string, entryId: string | null) => ({ from: { name: 'Rossi Mario' }, title, eventStart: `${day}T19:00`, eventEnd: `${day}T20:30`, place: 'Teatro comunale', entryId });

  async function invitationWithCase(title: string, day: string): Promise<{ inv: InvitationDto; c: CaseDto }> {
    const letter = await a.call<RegisterResult>('protocol.register', registration(`Invito: ${title}`), 'segreteria');
    const c = await a.call<CaseDto>('cases.open', { typeCode: 'invito', entryId: letter.entry.id }, 'segreteria');
    const inv = await a.call<InvitationDto>('invitations.record', invite(title, day, letter.entry.id), 'segreteria');
    return { inv, c };
  }

  it('accepting notes "Invito accettato" in the open invito case of the letter, on both desks', async () => {
    const { inv, c } = await invitationWithCase('Concerto di Natale della banda', '2026-12-19');
    const decided = await a.call<Decision>('invitations.decide', { id: inv.id, decision: 'accetta', note: 'Con la fascia tricolore' }, 'segreteria');
    expect(decided.invitation.state).toBe('accettato');
    const text = 'Invito accettato: «Concerto di Natale della banda» del 19/12/2026 alle 19:00, in agenda del Sindaco — Con la fascia tricolore';
    const local = await a.call<CaseWithEvents>('cases.get', { caseId: c.id }, 'segreteria');
    expect(local.events.at(-1)).toMatchObject({ kind: 'nota', text, byName: 'Sara Segreteria' });
    await t.syncAll();
    expect(outbox(a)).toEqual([]);
    const onB = await b.call<CaseWithEvents>('cases.get', { caseId: c.id }, 'cerimoniale');
    expect(onB.events.filter((e) => e.kind === 'nota').map((e) => e.text)).toEqual([text]);
    // Visible in the agenda too: the engagement on the Sindaco's agenda.
    const occ = await b.call<AgendaOccurrenceDto[]>('agenda.range', { from: '2026-12-19T00:00', to: '2026-12-20T00:00' }, 'cerimoniale');
    expect(occ.map((o) => [o.eventId, o.title])).toEqual([[decided.event!.id, 'Concerto di Natale della banda']]);
  });

  it('declining and delegating are noted too, with the delegate’s name', async () => {
    const declined = await invitationWithCase('Inaugurazione della mostra di presepi', '2026-12-21');
    await a.call('invitations.decide', { id: declined.inv.id, decision: 'declina', note: null }, 'segreteria');
    const delegated = await invitationWithCase('Torneo di scacchi di fine anno', '2026-12-28');
    // Recorded on the secretariat's desk, delegated from the ceremonial office's.
    await t.syncAll();
    await b.call('invitations.decide', { id: delegated.inv.id, decision: 'delega', delegateToPersonId: w.assessora.id, note: null }, 'cerimoniale');
    await t.syncAll();
    const notes = async (caseId: string) => (await a.call<CaseWithEvents>('cases.get', { caseId }, 'segreteria')).events.filter((e) => e.kind === 'nota').map((e) => [e.text, e.byName]);
    expect(await notes(declined.c.id)).toEqual([['Invito declinato: «Inaugurazione della mostra di presepi» del 21/12/2026 alle 19:00', 'Sara Segreteria']]);
    expect(await notes(delegated.c.id)).toEqual([['Invito delegato a Elena Marchetti in rappresentanza del Sindaco: «Torneo di scacchi di fine anno» del 28/12/2026 alle 19:00', 'Carlo Cerimoniale']]);
  });

  it('an invitation without a case, or whose invito case is closed, writes no note', async () => {
    const loose = await a.call<InvitationDto>('invitations.record', invite('Festa del volontariato', '2026-12-12', null), 'segreteria');
    const closed = await invitationWithCase('Premiazione sportiva', '2026-12-13');
    await a.call('cases.close', { caseId: closed.c.id, note: 'Gestito per telefono' }, 'segreteria');
    const before = outbox(a).length;
    await a.call('invitations.decide', { id: loose.id, decision: 'declina', note: null }, 'segreteria');
    await a.call('invitations.decide', { id: closed.inv.id, decision: 'declina', note: null }, 'segreteria');
    expect(outbox(a).slice(before).map((m) => m.name)).toEqual(['invitations.decide', 'invitations.decide']);
  });
});
