import { eq, sql } from 'drizzle-orm';
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
import { upsertPrepared } from './prepared-upsert';
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
      return upsertPrepared(db, t.protocolEntries, t.protocolEntries.id, entryToRow({ ...(row as unknown as ProtocolEntry), version: c.version }));
    }
    case 'protocol_history': {
      if (!row) return void db.delete(t.protocolHistory).where(eq(t.protocolHistory.id, c.key)).run();
      return upsertPrepared(db, t.protocolHistory, t.protocolHistory.id, historyToRow(row as unknown as HistoryItem));
    }
    case 'contacts': {
      if (!row) return void db.delete(t.contacts).where(eq(t.contacts.id, c.key)).run();
      return upsertPrepared(db, t.contacts, t.contacts.id, contactToRow({ ...(row as unknown as Contact), version: c.version }));
    }
    case 'users': {
      if (!row) return void db.delete(t.users).where(eq(t.users.id, c.key)).run();
      return upsertPrepared(db, t.users, t.users.id, userToRow({ ...(row as unknown as UserSummary), version: c.version }));
    }
    case 'offices': {
      if (!row) return void db.delete(t.offices).where(eq(t.offices.id, c.key)).run();
      const o = row as unknown as Office;
      const values = { id: o.id ?? c.key, code: o.code, name: o.name, active: o.active ?? true, version: c.version };
      return upsertPrepared(db, t.offices, t.offices.id, values);
    }
    case 'titolario': {
      if (!row) return void db.delete(t.titolario).where(eq(t.titolario.code, c.key)).run();
      const n = row as unknown as TitolarioNode;
      const code = n.code ?? c.key;
      const values = { code, title: n.title, parentCode: n.parentCode ?? parentCodeOf(code), active: n.active ?? true, version: c.version };
      return upsertPrepared(db, t.titolario, t.titolario.code, values);
    }
    case 'emergency_sessions':
    case 'emergency_entries':
    case 'emergency_preauthorisations':
      return applyEmergencyChange(db, c);
    case 'conflicts': {
      if (!row) return void db.delete(t.conflicts).where(eq(t.conflicts.id, c.key)).run();
      return upsertPrepared(db, t.conflicts, t.conflicts.id, conflictToRow({ ...(row as unknown as Conflict), version: c.version }));
    }
    case 'organisation': {
      if (!row) return void db.delete(t.organisation).run();
      const o = row as unknown as Organisation;
      const values = { key: 'singleton', administrationName: o.administrationName, ipaCode: o.ipaCode, aooCode: o.aooCode, aooName: o.aooName, registerCode: o.registerCode, version: c.version };
      return void db.insert(t.organisation).values(values).onConflictDoUpdate({ target: t.organisation.key, set: values }).run();
    }
  }
}
