import type { ProtocolEntry, SessionUser } from '../../../src/shared/contract';
import type { Change, PullResponse } from '../../../src/shared/sync/protocol';

export const clerk: SessionUser = { id: '01900000-0000-7000-8000-000000000001', username: 'mario.rossi', fullName: 'Mario Rossi', roles: ['protocollista'], officeId: null };

/** A server-shaped protocol entry, as the change log carries it. */
export function entry(year: number, number: number, over: Partial<ProtocolEntry> = {}): ProtocolEntry {
  const id = `01900000-0000-7000-8000-${String(year * 10_000_000 + number).padStart(12, '0').slice(-12)}`;
  return {
    id, aooCode: 'AOO1', registerCode: 'REG', year, number,
    registeredAt: new Date(Date.UTC(year, 0, 1) + number * 60_000).toISOString(),
    direction: number % 2 ? 'entrata' : 'uscita', oggetto: `Richiesta contributo manifestazione ${number % 7 === 0 ? 'sagra' : 'concerto'}`,
    correspondents: [{ contactId: null, name: number % 3 ? 'Bianchi Anna' : 'Edilnord S.r.l.', kind: 'persona', pec: null, email: null, ipaCode: null, address: null }],
    means: 'pec', receivedDocDate: null, receivedDocNumber: null, classificationCode: number % 5 ? 'I.13' : 'II.1',
    assignments: [], documents: [], paperAttachments: { count: 0, description: '' }, riservato: false, notes: null,
    status: 'registrato', annulment: null, registeredBy: clerk.id, registeredByName: clerk.fullName, version: 1,
    ...over,
  };
}

export function page(changes: Array<Omit<Change, 'seq'>>, cursor: number, acks: PullResponse['acks'] = []): PullResponse {
  return { changes: changes.map((c, i) => ({ ...c, seq: cursor - changes.length + i + 1 })), cursor, hasMore: false, acks, serverTime: new Date().toISOString() };
}

export function entryChange(e: ProtocolEntry): Omit<Change, 'seq'> {
  return { table: 'protocol_entries', key: e.id, row: e as unknown as Record<string, unknown>, version: e.version };
}
