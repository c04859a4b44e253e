import type { AgendaEventDto, AgendaOccurrenceDto, AgendaParticipant, InputOf } from '../../../shared/contract';
import { defaultVisibilityOf, type EventKind, type Visibility } from '../../../shared/domain/agenda/kinds';
import { parseRrule } from '../../../shared/domain/agenda/rrule';
import { floatingMsToLocal, type LocalDateTime } from '../../../shared/domain/agenda/time';
import { addDays, allDayRange, existingLocal } from './agenda-time';

/**
 * What the event form holds, and how it becomes a contract input. Kept free of React so the
 * conversions (all-day days, simple recurrences, "only what changed") are tested on their own.
 */

export const simpleRepeats = ['nessuna', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
export type Repeat = (typeof simpleRepeats)[number] | 'personalizzata';

export const repeatLabels: Record<Repeat, string> = {
  nessuna: 'Nessuna',
  DAILY: 'Ogni giorno',
  WEEKLY: 'Ogni settimana',
  MONTHLY: 'Ogni mese',
  YEARLY: 'Ogni anno',
  personalizzata: 'Regola personalizzata (invariata)',
};

export interface EventDraft {
  kind: EventKind;
  title: string;
  /** Wall times; for an all-day engagement only the days count (end day inclusive in the form). */
  start: LocalDateTime;
  end: LocalDateTime;
  allDay: boolean;
  repeat: Repeat;
  /** 'YYYY-MM-DD' or '' (no end). */
  until: string;
  /** A rule the simple choices cannot show, kept as it is unless the user picks another. */
  customRule: string | null;
  visibility: Visibility;
  agendaOf: string | null;
  roomId: string | null;
  address: string;
  counterpart: string;
  foreign: boolean;
  participants: AgendaParticipant[];
  staffContact: string;
  notes: string;
  entryIds: string[];
  caseIds: string[];
  organiser: string;
  services: string[];
  /** For a wall time that happens twice (October): which one. */
  ambiguous: 'earlier' | 'later';
}

export function emptyEventDraft(start: LocalDateTime, end: LocalDateTime, over: Partial<EventDraft> = {}): EventDraft {
  const kind = over.kind ?? 'appuntamento';
  return {
    kind,
    title: '',
    start,
    end,
    allDay: false,
    repeat: 'nessuna',
    until: '',
    customRule: null,
    visibility: defaultVisibilityOf[kind],
    agendaOf: null,
    roomId: null,
    address: '',
    counterpart: '',
    foreign: false,
    participants: [],
    staffContact: '',
    notes: '',
    entryIds: [],
    caseIds: [],
    organiser: '',
    services: [],
    ambiguous: 'earlier',
    ...over,
  };
}

/** The form's view of a rule: one of the simple choices with its "fino al", or kept as is. */
export function repeatOf(rrule: string | null): { repeat: Repeat; until: string; customRule: string | null } {
  if (!rrule) return { repeat: 'nessuna', until: '', customRule: null };
  try {
    const r = parseRrule(rrule);
    const simple = r.interval === 1 && r.count === null && r.byDay.length + r.byMonthDay.length + r.byMonth.length + r.bySetPos.length === 0;
    if (simple && (simpleRepeats as readonly string[]).includes(r.freq)) {
      const until = r.until ? floatingMsToLocal(r.until.floatingMs).slice(0, 10) : '';
      return { repeat: r.freq as Repeat, until, customRule: null };
    }
  } catch {
    /* an unreadable rule is kept untouched */
  }
  return { repeat: 'personalizzata', until: '', customRule: rrule };
}

/** The RRULE of the form's choice (a date-only UNTIL includes its whole day, RFC 5545). */
export function rruleOf(d: Pick<EventDraft, 'repeat' | 'until' | 'customRule'>): string | null {
  if (d.repeat === 'nessuna') return null;
  if (d.repeat === 'personalizzata') return d.customRule;
  return d.until ? `FREQ=${d.repeat};UNTIL=${d.until.replaceAll('-', '')}` : `FREQ=${d.repeat}`;
}

/** The event's draft; for one occurrence of a series, with that occurrence's times. */
export function draftFromEvent(e: AgendaEventDto, occurrence?: Pick<AgendaOccurrenceDto, 'start' | 'end'>): EventDraft {
  const start = occurrence?.start ?? e.start;
  const end = occurrence?.end ?? e.end;
  return {
    kind: e.kind,
    title: e.title,
    start,
    end: e.allDay ? `${addDays(allDayRange(start, end).end, -1)}T00:00` : end,
    allDay: e.allDay,
    ...repeatOf(e.rrule),
    visibility: e.visibility,
    agendaOf: e.agendaOf,
    roomId: e.roomId,
    address: e.address ?? '',
    counterpart: e.counterpart ?? '',
    foreign: e.foreign,
    participants: e.participants,
    staffContact: e.staffContact ?? '',
    notes: e.notes ?? '',
    entryIds: e.entryIds,
    caseIds: e.caseIds,
    organiser: e.organiser ?? '',
    services: e.services,
    ambiguous: 'earlier',
  };
}

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** Start and end to send: all-day as [first day 00:00, day after the last 00:00); gaps skipped. */
export function timesOf(d: Pick<EventDraft, 'start' | 'end' | 'allDay'>): { start: LocalDateTime; end: LocalDateTime } {
  if (d.allDay) {
    const first = d.start.slice(0, 10);
    const last = d.end.slice(0, 10) < first ? first : d.end.slice(0, 10);
    return { start: `${first}T00:00`, end: `${addDays(last, 1)}T00:00` };
  }
  return { start: existingLocal(d.start), end: existingLocal(d.end) };
}

type EventFields = Omit<InputOf<'agenda.create'>, 'id' | 'overrideRoomConflict' | 'ambiguous'>;

/** Every field of the engagement as the contract takes it. */
export function fieldsOf(d: EventDraft): EventFields {
  return {
    kind: d.kind,
    title: d.title.trim(),
    ...timesOf(d),
    allDay: d.allDay,
    rrule: rruleOf(d),
    visibility: d.visibility,
    agendaOf: d.agendaOf,
    roomId: d.roomId,
    address: orNull(d.address),
    counterpart: orNull(d.counterpart),
    foreign: d.foreign,
    participants: d.participants,
    staffContact: orNull(d.staffContact),
    notes: orNull(d.notes),
    attachments: [],
    entryIds: d.entryIds,
    caseIds: d.caseIds,
    organiser: orNull(d.organiser),
    services: d.services,
    templateKey: null,
    invitationId: null,
  };
}

/** agenda.create input; the reason is sent only when the user forces a room double booking. */
export function createInputOf(d: EventDraft, id: string, overrideReason: string | null): InputOf<'agenda.create'> {
  return { ...fieldsOf(d), id, ambiguous: d.ambiguous, ...(overrideReason ? { overrideRoomConflict: overrideReason } : {}) };
}

const compared: Array<keyof EventFields> = [
  'kind', 'title', 'start', 'end', 'allDay', 'rrule', 'visibility', 'agendaOf', 'roomId', 'address', 'counterpart', 'foreign',
  'participants', 'staffContact', 'notes', 'entryIds', 'caseIds', 'organiser', 'services',
];

/**
 * Only the fields the user changed: the server merges concurrent edits field by field, so an
 * untouched field sent back would look like an edit and could overwrite another desk's change.
 */
export function changesOf(before: EventDraft, after: EventDraft): Partial<EventFields> {
  const a = fieldsOf(before);
  const b = fieldsOf(after);
  const out: Partial<EventFields> = {};
  for (const k of compared) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) Object.assign(out, { [k]: b[k] });
  }
  // A new start without a new end would keep the old end: the duration travels with the move.
  if ('start' in out || 'end' in out) Object.assign(out, { start: b.start, end: b.end, allDay: b.allDay });
  return out;
}

/** People whose double booking the form checks: the agenda's owner and invited agenda people. */
export function peopleOf(d: Pick<EventDraft, 'agendaOf' | 'participants'>): string[] {
  const ids = d.participants.filter((p) => p.kind === 'persona_agenda' && p.id).map((p) => p.id as string);
  return [...new Set([...(d.agendaOf ? [d.agendaOf] : []), ...ids])];
}
