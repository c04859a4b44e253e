import { describe, expect, it } from 'vitest';
import { allDayRange, dstNoteOf, existingLocal, localOfCalendarDate, mondayOf, spanLabel } from '../../../src/renderer/features/agenda/agenda-time';
import { changesOf, createInputOf, draftFromEvent, emptyEventDraft, peopleOf, repeatOf, rruleOf, timesOf } from '../../../src/renderer/features/agenda/event-draft';
import { rowsOf } from '../../../src/renderer/features/agenda/RoomsGrid';
import { parseRoute, routeHref } from '../../../src/renderer/lib/route';
import type { AgendaEventDto, AgendaOccurrenceDto } from '../../../src/shared/contract';

/** The agenda screens' pure parts (issue 5): wall time with the calendar, drafts, rooms grid. */

describe('agenda wall time in the calendar', () => {
  it('reads the calendar’s UTC dates as Rome wall time, whatever the browser’s zone', () => {
    expect(localOfCalendarDate(new Date(Date.UTC(2026, 2, 29, 9, 30, 59)))).toBe('2026-03-29T09:30');
  });

  it('gives all-day engagements as days with an exclusive end', () => {
    expect(allDayRange('2026-04-25T00:00', '2026-04-26T00:00')).toEqual({ start: '2026-04-25', end: '2026-04-26' });
    expect(allDayRange('2026-04-25T00:00', '2026-04-27T12:00')).toEqual({ start: '2026-04-25', end: '2026-04-28' });
  });

  it('weeks start on Monday', () => {
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
  });

  it('warns on 02:30 of the last Sunday of March and moves it past the gap; asks on the October one', () => {
    expect(dstNoteOf('2026-03-29T02:30')).toEqual({ kind: 'nonexistent', shifted: '2026-03-29T03:30' });
    expect(existingLocal('2026-03-29T02:30')).toBe('2026-03-29T03:30');
    expect(dstNoteOf('2026-10-25T02:30')).toEqual({ kind: 'ambiguous' });
    expect(dstNoteOf('2026-10-25T09:00')).toEqual({ kind: 'ok' });
    expect(existingLocal('2026-10-25T02:30')).toBe('2026-10-25T02:30');
  });

  it('labels spans in Italian', () => {
    expect(spanLabel('2026-11-24T09:00', '2026-11-24T10:00')).toBe('mar 24/11/2026 09:00–10:00');
    expect(spanLabel('2026-04-25T00:00', '2026-04-26T00:00', true)).toBe('25/04/2026, tutto il giorno');
  });
});

const event = (over: Partial<AgendaEventDto> = {}): AgendaEventDto => ({
  id: '01900000-0000-7000-8000-000000000001', kind: 'giunta', title: 'Giunta comunale', start: '2026-11-24T09:00', end: '2026-11-24T10:00', allDay: false,
  startAt: '', endAt: '', untilAt: null, rrule: 'FREQ=WEEKLY;UNTIL=20261231T225959Z', exdates: [], seriesId: null, recurrenceId: null, cancelled: false,
  visibility: 'interno', agendaOf: '01900000-0000-7000-8000-0000000000aa', roomId: null, address: 'Palazzo Civico', counterpart: null, foreign: false,
  participants: [{ kind: 'persona_agenda', id: '01900000-0000-7000-8000-0000000000bb', name: 'Elena Conti', role: null }, { kind: 'esterno', id: null, name: 'Ospite', role: null }],
  staffContact: null, notes: null, attachments: [], entryIds: [], caseIds: [], organiser: null, services: [], roomOverride: null, delegation: null,
  invitationId: null, templateKey: null, deleted: false, createdBy: 'u', createdByName: 'U', createdAt: '', updatedAt: '', version: 3, ...over,
});

describe('event form drafts', () => {
  it('shows simple rules as a choice with "fino al", keeps any other rule as it is', () => {
    expect(repeatOf('FREQ=WEEKLY;UNTIL=20261231T225959Z')).toEqual({ repeat: 'WEEKLY', until: '2026-12-31', customRule: null });
    expect(repeatOf('FREQ=MONTHLY')).toEqual({ repeat: 'MONTHLY', until: '', customRule: null });
    expect(repeatOf('FREQ=MONTHLY;BYDAY=-1FR')).toEqual({ repeat: 'personalizzata', until: '', customRule: 'FREQ=MONTHLY;BYDAY=-1FR' });
    expect(rruleOf({ repeat: 'YEARLY', until: '2030-04-25', customRule: null })).toBe('FREQ=YEARLY;UNTIL=20300425');
    expect(rruleOf({ repeat: 'nessuna', until: '2030-04-25', customRule: null })).toBeNull();
  });

  it('sends all-day engagements as [first day, day after the last) and shifts a non-existent time', () => {
    expect(timesOf({ start: '2026-04-25T00:00', end: '2026-04-26T00:00', allDay: true })).toEqual({ start: '2026-04-25T00:00', end: '2026-04-27T00:00' });
    expect(timesOf({ start: '2026-03-29T02:30', end: '2026-03-29T04:00', allDay: false })).toEqual({ start: '2026-03-29T03:30', end: '2026-03-29T04:00' });
    const input = createInputOf(emptyEventDraft('2026-03-29T02:30', '2026-03-29T04:00', { title: ' Missione a Bruxelles ' }), '01900000-0000-7000-8000-000000000009', null);
    expect(input).toMatchObject({ title: 'Missione a Bruxelles', start: '2026-03-29T03:30', visibility: 'interno', rrule: null, ambiguous: 'earlier' });
    expect('overrideRoomConflict' in input).toBe(false);
  });

  it('sends only what the user changed (the server merges edits field by field)', () => {
    const before = draftFromEvent(event(), { start: '2026-12-01T09:00', end: '2026-12-01T10:00' });
    expect(before.start).toBe('2026-12-01T09:00');
    expect(changesOf(before, before)).toEqual({});
    expect(changesOf(before, { ...before, title: 'Giunta straordinaria' })).toEqual({ title: 'Giunta straordinaria' });
    // A new start carries the end with it, so the engagement keeps the times on screen.
    expect(changesOf(before, { ...before, start: '2026-12-01T11:00', end: '2026-12-01T12:00' })).toEqual({ start: '2026-12-01T11:00', end: '2026-12-01T12:00', allDay: false });
    // Untouched rule: not sent, even though the form writes it differently (date-only UNTIL).
    expect('rrule' in changesOf(before, { ...before, notes: 'x' })).toBe(false);
    expect(changesOf(before, { ...before, repeat: 'nessuna' })).toMatchObject({ rrule: null });
  });

  it('checks double bookings of the agenda’s owner and of invited agenda people only', () => {
    expect(peopleOf(draftFromEvent(event()))).toEqual(['01900000-0000-7000-8000-0000000000aa', '01900000-0000-7000-8000-0000000000bb']);
  });
});

describe('rooms grid and routes', () => {
  const occ = (start: string, end: string): AgendaOccurrenceDto => ({
    key: start, eventId: 'e', masterId: null, recurrenceId: null, recurring: false, kind: 'prenotazione_sala', title: 'Corso', start, end, allDay: false,
    visibility: 'interno', redacted: false, agendaOf: null, agendaOfName: null, roomId: 'r', roomName: 'Sala', address: null, counterpart: null,
    staffContact: null, notes: null, participants: [], delegatedToName: null, roomOverride: false, organiser: 'Ufficio', version: 1,
  });

  it('shows 07–21 by the hour, widened to bookings outside', () => {
    expect(rowsOf('2026-11-23', 1, []).map((r) => r.label)).toEqual(Array.from({ length: 15 }, (_, i) => `${String(7 + i).padStart(2, '0')}:00`));
    const rows = rowsOf('2026-11-23', 1, [occ('2026-11-23T06:30', '2026-11-23T08:00'), occ('2026-11-23T21:00', '2026-11-23T23:00')]);
    expect([rows[0]?.label, rows[rows.length - 1]?.label]).toEqual(['06:00', '22:00']);
    expect(rowsOf('2026-11-23', 7, []).map((r) => r.from)).toEqual(Array.from({ length: 7 }, (_, i) => `2026-11-${23 + i}T00:00`));
  });

  it('routes the agenda, rooms and invitations screens and the new admin tabs', () => {
    for (const screen of ['agenda', 'sale', 'inviti'] as const) expect(parseRoute(routeHref({ screen }))).toEqual({ screen });
    expect(parseRoute('#/amministrazione/cerimonie')).toEqual({ screen: 'amministrazione', tab: 'cerimonie' });
  });
});
