import { eq } from 'drizzle-orm';
import type { CaseCounts, CaseDto, CaseListItem, Correspondent, SessionUser } from '../../../../shared/contract';
import { romeDate } from '../../../../shared/domain/time';
import type { DeskDeps } from '../../deps';
import { contacts } from '../../db/schema';
import { contactFromRow } from '../../db/rows';
import { findEntry } from '../protocol/repository';
import { toListItem, type ListContext } from './list-item';
import { dueSoonLimit, listCounts, listPage, mineScope, type CaseListInput } from './list-query';
import { caseSettings, caseTypes, casesWithEntry, getCase } from './repository';

/** Reads behind My desk, the entry's detail and the reply form. */

/** What the list reads need: the local database and the clock (the bench passes just these). */
export type ReadDeps = Pick<DeskDeps, 'db' | 'clock'>;

function listContext(d: ReadDeps): ListContext & { soon: string } {
  const today = romeDate(d.clock());
  const settings = caseSettings(d.db);
  return { today, soon: dueSoonLimit(today, settings.dueSoonDays), types: caseTypes(d.db), settings };
}

/** My desk and the case list: one sorted page, the total under the filters, the view's counts. */
export function listCases(d: ReadDeps, input: CaseListInput, user: SessionUser): { items: CaseListItem[]; total: number; counts: CaseCounts } {
  const lc = listContext(d);
  const scope = input.view === 'mine' ? mineScope(d.db, user) : null;
  const page = listPage(d.db, input, scope, lc, lc.types);
  return { items: page.cases.map((c) => toListItem(c, lc)), total: page.total, counts: listCounts(d.db, input.view, scope, lc) };
}

/** Start-up reminders: what is overdue or due soon for me and my office. */
export function reminders(d: ReadDeps, user: SessionUser): CaseCounts {
  return listCounts(d.db, 'mine', mineScope(d.db, user), listContext(d));
}

export function casesForEntry(d: ReadDeps, entryId: string): CaseListItem[] {
  const lc = listContext(d);
  return casesWithEntry(d.db, entryId).map((c) => toListItem(c, lc));
}

/** The entry that brought the request in (role 'richiesta'), if it is on this desk. */
function requestEntry(d: DeskDeps, c: CaseDto) {
  const link = c.links.find((l) => l.role === 'richiesta');
  return link ? findEntry(d.db, link.entryId) : null;
}

/**
 * The reply's recipient: the requester as the request entry recorded him (PEC and address
 * included), else his address-book card, else just his name.
 */
function recipientOf(d: DeskDeps, c: CaseDto, fromEntry: Correspondent[] | null): Correspondent[] {
  const r = c.requester;
  if (!r) return fromEntry?.slice(0, 1) ?? [];
  const recorded = fromEntry?.find((x) => (r.contactId !== null && x.contactId === r.contactId) || x.name === r.name);
  if (recorded) return [recorded];
  const row = r.contactId ? d.db.select().from(contacts).where(eq(contacts.id, r.contactId)).get() : undefined;
  if (row) {
    const k = contactFromRow(row);
    return [{ contactId: k.id, name: k.name, kind: k.kind, pec: k.pec ?? null, email: k.email ?? null, ipaCode: k.ipaCode ?? null, address: k.address ?? null }];
  }
  return [{ contactId: r.contactId, name: r.name, kind: 'persona', pec: null, email: null, ipaCode: null, address: null }];
}

/** What the Registra form needs to draft the reply: outgoing, to the requester, same classification. */
export function replyDraft(d: DeskDeps, caseId: string): { direction: 'uscita'; oggetto: string; correspondents: Correspondent[]; classificationCode: string | null } {
  const c = getCase(d.db, caseId);
  const request = requestEntry(d, c);
  const link = c.links.find((l) => l.role === 'richiesta');
  const ref = link ? ` (prot. ${link.label})` : '';
  const oggetto = `Riscontro${ref}: ${c.title}`.slice(0, 1000);
  return { direction: 'uscita', oggetto, correspondents: recipientOf(d, c, request?.correspondents ?? null), classificationCode: request?.classificationCode ?? null };
}
