import type { EmergencyAuthoriser, EmergencyLink, EmergencyPreauthorisation, EmergencySession } from '../../../../shared/contract';
import type * as t from '../../db/schema';

/** Local rows of the emergency tables ↔ the shared DTOs (the shape of synced rows). */
export function sessionFromRow(r: typeof t.emergencySessions.$inferSelect): EmergencySession {
  return {
    id: r.id,
    deviceId: r.deviceId,
    deviceCode: r.deviceCode,
    cause: r.cause,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    authoriser: JSON.parse(r.authoriser) as EmergencyAuthoriser,
    dailyCounts: JSON.parse(r.dailyCounts) as Record<string, number>,
    total: r.total,
    openedBy: r.openedBy,
    openedByName: r.openedByName,
    version: r.version,
  };
}

export function sessionToRow(s: EmergencySession): typeof t.emergencySessions.$inferInsert {
  return {
    id: s.id,
    deviceId: s.deviceId,
    deviceCode: s.deviceCode,
    cause: s.cause,
    startedAt: s.startedAt,
    endedAt: s.endedAt ?? null,
    authoriser: JSON.stringify(s.authoriser),
    dailyCounts: JSON.stringify(s.dailyCounts ?? {}),
    total: s.total ?? 0,
    openedBy: s.openedBy,
    openedByName: s.openedByName,
    version: s.version ?? 1,
  };
}

export function linkFromRow(r: typeof t.emergencyEntries.$inferSelect, ordinary: { year: number; number: number | null } | null): EmergencyLink {
  return {
    entryId: r.entryId,
    emergencyNumber: r.emergencyNumber,
    year: r.year,
    deviceCode: r.deviceCode,
    seq: r.seq,
    sessionId: r.sessionId,
    legalDate: r.legalDate,
    ordinaryYear: ordinary?.number != null ? ordinary.year : null,
    ordinaryNumber: ordinary?.number ?? null,
  };
}

export function linkToRow(l: EmergencyLink): typeof t.emergencyEntries.$inferInsert {
  return { entryId: l.entryId, emergencyNumber: l.emergencyNumber, year: l.year, deviceCode: l.deviceCode, seq: l.seq, sessionId: l.sessionId, legalDate: l.legalDate, version: 1 };
}

export function preauthorisationFromRow(r: typeof t.emergencyPreauthorisations.$inferSelect): EmergencyPreauthorisation {
  return { ...r };
}
