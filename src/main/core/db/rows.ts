import type { Contact, Correspondent, Assignment, DocumentRef, ProtocolEntry, HistoryItem, Office, TitolarioNode, Organisation, UserSummary, Annulment } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/roles';
import * as t from './schema';

/**
 * Mapping between the shared DTOs (the shape of synced rows on the wire, see
 * src/shared/sync/protocol.ts) and the local columns. Pure functions: no database access here.
 */

export function sortKeyOf(year: number, number: number | null): number {
  return year * 100_000_000 + (number ?? 0);
}

/** Lower-case, accents removed, single spaces: the key for duplicate names and prefix search. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const parse = <T>(text: string | null, fallback: T): T => (text == null ? fallback : (JSON.parse(text) as T));

export function entryFromRow(r: typeof t.protocolEntries.$inferSelect): ProtocolEntry {
  return {
    id: r.id,
    aooCode: r.aooCode,
    registerCode: r.registerCode,
    year: r.year,
    number: r.number,
    registeredAt: r.registeredAt,
    direction: r.direction as ProtocolEntry['direction'],
    oggetto: r.oggetto,
    correspondents: parse<Correspondent[]>(r.correspondents, []),
    means: r.means as ProtocolEntry['means'],
    receivedDocDate: r.receivedDocDate,
    receivedDocNumber: r.receivedDocNumber,
    classificationCode: r.classificationCode,
    assignments: parse<Assignment[]>(r.assignments, []),
    documents: parse<DocumentRef[]>(r.documents, []),
    paperAttachments: parse(r.paperAttachments, { count: 0, description: '' }),
    riservato: r.riservato,
    notes: r.notes,
    status: r.status as ProtocolEntry['status'],
    annulment: parse<Annulment | null>(r.annulment, null),
    registeredBy: r.registeredBy,
    registeredByName: r.registeredByName,
    version: r.version,
  };
}

export function entryToRow(e: ProtocolEntry): typeof t.protocolEntries.$inferInsert {
  return {
    id: e.id,
    sortKey: sortKeyOf(e.year, e.number),
    aooCode: e.aooCode,
    registerCode: e.registerCode,
    year: e.year,
    number: e.number,
    registeredAt: e.registeredAt,
    direction: e.direction,
    oggetto: e.oggetto,
    correspondents: JSON.stringify(e.correspondents ?? []),
    means: e.means ?? null,
    receivedDocDate: e.receivedDocDate ?? null,
    receivedDocNumber: e.receivedDocNumber ?? null,
    classificationCode: e.classificationCode ?? null,
    assignments: JSON.stringify(e.assignments ?? []),
    documents: JSON.stringify(e.documents ?? []),
    paperAttachments: JSON.stringify(e.paperAttachments ?? { count: 0, description: '' }),
    riservato: !!e.riservato,
    notes: e.notes ?? null,
    status: e.status,
    annulment: e.annulment ? JSON.stringify(e.annulment) : null,
    registeredBy: e.registeredBy,
    registeredByName: e.registeredByName,
    version: e.version ?? 1,
  };
}

export function contactFromRow(r: typeof t.contacts.$inferSelect): Contact {
  const c: Contact = { id: r.id, kind: r.kind as Contact['kind'], name: r.name, createdAt: r.createdAt, updatedAt: r.updatedAt, version: r.version };
  const optional = ['firstName', 'lastName', 'fiscalCode', 'ipaCode', 'pec', 'email', 'phone', 'address', 'postalCode', 'city', 'province', 'notes'] as const;
  for (const k of optional) {
    const v = r[k];
    if (v != null) c[k] = v;
  }
  return c;
}

export function contactToRow(c: Contact): typeof t.contacts.$inferInsert {
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    normName: normaliseName(c.name),
    firstName: c.firstName ?? null,
    lastName: c.lastName ?? null,
    fiscalCode: c.fiscalCode ?? null,
    ipaCode: c.ipaCode ?? null,
    pec: c.pec?.toLowerCase() ?? null,
    email: c.email?.toLowerCase() ?? null,
    phone: c.phone ?? null,
    address: c.address ?? null,
    postalCode: c.postalCode ?? null,
    city: c.city ?? null,
    province: c.province ?? null,
    notes: c.notes ?? null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version ?? 0,
  };
}

export function historyFromRow(r: typeof t.protocolHistory.$inferSelect): HistoryItem {
  return {
    id: r.id,
    entryId: r.entryId,
    at: r.at,
    by: r.by,
    byName: r.byName,
    field: r.field as HistoryItem['field'],
    oldValue: parse<unknown>(r.oldValue, null),
    newValue: parse<unknown>(r.newValue, null),
  };
}

export function historyToRow(h: HistoryItem): typeof t.protocolHistory.$inferInsert {
  return {
    id: h.id,
    entryId: h.entryId,
    at: h.at,
    by: h.by,
    byName: h.byName,
    field: h.field,
    oldValue: h.oldValue === undefined ? null : JSON.stringify(h.oldValue),
    newValue: h.newValue === undefined ? null : JSON.stringify(h.newValue),
  };
}

export function userFromRow(r: typeof t.users.$inferSelect): UserSummary {
  return { id: r.id, username: r.username, fullName: r.fullName, roles: parse<Role[]>(r.roles, []), officeId: r.officeId, active: r.active };
}

export function userToRow(u: UserSummary & { version?: number }): typeof t.users.$inferInsert {
  return { id: u.id, username: u.username, fullName: u.fullName, roles: JSON.stringify(u.roles ?? []), officeId: u.officeId ?? null, active: u.active ?? true, version: u.version ?? 1 };
}

export function officeFromRow(r: typeof t.offices.$inferSelect): Office {
  return { id: r.id, code: r.code, name: r.name, active: r.active, version: r.version };
}

export function titolarioFromRow(r: typeof t.titolario.$inferSelect): TitolarioNode {
  return { code: r.code, title: r.title, parentCode: r.parentCode, active: r.active, version: r.version };
}

export function organisationFromRow(r: typeof t.organisation.$inferSelect): Organisation {
  return { administrationName: r.administrationName, ipaCode: r.ipaCode, aooCode: r.aooCode, aooName: r.aooName, registerCode: r.registerCode };
}

/** "I.13.2" → "I.13"; "I" → null. */
export function parentCodeOf(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}
