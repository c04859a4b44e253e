import type { Statement } from 'better-sqlite3';
import type { DocTable } from '../../../shared/sync/protocol';
import type { Db } from './open';

/**
 * The local copies of the document tables (issues 4 and 5; schema in cases-schema.ts and
 * agenda-schema.ts): each row is its DTO as JSON plus the query columns extracted here, so the
 * pull applier and the local effects store a row the same way. A DTO carries `id` and `version`.
 */
export type Dto = Record<string, unknown> & { id: string; version?: number };

/** Query columns of each table: DTO field → SQL column (snake case, as in the schema files). */
const queryColumns: Record<DocTable, Record<string, string>> = {
  case_types: {},
  case_settings: {},
  cases: { typeCode: 'type_code', state: 'state', receivedOn: 'received_on', dueOn: 'due_on', closedOn: 'closed_on', repliedOn: 'replied_on', ownerId: 'owner_id', officeId: 'office_id' },
  case_events: { caseId: 'case_id', at: 'at' },
  signature_items: { state: 'state' },
  config_audit: {},
  agenda_people: {},
  rooms: {},
  agenda_events: { seriesId: 'series_id', roomId: 'room_id', startAt: 'start_at', endAt: 'end_at', untilAt: 'until_at' },
  invitations: { state: 'state' },
  ceremony_templates: {},
};

export function isDocTable(name: string): name is DocTable {
  return Object.prototype.hasOwnProperty.call(queryColumns, name);
}

// Prepared once per connection and table: the pull applier stores thousands of rows per page.
const statements = new WeakMap<object, Map<string, Statement>>();
function prepared(db: Db, key: string, sql: () => string): Statement {
  let byKey = statements.get(db.$client);
  if (!byKey) statements.set(db.$client, (byKey = new Map()));
  let stmt = byKey.get(key);
  if (!stmt) byKey.set(key, (stmt = db.$client.prepare(sql())));
  return stmt;
}

const asParam = (v: unknown): string | number | null => (v === null || v === undefined ? null : typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : String(v));

/**
 * Local index of the protocol entries a case gathers (`case_entry_links`, read by cases.forEntry):
 * rewritten from the DTO every time a case row is stored. Deleted case rows lose their links by a
 * trigger (drizzle/client/0011), whichever path deletes them.
 */
function indexCaseLinks(db: Db, dto: Dto): void {
  prepared(db, 'links:clear', () => 'delete from case_entry_links where case_id = ?').run(dto.id);
  if (!Array.isArray(dto.links)) return;
  const add = prepared(db, 'links:add', () => 'insert or ignore into case_entry_links (entry_id, case_id) values (?, ?)');
  for (const link of dto.links as Array<{ entryId?: unknown }>) {
    if (typeof link?.entryId === 'string') add.run(link.entryId, dto.id);
  }
}

/** What else a stored row keeps in step, per table. */
const afterPut: Partial<Record<DocTable, (db: Db, dto: Dto) => void>> = { cases: indexCaseLinks };

/** Inserts or replaces a document row (inside the write path or the pull applier only). */
export function putDoc(db: Db, table: DocTable, dto: Dto, version = dto.version ?? 0): void {
  const cols = Object.entries(queryColumns[table]);
  const stmt = prepared(db, `put:${table}`, () => {
    const names = ['id', 'data', 'version', ...cols.map(([, c]) => c)];
    return `insert into ${table} (${names.join(', ')}) values (${names.map(() => '?').join(', ')})
            on conflict (id) do update set ${names.slice(1).map((n) => `${n} = excluded.${n}`).join(', ')}`;
  });
  stmt.run(dto.id, JSON.stringify({ ...dto, version }), version, ...cols.map(([field]) => asParam(dto[field])));
  afterPut[table]?.(db, dto);
}

/** Removes a document row (a tombstone from the server, or a row that left this desk's scope). */
export function dropDoc(db: Db, table: DocTable, id: string): void {
  prepared(db, `drop:${table}`, () => `delete from ${table} where id = ?`).run(id);
}

/** Reads one document row back as its DTO, or null. */
export function getDoc<T>(db: Db, table: DocTable, id: string): T | null {
  const row = prepared(db, `get:${table}`, () => `select data from ${table} where id = ?`).get(id) as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as T) : null;
}

/** Parses the `data` column of rows read with a query of one's own. */
export function parseDocs<T>(rows: ReadonlyArray<{ data: string }>): T[] {
  return rows.map((r) => JSON.parse(r.data) as T);
}
