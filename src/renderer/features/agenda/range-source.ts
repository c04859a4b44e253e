import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { EventSourceFuncArg, EventInput } from '@fullcalendar/core';
import type { AgendaOccurrenceDto } from '../../../shared/contract';
import { cachedRange, loadRange, prefetchRange, type RangeInput } from './agenda-data';
import { addDays, localOfCalendarDate, mondayOf } from './agenda-time';
import { monthEvents, toCalendarEvent } from './calendar-events';

const DAY = 86_400_000;

/** The grid of the month containing `day`: six weeks from the Monday on or before the 1st. */
function monthGrid(day: string): { from: string; to: string } {
  const first = mondayOf(`${day.slice(0, 7)}-01`);
  return { from: `${first}T00:00`, to: `${addDays(first, 42)}T00:00` };
}

/** The windows either side of the visible one, fetched ahead so next/previous paint at once. */
export function neighboursOf(input: RangeInput): RangeInput[] {
  const days = Math.round((Date.parse(`${input.to}:00Z`) - Date.parse(`${input.from}:00Z`)) / DAY);
  if (days >= 28) {
    const month = `${addDays(input.from.slice(0, 10), 10).slice(0, 7)}-01`;
    return [{ ...input, ...monthGrid(addDays(month, 35)) }, { ...input, ...monthGrid(addDays(month, -5)) }];
  }
  const shift = (n: number) => ({ ...input, from: `${addDays(input.from.slice(0, 10), n)}T00:00`, to: `${addDays(input.to.slice(0, 10), n)}T00:00` });
  return [shift(days), shift(-days)];
}

/**
 * The calendar's event source: the occurrences of the visible window only (a year of engagements
 * never travels to the page), from react-query's cache. A window already fetched ahead is handed
 * over synchronously, so FullCalendar draws the new dates and their engagements in one pass
 * rather than first with the old window's engagements. `mark('loaded', window)` tells which
 * window's engagements are on screen (tests and bench/agenda-ui.ts wait for it).
 */
export function useRangeSource(opts: { agendaOf: string | null; editable: boolean; mark: (what: 'loaded', value: string) => void; onError: (err: unknown) => void }) {
  const qc = useQueryClient();
  const { agendaOf, editable, mark, onError } = opts;
  return useMemo(
    () => (info: EventSourceFuncArg, success: (events: EventInput[]) => void, failure: (err: Error) => void) => {
      const from = localOfCalendarDate(info.start);
      const to = localOfCalendarDate(info.end);
      const input: RangeInput = { from, to, ...(agendaOf ? { agendaOf: [agendaOf] } : {}) };
      const month = info.end.getTime() - info.start.getTime() >= 28 * DAY;
      const done = (list: AgendaOccurrenceDto[]) => {
        success(month ? monthEvents(list, editable) : list.map((o) => toCalendarEvent(o, editable)));
        mark('loaded', `${from}/${to}`);
        onError(null);
        for (const n of neighboursOf(input)) prefetchRange(qc, n);
      };
      const cached = cachedRange(qc, input);
      if (cached) return done(cached);
      loadRange(qc, input).then(done, (err: unknown) => {
        failure(err instanceof Error ? err : new Error(String(err)));
        onError(err);
      });
    },
    [qc, agendaOf, editable, mark, onError],
  );
}
