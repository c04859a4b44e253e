// First: FullCalendar's styles go to a constructable sheet the shell's CSP allows (see fc-styles.ts).
import './fc-styles';
import { forwardRef, memo, useCallback, useEffect, useRef } from 'react';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import listPlugin from '@fullcalendar/list';
import interactionPlugin from '@fullcalendar/interaction';
import itLocale from '@fullcalendar/core/locales/it';
import type { DateSelectArg, DatesSetArg, EventDropArg } from '@fullcalendar/core';
import type { EventResizeDoneArg } from '@fullcalendar/interaction';
import type { AgendaOccurrenceDto } from '../../../shared/contract';
import { addMinutesLocal, localOfCalendarDate, romeNowLocal } from './agenda-time';
import { eventContent, occurrenceLabel } from './calendar-events';
import { useRangeSource } from './range-source';
import type { LocalDateTime } from '../../../shared/domain/agenda/time';

export const calendarViews = { giorno: 'timeGridDay', settimana: 'timeGridWeek', mese: 'dayGridMonth', elenco: 'listWeek' } as const;
export type CalendarView = keyof typeof calendarViews;

export interface VisibleRange {
  from: LocalDateTime;
  to: LocalDateTime;
  view: CalendarView;
  title: string;
}

export interface MoveRequest {
  occurrence: AgendaOccurrenceDto;
  start: LocalDateTime;
  end: LocalDateTime;
  allDay: boolean;
}

const monthViewOptions = { dayGridMonth: { dayMaxEvents: false } };

const viewOfType = (type: string): CalendarView => (Object.entries(calendarViews).find(([, t]) => t === type)?.[0] as CalendarView | undefined) ?? 'settimana';

/**
 * FullCalendar's free views (day, week, month, list) on Rome wall time: see agenda-time.ts for
 * why `timeZone: 'UTC'`. The calendar only draws and reports gestures; every rule (recurrence,
 * conflicts, visibility) stays in the desk. Events are focusable and Enter opens them.
 */
export const AgendaCalendar = memo(
  forwardRef<FullCalendar, {
    initialView: CalendarView;
    initialDate: string;
    /** Whose agenda (null: all of them). */
    agendaOf: string | null;
    editable: boolean;
    /** Called with a failed load of the window (null once a load succeeds). */
    onError: (err: unknown) => void;
    onRange: (r: VisibleRange) => void;
    onOpen: (o: AgendaOccurrenceDto) => void;
    onCreate: (start: LocalDateTime, end: LocalDateTime, allDay: boolean) => void;
    /** Resolves false to put the event back where it was. */
    onMove: (m: MoveRequest) => Promise<boolean>;
  }>(function AgendaCalendar(props, ref) {
    const { editable } = props;
    // `data-range` (the dates on screen) and `data-loaded` (the window whose engagements are on
    // screen) on the wrapper: tests and the bench wait for them to match. The calendar reports its
    // first dates before the wrapper is mounted, so the values are kept and written once it is.
    const wrap = useRef<HTMLDivElement>(null);
    const marks = useRef({ range: '', loaded: '' });
    const mark = useCallback((what: 'range' | 'loaded', value: string) => {
      marks.current[what] = value;
      if (wrap.current) wrap.current.dataset[what] = value;
    }, []);
    useEffect(() => {
      if (wrap.current) Object.assign(wrap.current.dataset, marks.current);
    }, []);
    const events = useRangeSource({ agendaOf: props.agendaOf, editable, mark, onError: props.onError });

    const moved = (info: EventDropArg | EventResizeDoneArg) => {
      const o = info.event.extendedProps.occurrence as AgendaOccurrenceDto;
      const start = info.event.start;
      if (!start) return info.revert();
      const allDay = info.event.allDay;
      const startLocal = allDay ? `${localOfCalendarDate(start).slice(0, 10)}T00:00` : localOfCalendarDate(start);
      // Dragged from the all-day row into the grid, the calendar gives no end: keep one hour.
      const end = info.event.end ? localOfCalendarDate(info.event.end) : addMinutesLocal(startLocal, allDay ? 24 * 60 : 60);
      void props.onMove({ occurrence: o, start: startLocal, end, allDay }).then((ok) => {
        if (!ok) info.revert();
      });
    };

    const selected = (info: DateSelectArg) => {
      const start = localOfCalendarDate(info.start);
      const end = localOfCalendarDate(info.end);
      info.view.calendar.unselect();
      // One day clicked in the month grid: a timed engagement that morning, not an all-day one.
      if (info.allDay && addMinutesLocal(start, 24 * 60) === end) return props.onCreate(`${start.slice(0, 10)}T09:00`, `${start.slice(0, 10)}T10:00`, false);
      props.onCreate(start, end, info.allDay);
    };

    const datesSet = (info: DatesSetArg) => {
      mark('range', `${localOfCalendarDate(info.start)}/${localOfCalendarDate(info.end)}`);
      props.onRange({ from: localOfCalendarDate(info.start), to: localOfCalendarDate(info.end), view: viewOfType(info.view.type), title: info.view.title });
    };

    return (
      <div className="g-agenda-cal" ref={wrap}>
      <FullCalendar
        ref={ref}
        plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
        locale={itLocale}
        timeZone="UTC"
        now={() => romeNowLocal()}
        initialView={calendarViews[props.initialView]}
        initialDate={props.initialDate}
        headerToolbar={false}
        events={events}
        // Ask the source for every window (it answers from the cache): the day inside an already
        // loaded week must still be marked loaded, and the month grid is thinned differently.
        lazyFetching={false}
        editable={editable}
        selectable={editable}
        selectMirror
        eventInteractive
        dayMaxEvents
        // The month grid is already thinned (monthEvents): no second pass measuring what fits.
        views={monthViewOptions}
        // Blocks in the month grid too: the kind's colour behind white text, never a coloured dot.
        eventDisplay="block"
        nowIndicator
        weekNumbers={false}
        navLinks={false}
        // The whole day stays reachable (a 05:30 departure must show), scrolled to the morning.
        height={720}
        expandRows
        slotDuration="00:30:00"
        scrollTime="08:00:00"
        slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        allDayText="Tutto il giorno"
        noEventsText="Nessun impegno in questo periodo"
        moreLinkText={(n) => `altri ${n}`}
        moreLinkHint={(n) => `Mostra altri ${n} impegni`}
        closeHint="Chiudi"
        timeHint="Ora"
        eventHint="Impegno"
        eventContent={eventContent}
        // A month cell is labelled by its day number alone, though it also shows its engagements:
        // its name then hides what it shows (WCAG 2.5.3). Named by its content, it reads both.
        dayCellDidMount={(info) => info.el.removeAttribute('aria-labelledby')}
        eventDidMount={(info) => {
          const more = info.event.extendedProps.more as { day: string; count: number } | undefined;
          const label = more ? `Altri ${more.count} impegni il ${more.day.split('-').reverse().join('/')}: apri la giornata` : occurrenceLabel(info.event.extendedProps.occurrence as AgendaOccurrenceDto);
          info.el.setAttribute('aria-label', label);
        }}
        eventClick={(info) => {
          info.jsEvent.preventDefault();
          const more = info.event.extendedProps.more as { day: string } | undefined;
          if (more) info.view.calendar.changeView(calendarViews.giorno, more.day);
          else props.onOpen(info.event.extendedProps.occurrence as AgendaOccurrenceDto);
        }}
        eventDrop={moved}
        eventResize={moved}
        select={selected}
        datesSet={datesSet}
      />
      </div>
    );
  }),
);
