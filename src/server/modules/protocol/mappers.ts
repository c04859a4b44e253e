import type { Annulment, Assignment, Correspondent, Direction, DocumentRef, EntryStatus, HistoryItem, Means, ProtocolEntry } from '../../../shared/contract/protocol';
import type { protocolEntries, protocolHistory } from '../../db/schema';

export type EntryRow = typeof protocolEntries.$inferSelect;
export type HistoryRow = typeof protocolHistory.$inferSelect;

/** jsonb columns are written only by this module, from validated input: their shape is ours. */
export function toProtocolEntry(r: EntryRow): ProtocolEntry {
  return {
    id: r.id,
    aooCode: r.aooCode,
    registerCode: r.registerCode,
    year: r.year,
    number: r.number,
    registeredAt: r.registeredAt.toISOString(),
    direction: r.direction as Direction,
    oggetto: r.oggetto,
    correspondents: r.correspondents as Correspondent[],
    means: r.means as Means | null,
    receivedDocDate: r.receivedDocDate,
    receivedDocNumber: r.receivedDocNumber,
    classificationCode: r.classificationCode,
    assignments: r.assignments as Assignment[],
    documents: r.documents as DocumentRef[],
    paperAttachments: r.paperAttachments as ProtocolEntry['paperAttachments'],
    riservato: r.riservato,
    notes: r.notes,
    status: r.status as EntryStatus,
    annulment: (r.annulment as Annulment | null) ?? null,
    registeredBy: r.registeredBy,
    registeredByName: r.registeredByName,
    version: r.version,
  };
}

export function toHistoryItem(r: HistoryRow): HistoryItem {
  return {
    id: r.id,
    entryId: r.entryId,
    at: r.at.toISOString(),
    by: r.by,
    byName: r.byName,
    field: r.field as HistoryItem['field'],
    oldValue: r.oldValue ?? null,
    newValue: r.newValue ?? null,
  };
}
