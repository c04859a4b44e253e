import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { docColumns } from './doc-table';

// ---------------------------------------------------------------------------------------------
// Issue 5: the Mayor's agenda, representation rooms and invitations. Each row's `data` is the
// shared DTO of src/shared/contract/agenda.ts; the columns serve the server's own checks
// (room double booking, public agenda export).
// ---------------------------------------------------------------------------------------------
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Whose agenda an engagement is on: Sindaco, Vicesindaco, Assessori (delegation targets). */
export const agendaPeople = pgTable('agenda_people', docColumns());

/** Representation rooms (Sala Alessi, Sala Giunta, …). */
export const rooms = pgTable('rooms', docColumns());

/**
 * Engagements and room bookings: single events, recurring masters (RRULE in `data`) and the
 * overrides of one occurrence (`seriesId` = master id). `untilAt` bounds a series (null: open).
 */
export const agendaEvents = pgTable(
  'agenda_events',
  {
    ...docColumns(),
    seriesId: text('series_id'),
    roomId: text('room_id'),
    startAt: instant('start_at').notNull(),
    endAt: instant('end_at').notNull(),
    untilAt: instant('until_at'),
  },
  (t) => [index('agenda_events_start').on(t.startAt), index('agenda_events_room').on(t.roomId, t.startAt), index('agenda_events_series').on(t.seriesId)],
);

/** Invitations to the Mayor: registered or recorded without protocol (art. 53 c.5). */
export const invitations = pgTable(
  'invitations',
  {
    ...docColumns(),
    state: text('state').notNull(),
  },
  (t) => [index('invitations_state').on(t.state)],
);

/** Annual ceremonies (25 aprile, 2 giugno, 4 novembre, patron saint…), editable templates. */
export const ceremonyTemplates = pgTable('ceremony_templates', docColumns());
