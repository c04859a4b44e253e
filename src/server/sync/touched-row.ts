import { eq } from 'drizzle-orm';
import type { ChangeSet } from '../db/change-set';
import type { Db } from '../db/client';
import { contacts, offices, protocolEntries, titolario } from '../db/schema';
import { toContact } from '../modules/directory/service';
import { toOffice } from '../modules/organisation/offices';
import { toTitolarioNode } from '../modules/organisation/titolario';
import { toProtocolEntry } from '../modules/protocol/mappers';
import { reemitAgendaRows } from '../modules/agenda/reemit';
import { reemitCaseRows } from '../modules/cases/reemit';

/**
 * A desk applies its updates optimistically. When the server refuses one, the row it touched is
 * sent out again unchanged, so that desk converges back to the server's value at its next pull
 * instead of keeping a change that never happened.
 */
export async function reemitTouchedRow(tx: Db, changes: ChangeSet, name: string, args: unknown, mutationId?: string): Promise<void> {
  if (name.startsWith('agenda.') || name.startsWith('invitations.')) return reemitAgendaRows(tx, changes, name, args, mutationId);
  if (name.startsWith('cases.') || name.startsWith('signature.')) return reemitCaseRows(tx, changes, name, args, mutationId);
  const a = (typeof args === 'object' && args !== null ? args : {}) as { id?: unknown; code?: unknown };
  const id = typeof a.id === 'string' ? a.id : null;
  if (name.startsWith('protocol.') && name !== 'protocol.register' && name !== 'protocol.registerEmergency' && id) {
    const [row] = await tx.select().from(protocolEntries).where(eq(protocolEntries.id, id));
    if (row) changes.add('protocol_entries', row.id, toProtocolEntry(row), row.version);
  } else if (name === 'directory.update' && id) {
    const [row] = await tx.select().from(contacts).where(eq(contacts.id, id));
    if (row) changes.add('contacts', row.id, toContact(row), row.version);
  } else if (name === 'offices.upsert' && id) {
    const [row] = await tx.select().from(offices).where(eq(offices.id, id));
    if (row) changes.add('offices', row.id, toOffice(row), row.version);
  } else if (name === 'titolario.upsert' && typeof a.code === 'string') {
    const [row] = await tx.select().from(titolario).where(eq(titolario.code, a.code));
    if (row) changes.add('titolario', row.code, toTitolarioNode(row), row.version);
  }
}
