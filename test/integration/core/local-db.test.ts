import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openLocalDatabase, type Db } from '../../../src/main/core/db/open';
import { installWriteGate } from '../../../src/main/core/db/write-gate';
import * as t from '../../../src/main/core/db/schema';
import { applyMutation } from '../../../src/main/core/write/apply-mutation';
import { applyPullPage } from '../../../src/main/core/sync/pull-applier';
import { searchEntries } from '../../../src/main/core/modules/protocol/search';
import { searchInput } from '../../../src/shared/contract';
import { clerk, entry, entryChange, page } from './fixtures';

const now = new Date('2026-03-02T09:00:00Z');
let db: Db;
const search = (raw: object) => searchEntries(db.$client, searchInput.parse(raw));

beforeEach(() => {
  db = openLocalDatabase(':memory:');
  installWriteGate(db.$client);
  db.insert(t.syncState).values({ id: 1, clientId: '01900000-0000-7000-8000-0000000000aa' }).run();
});

function seed(n: number, year = 2026) {
  const changes = Array.from({ length: n }, (_, i) => entryChange(entry(year, i + 1)));
  applyPullPage(db, page(changes, n), () => clerk);
}

describe('one write path', () => {
  it('refuses writes to synced tables outside the write path and the pull applier', () => {
    seed(2);
    expect(() => db.insert(t.contacts).values({ id: 'x', kind: 'persona', name: 'X', normName: 'x', createdAt: '', updatedAt: '' }).run()).toThrow(/percorso unico/);
    expect(() => db.$client.exec("UPDATE protocol_entries SET oggetto = 'x'")).toThrow(/percorso unico/);
    expect(() => db.$client.exec('DELETE FROM protocol_entries')).toThrow(/percorso unico/);
  });

  it('writes the local effect and the outbox in one transaction, in seq order', () => {
    const a = applyMutation(db, 'directory.create', { id: '01900000-0000-7000-8000-0000000000c1', kind: 'persona', name: 'Verdi Luca' }, clerk, { now });
    const b = applyMutation(db, 'titolario.upsert', { code: 'I.13', title: 'Cerimoniale', active: true }, clerk, { now });
    expect(b.seq).toBe(a.seq + 1);
    expect(db.select().from(t.contacts).all().map((c) => c.name)).toEqual(['Verdi Luca']);
    expect(db.select().from(t.outbox).all().map((m) => [m.seq, m.name, m.status])).toEqual([[a.seq, 'directory.create', 'pending'], [b.seq, 'titolario.upsert', 'pending']]);
  });

  it('rolls back the local effect when the outbox append fails', () => {
    applyMutation(db, 'directory.create', { id: '01900000-0000-7000-8000-0000000000c1', kind: 'persona', name: 'Uno' }, clerk, { now, mutationId: '01900000-0000-7000-8000-0000000000f1' });
    expect(() => applyMutation(db, 'directory.create', { id: '01900000-0000-7000-8000-0000000000c2', kind: 'persona', name: 'Due' }, clerk, { now, mutationId: '01900000-0000-7000-8000-0000000000f1' })).toThrow();
    expect(db.select().from(t.contacts).all().map((c) => c.name)).toEqual(['Uno']);
  });
});

describe('pull applier', () => {
  it('applies changes, acks and cursor together and re-applies pending mutations on top', () => {
    seed(3);
    const e2 = entry(2026, 2);
    applyMutation(db, 'protocol.update', { id: e2.id, classificationCode: 'II.1' }, clerk, { now });
    // The server sends the same row again (someone else's unrelated change): the pending
    // optimistic change must survive it.
    applyPullPage(db, page([entryChange({ ...e2, notes: 'nota', version: 2 })], 4), () => clerk);
    const row = db.select().from(t.protocolEntries).where(eq(t.protocolEntries.id, e2.id)).get()!;
    expect([row.classificationCode, row.notes, row.version]).toEqual(['II.1', 'nota', 2]);
    expect(db.select().from(t.syncState).get()!.cursor).toBe(4);
  });

  it('keeps rejected mutations in the outbox, drops applied ones', () => {
    const m1 = applyMutation(db, 'titolario.upsert', { code: 'I.1', title: 'Uno', active: true }, clerk, { now });
    const m2 = applyMutation(db, 'titolario.upsert', { code: 'I.2', title: 'Due', active: true }, clerk, { now });
    applyPullPage(db, page([], 0, [
      { id: m1.mutationId, seq: m1.seq, status: 'applied' },
      { id: m2.mutationId, seq: m2.seq, status: 'rejected', error: { code: 'FORBIDDEN', message: 'No' } },
    ]), () => clerk);
    const rows = db.select().from(t.outbox).all();
    expect(rows.map((r) => [r.mutationId, r.status])).toEqual([[m2.mutationId, 'rejected']]);
    expect(JSON.parse(rows[0]!.error!)).toEqual({ code: 'FORBIDDEN', message: 'No' });
    expect(db.select().from(t.syncState).get()!.ackedSeq).toBe(m2.seq);
  });
});

describe('protocol.search', () => {
  beforeEach(() => seed(300));

  it('lists newest first with keyset paging', () => {
    const first = search({ limit: 10 });
    expect(first.items.map((e) => e.number)).toEqual([300, 299, 298, 297, 296, 295, 294, 293, 292, 291]);
    expect(first.total).toBe(300);
    const next = search({ limit: 5, before: { year: 2026, number: 291 } });
    expect(next.items.map((e) => e.number)).toEqual([290, 289, 288, 287, 286]);
  });

  it('finds entry 42 by "42", "0000042" and "2026/0000042"', () => {
    for (const text of ['42', '0000042', '2026/0000042']) expect(search({ text }).items[0]?.number).toBe(42);
    expect(search({ text: '2026/0000042' }).items.map((e) => e.number)).toEqual([42]);
  });

  it('searches oggetto and correspondents, accents and case aside, with prefix on the last word', () => {
    const r = search({ text: 'SAGRA edilnord', limit: 500 });
    expect(r.items.length).toBeGreaterThan(0);
    for (const e of r.items) expect(e.number! % 21).toBe(0);
    expect(search({ text: 'manife' }).total).toBe(300);
    expect(search({ text: 'Biànchi' }).total).toBe(200);
  });

  it('treats FTS syntax as plain words and never fails', () => {
    for (const text of ['"', '*', 'NEAR(a, b)', '(', '-sagra', 'a OR b', 'x:y', "'; DROP TABLE x; --", '^']) {
      expect(() => search({ text })).not.toThrow();
    }
    expect(search({ text: '"sagra"' }).total).toBe(search({ text: 'sagra' }).total);
  });

  it('filters by year, direction, classification, dates and annulment', () => {
    applyPullPage(db, page([entryChange(entry(2025, 7)), entryChange(entry(2026, 10, { status: 'annullato', version: 2 }))], 302), () => clerk);
    expect(search({ year: 2025 }).items.map((e) => e.number)).toEqual([7]);
    expect(search({ direction: 'uscita' }).items.every((e) => e.direction === 'uscita')).toBe(true);
    expect(search({ classificationCode: 'II.1', year: 2026 }).total).toBe(60);
    expect(search({ classificationCode: 'I', year: 2026 }).total).toBe(240);
    expect(search({ classificationCode: 'III', year: 2026 }).total).toBe(0);
    expect(search({ annulled: true }).items.map((e) => e.number)).toEqual([10]);
    expect(search({ annulled: false, year: 2026 }).total).toBe(299);
    const day = search({ dateFrom: '2026-01-01', dateTo: '2026-01-01', year: 2026 });
    expect(day.total).toBe(300);
    expect(search({ dateFrom: '2026-01-02' }).total).toBe(0);
    expect(search({ text: 'sagra', year: 2026, direction: 'entrata' }).items.every((e) => e.direction === 'entrata' && e.number! % 7 === 0)).toBe(true);
  });

  it('indexes every entry once and keeps the index in step with updates', () => {
    expect(db.$client.prepare('SELECT count(*) FROM protocol_fts').pluck().get()).toBe(300);
    expect(db.select({ n: sql<number>`count(*)` }).from(t.protocolEntries).get()!.n).toBe(300);
    applyPullPage(db, page([entryChange(entry(2026, 5, { oggetto: 'Convocazione giunta', version: 2 }))], 301), () => clerk);
    expect(search({ text: 'convocazione' }).items.map((e) => e.number)).toEqual([5]);
    expect(db.$client.prepare('SELECT count(*) FROM protocol_fts').pluck().get()).toBe(300);
  });
});
