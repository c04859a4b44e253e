import { describe, expect, it } from 'vitest';
import {
  agendaCreateInput,
  agendaDelegateInput,
  agendaDeleteInput,
  agendaUpdateInput,
  invitationDecideInput,
  invitationRecordInput,
  type AgendaEventDto,
  type AgendaPersonDto,
  type RoomDto,
} from '../../../src/shared/contract/agenda';
import { AppError } from '../../../src/shared/contract/errors';
import { bookingsOf, blockingRoomConflicts, derivedId, masterIdOf, reduceAgenda, type AgendaAction, type AgendaReduceCtx } from '../../../src/shared/domain/agenda/reducer';
import { decideInvitation, recordInvitation } from '../../../src/shared/domain/agenda/invitations-reducer';
import { expandSeries } from '../../../src/shared/domain/agenda/recurrence';
import { toSeriesMaster, toSeriesOverride } from '../../../src/shared/domain/agenda/reducer-rows';

const sindaco: AgendaPersonDto = { id: '01900000-0000-7000-8000-000000000001', name: 'Sindaco', role: 'sindaco', title: '', active: true, version: 1 };
const assessore: AgendaPersonDto = { id: '01900000-0000-7000-8000-000000000002', name: 'Maria Rossi', role: 'assessore', title: 'Assessore alla Cultura', active: true, version: 1 };
const sala: RoomDto = { id: '01900000-0000-7000-8000-0000000000a1', name: 'Sala Alessi', location: null, capacity: 120, services: [], active: true, version: 1 };
const people = new Map([sindaco, assessore].map((p) => [p.id, p]));

let seq = 0;
function ctx(mutationId = `0190aaaa-bbbb-7ccc-8ddd-${String(++seq).padStart(12, '0')}`): AgendaReduceCtx {
  return {
    now: '2025-03-01T10:00:00.000Z',
    actor: { id: 'u1', name: 'Anna Segreteria' },
    mutationId,
    people: (id) => people.get(id) ?? null,
    rooms: (id) => (id === sala.id ? sala : null),
  };
}

/** A tiny store of one engagement's rows, as server and desk keep them. */
class Store {
  rows = new Map<string, AgendaEventDto>();
  apply(action: AgendaAction, c = ctx()) {
    const master = [...this.rows.values()].find((r) => r.id === masterIdOf(this.rows.get(action.args.id ?? '') ?? { id: action.args.id ?? '', seriesId: null }));
    const current = { event: master ?? null, overrides: [...this.rows.values()].filter((r) => master && r.seriesId === master.id) };
    const out = reduceAgenda(current, action, c);
    for (const r of out.rows) this.rows.set(r.id, { ...r, version: r.version + 1 });
    return out;
  }
  occurrences(from: string, to: string) {
    const masters = [...this.rows.values()].filter((r) => r.seriesId === null && !r.deleted);
    return masters.flatMap((m) => {
      const overrides = [...this.rows.values()].filter((r) => r.seriesId === m.id && !r.deleted).map(toSeriesOverride);
      return expandSeries(toSeriesMaster(m), overrides, { from, to }).map((o) => ({ ...o, row: this.rows.get(o.overrideId ?? m.id)! }));
    });
  }
}

const create = (args: Record<string, unknown>): AgendaAction => ({ name: 'agenda.create', args: agendaCreateInput.parse(args) });
const update = (args: Record<string, unknown>): AgendaAction => ({ name: 'agenda.update', args: agendaUpdateInput.parse(args) });
const del = (args: Record<string, unknown>): AgendaAction => ({ name: 'agenda.delete', args: agendaDeleteInput.parse(args) });
const ID = '01900000-0000-7000-8000-0000000000e1';

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof AppError ? err.code : 'not an AppError';
  }
}

describe('agenda reducer: create', () => {
  it('creates a single engagement with instants, default visibility and the author', () => {
    const s = new Store();
    const out = s.apply(create({ id: ID, kind: 'cerimonia', title: 'Festa della Liberazione', start: '2025-04-25T10:00', end: '2025-04-25T12:00', agendaOf: sindaco.id }));
    expect(out.primaryId).toBe(ID);
    const e = s.rows.get(ID)!;
    expect(e).toMatchObject({ visibility: 'pubblico', startAt: '2025-04-25T08:00:00.000Z', endAt: '2025-04-25T10:00:00.000Z', untilAt: '2025-04-25T10:00:00.000Z', createdByName: 'Anna Segreteria', version: 1, deleted: false });
  });

  it('gives a private kind private visibility and a series an open or bounded untilAt', () => {
    const s = new Store();
    s.apply(create({ id: ID, kind: 'impegno_privato', title: 'Visita medica', start: '2025-03-03T09:00', end: '2025-03-03T10:00', rrule: 'FREQ=WEEKLY;BYDAY=MO' }));
    expect(s.rows.get(ID)).toMatchObject({ visibility: 'privato', untilAt: null });
    const t = new Store();
    t.apply(create({ id: ID, kind: 'giunta', title: 'Giunta', start: '2025-03-03T09:00', end: '2025-03-03T11:00', rrule: 'FREQ=WEEKLY;COUNT=3' }));
    expect(t.rows.get(ID)!.untilAt).toBe('2025-03-17T10:00:00.000Z');
  });

  it('refuses a non-existent time, asks for a repeated one, and refuses an end before the start', () => {
    const s = new Store();
    expect(codeOf(() => s.apply(create({ kind: 'appuntamento', title: 'x', start: '2025-03-30T02:30', end: '2025-03-30T04:00' })))).toBe('VALIDATION');
    expect(codeOf(() => s.apply(create({ kind: 'appuntamento', title: 'x', start: '2025-10-26T02:30', end: '2025-10-26T04:00' })))).toBe('VALIDATION');
    s.apply(create({ id: ID, kind: 'appuntamento', title: 'x', start: '2025-10-26T02:30', end: '2025-10-26T04:00', ambiguous: 'later' }));
    expect(s.rows.get(ID)!.startAt).toBe('2025-10-26T01:30:00.000Z');
    expect(codeOf(() => new Store().apply(create({ kind: 'appuntamento', title: 'x', start: '2025-05-02T10:00', end: '2025-05-02T09:00' })))).toBe('VALIDATION');
    try {
      new Store().apply(create({ kind: 'appuntamento', title: 'x', start: '2025-03-30T02:30', end: '2025-03-30T04:00' }));
    } catch (err) {
      expect((err as AppError).message).toMatch(/non esistono.*03:30/);
    }
  });

  it('refuses an unknown person or room, and records an accepted double booking with its reason', () => {
    expect(codeOf(() => new Store().apply(create({ kind: 'appuntamento', title: 'x', start: '2025-05-02T10:00', end: '2025-05-02T11:00', agendaOf: '01900000-0000-7000-8000-00000000ffff' })))).toBe('VALIDATION');
    const s = new Store();
    s.apply(create({ id: ID, kind: 'prenotazione_sala', title: 'Convegno', start: '2025-05-02T10:00', end: '2025-05-02T11:00', roomId: sala.id, overrideRoomConflict: 'Sala condivisa con la Prefettura' }));
    expect(s.rows.get(ID)!.roomOverride).toEqual({ reason: 'Sala condivisa con la Prefettura', byName: 'Anna Segreteria', at: '2025-03-01T10:00:00.000Z' });
  });

  it('derives the same id on desk and server from the mutation id, and different ids per index', () => {
    const m = '0190aaaa-bbbb-7ccc-8ddd-000000000999';
    const a = new Store().apply(create({ kind: 'appuntamento', title: 'x', start: '2025-05-02T10:00', end: '2025-05-02T11:00' }), ctx(m));
    const b = new Store().apply(create({ kind: 'appuntamento', title: 'x', start: '2025-05-02T10:00', end: '2025-05-02T11:00' }), ctx(m));
    expect(a.rows).toEqual(b.rows);
    expect(a.primaryId).toBe(derivedId(m, 0));
    expect(derivedId(m, 1)).not.toBe(derivedId(m, 0));
    expect(derivedId(m, 0)).toMatch(/^0190aaaa-bbbb-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(Array.from({ length: 500 }, (_, i) => derivedId(m, i))).size).toBe(500);
  });
});

describe('agenda reducer: edits of a weekly series', () => {
  function weekly(): Store {
    const s = new Store();
    s.apply(create({ id: ID, kind: 'giunta', title: 'Giunta', start: '2025-03-03T09:00', end: '2025-03-03T11:00', rrule: 'FREQ=WEEKLY;BYDAY=MO', agendaOf: sindaco.id, roomId: sala.id }));
    return s;
  }
  const march = (s: Store) => s.occurrences('2025-03-01T00:00', '2025-04-15T00:00');

  it('keeps 09:00 on both sides of the March DST change', () => {
    const starts = march(weekly()).map((o) => o.start);
    expect(starts).toContain('2025-03-24T09:00');
    expect(starts).toContain('2025-03-31T09:00');
  });

  it('"solo questo" moves one occurrence into an override with a derived id and its own title', () => {
    const s = weekly();
    const c = ctx();
    const out = s.apply(update({ id: ID, recurrenceId: '2025-03-10T09:00', scope: 'solo_questo', changes: { start: '2025-03-10T15:00', end: '2025-03-10T17:00', title: 'Giunta straordinaria' } }), c);
    expect(out.primaryId).toBe(derivedId(c.mutationId, 1));
    const o = s.rows.get(out.primaryId)!;
    expect(o).toMatchObject({ seriesId: ID, recurrenceId: '2025-03-10T09:00', start: '2025-03-10T15:00', title: 'Giunta straordinaria', rrule: null, startAt: '2025-03-10T14:00:00.000Z' });
    expect(s.rows.get(ID)!.title).toBe('Giunta');
    expect(march(s).find((x) => x.recurrenceId === '2025-03-10T09:00')!.start).toBe('2025-03-10T15:00');
    // Editing the same occurrence again updates that override, not a second one.
    const again = s.apply(update({ id: ID, recurrenceId: '2025-03-10T09:00', scope: 'solo_questo', changes: { notes: 'Ordine del giorno allegato' } }));
    expect(again.primaryId).toBe(out.primaryId);
    expect(s.rows.size).toBe(2);
  });

  it('"tutti" moves the series, its exceptions follow, deleted occurrences stay deleted', () => {
    const s = weekly();
    s.apply(del({ id: ID, recurrenceId: '2025-03-17T09:00', scope: 'solo_questo' }));
    s.apply(update({ id: ID, recurrenceId: '2025-03-24T09:00', scope: 'solo_questo', changes: { title: 'Giunta di bilancio' } }));
    s.apply(update({ id: ID, recurrenceId: '2025-03-10T09:00', scope: 'tutti', changes: { start: '2025-03-10T10:00', end: '2025-03-10T12:00', title: 'Giunta comunale' } }));
    const occ = march(s);
    expect(occ.map((o) => o.start)).not.toContain('2025-03-17T10:00');
    expect(occ.map((o) => o.start)).toEqual(expect.arrayContaining(['2025-03-03T10:00', '2025-03-24T10:00', '2025-03-31T10:00']));
    // The title reaches the occurrences that still had the old one, not the one renamed on purpose.
    expect(occ.find((o) => o.start === '2025-03-31T10:00')!.row.title).toBe('Giunta comunale');
    expect(occ.find((o) => o.start === '2025-03-24T10:00')!.row.title).toBe('Giunta di bilancio');
  });

  it('a yearly 25 aprile series keeps a moved 2026 and a deleted 2027 after an "all" title edit', () => {
    const s = new Store();
    s.apply(create({ id: ID, kind: 'cerimonia', title: 'Festa della Liberazione', start: '2025-04-25T10:00', end: '2025-04-25T12:00', rrule: 'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=25' }));
    s.apply(update({ id: ID, recurrenceId: '2026-04-25T10:00', scope: 'solo_questo', changes: { start: '2026-04-25T11:00', end: '2026-04-25T13:00' } }));
    s.apply(del({ id: ID, recurrenceId: '2027-04-25T10:00', scope: 'solo_questo' }));
    s.apply(update({ id: ID, scope: 'tutti', changes: { title: '80° della Liberazione' } }));
    const occ = s.occurrences('2025-01-01T00:00', '2029-01-01T00:00');
    expect(occ.map((o) => o.start)).toEqual(['2025-04-25T10:00', '2026-04-25T11:00', '2028-04-25T10:00']);
    expect(occ.every((o) => o.row.title === '80° della Liberazione')).toBe(true);
  });

  it('"questo e i successivi" splits into a new series with a derived id; the old one ends before', () => {
    const s = weekly();
    const c = ctx();
    const out = s.apply(update({ id: ID, recurrenceId: '2025-03-17T09:00', scope: 'questo_e_successivi', changes: { start: '2025-03-17T14:00', end: '2025-03-17T16:00' } }), c);
    expect(out.primaryId).toBe(derivedId(c.mutationId, 1));
    expect(s.rows.get(out.primaryId)).toMatchObject({ start: '2025-03-17T14:00', seriesId: null, rrule: 'FREQ=WEEKLY;BYDAY=MO' });
    expect(s.rows.get(ID)!.rrule).toContain('UNTIL=');
    expect(s.rows.get(ID)!.untilAt).not.toBeNull();
    expect(march(s).map((o) => o.start)).toEqual(['2025-03-03T09:00', '2025-03-10T09:00', '2025-03-17T14:00', '2025-03-24T14:00', '2025-03-31T14:00', '2025-04-07T14:00', '2025-04-14T14:00']);
  });

  it('deletes one, the following, or all; deleting twice changes nothing; an edit of a deleted event is refused', () => {
    const s = weekly();
    s.apply(del({ id: ID, recurrenceId: '2025-03-10T09:00', scope: 'solo_questo' }));
    expect(march(s).map((o) => o.start)).not.toContain('2025-03-10T09:00');
    s.apply(update({ id: ID, recurrenceId: '2025-03-31T09:00', scope: 'solo_questo', changes: { title: 'Moved' } }));
    s.apply(del({ id: ID, recurrenceId: '2025-03-24T09:00', scope: 'questo_e_successivi' }));
    expect(march(s).map((o) => o.start)).toEqual(['2025-03-03T09:00', '2025-03-17T09:00']);
    expect([...s.rows.values()].filter((r) => r.seriesId === ID && r.recurrenceId === '2025-03-31T09:00')[0]!.deleted).toBe(true);
    s.apply(del({ id: ID, scope: 'tutti' }));
    expect(march(s)).toEqual([]);
    expect([...s.rows.values()].every((r) => r.deleted)).toBe(true);
    expect(s.apply(del({ id: ID })).rows).toEqual([]);
    expect(codeOf(() => s.apply(update({ id: ID, changes: { title: 'Di nuovo' } })))).toBe('CONFLICT');
  });

  it('refuses an edit of a deleted occurrence and a rule change on one occurrence', () => {
    const s = weekly();
    s.apply(del({ id: ID, recurrenceId: '2025-03-10T09:00', scope: 'solo_questo' }));
    expect(codeOf(() => s.apply(update({ id: ID, recurrenceId: '2025-03-10T09:00', scope: 'solo_questo', changes: { title: 'x' } })))).toBe('CONFLICT');
    expect(codeOf(() => s.apply(update({ id: ID, recurrenceId: '2025-03-24T09:00', scope: 'solo_questo', changes: { rrule: 'FREQ=DAILY' } })))).toBe('VALIDATION');
  });

  it('an edit that does not move the booking keeps the override reason; a move without a new reason drops it', () => {
    const s = new Store();
    s.apply(create({ id: ID, kind: 'prenotazione_sala', title: 'Convegno', start: '2025-05-02T10:00', end: '2025-05-02T11:00', roomId: sala.id, overrideRoomConflict: 'Accordo' }));
    const notes = s.apply(update({ id: ID, changes: { notes: 'Servizio audio' } }));
    expect(notes.recheckRooms).toBe(false);
    expect(s.rows.get(ID)!.roomOverride?.reason).toBe('Accordo');
    const moved = s.apply(update({ id: ID, changes: { start: '2025-05-02T12:00', end: '2025-05-02T13:00' } }));
    expect(moved.recheckRooms).toBe(true);
    expect(s.rows.get(ID)!.roomOverride).toBeNull();
  });

  it('an edit that changes nothing returns no rows', () => {
    const s = weekly();
    expect(s.apply(update({ id: ID, changes: { title: 'Giunta' } })).rows).toEqual([]);
  });
});

describe('agenda reducer: delegation and invitations', () => {
  it('moves the engagement to the delegate "in rappresentanza" and back', () => {
    const s = new Store();
    s.apply(create({ id: ID, kind: 'evento_pubblico', title: 'Inaugurazione', start: '2025-05-02T10:00', end: '2025-05-02T11:00', agendaOf: sindaco.id, participants: [{ kind: 'persona_agenda', id: sindaco.id, name: 'Sindaco' }] }));
    s.apply({ name: 'agenda.delegate', args: agendaDelegateInput.parse({ id: ID, toPersonId: assessore.id, note: 'Impegno concomitante' }) });
    const e = s.rows.get(ID)!;
    expect(e.agendaOf).toBe(assessore.id);
    expect(e.participants).toEqual([]);
    expect(e.delegation).toMatchObject({ fromPersonId: sindaco.id, fromName: 'Sindaco', toName: 'Maria Rossi', note: 'Impegno concomitante', byName: 'Anna Segreteria' });
    expect(codeOf(() => s.apply({ name: 'agenda.delegate', args: agendaDelegateInput.parse({ id: ID, toPersonId: assessore.id }) }))).toBe('VALIDATION');
    s.apply({ name: 'agenda.delegate', args: agendaDelegateInput.parse({ id: ID, toPersonId: sindaco.id }) });
    expect(s.rows.get(ID)).toMatchObject({ agendaOf: sindaco.id, delegation: null });
  });

  it('delegates one occurrence of a series as an override', () => {
    const s = new Store();
    s.apply(create({ id: ID, kind: 'giunta', title: 'Giunta', start: '2025-03-03T09:00', end: '2025-03-03T11:00', rrule: 'FREQ=WEEKLY;BYDAY=MO', agendaOf: sindaco.id }));
    const out = s.apply({ name: 'agenda.delegate', args: agendaDelegateInput.parse({ id: ID, recurrenceId: '2025-03-10T09:00', toPersonId: assessore.id }) });
    expect(s.rows.get(out.primaryId)).toMatchObject({ seriesId: ID, agendaOf: assessore.id });
    expect(s.rows.get(ID)!.agendaOf).toBe(sindaco.id);
    const b = bookingsOf([...s.rows.values()], { from: '2025-03-10T00:00', to: '2025-03-11T00:00' });
    expect(b.map((x) => x.people)).toEqual([[assessore.id]]);
  });

  it('accepting creates the engagement with the given id; delegating puts it on the delegate; declining creates none', () => {
    const c = { ...ctx(), mayor: sindaco };
    const inv = recordInvitation(null, invitationRecordInput.parse({ from: { name: 'Pro Loco' }, title: 'Sagra', eventStart: '2025-06-01T18:00', eventEnd: '2025-06-01T20:00', place: 'Piazza Grande' }), c);
    expect(inv).toMatchObject({ state: 'da_decidere', recordedWithoutProtocol: true, receivedOn: '2025-03-01' });
    const eventId = '01900000-0000-7000-8000-0000000000f1';
    const ok = decideInvitation(inv, invitationDecideInput.parse({ id: inv.id, decision: 'accetta', eventId }), c);
    expect(ok.invitation).toMatchObject({ state: 'accettato', eventId });
    expect(ok.agenda!.rows[0]).toMatchObject({ id: eventId, agendaOf: sindaco.id, invitationId: inv.id, address: 'Piazza Grande', counterpart: 'Pro Loco', visibility: 'interno' });
    const dl = decideInvitation(inv, invitationDecideInput.parse({ id: inv.id, decision: 'delega', delegateToPersonId: assessore.id, eventId }), c);
    expect(dl.invitation.state).toBe('delegato');
    expect(dl.agenda!.rows[0]).toMatchObject({ agendaOf: assessore.id, delegation: { fromPersonId: sindaco.id, toPersonId: assessore.id } });
    const no = decideInvitation(inv, invitationDecideInput.parse({ id: inv.id, decision: 'declina' }), c);
    expect(no).toMatchObject({ agenda: null, invitation: { state: 'declinato', eventId: null } });
    expect(codeOf(() => decideInvitation(no.invitation, invitationDecideInput.parse({ id: inv.id, decision: 'accetta' }), c))).toBe('INVALID_STATE');
  });
});

describe('bookings', () => {
  it('10–12 and 12–14 in the same room do not clash; 11–13 does unless overridden', () => {
    const a = new Store();
    a.apply(create({ id: ID, kind: 'prenotazione_sala', title: 'Mattina', start: '2025-05-02T10:00', end: '2025-05-02T12:00', roomId: sala.id }));
    const win = { from: '2025-05-02T00:00', to: '2025-05-03T00:00' };
    const others = bookingsOf([...a.rows.values()], win);
    const b = new Store();
    b.apply(create({ id: '01900000-0000-7000-8000-0000000000e2', kind: 'prenotazione_sala', title: 'Pomeriggio', start: '2025-05-02T12:00', end: '2025-05-02T14:00', roomId: sala.id }));
    expect(blockingRoomConflicts(bookingsOf([...b.rows.values()], win), others)).toEqual([]);
    const c = new Store();
    c.apply(create({ id: '01900000-0000-7000-8000-0000000000e3', kind: 'prenotazione_sala', title: 'Sovrapposto', start: '2025-05-02T11:00', end: '2025-05-02T13:00', roomId: sala.id }));
    expect(blockingRoomConflicts(bookingsOf([...c.rows.values()], win), others).map((x) => x.other.title)).toEqual(['Mattina']);
    const d = new Store();
    d.apply(create({ id: '01900000-0000-7000-8000-0000000000e4', kind: 'prenotazione_sala', title: 'Forzato', start: '2025-05-02T11:00', end: '2025-05-02T13:00', roomId: sala.id, overrideRoomConflict: 'Ok del Sindaco' }));
    expect(blockingRoomConflicts(bookingsOf([...d.rows.values()], win), others)).toEqual([]);
  });
});
