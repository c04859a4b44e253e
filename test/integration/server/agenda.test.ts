import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgendaEventDto, CeremonyTemplateDto, InvitationDto } from '../../../src/shared/contract/agenda';
import type { Conflict } from '../../../src/shared/contract/conflicts';
import { defaultCeremonyTemplates } from '../../../src/shared/domain/agenda/templates';
import { derivedId } from '../../../src/shared/domain/agenda/reducer';
import { ensureAgendaDefaults } from '../../../src/server/modules/agenda/defaults';
import { uuidv7 } from '../../../src/shared/domain/ids';
import { startTestServer, type TestServer } from './harness';
import { addRoom, agendaDesk, eventArgs, mayorOf, type EventResult } from './agenda-harness';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('agenda on the register server', () => {
  it('seeds the Sindaco and the ceremony templates once, and never twice', async () => {
    t = await startTestServer();
    const desk = await agendaDesk(t, 'segreteria');
    expect((await mayorOf(desk)).name).toBe('Sindaco');
    const templates = [...(await desk.rows<CeremonyTemplateDto>('ceremony_templates')).values()];
    expect(templates.map((x) => x!.key).sort()).toEqual(defaultCeremonyTemplates.map((x) => x.key).sort());
    expect(await ensureAgendaDefaults(t.server.context.writer, new Date())).toBe(0);
    expect([...(await desk.rows('agenda_people')).values()]).toHaveLength(1);
    // A register set up before issue 5 gets them at its next start.
    await t.server.context.db.execute(sql`delete from agenda_people`);
    await t.server.context.db.execute(sql`delete from ceremony_templates`);
    expect(await ensureAgendaDefaults(t.server.context.writer, new Date())).toBe(1 + defaultCeremonyTemplates.length);
  });

  it('refuses a double booking of a room, naming the other booking; accepts it with a reason', async () => {
    t = await startTestServer();
    const desk = await agendaDesk(t, 'segreteria');
    const room = await addRoom(desk);
    await desk.ok('agenda.create', eventArgs({ kind: 'prenotazione_sala', title: 'Convegno sulla mobilità', roomId: room.id, organiser: 'Ufficio Traffico' }));
    const clash = await desk.refused('agenda.create', eventArgs({ title: 'Ricevimento', start: '2031-05-02T11:00', end: '2031-05-02T13:00', roomId: room.id }));
    expect(clash.code).toBe('CONFLICT');
    expect(clash.message).toContain('Sala Alessi');
    expect(clash.message).toContain('Convegno sulla mobilità');
    expect(clash.message).toContain('02/05/2031 dalle 10:00 alle 12:00');
    const forced = await desk.ok<EventResult>('agenda.create', eventArgs({ title: 'Ricevimento', start: '2031-05-02T11:00', end: '2031-05-02T13:00', roomId: room.id, overrideRoomConflict: 'Il convegno libera la sala alle 11' }));
    expect(forced.event.roomOverride).toMatchObject({ reason: 'Il convegno libera la sala alle 11', byName: 'Sara Segreteria' });
    expect(forced.warnings.rooms).toHaveLength(1);
  });

  it('10–12 and 12–14 in the same room do not clash; a person booked twice is only a warning', async () => {
    t = await startTestServer();
    const desk = await agendaDesk(t, 'segreteria');
    const room = await addRoom(desk);
    const mayor = await mayorOf(desk);
    await desk.ok('agenda.create', eventArgs({ title: 'Mattina', roomId: room.id, agendaOf: mayor.id }));
    const next = await desk.ok<EventResult>('agenda.create', eventArgs({ title: 'Pomeriggio', start: '2031-05-02T12:00', end: '2031-05-02T14:00', roomId: room.id }));
    expect(next.warnings).toEqual({ rooms: [], people: [] });
    const twice = await desk.ok<EventResult>('agenda.create', eventArgs({ title: 'Altrove', start: '2031-05-02T11:00', end: '2031-05-02T11:30', agendaOf: mayor.id }));
    expect(twice.warnings.people).toEqual([expect.objectContaining({ personName: 'Sindaco', title: 'Mattina' })]);
  });

  it('checks the occurrences of a weekly series against stored bookings, both ways', async () => {
    t = await startTestServer();
    const desk = await agendaDesk(t, 'segreteria');
    const room = await addRoom(desk, 'Sala Giunta');
    const giunta = await desk.ok<EventResult>('agenda.create', eventArgs({ kind: 'giunta', title: 'Giunta', start: '2031-03-03T09:00', end: '2031-03-03T11:00', rrule: 'FREQ=WEEKLY;BYDAY=MO', roomId: room.id }));
    // A Monday weeks later, across the DST change, at 10:00 Rome time: inside the 09–11 Giunta.
    const clash = await desk.refused('agenda.create', eventArgs({ title: 'Conferenza stampa', start: '2031-04-07T10:00', end: '2031-04-07T10:30', roomId: room.id }));
    expect(clash.message).toContain('Giunta');
    await desk.ok('agenda.delete', { id: giunta.event.id, recurrenceId: '2031-04-07T09:00', scope: 'solo_questo' });
    await desk.ok('agenda.create', eventArgs({ title: 'Conferenza stampa', start: '2031-04-07T10:00', end: '2031-04-07T10:30', roomId: room.id }));
    // Moving the whole series onto Tuesday's booking is refused too.
    await desk.ok('agenda.create', eventArgs({ title: 'Martedì in sala', start: '2031-04-15T09:30', end: '2031-04-15T10:00', roomId: room.id }));
    const move = await desk.refused('agenda.update', { id: giunta.event.id, scope: 'tutti', changes: { start: '2031-03-04T09:00', end: '2031-03-04T11:00', rrule: 'FREQ=WEEKLY;BYDAY=TU' } });
    expect(move.message).toContain('Martedì in sala');
  });

  it('a refused creation goes back to the desk as a tombstone; a refused edit re-emits the stored row', async () => {
    t = await startTestServer();
    const desk = await agendaDesk(t, 'segreteria');
    const room = await addRoom(desk);
    const first = await desk.ok<EventResult>('agenda.create', eventArgs({ roomId: room.id }));
    const id = uuidv7();
    await desk.refused('agenda.create', eventArgs({ id, roomId: room.id }));
    const rows = await desk.rows<AgendaEventDto>('agenda_events');
    expect(rows.has(id)).toBe(true);
    expect(rows.get(id)).toBeNull();
    const before = (await desk.pullAll()).length;
    await desk.refused('agenda.update', { id: first.event.id, changes: { start: '2031-05-02T13:00', end: '2031-05-02T12:00' } });
    const after = await desk.pullAll();
    expect(after.length).toBeGreaterThan(before);
    const reemitted = after.slice(before).filter((c) => c.table === 'agenda_events');
    expect(reemitted.find((c) => c.key === first.event.id)).toMatchObject({ row: { start: '2031-05-02T10:00', end: '2031-05-02T12:00' } });
    // Ids the refused edit could have created on the desk go out as tombstones.
    expect(reemitted.filter((c) => c.key !== first.event.id).every((c) => c.row === null)).toBe(true);
  });

  it('two desks moving the same engagement from the same base end with one value and a conflict both see', async () => {
    t = await startTestServer();
    const a = await agendaDesk(t, 'segreteria');
    const b = await agendaDesk(t, 'cerimoniale');
    const created = await a.ok<EventResult>('agenda.create', eventArgs({ kind: 'cerimonia', title: 'Premiazione' }));
    const base = { [`agenda_events:${created.event.id}`]: created.event.version };
    const first = await a.ok<EventResult>('agenda.update', { id: created.event.id, changes: { start: '2031-05-02T15:00', end: '2031-05-02T17:00' } }, base);
    const second = await b.ok<EventResult>('agenda.update', { id: created.event.id, changes: { start: '2031-05-02T16:00', end: '2031-05-02T18:00', notes: 'Portare le targhe' } }, base);
    // The first applied move stays; the other field of the second desk merges.
    expect(first.event.start).toBe('2031-05-02T15:00');
    expect(second.event).toMatchObject({ start: '2031-05-02T15:00', end: '2031-05-02T17:00', notes: 'Portare le targhe' });
    const conflictsA = [...(await a.rows<Conflict>('conflicts')).values()];
    const conflictsB = [...(await b.rows<Conflict>('conflicts')).values()];
    expect(conflictsA.map((c) => c!.field).sort()).toEqual(['end', 'start']);
    expect(conflictsB.map((c) => c!.id).sort()).toEqual(conflictsA.map((c) => c!.id).sort());
    const start = conflictsA.find((c) => c!.field === 'start')!;
    expect(start).toMatchObject({ table: 'agenda_events', key: created.event.id, keptValue: '2031-05-02T15:00', losingValue: '2031-05-02T16:00' });
    // The other value is one click away.
    await b.ok('conflicts.resolve', { conflictId: start.id, choose: 'losing' });
    const rows = await a.rows<AgendaEventDto>('agenda_events');
    expect(rows.get(created.event.id)).toMatchObject({ start: '2031-05-02T16:00', end: '2031-05-02T18:00' });
  });

  it('concurrent "solo questo" moves of one occurrence keep one override and record the conflict', async () => {
    t = await startTestServer();
    const a = await agendaDesk(t, 'segreteria');
    const b = await agendaDesk(t, 'segreteria');
    const created = await a.ok<EventResult>('agenda.create', eventArgs({ kind: 'giunta', title: 'Giunta', start: '2031-03-03T09:00', end: '2031-03-03T11:00', rrule: 'FREQ=WEEKLY;BYDAY=MO' }));
    const base = { [`agenda_events:${created.event.id}`]: created.event.version };
    const move = (start: string, end: string) => ({ id: created.event.id, recurrenceId: '2031-03-10T09:00', scope: 'solo_questo', changes: { start, end } });
    const mA = { ...a.mutation('agenda.update', move('2031-03-10T15:00', '2031-03-10T17:00')), baseVersions: base };
    const mB = { ...b.mutation('agenda.update', move('2031-03-10T16:00', '2031-03-10T18:00')), baseVersions: base };
    await a.pushOne(mA);
    const rB = await b.pushOne<EventResult>(mB);
    expect(rB.status).toBe('applied');
    expect(rB.result!.event).toMatchObject({ id: derivedId(mA.id, 1), start: '2031-03-10T15:00' });
    const rows = await b.rows<AgendaEventDto>('agenda_events');
    // B's optimistic override (its own derived id) is withdrawn; A's stays.
    expect(rows.get(derivedId(mB.id, 1))).toBeNull();
    expect(rows.get(derivedId(mA.id, 1))).toMatchObject({ start: '2031-03-10T15:00', seriesId: created.event.id });
    expect([...(await b.rows<Conflict>('conflicts')).values()].map((c) => c!.field).sort()).toEqual(['end', 'start']);
  });

  it('accepting an invitation creates the engagement on the Mayor’s agenda with the desk’s id; delegating on the delegate’s', async () => {
    t = await startTestServer();
    const desk = await agendaDesk(t, 'segreteria');
    const mayor = await mayorOf(desk);
    const assessore = await desk.ok<{ id: string }>('agenda.upsertPerson', { id: uuidv7(), name: 'Maria Rossi', role: 'assessore', title: 'Assessore alla Cultura' });
    const record = (title: string) => desk.ok<InvitationDto>('invitations.record', { id: uuidv7(), from: { name: 'Pro Loco' }, title, eventStart: '2031-06-01T18:00', eventEnd: '2031-06-01T20:00', place: 'Piazza Grande' });
    const inv = await record('Sagra del tartufo');
    const eventId = uuidv7();
    const accepted = await desk.ok<{ invitation: InvitationDto; event: AgendaEventDto }>('invitations.decide', { id: inv.id, decision: 'accetta', eventId });
    expect(accepted.invitation).toMatchObject({ state: 'accettato', eventId, recordedWithoutProtocol: true });
    expect(accepted.event).toMatchObject({ id: eventId, agendaOf: mayor.id, invitationId: inv.id });
    const again = await desk.refused('invitations.decide', { id: inv.id, decision: 'declina' });
    expect(again.code).toBe('INVALID_STATE');
    const other = await record('Concerto di primavera');
    const delegated = await desk.ok<{ invitation: InvitationDto; event: AgendaEventDto }>('invitations.decide', { id: other.id, decision: 'delega', delegateToPersonId: assessore.id, eventId: uuidv7() });
    expect(delegated.event).toMatchObject({ agendaOf: assessore.id, delegation: { fromName: 'Sindaco', toName: 'Maria Rossi' } });
    const letter = uuidv7();
    expect(await desk.ok<InvitationDto>('invitations.linkLetter', { id: other.id, letterEntryId: letter })).toMatchObject({ decision: { letterEntryId: letter } });
  });
});

describe('private engagements across desks', () => {
  it('reach a ceremonial-only desk redacted, the secretariat in full; only the secretariat may edit them', async () => {
    t = await startTestServer();
    const seg = await agendaDesk(t, 'segreteria');
    const cer = await agendaDesk(t, 'cerimoniale');
    const room = await addRoom(seg);
    const priv = await seg.ok<EventResult>('agenda.create', eventArgs({ kind: 'impegno_privato', title: 'Visita specialistica', notes: 'Ospedale S. Anna, reparto 3', counterpart: 'Dott. Verdi', staffContact: 'Autista Luca', roomId: room.id, participants: [{ kind: 'esterno', name: 'Moglie del Sindaco' }], entryIds: [uuidv7()] }));
    expect(priv.event.visibility).toBe('privato');
    const seen = (await cer.rows<AgendaEventDto>('agenda_events')).get(priv.event.id)!;
    expect(seen).toMatchObject({ title: 'Occupato', notes: null, counterpart: null, staffContact: null, participants: [], entryIds: [], start: '2031-05-02T10:00', roomId: room.id });
    expect(JSON.stringify(seen)).not.toMatch(/Visita|Ospedale|Verdi|Luca|Moglie/);
    expect((await seg.rows<AgendaEventDto>('agenda_events')).get(priv.event.id)).toMatchObject({ title: 'Visita specialistica', notes: 'Ospedale S. Anna, reparto 3' });
    const edit = await cer.refused('agenda.update', { id: priv.event.id, changes: { title: 'x' } });
    expect(edit.code).toBe('FORBIDDEN');
    // The time still blocks the room for everyone.
    const clash = await cer.refused('agenda.create', eventArgs({ kind: 'cerimonia', title: 'Premiazione', roomId: room.id }));
    expect(clash.message).toContain('«Occupato»');
    expect(clash.message).not.toContain('Visita');
  });
});
