import type { CalendarView } from './AgendaCalendar';

/**
 * Where the clerk left the agenda (view, day, whose agenda): kept for the session, so going to
 * Registra and back does not throw him to today's week.
 */
export const agendaViewState: { view: CalendarView; date: string; person: string } = { view: 'settimana', date: '', person: '' };
