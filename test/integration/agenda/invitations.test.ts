import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type AgendaEventDto, type AgendaOccurrenceDto, type ConflictReport, type InvitationDto, type LetterDraft, type RegisterResult } from '../../../src/shared/contract';
import { createDesks, type Desks, type TestDesk } from '../sync/desks';
import { registration } from '../sync/fixtures';
import { agendaWorld, type AgendaWorld } from './helpers';

let t: Desks;
let a: TestDesk;
let b: TestDesk;
let w: AgendaWorld;
beforeAll(async () => {
  t = await createDesks(2);
  [a, b] = t.desks as [TestDesk, TestDesk];
  await b.login('cerimoniale');
  w = await agendaWorld(a);
  await t.syncAll();
}, 120_000);
afterAll(async () => {
  await t.close();
});

type Decision = { invitation: InvitationDto; event: AgendaEventDto | null; warnings: ConflictReport };
const invite = (title: string, day: string, over: Record<string, unknown> = {}) => ({
  from: { name: 'Pro Loco di Esempio' }, title, eventStart: `${day}T19:00`, eventEnd: `${day}T20:30`, place: 'Piazza Garibaldi', notes: 'Gradita conferma entro il 10', ...over,
});

describe('invitations to the Mayor', () => {
  it('accepting an invitation recorded without protocol puts the engagement on the Sindaco’s agenda, on both desks', async () => {
    const inv = await b.call<InvitationDto>('invitations.record', invite('Sagra d’autunno: taglio del nastro', '2026-12-12'), 'cerimoniale');
    expect(inv).toMatchObject({ state: 'da_decidere', recordedWithoutProtocol: true, entryId: null, eventId: null });
    const decided = await b.call<Decision>('invitations.decide', { id: inv.id, decision: 'accetta', note: 'Conferma telefonica alla Pro Loco' }, 'cerimoniale');
    expect(decided.invitation).toMatchObject({ state: 'accettato', eventId: decided.event!.id, decision: { byName: 'Carlo Cerimoniale', note: 'Conferma telefonica alla Pro Loco' } });
    expect(decided.event).toMatchObject({ title: 'Sagra d’autunno: taglio del nastro', agendaOf: w.mayor.id, invitationId: inv.id, address: 'Piazza Garibaldi', counterpart: 'Pro Loco di Esempio' });
    await t.syncAll();
    for (const [d, role] of [[a, 'segreteria'], [b, 'cerimoniale']] as const) {
      const occ = await d.call<AgendaOccurrenceDto[]>('agenda.range', { from: '2026-12-12T00:00', to: '2026-12-13T00:00', agendaOf: [w.mayor.id] }, role);
      expect(occ.map((o) => [o.start, o.title, o.agendaOfName])).toEqual([['2026-12-12T19:00', 'Sagra d’autunno: taglio del nastro', 'Marco Gallo']]);
      const listed = await d.call<InvitationDto[]>('invitations.list', {}, role);
      expect(listed.find((i) => i.id === inv.id)).toMatchObject({ state: 'accettato', eventId: decided.event!.id });
    }
    // Decided once: a second decision is refused.
    const again = await a.call('invitations.decide', { id: inv.id, decision: 'declina' }, 'segreteria').catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AppError);
    expect((again as AppError).code).toBe('INVALID_STATE');
  });

  it('declining from a registered letter drafts the reply for the Registra form and links it back', async () => {
    const letter = await a.call<RegisterResult>('protocol.register', registration('Invito alla festa di fine anno scolastico', { classificationCode: null }), 'segreteria');
    const inv = await a.call<InvitationDto>('invitations.record', invite('Festa di fine anno scolastico', '2026-12-18', { from: { name: 'Rossi Mario' }, entryId: letter.entry.id }), 'segreteria');
    expect(inv.recordedWithoutProtocol).toBe(false);
    expect((await a.call<InvitationDto[]>('invitations.list', { state: 'da_decidere' }, 'segreteria')).map((i) => i.id)).toContain(inv.id);
    const decided = await a.call<Decision>('invitations.decide', { id: inv.id, decision: 'declina', note: 'Concomitanza con il Consiglio comunale' }, 'segreteria');
    expect(decided).toMatchObject({ event: null, invitation: { state: 'declinato', eventId: null } });
    const draft = await a.call<LetterDraft>('invitations.letterDraft', { id: inv.id }, 'segreteria');
    expect(draft.direction).toBe('uscita');
    expect(draft.oggetto).toContain('Festa di fine anno scolastico');
    expect(draft.oggetto).toContain('il Sindaco non potrà partecipare');
    expect(draft.oggetto).toContain(`prot. ${letter.entry.year}/`);
    expect(draft.correspondents).toMatchObject([{ name: 'Rossi Mario', email: 'mario.rossi@example.it' }]);
    const reply = await a.call<RegisterResult>('protocol.register', { direction: 'uscita', oggetto: draft.oggetto, correspondents: draft.correspondents.map((c) => ({ contactId: c.contactId })), means: 'email' }, 'segreteria');
    const linked = await a.call<InvitationDto>('invitations.linkLetter', { id: inv.id, letterEntryId: reply.entry.id }, 'segreteria');
    expect(linked.decision).toMatchObject({ letterEntryId: reply.entry.id, note: 'Concomitanza con il Consiglio comunale' });
    await t.syncAll();
    expect((await b.call<InvitationDto[]>('invitations.list', { state: 'declinato' }, 'cerimoniale')).find((i) => i.id === inv.id)?.decision?.letterEntryId).toBe(reply.entry.id);
  });

  it('delegating puts the engagement on the Assessora’s agenda "in rappresentanza del Sindaco"', async () => {
    const inv = await a.call<InvitationDto>('invitations.record', invite('Raduno sezionale degli Alpini', '2026-12-20', { from: { name: 'Associazione Nazionale Alpini' } }), 'segreteria');
    const decided = await a.call<Decision>('invitations.decide', { id: inv.id, decision: 'delega', delegateToPersonId: w.assessora.id, note: null }, 'segreteria');
    expect(decided.invitation.decision).toMatchObject({ delegateToPersonId: w.assessora.id, delegateToName: 'Elena Marchetti' });
    expect(decided.event).toMatchObject({ agendaOf: w.assessora.id, delegation: { fromPersonId: w.mayor.id, toName: 'Elena Marchetti' } });
    expect((await a.call<LetterDraft>('invitations.letterDraft', { id: inv.id }, 'segreteria')).oggetto).toContain('delega a Elena Marchetti in rappresentanza del Sindaco');
    await t.syncAll();
    const occ = await b.call<AgendaOccurrenceDto[]>('agenda.range', { from: '2026-12-20T00:00', to: '2026-12-21T00:00' }, 'cerimoniale');
    expect(occ.map((o) => [o.title, o.agendaOfName, o.delegatedToName])).toEqual([['Raduno sezionale degli Alpini', 'Elena Marchetti', 'Elena Marchetti']]);
  });

  it('an engagement of the Sindaco is delegated to an Assessora', async () => {
    const created = await a.call<{ event: AgendaEventDto }>('agenda.create', { kind: 'evento_pubblico', title: 'Apertura del festival', start: '2026-12-22T18:00', end: '2026-12-22T19:30', agendaOf: w.mayor.id, visibility: 'pubblico' }, 'segreteria');
    const handed = await a.call<{ event: AgendaEventDto }>('agenda.delegate', { id: created.event.id, toPersonId: w.assessora.id, note: 'Il Sindaco è in missione' }, 'segreteria');
    expect(handed.event).toMatchObject({ agendaOf: w.assessora.id, delegation: { fromName: 'Marco Gallo', toName: 'Elena Marchetti', note: 'Il Sindaco è in missione' } });
    await t.syncAll();
    const onB = await b.call<AgendaEventDto>('agenda.get', { id: created.event.id }, 'cerimoniale');
    expect(onB).toMatchObject({ agendaOf: w.assessora.id, delegation: { byName: 'Sara Segreteria' } });
  });
});
