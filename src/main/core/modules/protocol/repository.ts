import { asc, eq } from 'drizzle-orm';
import { AppError, type ProtocolEntry, type ProtocolEntryDetail } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { canSeeEntry, type ScopeUser } from '../../../../shared/domain/scopes';
import { organisation, protocolEntries, protocolHistory } from '../../db/schema';
import { entryFromRow, historyFromRow, organisationFromRow } from '../../db/rows';
import { withEmergencyLinks } from '../emergency/repository';

/** Reads of the local register copy. */
export function findEntry(db: Db, id: string): ProtocolEntry | null {
  const row = db.select().from(protocolEntries).where(eq(protocolEntries.id, id)).get();
  // An entry registered in emergency carries its E/… link for ever (art. 63).
  return row ? withEmergencyLinks(db, [entryFromRow(row)])[0]! : null;
}

export function getEntry(db: Db, id: string): ProtocolEntry {
  const e = findEntry(db, id);
  if (!e) throw new AppError('NOT_FOUND', 'Registrazione di protocollo non trovata.');
  return e;
}

/** The entry with its kept history of classification, assignment and annulment. */
export function getEntryDetail(db: Db, id: string, viewer?: ScopeUser): ProtocolEntryDetail {
  const entry = getEntry(db, id);
  // A shared desk may hold a reserved entry of another user: it does not exist for this one.
  if (viewer && !canSeeEntry(viewer, entry)) throw new AppError('NOT_FOUND', 'Registrazione di protocollo non trovata.');
  const history = db.select().from(protocolHistory).where(eq(protocolHistory.entryId, id)).orderBy(asc(protocolHistory.at)).all().map(historyFromRow);
  return { ...entry, history };
}

export function localOrganisation(db: Db) {
  const row = db.select().from(organisation).get();
  return row ? organisationFromRow(row) : null;
}
