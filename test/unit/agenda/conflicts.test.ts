import { describe, expect, it } from 'vitest';
import { overlaps, personConflicts, roomConflicts, type Booking } from '../../../src/shared/domain/agenda/conflicts';
import { romeLocalToInstant } from '../../../src/shared/domain/agenda/time';

const at = (local: string): string => romeLocalToInstant(local);
function booking(id: string, from: string, to: string, roomId: string | null, people: string[] = []): Booking {
  return { id, start: at(`2025-05-12T${from}`), end: at(`2025-05-12T${to}`), roomId, people, title: id };
}

describe('room and person conflicts', () => {
  const conference = booking('conferenza', '10:00', '12:00', 'sala-alessi', ['sindaco']);

  it('lets 10–12 and 12–14 in the same room follow each other (half-open intervals)', () => {
    const next = booking('incontro', '12:00', '14:00', 'sala-alessi');
    expect(overlaps(conference, next)).toBe(false);
    expect(roomConflicts(next, [conference])).toEqual([]);
  });

  it('finds 10–12 and 11–13 in the same room clashing', () => {
    const clash = booking('giunta', '11:00', '13:00', 'sala-alessi');
    expect(overlaps(conference, clash)).toBe(true);
    expect(roomConflicts(clash, [conference]).map((b) => b.id)).toEqual(['conferenza']);
  });

  it('does not report a booking of another room, nor the booking itself when it is being moved', () => {
    const elsewhere = booking('udienza', '11:00', '13:00', 'sala-giunta');
    expect(roomConflicts(elsewhere, [conference])).toEqual([]);
    const moved = { ...conference, start: at('2025-05-12T11:00'), end: at('2025-05-12T13:00') };
    expect(roomConflicts(moved, [conference])).toEqual([]);
    expect(roomConflicts(booking('senza-sala', '10:00', '12:00', null), [{ ...conference, roomId: null }])).toEqual([]);
  });

  it('warns about a person booked twice, naming the person and the other engagement', () => {
    const visit = booking('visita', '11:30', '12:30', null, ['sindaco', 'assessore-cultura']);
    const other = booking('inaugurazione', '12:00', '13:00', null, ['assessore-cultura']);
    const later = booking('cerimonia', '12:30', '13:30', null, ['sindaco']);
    expect(personConflicts(visit, [conference, other, later]).map((c) => [c.personId, c.booking.id])).toEqual([
      ['sindaco', 'conferenza'],
      ['assessore-cultura', 'inaugurazione'],
    ]);
    expect(personConflicts(booking('solo', '11:00', '12:00', null, ['staff-1']), [conference])).toEqual([]);
  });

  it('compares instants, so a clash across the DST change is found in real time', () => {
    // 02:00–03:00 does not exist on 2025-03-30: 01:30–03:30 local is one real hour long.
    const night = { id: 'a', start: at('2025-03-30T01:30'), end: at('2025-03-30T03:30'), roomId: 'r', people: [] };
    const early = { id: 'b', start: at('2025-03-30T03:15'), end: at('2025-03-30T04:00'), roomId: 'r', people: [] };
    expect(roomConflicts(early, [night])).toHaveLength(1);
  });
});
