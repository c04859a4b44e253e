import type { EmergencyAuthoriser, EmergencyLink, EmergencyPreauthorisation, EmergencySession } from '../../../shared/contract/emergency';
import type { emergencyEntries, emergencyPreauthorisations, emergencySessions } from '../../db/schema';

export type SessionRow = typeof emergencySessions.$inferSelect;
export type LinkRow = typeof emergencyEntries.$inferSelect;
export type PreauthorisationRow = typeof emergencyPreauthorisations.$inferSelect;

/** Rows of the emergency tables → the shared DTOs that travel in the change log. */
export function toSession(r: SessionRow): EmergencySession {
  return {
    id: r.id,
    deviceId: r.deviceId,
    deviceCode: r.deviceCode,
    cause: r.cause,
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt ? r.endedAt.toISOString() : null,
    authoriser: r.authoriser as EmergencyAuthoriser,
    dailyCounts: r.dailyCounts,
    total: r.total,
    openedBy: r.openedBy,
    openedByName: r.openedByName,
    version: r.version,
  };
}

/** The ordinary number is not known here (the database assigns it at commit): desks join it. */
export function toLink(r: LinkRow): EmergencyLink {
  return {
    entryId: r.entryId,
    emergencyNumber: r.emergencyNumber,
    year: r.year,
    deviceCode: r.deviceCode,
    seq: r.seq,
    sessionId: r.sessionId,
    legalDate: r.legalDate.toISOString(),
    ordinaryYear: null,
    ordinaryNumber: null,
  };
}

export function toPreauthorisation(r: PreauthorisationRow): EmergencyPreauthorisation {
  return {
    id: r.id,
    deviceId: r.deviceId,
    validUntil: r.validUntil.toISOString(),
    act: r.act,
    authorisedBy: r.authorisedBy,
    authorisedByName: r.authorisedByName,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}
