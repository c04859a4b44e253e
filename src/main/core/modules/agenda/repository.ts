import { AppError, type AgendaEventDto, type AgendaPersonDto, type CeremonyTemplateDto, type RoomDto } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { getDoc, parseDocs } from '../../db/doc-tables';

/**
 * Reads of the local agenda tables (document rows: the DTO as JSON plus the query columns of
 * src/main/core/db/agenda-schema.ts). A window query reads singles and series masters by their
 * instants ([start_at, until_at), an open series has until_at null) and the overrides of those
 * masters by series_id; expansion happens in src/shared/domain/agenda.
 */

/**
 * An event row as stored locally. `_localMutations` names the pending mutations whose optimistic
 * effect the row already carries: a pulled row never has it, so after a pull the effects are
 * re-applied on top of the server's rows exactly once (see effects.ts).
 */
export type StoredEvent = AgendaEventDto & { _localMutations?: string[] };

/** The DTO without the local bookkeeping. */
export function publicEvent(row: StoredEvent): AgendaEventDto {
  const { _localMutations: _ignored, ...dto } = row;
  return dto;
}

/** A master or single with its overrides, as the reducer and the expansion want them. */
export interface EventWithOverrides {
  event: StoredEvent;
  overrides: StoredEvent[];
}

type DataRow = { data: string };

export function findEvent(db: Db, id: string): StoredEvent | null {
  return getDoc<StoredEvent>(db, 'agenda_events', id);
}

/** Ids of this desk's mutations still waiting for the server. */
function pendingMutationIds(db: Db): Set<string> {
  const rows = db.$client.prepare(`SELECT mutation_id AS id FROM outbox WHERE status = 'pending'`).all() as Array<{ id: string }>;
  return new Set(rows.map((r) => r.id));
}

/**
 * A row the server never had (version 0) whose mutations are no longer pending: the server
 * refused them (they wait in "Da verificare"). Its optimistic effect is hidden, not shown as if
 * it had been accepted; resubmitting from the review inbox writes it again.
 */
function orphan(row: StoredEvent, pending: ReadonlySet<string>): boolean {
  return row.version === 0 && !(row._localMutations ?? []).some((m) => pending.has(m));
}

/** Drops refused local-only rows (see `orphan`). */
function withoutOrphans(db: Db, rows: StoredEvent[]): StoredEvent[] {
  if (!rows.some((r) => r.version === 0)) return rows;
  const pending = pendingMutationIds(db);
  return rows.filter((r) => !orphan(r, pending));
}

export function getEvent(db: Db, id: string): AgendaEventDto {
  const found = findEvent(db, id);
  const row = found && withoutOrphans(db, [found])[0];
  if (!row || row.deleted) throw new AppError('NOT_FOUND', 'Impegno non trovato su questa postazione.');
  return publicEvent(row);
}

/** Every override (moved, edited or cancelled occurrence) of a series. */
export function overridesOf(db: Db, masterId: string): StoredEvent[] {
  const rows = db.$client.prepare('SELECT data FROM agenda_events WHERE series_id = ? ORDER BY id').all(masterId) as DataRow[];
  return parseDocs<StoredEvent>(rows);
}

/**
 * Masters and singles that may have an occurrence in [fromAt, toAt) (ISO instants), with their
 * overrides; also the series of an override moved into the window from far away. Deleted rows
 * and refused local-only rows are left out.
 */
export function eventsInWindow(db: Db, fromAt: string, toAt: string): EventWithOverrides[] {
  const masters = db.$client
    .prepare(
      // until_at is the end of a single event and the end bound of a series (null: open series),
      // so each branch is a range on the agenda_events_until index.
      `SELECT data FROM agenda_events
        WHERE series_id IS NULL AND until_at >= @fromAt AND start_at < @toAt
       UNION
       SELECT data FROM agenda_events
        WHERE series_id IS NULL AND until_at IS NULL AND start_at < @toAt
       UNION
       SELECT m.data FROM agenda_events o JOIN agenda_events m ON m.id = o.series_id
        WHERE o.series_id IS NOT NULL AND o.until_at >= @fromAt AND o.start_at < @toAt`,
    )
    .all({ fromAt, toAt }) as DataRow[];
  const live = withoutOrphans(db, parseDocs<StoredEvent>(masters)).filter((m) => !m.deleted);
  const seriesIds = live.filter((m) => m.rrule !== null).map((m) => m.id);
  const byMaster = new Map<string, StoredEvent[]>();
  if (seriesIds.length > 0) {
    // json_each keeps the statement one and the same whatever the number of series.
    const rows = db.$client
      .prepare('SELECT data FROM agenda_events WHERE series_id IN (SELECT value FROM json_each(?)) ORDER BY id')
      .all(JSON.stringify(seriesIds)) as DataRow[];
    for (const o of withoutOrphans(db, parseDocs<StoredEvent>(rows))) {
      const list = byMaster.get(o.seriesId!) ?? [];
      list.push(o);
      byMaster.set(o.seriesId!, list);
    }
  }
  return live.map((event) => ({ event, overrides: byMaster.get(event.id) ?? [] }));
}

/** Events created by the templates of a year (by key), to skip ceremonies already there. */
export function templateKeysInYear(db: Db, fromAt: string, toAt: string): Set<string> {
  const rows = db.$client
    .prepare(
      `SELECT json_extract(data, '$.templateKey') AS k FROM agenda_events
        WHERE json_extract(data, '$.templateKey') IS NOT NULL AND json_extract(data, '$.deleted') = 0
          AND start_at >= ? AND start_at < ?`,
    )
    .all(fromAt, toAt) as Array<{ k: string }>;
  return new Set(rows.map((r) => r.k));
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'it');
const roleOrder = ['sindaco', 'vicesindaco', 'assessore', 'consigliere_delegato', 'staff'];

/** People whose agenda the office keeps: the Sindaco first, then by role and name. */
export function agendaPeople(db: Db): AgendaPersonDto[] {
  const all = parseDocs<AgendaPersonDto>(db.$client.prepare('SELECT data FROM agenda_people').all() as DataRow[]);
  return all.sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || byName(a, b));
}

export function findPerson(db: Db, id: string): AgendaPersonDto | null {
  return getDoc<AgendaPersonDto>(db, 'agenda_people', id);
}

export function listRooms(db: Db): RoomDto[] {
  return parseDocs<RoomDto>(db.$client.prepare('SELECT data FROM rooms').all() as DataRow[]).sort(byName);
}

export function findRoom(db: Db, id: string): RoomDto | null {
  return getDoc<RoomDto>(db, 'rooms', id);
}

/** Ceremony templates in calendar order. */
export function listTemplates(db: Db): CeremonyTemplateDto[] {
  const all = parseDocs<CeremonyTemplateDto>(db.$client.prepare('SELECT data FROM ceremony_templates').all() as DataRow[]);
  return all.sort((a, b) => a.month - b.month || a.day - b.day || a.title.localeCompare(b.title, 'it'));
}

export function findTemplate(db: Db, id: string): CeremonyTemplateDto | null {
  return getDoc<CeremonyTemplateDto>(db, 'ceremony_templates', id);
}

/** Display names of people and rooms, read once per request. */
export function namesOf(db: Db): { person(id: string): string | null; room(id: string): string | null } {
  const people = new Map(agendaPeople(db).map((p) => [p.id, p.name]));
  const roomNames = new Map(listRooms(db).map((r) => [r.id, r.name]));
  return { person: (id) => people.get(id) ?? null, room: (id) => roomNames.get(id) ?? null };
}
