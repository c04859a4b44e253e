import { and, desc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { EmergencyLink, EmergencyPreauthorisation, EmergencySession, ProtocolEntry } from '../../../../shared/contract';
import type { Change } from '../../../../shared/sync/protocol';
import type { Db } from '../../db/open';
import { emergencyEntries, emergencyPreauthorisations, emergencySessions, protocolEntries } from '../../db/schema';
import { linkFromRow, linkToRow, preauthorisationFromRow, sessionFromRow, sessionToRow } from './mappers';

/** The open emergency period of this device, if any. */
export function openSessionOf(db: Db, deviceId: string): EmergencySession | null {
  const row = db
    .select()
    .from(emergencySessions)
    .where(and(eq(emergencySessions.deviceId, deviceId), isNull(emergencySessions.endedAt)))
    .orderBy(desc(emergencySessions.startedAt))
    .get();
  return row ? sessionFromRow(row) : null;
}

export function findSession(db: Db, id: string): EmergencySession | null {
  const row = db.select().from(emergencySessions).where(eq(emergencySessions.id, id)).get();
  return row ? sessionFromRow(row) : null;
}

export function listSessions(db: Db): EmergencySession[] {
  return db.select().from(emergencySessions).orderBy(desc(emergencySessions.startedAt)).all().map(sessionFromRow);
}

/** A pre-authorisation of this device still valid at `now`. */
export function validPreauthorisation(db: Db, deviceId: string, now: Date): EmergencyPreauthorisation | null {
  const row = db
    .select()
    .from(emergencyPreauthorisations)
    .where(and(eq(emergencyPreauthorisations.deviceId, deviceId), gte(emergencyPreauthorisations.validUntil, now.toISOString())))
    .orderBy(desc(emergencyPreauthorisations.validUntil))
    .get();
  return row ? preauthorisationFromRow(row) : null;
}

export function findPreauthorisation(db: Db, id: string): EmergencyPreauthorisation | null {
  const row = db.select().from(emergencyPreauthorisations).where(eq(emergencyPreauthorisations.id, id)).get();
  return row ? preauthorisationFromRow(row) : null;
}

/** Emergency entries of this desk still waiting for their ordinary number. */
export function pendingRecoveryCount(db: Db): number {
  const n = db.$client
    .prepare('SELECT count(*) FROM emergency_entries l JOIN protocol_entries e ON e.id = l.entry_id WHERE e.number IS NULL')
    .pluck()
    .get() as number;
  return n;
}

export function linkOf(db: Db, entryId: string): EmergencyLink | null {
  const row = db.select().from(emergencyEntries).where(eq(emergencyEntries.entryId, entryId)).get();
  if (!row) return null;
  const e = db.select({ year: protocolEntries.year, number: protocolEntries.number }).from(protocolEntries).where(eq(protocolEntries.id, entryId)).get();
  return linkFromRow(row, e ?? null);
}

/** Adds the emergency link to entries of lists, searches and details (art. 63: shown for ever). */
export function withEmergencyLinks<T extends ProtocolEntry>(db: Db, entries: T[]): T[] {
  if (entries.length === 0) return entries;
  const rows = db.select().from(emergencyEntries).where(inArray(emergencyEntries.entryId, entries.map((e) => e.id))).all();
  if (rows.length === 0) return entries;
  const byId = new Map(rows.map((r) => [r.entryId, r]));
  return entries.map((e) => {
    const r = byId.get(e.id);
    return r ? { ...e, emergency: linkFromRow(r, { year: e.year, number: e.number }) } : e;
  });
}

/** Pull applier hook for the emergency tables (called inside the pull transaction). */
export function applyEmergencyChange(db: Db, c: Change): void {
  const row = c.row;
  switch (c.table) {
    case 'emergency_sessions': {
      if (!row) return void db.delete(emergencySessions).where(eq(emergencySessions.id, c.key)).run();
      const values = sessionToRow({ ...(row as unknown as EmergencySession), version: c.version });
      return void db.insert(emergencySessions).values(values).onConflictDoUpdate({ target: emergencySessions.id, set: values }).run();
    }
    case 'emergency_entries': {
      if (!row) return void db.delete(emergencyEntries).where(eq(emergencyEntries.entryId, c.key)).run();
      const values = linkToRow(row as unknown as EmergencyLink);
      return void db.insert(emergencyEntries).values(values).onConflictDoUpdate({ target: emergencyEntries.entryId, set: values }).run();
    }
    case 'emergency_preauthorisations': {
      if (!row) return void db.delete(emergencyPreauthorisations).where(eq(emergencyPreauthorisations.id, c.key)).run();
      const values = { ...(row as unknown as EmergencyPreauthorisation), version: c.version };
      return void db.insert(emergencyPreauthorisations).values(values).onConflictDoUpdate({ target: emergencyPreauthorisations.id, set: values }).run();
    }
    default:
      return;
  }
}
