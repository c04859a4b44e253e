import type { EventContentArg, EventInput } from '@fullcalendar/core';
import type { AgendaOccurrenceDto } from '../../../shared/contract';
import { eventKindLabels } from '../../../shared/domain/agenda/kinds';
import { allDayRange, spanLabel } from './agenda-time';

/** What the calendar draws for the desk's occurrences (no rule here: the desk decided them). */

/** Text a screen reader hears for an engagement (the colour of its kind is repeated in words). */
export function occurrenceLabel(o: AgendaOccurrenceDto): string {
  const parts = [o.title, eventKindLabels[o.kind], spanLabel(o.start, o.end, o.allDay)];
  if (o.roomName) parts.push(o.roomName);
  if (o.agendaOfName) parts.push(`agenda di ${o.agendaOfName}`);
  if (o.delegatedToName) parts.push('in rappresentanza del Sindaco');
  if (o.recurring) parts.push('ricorrente');
  return parts.join(', ');
}

export function toCalendarEvent(o: AgendaOccurrenceDto, editable: boolean): EventInput {
  const days = o.allDay ? allDayRange(o.start, o.end) : null;
  return {
    id: o.key,
    title: o.title,
    start: days ? days.start : o.start,
    end: days ? days.end : o.end,
    allDay: o.allDay,
    editable: editable && !o.redacted,
    classNames: [`g-ev-${o.kind}`, ...(o.redacted ? ['g-ev-busy'] : []), ...(o.visibility === 'privato' ? ['g-ev-private'] : [])],
    extendedProps: { occurrence: o },
  };
}

/** Engagements a month cell shows before "altri N" (the day view has them all). */
const MONTH_PER_DAY = 3;

/**
 * The month grid gets at most three engagements a day and one "altri N" entry that opens the
 * day: a busy month (hundreds of engagements) then draws as fast as a quiet week, and a cell never
 * overflows. FullCalendar's own "+N" still works, but it lays out every engagement first.
 */
export function monthEvents(occurrences: readonly AgendaOccurrenceDto[], editable: boolean): EventInput[] {
  const byDay = new Map<string, AgendaOccurrenceDto[]>();
  for (const o of occurrences) {
    const day = o.start.slice(0, 10);
    const list = byDay.get(day);
    if (list) list.push(o);
    else byDay.set(day, [o]);
  }
  const out: EventInput[] = [];
  for (const [day, list] of byDay) {
    for (const o of list.slice(0, MONTH_PER_DAY)) out.push(toCalendarEvent(o, editable));
    const more = list.length - MONTH_PER_DAY;
    if (more > 0) {
      out.push({ id: `altri-${day}`, title: `altri ${more}`, start: `${day}T23:59`, end: `${day}T23:59`, allDay: false, editable: false, classNames: ['g-ev-more'], extendedProps: { more: { day, count: more } } });
    }
  }
  return out;
}

function span(className: string, text: string): HTMLSpanElement {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = text;
  return el;
}

/**
 * An engagement's face: time, title, "in rappresentanza" badge, room. Plain DOM nodes, not React:
 * FullCalendar mounts React content through one portal per event, which costs more than the rest
 * of a month grid's rendering together.
 */
export function eventContent(arg: EventContentArg): { domNodes: Node[] } {
  const more = arg.event.extendedProps.more as { day: string; count: number } | undefined;
  if (more) return { domNodes: [span('g-ev-title', `+ altri ${more.count}`)] };
  const o = arg.event.extendedProps.occurrence as AgendaOccurrenceDto;
  const root = document.createElement('span');
  root.className = 'g-ev';
  if (!o.allDay && arg.view.type !== 'listWeek') root.append(span('g-ev-time', arg.timeText));
  root.append(span('g-ev-title', o.title));
  if (o.delegatedToName) root.append(span('g-ev-badge', `in rappresentanza · ${o.delegatedToName}`));
  if (o.roomName && arg.view.type !== 'dayGridMonth') root.append(span('g-ev-room', o.roomName));
  if (o.recurring) root.append(span('visually-hidden', ', ricorrente'));
  return { domNodes: [root] };
}

