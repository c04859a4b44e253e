import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_FOLDER, openLocalDatabase } from '../../../src/main/core/db/open';
import { installWriteGate, throughWriteGate } from '../../../src/main/core/db/write-gate';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonfalone-restart-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The shipped migrations up to (and without) the first whose tag starts with `before`. */
function migrationsBefore(before: string): string {
  const folder = path.join(dir, 'migrations');
  fs.cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: Array<{ tag: string }> };
  const cut = journal.entries.findIndex((e) => e.tag.startsWith(before));
  journal.entries = journal.entries.slice(0, cut);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe('a desk with the case tables restarts', () => {
  it('reopens its own database: the document tables of issues 4 and 5 are not foreign', () => {
    const file = path.join(dir, 'gonfalone.db');
    openLocalDatabase(file).$client.close();
    const again = openLocalDatabase(file);
    const tables = again.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('cases', 'case_events', 'agenda_events')").pluck().all();
    expect(tables.sort()).toEqual(['agenda_events', 'case_events', 'cases']);
    again.$client.close();
  });

  it('the indicators migration indexes closed cases and fills the reply day of the cases already stored', () => {
    const file = path.join(dir, 'gonfalone.db');
    const old = openLocalDatabase(file, migrationsBefore('0009'));
    installWriteGate(old.$client);
    // Stored as a desk before 0009 stored them: the JSON and the query columns of that time.
    const insert = old.$client.prepare(
      `INSERT INTO cases (id, data, version, type_code, state, received_on, due_on, closed_on) VALUES (?, ?, 2, 'interrogazione', 'chiusa', '2025-03-01', '2025-03-31', '2025-03-20')`,
    );
    throughWriteGate(old.$client, () => {
      insert.run('c1', JSON.stringify({ id: 'c1', repliedOn: '2025-03-20', version: 2 }));
      insert.run('c2', JSON.stringify({ id: 'c2', repliedOn: null, version: 2 }));
    });
    old.$client.close();
    const db = openLocalDatabase(file);
    expect(db.$client.prepare('SELECT id, replied_on AS repliedOn FROM cases ORDER BY id').all()).toEqual([
      { id: 'c1', repliedOn: '2025-03-20' },
      { id: 'c2', repliedOn: null },
    ]);
    const plan = db.$client.prepare("EXPLAIN QUERY PLAN SELECT type_code, received_on FROM cases WHERE closed_on >= '2025-01-01' AND closed_on < '2026-01-01'").all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX cases_closed');
    db.$client.close();
  });
});
