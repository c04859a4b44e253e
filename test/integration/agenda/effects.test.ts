import { beforeEach, describe, expect, it } from 'vitest';
import { openLocalDatabase, type Db } from '../../../src/main/core/db/open';
import { installWriteGate } from '../../../src/main/core/db/write-gate';
import * as schema from '../../../src/main/core/db/schema';
import { applyMutation } from '../../../src/main/core/write/apply-mutation';
import { applyPullPage } from '../../../src/main/core/sync/pull-applier';
import { occurrencesIn } from '../../../src/main/core/modules/agenda/reads';
import { findEvent, publicEvent } from '../../../src/main/core/modules/agenda/repository';
import { agendaCreateInput, agendaUpdateInput, type AgendaPersonDto, type RoomDto, type SessionUser } from '../../../src/shared/contract';
import type { Change, PullResponse } from '../../../src/shared/sync/protocol';

/**
 * The local effects are re-applied after every pull while their mutation is pending (ARCHITECTURE.md,
 * "Pull"): on real SQLite from the migrations, a move of a whole series must land exactly once,
 * on top of whatever the server sent meanwhile.
 */

const user: SessionUser = { id: '01900000-0000-7000-8000-0000000000e1', username: 'sara', fullName: 'Sara Segreteria', roles: ['segreteria'], officeId: null };
const mayor: AgendaPersonDto = { id: '01900000-0000-7000-8000-0000000000a1', name: 'Marco Gallo', role: 'sindaco', title: 'Sindaco', active: true, version: 1 };
const room: RoomDto = { id: '01900000-0000-7000-8000-0000000000b1', name: 'Sala Giunta', location: null, capacity: 20, services: [], active: true, version: 1 };
const seriesId = '01900000-0000-7000-8000-0000000000c1';
const now = new Date('2026-11-20T10:00:00Z');

let db: Db;
let cursor = 0;
function pull(changes: Array<Omit<Change, 'seq'>>, acks: PullResponse['acks'] = []): void {
  cursor += changes.length + 1;
  const page: PullResponse = { changes: changes.map((c, i) => ({ ...c, seq: cursor - changes.length + i })), cursor, hasMore: false, acks, serverTime: now.toISOString() };
  applyPullPage(db, page, () => user);
}
const row = <T extends { id: string; version: number }>(table: Change['table'], r: T): Omit<Change, 'seq'> => ({ table, key: r.id, row: r as unknown as Record<string, unknown>, version: r.version });
const week = (): string[] => occurrencesIn(db, '2026-12-01T00:00', '2026-12-22T00:00').map((x) => `${x.occurrence.start} ${x.row.title}`);

beforeEach(() => {
  db = openLocalDatabase(':memory:');
  installWriteGate(db.$client);
  db.insert(schema.syncState).values({ id: 1, clientId: '01900000-0000-7000-8000-0000000000ff' }).run();
  cursor = 0;
  pull([row('agenda_people', mayor), row('rooms', room)]);
  const created = applyMutation(db, 'agenda.create', agendaCreateInput.parse({
    id: seriesId, kind: 'giunta', title: 'Giunta', start: '2026-12-01T09:00', end: '2026-12-01T10:00', rrule: 'FREQ=WEEKLY;BYDAY=TU', agendaOf: mayor.id, roomId: room.id,
  }), user, { now });
  // The server applied it: its row (version 1, no local marks) and the acknowledgement.
  pull([row('agenda_events', { ...publicEvent(findEvent(db, seriesId)!), version: 1 })], [{ id: created.mutationId, seq: created.seq, status: 'applied' }]);
});

describe('agenda effects re-applied after pulls', () => {
  it('a pending move of the whole series lands once, also on top of a newer server row', () => {
    applyMutation(db, 'agenda.update', agendaUpdateInput.parse({ id: seriesId, recurrenceId: '2026-12-01T09:00', scope: 'tutti', changes: { start: '2026-12-01T10:00', end: '2026-12-01T11:00' } }), user, { now });
    const moved = ['2026-12-01T10:00 Giunta', '2026-12-08T10:00 Giunta', '2026-12-15T10:00 Giunta'];
    expect(week()).toEqual(moved);
    pull([]);
    pull([]);
    expect(week()).toEqual(moved);
    // Another desk renamed the series meanwhile: the server's row arrives, still at 09:00.
    const server = { ...publicEvent(findEvent(db, seriesId)!), start: '2026-12-01T09:00', end: '2026-12-01T10:00', title: 'Giunta comunale', version: 2 };
    pull([row('agenda_events', server)]);
    expect(week()).toEqual(['2026-12-01T10:00 Giunta comunale', '2026-12-08T10:00 Giunta comunale', '2026-12-15T10:00 Giunta comunale']);
    pull([]);
    expect(week()).toEqual(['2026-12-01T10:00 Giunta comunale', '2026-12-08T10:00 Giunta comunale', '2026-12-15T10:00 Giunta comunale']);
  });

  it('a pending move of one occurrence keeps one override with the id the server will use', () => {
    applyMutation(db, 'agenda.update', agendaUpdateInput.parse({ id: seriesId, recurrenceId: '2026-12-08T09:00', scope: 'solo_questo', changes: { start: '2026-12-09T15:00', end: '2026-12-09T16:00' } }), user, { now });
    pull([]);
    pull([row('agenda_events', { ...publicEvent(findEvent(db, seriesId)!), title: 'Giunta comunale', version: 2 })]);
    expect(week()).toEqual(['2026-12-01T09:00 Giunta comunale', '2026-12-09T15:00 Giunta', '2026-12-15T09:00 Giunta comunale']);
    expect(db.$client.prepare('select count(*) from agenda_events where series_id = ?').pluck().get(seriesId)).toBe(1);
  });
});
