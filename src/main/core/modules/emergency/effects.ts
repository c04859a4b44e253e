import { and, eq, isNull } from 'drizzle-orm';
import type { Correspondent, DocumentRef, EmergencyCloseArgs, EmergencyOpenArgs, EmergencyPreauthoriseArgs, RegisterEmergencyArgs } from '../../../../shared/contract';
import { dailyCounts } from '../../../../shared/domain/emergency';
import type { Db } from '../../db/open';
import { contacts, emergencyEntries, emergencyPreauthorisations, emergencySessions, organisation, protocolEntries } from '../../db/schema';
import { contactFromRow } from '../../db/rows';
import type { EffectContext } from '../../write/context';
import { registerEffect, resolveAssignments } from '../protocol/effects';

/** The entry id is always set by the desk before the mutation is written. */
export type RegisterEmergencyMutation = RegisterEmergencyArgs & { entry: { id: string } };

/**
 * Pending emergency entries have no ordinary number yet (art. 63): they sort after every
 * ordinary number of their year (real registers stay far below 99,000,000) and leave that
 * place when the pull brings the number.
 */
export function pendingSortKey(year: number, seq: number): number {
  return year * 100_000_000 + 99_000_000 + seq;
}

/** Local effect of emergency.open (idempotent: re-applied after each pull). */
export function openEffect(args: EmergencyOpenArgs, { db, user }: EffectContext): void {
  db.insert(emergencySessions)
    .values({
      id: args.id,
      deviceId: args.deviceId,
      deviceCode: args.deviceCode,
      cause: args.cause,
      startedAt: args.startedAt,
      authoriser: JSON.stringify(args.authoriser),
      openedBy: user.id,
      openedByName: user.fullName,
    })
    .onConflictDoNothing()
    .run();
}

/** Local effect of emergency.close: end time recorded, counts recomputed from the entries. */
export function closeEffect(args: EmergencyCloseArgs, { db }: EffectContext): void {
  db.update(emergencySessions).set({ endedAt: args.endedAt }).where(and(eq(emergencySessions.id, args.id), isNull(emergencySessions.endedAt))).run();
  recount(db, args.id);
}

export function preauthoriseEffect(args: EmergencyPreauthoriseArgs, { db, user, now }: EffectContext): void {
  db.insert(emergencyPreauthorisations)
    .values({ id: args.id, deviceId: args.deviceId, validUntil: args.validUntil, act: args.act, authorisedBy: user.id, authorisedByName: user.fullName, createdAt: now })
    .onConflictDoNothing()
    .run();
}

/**
 * Local effect of protocol.registerEmergency: the entry is visible at once with its emergency
 * number and NO ordinary number (only the register server assigns those, art. 57).
 */
export function registerEmergencyEffect(args: RegisterEmergencyMutation, ctx: EffectContext): void {
  const { db, user } = ctx;
  const { entry: input, emergency: mark } = args;
  registerEffect({ ...input, id: input.id }, ctx);
  const exists = db.select({ id: protocolEntries.id }).from(protocolEntries).where(eq(protocolEntries.id, input.id)).get();
  if (!exists) {
    const org = db.select().from(organisation).get();
    const documents: DocumentRef[] = [
      ...(input.primaryDocument ? [{ ...input.primaryDocument, role: 'primario' as const }] : []),
      ...input.attachments.map((d) => ({ ...d, role: 'allegato' as const })),
    ];
    db.insert(protocolEntries)
      .values({
        id: input.id,
        sortKey: pendingSortKey(mark.year, mark.seq),
        aooCode: org?.aooCode ?? '',
        registerCode: org?.registerCode ?? '',
        year: mark.year,
        number: null,
        registeredAt: mark.registeredAt,
        direction: input.direction,
        oggetto: input.oggetto,
        correspondents: JSON.stringify(localCorrespondents(db, input.correspondents)),
        means: input.means,
        receivedDocDate: input.receivedDocDate,
        receivedDocNumber: input.receivedDocNumber,
        classificationCode: input.classificationCode,
        assignments: JSON.stringify(resolveAssignments(db, input.assignments)),
        documents: JSON.stringify(documents),
        paperAttachments: JSON.stringify(input.paperAttachments),
        riservato: input.riservato,
        notes: input.notes,
        status: 'registrato',
        registeredBy: user.id,
        registeredByName: user.fullName,
        version: 0,
      })
      .run();
  }
  db.insert(emergencyEntries)
    .values({ entryId: input.id, emergencyNumber: mark.number, year: mark.year, deviceCode: mark.deviceCode, seq: mark.seq, sessionId: mark.sessionId, legalDate: mark.registeredAt })
    .onConflictDoNothing()
    .run();
  recount(db, mark.sessionId);
}

/** Art. 63: the number of registrations for each day of emergency, and the total. */
export function recount(db: Db, sessionId: string): void {
  const ats = db.select({ at: emergencyEntries.legalDate }).from(emergencyEntries).where(eq(emergencyEntries.sessionId, sessionId)).all();
  db.update(emergencySessions)
    .set({ dailyCounts: JSON.stringify(dailyCounts(ats.map((a) => a.at))), total: ats.length })
    .where(eq(emergencySessions.id, sessionId))
    .run();
}

type CorrespondentArg = RegisterEmergencyArgs['entry']['correspondents'][number];

/** The same snapshot the server will take, from the local address book. */
function localCorrespondents(db: Db, list: CorrespondentArg[]): Correspondent[] {
  return list.map((c) => {
    const contact = 'contactId' in c ? db.select().from(contacts).where(eq(contacts.id, c.contactId)).get() : null;
    const src = contact ? contactFromRow(contact) : 'newContact' in c ? c.newContact : null;
    if (!src) return { contactId: null, name: '(corrispondente non trovato)', kind: 'persona', pec: null, email: null, ipaCode: null, address: null };
    const address = [src.address, [src.postalCode, src.city].filter(Boolean).join(' '), src.province ? `(${src.province})` : ''].filter((s) => s && s.length > 0).join(', ');
    return {
      contactId: 'contactId' in c ? c.contactId : ('newContact' in c ? (c.newContact.id ?? null) : null),
      name: src.name,
      kind: src.kind,
      pec: src.pec ?? null,
      email: src.email ?? null,
      ipaCode: src.ipaCode ?? null,
      address: address || null,
    };
  });
}
