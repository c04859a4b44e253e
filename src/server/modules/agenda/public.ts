import type { AgendaEventDto, AgendaPersonDto, RoomDto } from '../../../shared/contract/agenda';
import { buildIcs, icsEventsForSeries, type IcsFields } from '../../../shared/domain/agenda/ics';
import { expandSeries, type SeriesOverride } from '../../../shared/domain/agenda/recurrence';
import { toSeriesMaster, toSeriesOverride } from '../../../shared/domain/agenda/reducer-rows';
import { instantToRomeLocal, type LocalDateTime } from '../../../shared/domain/agenda/time';
import { publicFields } from '../../../shared/domain/agenda/visibility';
import type { Db } from '../../db/client';
import { loadOrganisation } from '../organisation/setup';
import { loadPeople, loadRooms, publicEventsInWindow } from './repository';

/**
 * The public agenda published without login for the municipality's website (issue 5): only
 * engagements marked "pubblico", and of those only title, place, counterpart and who attends.
 * A private or internal occurrence of a public series is left out as if cancelled.
 */

const DAY = 86_400_000;

export interface PublicItem {
  key: string;
  start: LocalDateTime;
  end: LocalDateTime;
  allDay: boolean;
  title: string;
  place: string | null;
  counterpart: string | null;
  /** Who attends, with the delegation if any ("in rappresentanza di …"). */
  attendee: string | null;
}

interface PublicSeries {
  master: AgendaEventDto;
  overrides: SeriesOverride[];
  rows: Map<string, AgendaEventDto>;
}

interface PublicSource {
  series: PublicSeries[];
  people: Map<string, AgendaPersonDto>;
  rooms: Map<string, RoomDto>;
  calendarName: string;
}

async function loadPublic(db: Db, from: Date, to: Date): Promise<PublicSource> {
  const [rows, people, rooms, org] = await Promise.all([publicEventsInWindow(db, from.toISOString(), to.toISOString()), loadPeople(db), loadRooms(db), loadOrganisation(db)]);
  const series: PublicSeries[] = [];
  for (const master of rows) {
    if (master.seriesId !== null || master.deleted || master.visibility !== 'pubblico') continue;
    const own = rows.filter((r) => r.seriesId === master.id && !r.deleted);
    const overrides = own.map((o) => ({ ...toSeriesOverride(o), cancelled: o.cancelled || o.visibility !== 'pubblico' }));
    series.push({ master, overrides, rows: new Map(own.map((o) => [o.id, o])) });
  }
  const calendarName = org ? `Agenda pubblica del Sindaco – ${org.administrationName}` : 'Agenda pubblica del Sindaco';
  return { series, people, rooms, calendarName };
}

function placeOf(row: AgendaEventDto, rooms: Map<string, RoomDto>): string | null {
  const room = row.roomId ? rooms.get(row.roomId) : undefined;
  if (room) return room.location ? `${room.name}, ${room.location}` : room.name;
  return row.address;
}

function attendeeOf(row: AgendaEventDto, people: Map<string, AgendaPersonDto>): string | null {
  const p = row.agendaOf ? people.get(row.agendaOf) : undefined;
  if (!p) return null;
  const who = p.title ? `${p.name}, ${p.title}` : p.name;
  return row.delegation ? `${who}, in rappresentanza di ${row.delegation.fromName}` : who;
}

/** Only the public face of a row: whatever else it carries never reaches the output. */
function publicOf(row: AgendaEventDto, src: PublicSource): Omit<PublicItem, 'key' | 'start' | 'end' | 'allDay'> | null {
  const visible = publicFields({ ...row, place: placeOf(row, src.rooms), participants: [] });
  if (!visible) return null;
  return { title: visible.title, place: visible.place, counterpart: visible.counterpart, attendee: attendeeOf(row, src.people) };
}

function icsFieldsOf(row: AgendaEventDto, src: PublicSource): IcsFields {
  const p = publicOf(row, src);
  const description = [p?.attendee, p?.counterpart ? `Con: ${p.counterpart}` : null].filter(Boolean).join('\n');
  return { title: p?.title ?? '', location: p?.place ?? null, description: description || null, updatedAt: row.updatedAt, allDay: row.allDay };
}

/** The ICS feed: 30 days back, a year ahead; series with their exceptions (RRULE, EXDATE, RECURRENCE-ID). */
export async function publicIcs(db: Db, now: Date): Promise<string> {
  const src = await loadPublic(db, new Date(now.getTime() - 30 * DAY), new Date(now.getTime() + 365 * DAY));
  const events = src.series.flatMap((s) =>
    icsEventsForSeries(toSeriesMaster(s.master), s.overrides, icsFieldsOf(s.master, src), (o) => {
      const row = s.rows.get(o.id);
      return row ? icsFieldsOf(row, src) : {};
    }),
  );
  return buildIcs(events, { calendarName: src.calendarName, now: now.toISOString() });
}

/** Occurrences for the web page, from today for `days` days, by start. */
export async function publicItems(db: Db, now: Date, days: number): Promise<{ items: PublicItem[]; calendarName: string }> {
  const today = `${instantToRomeLocal(now.toISOString()).slice(0, 10)}T00:00`;
  const until = instantToRomeLocal(new Date(now.getTime() + days * DAY).toISOString()).slice(0, 10) + 'T00:00';
  const src = await loadPublic(db, new Date(now.getTime() - DAY), new Date(now.getTime() + (days + 1) * DAY));
  const items: PublicItem[] = [];
  for (const s of src.series) {
    for (const occ of expandSeries(toSeriesMaster(s.master), s.overrides, { from: today, to: until })) {
      const row = (occ.overrideId ? s.rows.get(occ.overrideId) : undefined) ?? s.master;
      const p = publicOf(row, src);
      if (p) items.push({ key: `${s.master.id}@${occ.recurrenceId ?? ''}`, start: occ.start, end: occ.end, allDay: row.allDay, ...p });
    }
  }
  items.sort((a, b) => a.start.localeCompare(b.start) || a.title.localeCompare(b.title));
  return { items, calendarName: src.calendarName };
}
