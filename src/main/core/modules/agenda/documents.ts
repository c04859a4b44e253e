import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { AppError, type AgendaOccurrenceDto, type daySheetInput, type GeneratedFile, type icsExportInput, type SessionUser } from '../../../../shared/contract';
import { buildIcs, icsEventsForSeries, publicFields, romeLocalToInstant, type IcsEvent } from '../../../../shared/domain/agenda';
import { buildDaySheetPdf, type DaySheetItem } from '../../../../shared/documents/day-sheet-pdf';
import type { DeskDeps } from '../../deps';
import { localOrganisation } from '../protocol/repository';
import { agendaRange } from './reads';
import { eventsInWindow, findPerson, namesOf, type StoredEvent } from './repository';

/**
 * The agenda's printable and exportable outputs (issue 5): the day sheet (foglio di servizio) and
 * the public agenda as ICS. The public outputs read only public engagements and only their public
 * fields (visibility.ts publicFields): a private or internal detail can never reach them.
 */

function fileOf(bytes: Uint8Array, fileName: string, mimeType: string): GeneratedFile {
  return { fileName, mimeType, sha256: createHash('sha256').update(bytes).digest('hex'), base64: Buffer.from(bytes).toString('base64') };
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function administrationName(d: DeskDeps): string {
  const org = localOrganisation(d.db);
  if (!org) throw new AppError('NOT_INITIALIZED');
  return org.administrationName;
}

function fullItem(o: AgendaOccurrenceDto, withOwner: boolean): DaySheetItem {
  return {
    start: o.start,
    end: o.end,
    allDay: o.allDay,
    visibility: o.visibility,
    title: o.title,
    place: o.roomName ?? o.address,
    counterpart: o.counterpart,
    agendaOfName: withOwner ? o.agendaOfName : null,
    delegation: o.delegatedToName ? `${o.delegatedToName}, in rappresentanza` : null,
    staffContact: o.staffContact,
    notes: o.notes,
    participants: o.participants.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)),
  };
}

function publicItem(o: AgendaOccurrenceDto): DaySheetItem | null {
  const pub = publicFields({ ...o, participants: [], place: o.roomName ?? o.address });
  if (!pub || o.redacted) return null;
  return { start: o.start, end: o.end, allDay: o.allDay, visibility: 'pubblico', title: pub.title, place: pub.place, counterpart: pub.counterpart, agendaOfName: null, delegation: null, staffContact: null, notes: null, participants: [] };
}

/** agenda.daySheet: A4 PDF of one day, 'completo' (for the viewer, redacted) or 'pubblico'. */
export async function daySheet(d: DeskDeps, input: z.output<typeof daySheetInput>, user: SessionUser): Promise<GeneratedFile> {
  const person = input.agendaOf ? findPerson(d.db, input.agendaOf) : null;
  if (input.agendaOf && !person) throw new AppError('NOT_FOUND', 'Agenda non trovata.');
  const occurrences = agendaRange(d.db, { from: `${input.day}T00:00`, to: `${nextDay(input.day)}T00:00`, agendaOf: input.agendaOf ? [input.agendaOf] : undefined }, user);
  const items = input.variant === 'pubblico' ? occurrences.map(publicItem).filter((i): i is DaySheetItem => i !== null) : occurrences.map((o) => fullItem(o, person === null));
  const bytes = await buildDaySheetPdf({
    administrationName: administrationName(d),
    day: input.day,
    variant: input.variant,
    agendaName: person ? `${person.name}${person.title ? ` - ${person.title}` : ''}` : null,
    generatedAt: d.clock().toISOString(),
    items,
  });
  return fileOf(bytes, `foglio-di-servizio-${input.day}${input.variant === 'pubblico' ? '-pubblico' : ''}.pdf`, 'application/pdf');
}

/** The public face of one stored row for the ICS feed (title, place, counterpart only). */
function icsFields(row: StoredEvent, roomName: (id: string) => string | null) {
  const pub = publicFields({ ...row, participants: [], place: (row.roomId ? roomName(row.roomId) : null) ?? row.address });
  return pub ? { title: pub.title, location: pub.place, description: pub.counterpart ? `Con: ${pub.counterpart}` : null, updatedAt: row.updatedAt, allDay: row.allDay } : null;
}

/** agenda.exportIcs: the public engagements meeting [from, to] (whole days) as iCalendar. */
export function exportIcs(d: DeskDeps, input: z.output<typeof icsExportInput>): GeneratedFile {
  if (input.to < input.from) throw new AppError('VALIDATION', "La fine dell'intervallo deve seguire l'inizio.");
  const names = namesOf(d.db);
  const events: IcsEvent[] = [];
  const window = eventsInWindow(d.db, romeLocalToInstant(`${input.from}T00:00`), romeLocalToInstant(`${nextDay(input.to)}T00:00`));
  for (const { event, overrides } of window) {
    const fields = icsFields(event, names.room);
    if (!fields) continue;
    // An occurrence made non-public on its own leaves the public feed like a cancelled one.
    const live = overrides.filter((o) => !o.deleted && o.recurrenceId !== null);
    const shaped = live.map((o) => ({ id: o.id, recurrenceId: o.recurrenceId!, start: o.start, end: o.end, cancelled: o.cancelled || o.visibility !== 'pubblico' }));
    const byId = new Map(live.map((o) => [o.id, o]));
    const master = { id: event.id, start: event.start, end: event.end, rrule: event.rrule, exdates: event.exdates };
    events.push(...icsEventsForSeries(master, shaped, fields, (o) => icsFields(byId.get(o.id)!, names.room) ?? {}));
  }
  const text = buildIcs(events, { calendarName: `Agenda pubblica - ${administrationName(d)}`, now: d.clock().toISOString() });
  return fileOf(new TextEncoder().encode(text), `agenda-pubblica-${input.from}-${input.to}.ics`, 'text/calendar');
}
