import type { DocTable } from '../../../shared/sync/protocol';
import { derivedId } from '../../../shared/domain/agenda/reducer';
import { loadDoc } from '../../db/docs';
import type { ChangeSet } from '../../db/change-set';
import type { Db } from '../../db/client';
import { loadEngagement } from './repository';
import { reemitEngagement } from './service';

const tables: Record<string, DocTable> = {
  'agenda.upsertPerson': 'agenda_people',
  'agenda.upsertRoom': 'rooms',
  'agenda.upsertTemplate': 'ceremony_templates',
  'invitations.record': 'invitations',
  'invitations.decide': 'invitations',
  'invitations.linkLetter': 'invitations',
};

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * A refused agenda or invitation mutation: the rows it touched go out again as the register has
 * them, and rows it created on the desk (its own or derived ids) go out as tombstones, so the
 * desk that applied it optimistically drops what never happened.
 */
export async function reemitAgendaRows(tx: Db, changes: ChangeSet, name: string, args: unknown, mutationId?: string): Promise<void> {
  const a = (typeof args === 'object' && args !== null ? args : {}) as Record<string, unknown>;
  const id = text(a.id) ?? (mutationId ? derivedId(mutationId, 0) : null);
  if (name.startsWith('agenda.') && !tables[name]) {
    if (!id) return;
    const current = await loadEngagement(tx, id);
    await reemitEngagement({ tx, changes }, current, mutationId, new Set(), [id]);
    return;
  }
  const table = tables[name];
  if (!table || !id) return;
  const row = await loadDoc<{ id: string; version: number }>(tx, table, id);
  if (row) changes.add(table, id, row, row.version);
  else changes.add(table, id, null, 0);
  // The engagement an accepted invitation would have created.
  const eventId = name === 'invitations.decide' ? (text(a.eventId) ?? (mutationId ? derivedId(mutationId, 0) : null)) : null;
  if (eventId && !(await loadDoc(tx, 'agenda_events', eventId))) changes.add('agenda_events', eventId, null, 0);
}
