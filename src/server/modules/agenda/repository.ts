import { sql, type SQL } from 'drizzle-orm';
import type { AgendaEventDto, AgendaPersonDto, RoomDto } from '../../../shared/contract/agenda';
import type { AgendaCurrent } from '../../../shared/domain/agenda/reducer';
import { listDocs, loadDoc, saveDoc, type StoredDoc } from '../../db/docs';
import type { Db } from '../../db/client';
import type { MutationCtx } from '../../sync/mutation-handler';

/**
 * Agenda rows on the register server: document tables (src/server/db/agenda-schema.ts) whose
 * columns serve the server's own queries (room double bookings, the public agenda).
 */

const notDeleted = sql`coalesce((data->>'deleted')::boolean, false) = false`;

/**
 * The engagement a mutation names, for update: its master (locked: every edit of a series
 * takes that one lock, in that order, so concurrent edits of one series queue up) and the
 * overrides of its occurrences.
 */
export async function loadEngagement(tx: Db, id: string): Promise<AgendaCurrent> {
  const named = await loadDoc<AgendaEventDto>(tx, 'agenda_events', id);
  if (!named) return { event: null, overrides: [] };
  const masterId = named.seriesId ?? named.id;
  const event = await loadDoc<AgendaEventDto>(tx, 'agenda_events', masterId, { forUpdate: true });
  const overrides = await listDocs<AgendaEventDto>(tx, 'agenda_events', sql`series_id = ${masterId}`);
  return { event, overrides };
}

/** Query columns of an agenda row, kept in step with its DTO. */
export function eventColumns(e: AgendaEventDto): Record<string, unknown> {
  return { series_id: e.seriesId, room_id: e.roomId, start_at: e.startAt, end_at: e.endAt, until_at: e.untilAt };
}

/** Stores a reduced row (its `version` is the one it had: 0 when new). */
export function saveEvent(ctx: MutationCtx, row: AgendaEventDto): Promise<StoredDoc<AgendaEventDto>> {
  return saveDoc(ctx, 'agenda_events', row, { columns: eventColumns(row), previousVersion: row.version });
}

/**
 * Live rows meeting the instants [from, to) that match `where` (room, people), with the rest of
 * their series: a series is only meaningful with its master and all its overrides.
 */
export async function eventsInWindow(tx: Db, from: string, to: string, where: SQL = sql`true`): Promise<AgendaEventDto[]> {
  const hits = await listDocs<AgendaEventDto>(
    tx,
    'agenda_events',
    sql`${notDeleted} and start_at < ${to}::timestamptz and (until_at is null or until_at > ${from}::timestamptz) and (${where})`,
  );
  const masters = [...new Set(hits.map((r) => r.seriesId ?? r.id))];
  if (masters.length === 0) return [];
  const ids = sql.join(masters.map((m) => sql`${m}`), sql`, `);
  return listDocs<AgendaEventDto>(tx, 'agenda_events', sql`${notDeleted} and (id in (${ids}) or series_id in (${ids}))`);
}

/** Condition: in this room, or on the agenda of (or attended by) one of these people. */
export function roomOrPeople(roomIds: readonly string[], people: readonly string[]): SQL {
  const parts: SQL[] = [];
  if (roomIds.length > 0) parts.push(sql`room_id in (${sql.join(roomIds.map((r) => sql`${r}`), sql`, `)})`);
  for (const p of people) {
    parts.push(sql`data->>'agendaOf' = ${p}`);
    parts.push(sql`data->'participants' @> ${JSON.stringify([{ kind: 'persona_agenda', id: p }])}::jsonb`);
  }
  return parts.length === 0 ? sql`false` : sql.join(parts, sql` or `);
}

export async function loadPeople(tx: Db): Promise<Map<string, AgendaPersonDto>> {
  return new Map((await listDocs<AgendaPersonDto>(tx, 'agenda_people')).map((p) => [p.id, p]));
}

export async function loadRooms(tx: Db): Promise<Map<string, RoomDto>> {
  return new Map((await listDocs<RoomDto>(tx, 'rooms')).map((r) => [r.id, r]));
}

/** Public rows of a window for the municipality's website (series completed with their overrides). */
export async function publicEventsInWindow(tx: Db, from: string, to: string): Promise<AgendaEventDto[]> {
  return eventsInWindow(tx, from, to, sql`data->>'visibility' = 'pubblico' or series_id is not null`);
}
