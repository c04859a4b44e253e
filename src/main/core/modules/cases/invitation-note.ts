import type { CaseDto, InvitationDto } from '../../../../shared/contract';
import { caseStates, isOpenState } from '../../../../shared/domain/cases';
import { italianDate } from '../../../../shared/domain/time';
import { parseDocs } from '../../db/doc-tables';
import type { Db } from '../../db/open';
import { findStoredCase, publicCase, type StoredCase } from './repository';

/**
 * Invitations meet cases (issues 4 and 5): the Mayor's decision on an invitation must be
 * recorded and visible in the case that follows it too, as a line of its timeline. The case is
 * the invitation's own (`caseId`), else the open case of type «Invito al Sindaco» that gathers
 * the invitation's registered letter.
 */

const openList = caseStates.filter(isOpenState).map((s) => `'${s}'`).join(', ');

/** The open 'invito' case gathering a protocol entry (the newest, should there be more). */
export function openInvitationCaseOf(db: Db, entryId: string): CaseDto | null {
  const row = db.$client
    .prepare(
      `SELECT c.data FROM case_entry_links l JOIN cases c ON c.id = l.case_id
       WHERE l.entry_id = ? AND c.type_code = 'invito' AND c.state IN (${openList})
       ORDER BY c.received_on DESC, c.id DESC LIMIT 1`,
    )
    .get(entryId) as { data: string } | undefined;
  return row ? publicCase(parseDocs<StoredCase>([row])[0]!) : null;
}

/** The case an invitation's decision is noted in, if it is on this desk. */
export function caseOfInvitation(db: Db, inv: Pick<InvitationDto, 'caseId' | 'entryId'>): CaseDto | null {
  if (inv.caseId) {
    const own = findStoredCase(db, inv.caseId);
    if (own) return publicCase(own);
  }
  return inv.entryId ? openInvitationCaseOf(db, inv.entryId) : null;
}

/** "12/12/2026 alle 19:00" from a Rome wall time. */
function when(local: string): string {
  return `${italianDate(local.slice(0, 10))} alle ${local.slice(11, 16)}`;
}

/** The timeline line of a decided invitation: "Invito accettato: …", "Invito delegato a …". */
export function invitationDecisionNote(inv: InvitationDto): string | null {
  const d = inv.decision;
  if (!d) return null;
  const event = `«${inv.title}» del ${when(inv.eventStart)}`;
  const head =
    inv.state === 'accettato'
      ? `Invito accettato: ${event}, in agenda del Sindaco`
      : inv.state === 'delegato'
        ? `Invito delegato a ${d.delegateToName ?? '—'} in rappresentanza del Sindaco: ${event}`
        : inv.state === 'declinato'
          ? `Invito declinato: ${event}`
          : null;
  if (!head) return null;
  return `${head}${d.note ? ` — ${d.note}` : ''}`.slice(0, 4000);
}
