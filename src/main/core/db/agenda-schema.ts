import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { docColumns } from './doc-table';

// Issue 5 (agenda): local copies. Switching week or month reads a window: singles by their
// instants, series by [startAt, untilAt) and expanded in src/shared/domain/agenda.

export const agendaPeople = sqliteTable('agenda_people', docColumns());
export const rooms = sqliteTable('rooms', docColumns());

export const agendaEvents = sqliteTable(
  'agenda_events',
  {
    ...docColumns(),
    seriesId: text('series_id'),
    roomId: text('room_id'),
    /** ISO instants (UTC, 'Z'): sortable as text. */
    startAt: text('start_at').notNull(),
    endAt: text('end_at').notNull(),
    untilAt: text('until_at'),
  },
  (t) => [
    index('agenda_events_window').on(t.startAt, t.endAt),
    index('agenda_events_room').on(t.roomId, t.startAt),
    index('agenda_events_series').on(t.seriesId),
    // A window reads the rows that end after its start: years of history are never scanned.
    index('agenda_events_until').on(t.untilAt, t.startAt),
  ],
);

export const invitations = sqliteTable(
  'invitations',
  {
    ...docColumns(),
    state: text('state').notNull(),
  },
  (t) => [index('invitations_state').on(t.state)],
);

export const ceremonyTemplates = sqliteTable('ceremony_templates', docColumns());
