import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_FOLDER, openLocalDatabase, type Db } from '../../../src/main/core/db/open';
import { dropDoc } from '../../../src/main/core/db/doc-tables';
import { installWriteGate, throughWriteGate } from '../../../src/main/core/db/write-gate';
import { casesForEntry } from '../../../src/main/core/modules/cases/reads';
import { putRow } from '../../../src/main/core/modules/cases/repository';
import type { CaseDto, CaseLink } from '../../../src/shared/contract';

/**
 * The local index behind cases.forEntry (case_entry_links, drizzle/client/0011): kept by putDoc
 * whenever a case row is stored, cleared by a trigger whichever path deletes a case row, and
 * filled from the rows a desk already had when the migration runs.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-links-'));
  dirs.push(d);
  return d;
}

const id = (n: number) => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const link = (entry: number, role: CaseLink['role'] = 'richiesta'): CaseLink => ({ entryId: id(entry), role, label: `2026/${String(entry).padStart(7, '0')}`, direction: 'entrata', at: '2026-03-01T09:00:00.000Z' });

function aCase(n: number, links: CaseLink[], receivedOn = '2026-03-01'): CaseDto {
  return {
    id: id(n), typeCode: 'istanza', title: `Pratica ${n}`, requester: { contactId: null, name: 'Rossi Mario' }, receivedOn, state: 'ricevuta', stateBeforeSuspension: null,
    dueOn: null, suspensions: [], suspendedDays: 0, ownerId: null, ownerName: null, officeId: null, officeName: null, assignments: [], links,
    replyEntryId: null, repliedOn: null, closedOn: null, closingNote: null, priority: 'normale', notes: null, patronage: null, hearing: null,
    createdBy: id(999), createdByName: 'Paola Protocollista', createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-01T09:00:00.000Z', version: 1,
  };
}

const linksOf = (db: Db) => db.$client.prepare('select case_id as c, entry_id as e from case_entry_links order by case_id, entry_id').all() as Array<{ c: string; e: string }>;
const deps = (db: Db) => ({ db, clock: () => new Date('2026-03-10T10:00:00Z') });

describe('case_entry_links', () => {
  it('follows every store of a case row: links added, replaced, and gone with the row', () => {
    const db = openLocalDatabase(':memory:');
    installWriteGate(db.$client);
    throughWriteGate(db.$client, () => {
      putRow(db, 'cases', aCase(1, [link(10)]), 1);
      putRow(db, 'cases', aCase(2, [link(20), link(10, 'sollecito')], '2026-03-05'), 1);
    });
    expect(linksOf(db)).toEqual([{ c: id(1), e: id(10) }, { c: id(2), e: id(10) }, { c: id(2), e: id(20) }]);
    expect(casesForEntry(deps(db), id(10)).map((c) => c.id)).toEqual([id(2), id(1)]);

    // A pulled version of case 2 without the reminder: the index loses that link, keeps the other.
    throughWriteGate(db.$client, () => putRow(db, 'cases', aCase(2, [link(20)], '2026-03-05'), 2));
    expect(casesForEntry(deps(db), id(10)).map((c) => c.id)).toEqual([id(1)]);
    expect(casesForEntry(deps(db), id(20)).map((c) => c.id)).toEqual([id(2)]);

    // A tombstone (dropDoc) and a scope re-sync's plain DELETE both clear the links (trigger).
    throughWriteGate(db.$client, () => dropDoc(db, 'cases', id(1)));
    throughWriteGate(db.$client, () => db.$client.prepare('delete from cases where id = ?').run(id(2)));
    expect(linksOf(db)).toEqual([]);
    expect(casesForEntry(deps(db), id(10))).toEqual([]);
  });

  it('the migration fills the index from the cases a desk already had', () => {
    // The migrations up to 0010, a desk with cases, then the rest: what an update of the program does.
    const before = path.join(tmpDir(), 'client');
    fs.cpSync(DEFAULT_MIGRATIONS_FOLDER, before, { recursive: true });
    const journalFile = path.join(before, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: Array<{ tag: string }> };
    const at = journal.entries.findIndex((e) => e.tag === '0011_case_entry_links');
    expect(at).toBeGreaterThan(0);
    fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));

    const file = path.join(tmpDir(), 'gonfalone.db');
    const old = openLocalDatabase(file, before);
    const insert = old.$client.prepare('insert into cases (id, data, version, type_code, state, received_on) values (?, ?, 1, ?, ?, ?)');
    for (const c of [aCase(1, [link(10), link(11, 'sollecito')]), aCase(2, [link(10, 'altro')]), aCase(3, [])]) insert.run(c.id, JSON.stringify(c), c.typeCode, c.state, c.receivedOn);
    expect(old.$client.prepare("select count(*) as n from sqlite_master where name = 'case_entry_links'").get()).toEqual({ n: 0 });
    old.$client.close();

    const db = openLocalDatabase(file);
    expect(linksOf(db)).toEqual([{ c: id(1), e: id(10) }, { c: id(1), e: id(11) }, { c: id(2), e: id(10) }]);
    expect(casesForEntry(deps(db), id(10)).map((c) => c.title).sort()).toEqual(['Pratica 1', 'Pratica 2']);
    db.$client.close();
  });
});
