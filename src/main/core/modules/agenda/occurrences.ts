import type { AgendaEventDto, AgendaOccurrenceDto } from '../../../../shared/contract';
import { expandSeries, redactForViewer, type LocalDateTime, type Occurrence } from '../../../../shared/domain/agenda';
import type { EventWithOverrides, StoredEvent } from './repository';

/**
 * Series expansion and per-viewer redaction for the calendar, the rooms view, the day sheet and
 * the conflict checks. An overridden occurrence takes its own row's fields (a "solo questo" edit
 * may change title, room or notes as well as the time).
 */

export interface ExpandedOccurrence {
  occurrence: Occurrence;
  /** The row whose fields the occurrence shows: the override when there is one. */
  row: AgendaEventDto;
  master: AgendaEventDto;
}

export interface Names {
  person(id: string): string | null;
  room(id: string): string | null;
}

export interface Viewer {
  canSeePrivate: boolean;
}

/** Every occurrence of these events meeting [from, to) (wall times), sorted by start. */
export function expandEvents(events: readonly EventWithOverrides[], window: { from: LocalDateTime; to: LocalDateTime }): ExpandedOccurrence[] {
  const out: ExpandedOccurrence[] = [];
  for (const { event, overrides } of events) {
    const live = overrides.filter((o) => !o.deleted && o.recurrenceId !== null);
    const byId = new Map<string, StoredEvent>(live.map((o) => [o.id, o]));
    const series = { id: event.id, start: event.start, end: event.end, rrule: event.rrule, exdates: event.exdates };
    const shaped = live.map((o) => ({ id: o.id, recurrenceId: o.recurrenceId!, start: o.start, end: o.end, cancelled: o.cancelled }));
    for (const occurrence of expandSeries(series, shaped, window)) {
      const row = occurrence.overrideId ? (byId.get(occurrence.overrideId) ?? event) : event;
      out.push({ occurrence, row, master: event });
    }
  }
  return out.sort((a, b) => a.occurrence.start.localeCompare(b.occurrence.start) || a.occurrence.end.localeCompare(b.occurrence.end) || a.row.title.localeCompare(b.row.title, 'it'));
}

/** Unique in a window: `<eventId>` or `<masterId>@<recurrenceId>`. */
export function occurrenceKey(x: ExpandedOccurrence): string {
  return x.occurrence.recurrenceId === null ? x.master.id : `${x.master.id}@${x.occurrence.recurrenceId}`;
}

/**
 * The occurrence as this viewer may see it. A private one the viewer may not read keeps its time
 * and room (nobody must book over it) and loses every other detail: "Occupato".
 */
export function toOccurrenceDto(x: ExpandedOccurrence, names: Names, viewer: Viewer): AgendaOccurrenceDto {
  const { occurrence, row, master } = x;
  const visible = redactForViewer(
    {
      title: row.title,
      visibility: row.visibility,
      notes: row.notes,
      place: row.address,
      counterpart: row.counterpart,
      // Participants are handled below (their role may be null, which VisibleFields does not take).
      participants: [],
      staffContact: row.staffContact,
    },
    viewer,
  );
  const redacted = row.visibility === 'privato' && !viewer.canSeePrivate;
  const recurring = master.rrule !== null;
  return {
    key: occurrenceKey(x),
    eventId: row.id,
    masterId: recurring ? master.id : null,
    recurrenceId: occurrence.recurrenceId,
    recurring,
    kind: redacted ? 'impegno_privato' : row.kind,
    title: visible.title,
    start: occurrence.start,
    end: occurrence.end,
    allDay: row.allDay,
    visibility: row.visibility,
    redacted,
    agendaOf: row.agendaOf,
    agendaOfName: row.agendaOf ? names.person(row.agendaOf) : null,
    roomId: row.roomId,
    roomName: row.roomId ? names.room(row.roomId) : null,
    address: visible.place,
    counterpart: visible.counterpart,
    staffContact: visible.staffContact,
    notes: visible.notes,
    participants: redacted ? [] : row.participants,
    delegatedToName: redacted ? null : (row.delegation?.toName ?? null),
    roomOverride: row.roomOverride !== null,
    organiser: redacted ? null : row.organiser,
    version: row.version,
  };
}
