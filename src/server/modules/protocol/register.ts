import { eq, inArray } from 'drizzle-orm';
import { AppError } from '../../../shared/contract/errors';
import type { Contact } from '../../../shared/contract/directory';
import type { Assignment, AssignmentInput, Correspondent, DocumentRef, RegisterInput, RegisterResult } from '../../../shared/contract/protocol';
import { formatNumber, segnatura } from '../../../shared/domain/protocol-number';
import { romeYear } from '../../../shared/domain/time';
import type { MutationCtx } from '../../sync/mutation-handler';
import type { Db } from '../../db/client';
import { blobs, contacts, offices, protocolEntries, users } from '../../db/schema';
import { insertContact, toContact } from '../directory/service';
import { checkClassification } from '../organisation/titolario';
import { requireOrganisation } from '../organisation/setup';
import { toProtocolEntry, type EntryRow } from './mappers';

export type ProtocolCtx = MutationCtx;

function snapshot(c: Contact): Correspondent {
  const address = [c.address, [c.postalCode, c.city].filter(Boolean).join(' '), c.province ? `(${c.province})` : '']
    .filter((s) => s && s.length > 0)
    .join(', ');
  return { contactId: c.id, name: c.name, kind: c.kind, pec: c.pec ?? null, email: c.email ?? null, ipaCode: c.ipaCode ?? null, address: address || null };
}

async function resolveCorrespondents(ctx: ProtocolCtx, input: RegisterInput): Promise<Correspondent[]> {
  const out: Correspondent[] = [];
  for (const c of input.correspondents) {
    if ('contactId' in c) {
      const [row] = await ctx.tx.select().from(contacts).where(eq(contacts.id, c.contactId));
      if (!row) throw new AppError('VALIDATION', 'Un corrispondente indicato non esiste nella rubrica.');
      out.push(snapshot(toContact(row)));
    } else {
      if (c.newContact.kind === 'pa' && !c.newContact.ipaCode) throw new AppError('VALIDATION', 'Per una pubblica amministrazione indica il codice IPA.');
      out.push(snapshot(await insertContact(ctx.tx, ctx.changes, c.newContact, ctx.now)));
    }
  }
  return out;
}

/** Assignees are resolved to their names now, so the entry reads well on every desk. */
export async function resolveAssignments(tx: Db, input: AssignmentInput[]): Promise<Assignment[]> {
  const officeIds = input.filter((a) => a.assigneeType === 'ufficio').map((a) => a.assigneeId);
  const userIds = input.filter((a) => a.assigneeType === 'utente').map((a) => a.assigneeId);
  const officeRows = officeIds.length ? await tx.select().from(offices).where(inArray(offices.id, officeIds)) : [];
  const userRows = userIds.length ? await tx.select().from(users).where(inArray(users.id, userIds)) : [];
  return input.map((a) => {
    const found = a.assigneeType === 'ufficio' ? officeRows.find((o) => o.id === a.assigneeId && o.active) : userRows.find((u) => u.id === a.assigneeId && u.active);
    if (!found) throw new AppError('VALIDATION', `Assegnatario inesistente o non attivo (${a.assigneeType === 'ufficio' ? 'ufficio' : 'utente'}).`);
    return { ...a, assigneeName: 'fullName' in found ? found.fullName : found.name, state: 'assegnato' };
  });
}

/** Art. 53: the fingerprint recorded must be of a document the register really holds. */
async function checkDocuments(tx: Db, input: RegisterInput): Promise<DocumentRef[]> {
  const docs: DocumentRef[] = [
    ...(input.primaryDocument ? [{ ...input.primaryDocument, role: 'primario' as const }] : []),
    ...input.attachments.map((d) => ({ ...d, role: 'allegato' as const })),
  ];
  if (docs.length === 0) return docs;
  const present = await tx.select({ sha256: blobs.sha256, size: blobs.size }).from(blobs).where(inArray(blobs.sha256, docs.map((d) => d.sha256)));
  for (const d of docs) {
    const blob = present.find((b) => b.sha256 === d.sha256);
    if (!blob) throw new AppError('VALIDATION', `Il documento «${d.fileName}» non è stato caricato sul server del registro: caricalo e riprova.`);
    if (Number(blob.size) !== d.size) throw new AppError('VALIDATION', `La dimensione dichiarata di «${d.fileName}» non corrisponde al file caricato.`);
  }
  return docs;
}

/**
 * Registers an entry. Number and date are the server's (DPR 445/2000 art. 53), the number is the
 * next of the AOO's register for the Rome year and is taken from the counter row in the same
 * transaction that inserts the entry, so a rollback never leaves a gap (art. 57).
 */
export async function registerEntry(ctx: ProtocolCtx, input: RegisterInput & { id: string }): Promise<RegisterResult> {
  const { tx, now, user } = ctx;
  const org = await requireOrganisation(tx);
  // A reused entry id hits the primary key in the final statement: mapped to CONFLICT.
  await checkClassification(tx, input.classificationCode);
  const documents = await checkDocuments(tx, input);
  const assignments = await resolveAssignments(tx, input.assignments);
  const correspondents = await resolveCorrespondents(ctx, input);

  // Art. 57: the number is assigned by the insert trigger on protocol_entries
  // (drizzle/server/0003), and the insert itself runs in the transaction's final statement
  // together with the change log and the stored result (db/change-set.ts, NumberedInsert): the
  // counter row lock is held only for that statement and the commit.
  const year = romeYear(now);
  const draft: EntryRow = {
    id: input.id,
    aooCode: org.aooCode,
    registerCode: org.registerCode,
    year,
    number: 0,
    registeredAt: now,
    direction: input.direction,
    oggetto: input.oggetto,
    correspondents,
    means: input.means,
    receivedDocDate: input.receivedDocDate,
    receivedDocNumber: input.receivedDocNumber,
    classificationCode: input.classificationCode,
    assignments,
    documents,
    paperAttachments: input.paperAttachments,
    riservato: input.riservato,
    notes: input.notes,
    status: 'registrato',
    annulment: null,
    registeredBy: user.id,
    registeredByName: user.fullName,
    version: 1,
  };
  const entry = toProtocolEntry(draft);
  const prefix = segnatura({ ipaCode: org.ipaCode, aooCode: org.aooCode, registerCode: org.registerCode, year, number: 1 }).slice(0, -7);
  const result: RegisterResult = { entry, segnatura: '' };
  ctx.changes.numbered = {
    insert: tx.insert(protocolEntries).values(draft).returning({ number: protocolEntries.number, registeredAt: protocolEntries.registeredAt }).getSQL(),
    itemIndex: ctx.changes.add('protocol_entries', entry.id, entry, entry.version),
    result: { number: ['entry', 'number'], registeredAt: ['entry', 'registeredAt'], segnatura: { path: ['segnatura'], prefix } },
    onAssigned(number, registeredAt) {
      entry.number = number;
      entry.registeredAt = registeredAt;
      result.segnatura = `${prefix}${formatNumber(number)}`;
    },
  };
  return result;
}
