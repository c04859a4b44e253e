import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import type { Conflict, HistoryItem, Office, Organisation, ProtocolEntry, SessionUser, TitolarioNode, UserSummary, Contact } from '../../../shared/contract';
import type { Change, MutationResult, PullResponse, SyncedTable } from '../../../shared/sync/protocol';
import type { Db } from '../db/open';
import * as t from '../db/schema';
import { contactToRow, entryToRow, historyToRow, parentCodeOf, userToRow } from '../db/rows';
import { throughWriteGate } from '../db/write-gate';
import { reapplyPending } from '../write/apply-mutation';
import { conflictToRow } from '../db/conflict-rows';
import { trackScopedRows } from './scope';
import { applyEmergencyChange } from '../modules/emergency/repository';
import { dropDoc, isDocTable, putDoc } from '../db/doc-tables';

/**
 * The only other writer of synced tables besides the write path: applies a pull page, its acks
 * and the new cursor in ONE transaction, then re-applies still-pending mutations on top.
 */
export function applyPullPage(db: Db, page: PullResponse, lookupUser: (id: string) => SessionUser): Set<SyncedTable> {
  const touched = new Set<SyncedTable>();
  throughWriteGate(db.$client, () => {
    for (const change of page.changes) {
      applyChange(db, change);
      touched.add(change.table);
    }
    applyAcks(db, page.acks);
    db.update(t.syncState).set({ cursor: page.cursor }).where(eq(t.syncState.id, 1)).run();
    trackScopedRows(db, page);
    reapplyPending(db, lookupUser);
  });
  return touched;
}

/**
 * Acknowledgements of this desk's mutations: an applied one leaves the outbox (its effect now
 * comes from the server's rows); a rejected one stays, marked, for the review inbox.
 */
export function applyAcks(db: Db, acks: MutationResult[]): void {
  let maxSeq = 0;
  for (const ack of acks) {
    maxSeq = Math.max(maxSeq, ack.seq);
    if (ack.status === 'applied') db.delete(t.outbox).where(eq(t.outbox.mutationId, ack.id)).run();
    else
      db.update(t.outbox)
        .set({ status: 'rejected', error: JSON.stringify(ack.error ?? { code: 'INTERNAL', message: 'Rifiutata dal server.' }) })
        .where(eq(t.outbox.mutationId, ack.id))
        .run();
  }
  if (maxSeq > 0) db.update(t.syncState).set({ ackedSeq: sql`max(${t.syncState.ackedSeq}, ${maxSeq})` }).where(eq(t.syncState.id, 1)).run();
}

function applyChange(db: Db, c: Change): void {
  const row = c.row;
  if (isDocTable(c.table)) {
    if (!row) return dropDoc(db, c.table, c.key);
    return putDoc(db, c.table, { ...row, id: c.key }, c.version);
  }
  switch (c.table) {
    case 'protocol_entries': {
      if (!row) {
        // Out of this desk's scope now (docs/decisions/0003-scopes.md): its history leaves too.
        db.delete(t.protocolHistory).where(eq(t.protocolHistory.entryId, c.key)).run();
        return void db.delete(t.protocolEntries).where(eq(t.protocolEntries.id, c.key)).run();
      }
      return upsertEntry(db, entryToRow({ ...(row as unknown as ProtocolEntry), version: c.version }));
    }
    case 'protocol_history': {
      if (!row) return void db.delete(t.protocolHistory).where(eq(t.protocolHistory.id, c.key)).run();
      const values = historyToRow(row as unknown as HistoryItem);
      return void db.insert(t.protocolHistory).values(values).onConflictDoUpdate({ target: t.protocolHistory.id, set: values }).run();
    }
    case 'contacts': {
      if (!row) return void db.delete(t.contacts).where(eq(t.contacts.id, c.key)).run();
      const values = contactToRow({ ...(row as unknown as Contact), version: c.version });
      return void db.insert(t.contacts).values(values).onConflictDoUpdate({ target: t.contacts.id, set: values }).run();
    }
    case 'users': {
      if (!row) return void db.delete(t.users).where(eq(t.users.id, c.key)).run();
      const values = userToRow({ ...(row as unknown as UserSummary), version: c.version });
      return void db.insert(t.users).values(values).onConflictDoUpdate({ target: t.users.id, set: values }).run();
    }
    case 'offices': {
      if (!row) return void db.delete(t.offices).where(eq(t.offices.id, c.key)).run();
      const o = row as unknown as Office;
      const values = { id: o.id ?? c.key, code: o.code, name: o.name, active: o.active ?? true, version: c.version };
      return void db.insert(t.offices).values(values).onConflictDoUpdate({ target: t.offices.id, set: values }).run();
    }
    case 'titolario': {
      if (!row) return void db.delete(t.titolario).where(eq(t.titolario.code, c.key)).run();
      const n = row as unknown as TitolarioNode;
      const code = n.code ?? c.key;
      const values = { code, title: n.title, parentCode: n.parentCode ?? parentCodeOf(code), active: n.active ?? true, version: c.version };
      return void db.insert(t.titolario).values(values).onConflictDoUpdate({ target: t.titolario.code, set: values }).run();
    }
    case 'emergency_sessions':
    case 'emergency_entries':
    case 'emergency_preauthorisations':
      return applyEmergencyChange(db, c);
    case 'conflicts': {
      if (!row) return void db.delete(t.conflicts).where(eq(t.conflicts.id, c.key)).run();
      const values = conflictToRow({ ...(row as unknown as Conflict), version: c.version });
      return void db.insert(t.conflicts).values(values).onConflictDoUpdate({ target: t.conflicts.id, set: values }).run();
    }
    case 'organisation': {
      if (!row) return void db.delete(t.organisation).run();
      const o = row as unknown as Organisation;
      const values = { key: 'singleton', administrationName: o.administrationName, ipaCode: o.ipaCode, aooCode: o.aooCode, aooName: o.aooName, registerCode: o.registerCode, version: c.version };
      return void db.insert(t.organisation).values(values).onConflictDoUpdate({ target: t.organisation.key, set: values }).run();
    }
  }
}

/**
 * Register entries are most of an initial sync (a million rows): one prepared upsert per
 * database instead of building a drizzle query per row, which cost ~20× the write itself
 * (bench/sync-initial.ts). Same columns and conflict rule as the drizzle upsert it replaces;
 * columns the row does not carry keep their defaults on insert and their value on update.
 */
const entryUpserts = new WeakMap<object, Map<string, Statement>>();
const entryColumns = Object.entries(getTableColumns(t.protocolEntries));

function upsertEntry(db: Db, values: typeof t.protocolEntries.$inferInsert): void {
  const row = values as Record<string, unknown>;
  const present = entryColumns.filter(([k]) => row[k] !== undefined);
  const signature = present.map(([k]) => k).join(',');
  let byShape = entryUpserts.get(db.$client);
  if (!byShape) entryUpserts.set(db.$client, (byShape = new Map()));
  let stmt = byShape.get(signature);
  if (!stmt) {
    const names = present.map(([, col]) => `"${col.name}"`);
    stmt = db.$client.prepare(
      `insert into protocol_entries (${names.join(', ')}) values (${present.map(([k]) => `@${k}`).join(', ')})
       on conflict (id) do update set ${names.filter((n) => n !== '"id"').map((n) => `${n} = excluded.${n}`).join(', ')}`,
    );
    byShape.set(signature, stmt);
  }
  const params: Record<string, unknown> = {};
  for (const [k] of present) {
    const v = row[k];
    params[k] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  }
  stmt.run(params);
}
