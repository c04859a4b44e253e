import { asc, eq } from 'drizzle-orm';
import { AppError, type ProtocolEntry, type ProtocolEntryDetail } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { organisation, protocolEntries, protocolHistory } from '../../db/schema';
import { entryFromRow, historyFromRow, organisationFromRow } from '../../db/rows';

/** Reads of the local register copy. */
export function findEntry(db: Db, id: string): ProtocolEntry | null {
  const row = db.select().from(protocolEntries).where(eq(protocolEntries.id, id)).get();
  return row ? entryFromRow(row) : null;
}

export function getEntry(db: Db, id: string): ProtocolEntry {
  const e = findEntry(db, id);
  if (!e) throw new AppError('NOT_FOUND', 'Registrazione di protocollo non trovata.');
  return e;
}

/** The entry with its kept history of classification, assignment and annulment. */
export function getEntryDetail(db: Db, id: string): ProtocolEntryDetail {
  const entry = getEntry(db, id);
  const history = db.select().from(protocolHistory).where(eq(protocolHistory.entryId, id)).orderBy(asc(protocolHistory.at)).all().map(historyFromRow);
  return { ...entry, history };
}

export function localOrganisation(db: Db) {
  const row = db.select().from(organisation).get();
  return row ? organisationFromRow(row) : null;
}
