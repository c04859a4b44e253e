import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type AgendaOccurrenceDto, type ConflictReport } from '../../../src/shared/contract';
import { createDesks, type Desks, type TestDesk } from '../sync/desks';
import { agendaWorld, lines, type AgendaWorld, type Created } from './helpers';

let t: Desks;
let a: TestDesk;
let b: TestDesk;
let w: AgendaWorld;
// One register server and two desks for the file (starting them is the slow part); each test
// works on its own weeks, so they do not see each other's meetings.
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

/** A weekly Monday meeting of four occurrences from `monday`, 09:00–10:30 in the Sala Giunta. */
const giunta = (monday: string) => ({
  kind: 'giunta', title: 'Riunione di Giunta', start: `${monday}T09:00`, end: `${monday}T10:30`, rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=4',
  agendaOf: w.mayor.id, roomId: w.salaGiunta.id,
});
const both = [[() => a, 'segreteria'], [() => b, 'cerimoniale']] as const;

describe('a weekly meeting, on two desks', () => {
  it('stays at 09:00 wall time across the DST change, on both desks and in the conflict checks', async () => {
    const { event } = await a.call<Created>('agenda.create', giunta('2025-03-17'), 'segreteria');
    expect(event).toMatchObject({ startAt: '2025-03-17T08:00:00.000Z', untilAt: '2025-04-07T08:30:00.000Z' });
    const window = ['2025-03-20T00:00', '2025-04-12T00:00'] as const;
    const expected = ['2025-03-24T09:00 10:30 Riunione di Giunta', '2025-03-31T09:00 10:30 Riunione di Giunta', '2025-04-07T09:00 10:30 Riunione di Giunta'];
    expect(await lines(a, 'segreteria', ...window)).toEqual(expected);
    await t.syncAll();
    expect(await lines(b, 'cerimoniale', ...window)).toEqual(expected);
    // 31 March is summer time: the meeting is 07:00–08:30 UTC that day, 08:00–09:30 UTC a week before.
    const check = (start: string, end: string) => b.call<ConflictReport>('agenda.checkConflicts', { start, end, roomId: w.salaGiunta.id }, 'cerimoniale');
    expect((await check('2025-03-31T08:00', '2025-03-31T09:00')).rooms).toEqual([]);
    expect((await check('2025-03-31T10:00', '2025-03-31T11:00')).rooms).toMatchObject([{ eventId: event.id, start: '2025-03-31T09:00', end: '2025-03-31T10:30', roomName: 'Sala Giunta' }]);
    expect((await check('2025-03-24T10:30', '2025-03-24T12:00')).rooms).toEqual([]);
  });

  it('moves one occurrence ("solo questo") and the second desk sees it moved, the others in place', async () => {
    const { event } = await a.call<Created>('agenda.create', giunta('2025-05-05'), 'segreteria');
    await t.syncAll();
    const moved = await a.call<Created>('agenda.update', { id: event.id, recurrenceId: '2025-05-12T09:00', scope: 'solo_questo', changes: { start: '2025-05-13T15:00', end: '2025-05-13T16:30' } }, 'segreteria');
    expect(moved.event).toMatchObject({ seriesId: event.id, recurrenceId: '2025-05-12T09:00', start: '2025-05-13T15:00', startAt: '2025-05-13T13:00:00.000Z' });
    await t.syncAll();
    const expected = ['2025-05-05T09:00 10:30 Riunione di Giunta', '2025-05-13T15:00 16:30 Riunione di Giunta', '2025-05-19T09:00 10:30 Riunione di Giunta', '2025-05-26T09:00 10:30 Riunione di Giunta'];
    for (const [d, role] of both) expect(await lines(d(), role, '2025-05-01T00:00', '2025-06-01T00:00')).toEqual(expected);
    const onB = await b.call<AgendaOccurrenceDto[]>('agenda.range', { from: '2025-05-13T00:00', to: '2025-05-14T00:00' }, 'cerimoniale');
    expect(onB).toMatchObject([{ key: `${event.id}@2025-05-12T09:00`, masterId: event.id, eventId: moved.event.id, recurring: true, recurrenceId: '2025-05-12T09:00' }]);
    // The server holds exactly one override, the desk's own (same id on both sides).
    expect(b.query('select id from agenda_events where series_id = ?', event.id)).toEqual([{ id: moved.event.id }]);
  });

  it('a deleted occurrence stays deleted when the whole series is edited on the other desk', async () => {
    const { event } = await a.call<Created>('agenda.create', giunta('2025-06-02'), 'segreteria');
    await t.syncAll();
    const window = ['2025-06-01T00:00', '2025-07-01T00:00'] as const;
    await a.call('agenda.delete', { id: event.id, recurrenceId: '2025-06-09T09:00', scope: 'solo_questo' }, 'segreteria');
    expect(await lines(a, 'segreteria', ...window)).not.toContain('2025-06-09T09:00 10:30 Riunione di Giunta');
    await a.syncOnce();
    // B has not pulled the deletion: it moves every meeting to 10:00 and renames the series.
    await b.call('agenda.update', { id: event.id, recurrenceId: '2025-06-02T09:00', scope: 'tutti', changes: { start: '2025-06-02T10:00', end: '2025-06-02T11:30', title: 'Giunta comunale' } }, 'cerimoniale');
    await t.syncAll();
    const expected = ['2025-06-02T10:00 11:30 Giunta comunale', '2025-06-16T10:00 11:30 Giunta comunale', '2025-06-23T10:00 11:30 Giunta comunale'];
    for (const [d, role] of both) expect(await lines(d(), role, ...window)).toEqual(expected);
    // And once more on A: a second edit of the series does not bring it back either.
    await a.call('agenda.update', { id: event.id, scope: 'tutti', changes: { title: 'Giunta' } }, 'segreteria');
    await t.syncAll();
    for (const [d, role] of both) {
      expect(await lines(d(), role, ...window)).toEqual(['2025-06-02T10:00 11:30 Giunta', '2025-06-16T10:00 11:30 Giunta', '2025-06-23T10:00 11:30 Giunta']);
      expect(await d().call('review.list', {}, role)).toMatchObject({ open: [] });
    }
  });

  it('deleting "questo e i successivi" ends the series on both desks', async () => {
    const { event } = await a.call<Created>('agenda.create', giunta('2025-09-01'), 'segreteria');
    await a.call('agenda.delete', { id: event.id, recurrenceId: '2025-09-15T09:00', scope: 'questo_e_successivi' }, 'segreteria');
    await t.syncAll();
    for (const [d, role] of both) {
      expect(await lines(d(), role, '2025-09-01T00:00', '2025-10-01T00:00')).toEqual(['2025-09-01T09:00 10:30 Riunione di Giunta', '2025-09-08T09:00 10:30 Riunione di Giunta']);
    }
  });

  it('refuses a time the clock never shows and asks which one on the repeated hour', async () => {
    const at = (start: string, end: string, over: Record<string, unknown> = {}) => a.call('agenda.create', { kind: 'appuntamento', title: 'Telefonata', start, end, agendaOf: w.mayor.id, ...over }, 'segreteria').catch((e: unknown) => e);
    const gap = (await at('2026-03-29T02:30', '2026-03-29T03:30')) as AppError;
    expect(gap).toBeInstanceOf(AppError);
    expect(gap).toMatchObject({ code: 'VALIDATION', details: { suggestion: '2026-03-29T03:30' } });
    expect(((await at('2026-10-25T02:30', '2026-10-25T03:30')) as AppError).code).toBe('VALIDATION');
    const later = (await at('2026-10-25T02:30', '2026-10-25T03:30', { ambiguous: 'later' })) as Created;
    expect(later.event).toMatchObject({ start: '2026-10-25T02:30', startAt: '2026-10-25T01:30:00.000Z' });
  });
});
