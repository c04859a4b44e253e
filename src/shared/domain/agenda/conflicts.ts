/**
 * Double bookings (issue 5). Intervals are half-open [start, end): a meeting 10–12 and one
 * 12–14 follow each other and do not clash. A representation room cannot be booked twice
 * (the caller may still force it with a recorded reason); a person booked twice only gets a
 * warning, since the Mayor may well drop in on two events.
 */

export interface Booking {
  id: string;
  /** ISO instants. */
  start: string;
  end: string;
  roomId: string | null;
  people: readonly string[];
  title?: string;
}

function bounds(x: { start: string; end: string }): [number, number] {
  return [Date.parse(x.start), Date.parse(x.end)];
}

/** True when two half-open intervals share some time (10–12 vs 12–14: false). */
export function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  const [aStart, aEnd] = bounds(a);
  const [bStart, bEnd] = bounds(b);
  // A zero-length item (a deadline, a reminder) sits at an instant and clashes with what spans it.
  if (aStart === aEnd) return aStart >= bStart && aStart < bEnd;
  if (bStart === bEnd) return bStart >= aStart && bStart < aEnd;
  return aStart < bEnd && bStart < aEnd;
}

/** Bookings of the same room overlapping the candidate (the candidate itself excluded). */
export function roomConflicts(candidate: Booking, existing: readonly Booking[]): Booking[] {
  if (candidate.roomId === null) return [];
  return existing.filter((b) => b.id !== candidate.id && b.roomId === candidate.roomId && overlaps(candidate, b));
}

/** Each person of the candidate already engaged elsewhere at the same time, with that booking. */
export function personConflicts(candidate: Booking, existing: readonly Booking[]): Array<{ personId: string; booking: Booking }> {
  const out: Array<{ personId: string; booking: Booking }> = [];
  const people = new Set(candidate.people);
  for (const booking of existing) {
    if (booking.id === candidate.id || !overlaps(candidate, booking)) continue;
    for (const personId of new Set(booking.people)) if (people.has(personId)) out.push({ personId, booking });
  }
  return out;
}
