import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type AgendaOccurrenceDto, type ConflictReport, type ReviewList, type RoomDto } from '../../../src/shared/contract';
import { createDesks, type Desks, type TestDesk } from '../sync/desks';
import { agendaWorld, type AgendaWorld, type Created } from './helpers';

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

const booking = (day: string, from: string, to: string, title: string, over: Record<string, unknown> = {}) => ({
  kind: 'prenotazione_sala', title, start: `${day}T${from}`, end: `${day}T${to}`, agendaOf: null, roomId: w.salaSpecchi.id,
  organiser: 'Ufficio Cultura', services: ['audio'], ...over,
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('representation rooms', () => {
  it('refuses a double booking of a room, then accepts it with a reason; 10–12 and 12–14 do not clash', async () => {
    const day = '2026-12-03';
    const first = await a.call<Created>('agenda.create', booking(day, '10:00', '12:00', 'Presentazione del libro'), 'segreteria');
    expect(first.warnings).toEqual({ rooms: [], people: [] });
    const err = await refusal(a.call('agenda.create', booking(day, '11:00', '13:00', 'Corso di formazione'), 'segreteria'));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('Sala degli Specchi');
    expect(err.details).toMatchObject({ rooms: [{ eventId: first.event.id, title: 'Presentazione del libro', start: `${day}T10:00`, end: `${day}T12:00`, roomName: 'Sala degli Specchi' }] });
    const after = await a.call<Created>('agenda.create', booking(day, '12:00', '14:00', 'Commissione consiliare'), 'segreteria');
    expect(after.warnings.rooms).toEqual([]);
    const forced = await a.call<Created>('agenda.create', booking(day, '11:00', '13:00', 'Corso di formazione', { overrideRoomConflict: 'Visita istituzionale: il corso si sposta nel salone' }), 'segreteria');
    expect(forced.event.roomOverride).toMatchObject({ reason: 'Visita istituzionale: il corso si sposta nel salone', byName: 'Sara Segreteria' });
    expect(forced.warnings.rooms.map((r) => (r as { start: string }).start)).toEqual([`${day}T10:00`, `${day}T12:00`]);

    // The second desk receives the bookings and sees them in the rooms view; it refuses the clash too.
    await t.syncAll();
    expect(await a.call('review.list', {}, 'segreteria')).toMatchObject({ open: [] });
    const view = await b.call<{ rooms: RoomDto[]; occurrences: AgendaOccurrenceDto[] }>('agenda.roomsView', { day }, 'cerimoniale');
    expect(view.rooms.map((r) => r.name)).toEqual(['Sala degli Specchi', 'Sala Giunta']);
    expect(view.occurrences.map((o) => [o.start.slice(11), o.title, o.roomName, o.organiser, o.roomOverride])).toEqual([
      ['10:00', 'Presentazione del libro', 'Sala degli Specchi', 'Ufficio Cultura', false],
      ['11:00', 'Corso di formazione', 'Sala degli Specchi', 'Ufficio Cultura', true],
      ['12:00', 'Commissione consiliare', 'Sala degli Specchi', 'Ufficio Cultura', false],
    ]);
    expect((await refusal(b.call('agenda.create', booking(day, '13:30', '15:00', 'Riunione'), 'cerimoniale'))).code).toBe('CONFLICT');
    const week = await b.call<{ occurrences: AgendaOccurrenceDto[] }>('agenda.roomsView', { day: '2026-11-30', days: 7 }, 'cerimoniale');
    expect(week.occurrences).toHaveLength(3);
  });

  it('moving a booking onto another one is refused too; the draft check shows it before saving', async () => {
    const day = '2026-12-10';
    const one = await a.call<Created>('agenda.create', booking(day, '09:00', '10:00', 'Conferenza stampa'), 'segreteria');
    const two = await a.call<Created>('agenda.create', booking(day, '15:00', '16:00', 'Incontro operatori turistici'), 'segreteria');
    const draft = await a.call<ConflictReport>('agenda.checkConflicts', { start: `${day}T09:30`, end: `${day}T10:30`, roomId: w.salaSpecchi.id, excludeEventId: two.event.id }, 'segreteria');
    expect(draft.rooms).toMatchObject([{ eventId: one.event.id }]);
    const moving = a.call('agenda.update', { id: two.event.id, changes: { start: `${day}T09:30`, end: `${day}T10:30` } }, 'segreteria');
    expect((await refusal(moving)).code).toBe('CONFLICT');
    // Changing only the title of a booking never asks about rooms.
    const renamed = await a.call<Created>('agenda.update', { id: two.event.id, changes: { title: 'Incontro con gli operatori turistici' } }, 'segreteria');
    expect(renamed.event).toMatchObject({ title: 'Incontro con gli operatori turistici', start: `${day}T15:00`, organiser: 'Ufficio Cultura', services: ['audio'] });
  });

  it('a person booked twice is only a warning', async () => {
    const day = '2026-12-14';
    const first = await a.call<Created>('agenda.create', { kind: 'appuntamento', title: 'Incontro con il Prefetto', start: `${day}T09:00`, end: `${day}T10:00`, agendaOf: w.mayor.id }, 'segreteria');
    const second = await a.call<Created>('agenda.create', { kind: 'udienza', title: 'Ricevimento dei cittadini', start: `${day}T09:30`, end: `${day}T11:00`, agendaOf: w.mayor.id }, 'segreteria');
    expect(second.warnings).toEqual({ rooms: [], people: [{ personName: 'Marco Gallo', eventId: first.event.id, title: 'Incontro con il Prefetto', start: `${day}T09:00`, end: `${day}T10:00` }] });
  });

  it('a clash between two desks offline is refused by the register server and leaves the agenda', async () => {
    const day = '2026-12-17';
    await b.call<Created>('agenda.create', booking(day, '16:00', '18:00', 'Matrimonio civile', { organiser: 'Stato civile' }), 'cerimoniale');
    // A has not pulled B's booking: it books the same hour on its own desk.
    const local = await a.call<Created>('agenda.create', booking(day, '17:00', '18:00', 'Presentazione mostra'), 'segreteria');
    expect(local.warnings.rooms).toEqual([]);
    await b.syncOnce();
    await t.syncAll();
    const open = (await a.call<ReviewList>('review.list', {}, 'segreteria')).open;
    expect(open).toHaveLength(1);
    expect(open[0]!.error.code).toBe('CONFLICT');
    const shown = await a.call<AgendaOccurrenceDto[]>('agenda.range', { from: `${day}T00:00`, to: `${day}T23:59` }, 'segreteria');
    expect(shown.map((o) => o.title)).toEqual(['Matrimonio civile']);
    await a.call('review.discard', { mutationId: open[0]!.mutationId }, 'segreteria');
  });
});
